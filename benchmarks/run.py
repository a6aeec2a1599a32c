"""Speed benchmark: the figures of docs/performance.md, in one command.

    python benchmarks/run.py [--articles 10000] [--profile-articles 1000]
                             [--proselint-articles 500] [--repeat 10] [--corpus DIR]

On the seeded corpus of benchmarks/make_corpus.py (generated into a temporary folder
unless ``--corpus`` names one made earlier) it prints: articles/second and MB/s on
one core in-process with the default rules (rules and data loaded before the clock
starts, as in a long run; stories linted in batches, as a folder run lints them); the ten slowest rules (ms per article, each rule timed
alone on parsed documents); the one-file ``copylint check`` wall time (median); the
import time of the CLI (``python -X importtime``); the wall time of ``copylint
check`` over the whole folder with one and two workers, the speed-up, and the peak
RSS of each (its largest process); and proselint over the same articles, with the ratio.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_corpus  # noqa: E402

ONE_FILE = ROOT / "examples" / "dirty-story.txt"


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{platform.machine()}, {os.cpu_count()} cores ({model}), Python "
            f"{platform.python_version()}, {platform.system()}; load average at start {load}")


def default_linter():
    from copylint.config import Config
    from copylint.engine import Linter

    return Linter(Config(root=ROOT))


def throughput(articles) -> tuple[float, float]:
    """Articles/s and MB/s on one core (CPU time of this process), linted as a
    folder run lints them: in batches (Linter.lint_texts)."""
    linter = default_linter()
    for path in make_corpus.sources():  # warm-up: lazy data and automata load once
        linter.lint_text(path.read_text(encoding="utf-8"), str(path))
    size = sum(len(text.encode("utf-8")) for _, text in articles)
    started = time.process_time()
    for _ in linter.lint_texts((text, name, None) for name, text in articles):
        pass
    elapsed = time.process_time() - started
    return len(articles) / elapsed, size / elapsed / 1e6


def rule_profile(articles) -> tuple[float, float, list[tuple[float, str]]]:
    """(ms/article to parse a document, ms/article of the whole lint, [(ms/article, rule)])."""
    from copylint.readers import read_document

    linter = default_linter()
    started = time.process_time()
    documents = [read_document(text, name) for name, text in articles]
    parse = (time.process_time() - started) * 1000 / len(articles)
    per_rule = []
    for active in linter.active:
        check = active.rule.check
        list(check(documents[0], active.options))  # lazy loading outside the clock
        started = time.process_time()
        for document in documents:
            for _ in check(document, active.options):
                pass
        per_rule.append(((time.process_time() - started) * 1000 / len(documents), active.rule.id))
    started = time.process_time()
    for _ in linter.lint_texts((text, name, None) for name, text in articles):
        pass
    whole = (time.process_time() - started) * 1000 / len(articles)
    return parse, whole, sorted(per_rule, reverse=True)


def cli_wall(repeat: int, *extra: str) -> float:
    """Median wall time of a one-file check (the per-user pack and data caches warm)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "copylint", "check", str(ONE_FILE), *extra],
                       capture_output=True, cwd=ROOT, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def import_time() -> float:
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", "import copylint.cli"],
                            capture_output=True, text=True, check=True)
    total = 0
    for line in result.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[2].strip() == "copylint.cli":
            total = int(parts[1])
    return total / 1000


def folder_command(folder: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "copylint", "check", str(folder), "--jobs", str(jobs),
            "--format", "json", "--output", os.devnull, "--no-cache"]


def folder_wall(folder: Path, jobs: int) -> float:
    started = time.perf_counter()
    subprocess.run(folder_command(folder, jobs), capture_output=True, cwd=ROOT, check=False)
    return time.perf_counter() - started


# Started from a small interpreter, not from this one: on Linux a child's peak RSS
# includes the image it was forked from until its exec, which here holds the whole
# corpus and every warmed rule (tens of MB that are not copylint's).
_PEAK_RSS = ("import resource, subprocess, sys; "
             "subprocess.run(sys.argv[1:], capture_output=True, check=False); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def folder_peak_rss(folder: Path, jobs: int) -> float:
    """Peak RSS in MB of a folder run (the largest of its processes)."""
    result = subprocess.run([sys.executable, "-c", _PEAK_RSS, *folder_command(folder, jobs)],
                            capture_output=True, text=True, cwd=ROOT, check=True)
    return int(result.stdout) / 1024


def proselint_rate(articles) -> float | None:
    try:
        from proselint.checks import __register__
        from proselint.config import DEFAULT
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    CheckRegistry().register_many(__register__)
    config = dict(DEFAULT, max_errors=10**9)  # count every finding, as copylint does
    LintFile(articles[0][0], articles[0][1]).lint(config)  # warm-up: compiled patterns
    started = time.process_time()
    for name, text in articles:
        LintFile(name, text).lint(config)
    return len(articles) / (time.process_time() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="corpus size (default 10,000)")
    parser.add_argument("--profile-articles", type=int, default=1000)
    parser.add_argument("--proselint-articles", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=10, help="one-file CLI runs (median)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", type=Path, help="folder to write the corpus to (default: temporary)")
    args = parser.parse_args()

    print(f"machine: {machine()}")
    articles = make_corpus.generate(args.articles, args.seed)
    with tempfile.TemporaryDirectory(prefix="copylint-bench-") as temporary:
        folder = args.corpus or Path(temporary)
        digest = make_corpus.write(articles, folder)
        size = sum(len(text.encode("utf-8")) for _, text in articles)
        print(f"corpus: {len(articles)} articles, {size / 1e6:.1f} MB, seed {args.seed}, "
              f"sha256 {digest[:16]}")

        per_second, mb_per_second = throughput(articles)
        print(f"throughput, one core, in-process: {per_second:,.0f} articles/s, {mb_per_second:.2f} MB/s")
        parse, whole, per_rule = rule_profile(articles[: args.profile_articles])
        print(f"profile ({min(args.profile_articles, len(articles))} articles): "
              f"{whole:.2f} ms/article in all, of which parsing the document {parse:.2f} ms "
              f"and the rules {sum(t for t, _ in per_rule):.2f} ms ({len(per_rule)} rules)")
        for ms, rule in per_rule[:10]:
            print(f"  {ms:7.3f} ms/article  {rule}")
        by_category: dict[str, list[float]] = {}
        for ms, rule in per_rule:
            by_category.setdefault(rule.split("/", 1)[0], []).append(ms)
        print("  by category: " + ", ".join(
            f"{cat} {sum(times):.2f} ms ({len(times)} rules)"
            for cat, times in sorted(by_category.items(), key=lambda kv: -sum(kv[1]))))

        print(f"one-file `copylint check` wall time (median of {args.repeat}): "
              f"{cli_wall(args.repeat, '--no-cache') * 1000:.0f} ms linting the file, "
              f"{cli_wall(args.repeat) * 1000:.0f} ms when the content cache has it (a pre-commit re-run)")
        print(f"import copylint.cli (cumulative, -X importtime): {import_time():.1f} ms")

        one = folder_wall(folder, 1)
        two = folder_wall(folder, 2)
        print(f"folder of {len(articles)}: --jobs 1 {one:.1f} s ({len(articles) / one:,.0f} articles/s), "
              f"--jobs 2 {two:.1f} s ({len(articles) / two:,.0f} articles/s): speed-up {one / two:.2f}x")
        print(f"peak RSS of the folder run: --jobs 1 {folder_peak_rss(folder, 1):.0f} MB, "
              f"--jobs 2 {folder_peak_rss(folder, 2):.0f} MB (its largest process)")

    sample = articles[: args.proselint_articles]
    rate = proselint_rate(sample)
    if rate is None:
        print("proselint: not installed (pip install 'copylint[bench]')")
    else:
        from importlib.metadata import version

        print(f"proselint {version('proselint')}, same articles ({len(sample)}), one core: "
              f"{rate:,.0f} articles/s; copylint is {per_second / rate:.1f}x proselint")


if __name__ == "__main__":
    main()
