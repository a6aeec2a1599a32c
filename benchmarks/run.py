"""Speed benchmark: articles/second on one core, one-file CLI wall time, import time.

    python benchmarks/run.py [--articles 2000] [--repeat 10]

Articles are the bundled examples and the dev corpus (tests/corpus), cycled to the
requested count; throughput is measured in-process on one core with the default
rules (data packs are loaded before the clock starts, as in a long run). Results
go in docs/performance.md with the machine they came from.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def stories() -> list[tuple[str, str]]:
    paths = sorted((ROOT / "examples").glob("*.txt")) + sorted((ROOT / "tests" / "corpus").rglob("*.txt"))
    return [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8")) for p in paths]


def throughput(count: int) -> tuple[float, float, int]:
    from copylint.engine import Linter

    linter = Linter.from_config({})
    corpus = stories()
    for name, text in corpus:  # warm-up: lazy data and automata load once
        linter.lint_text(text, name)
    batch = [corpus[i % len(corpus)] for i in range(count)]
    size = sum(len(text.encode("utf-8")) for _, text in batch)
    started = time.process_time()
    for name, text in batch:
        linter.lint_text(text, name)
    elapsed = time.process_time() - started
    return count / elapsed, size / elapsed / 1e6, len(corpus)


def cli_wall(repeat: int) -> float:
    target = ROOT / "examples" / "dirty-story.txt"
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "copylint", "check", str(target)],
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    per_second, mb_per_second, distinct = throughput(args.articles)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"articles: {args.articles} ({distinct} distinct stories cycled)")
    print(f"throughput, one core: {per_second:,.0f} articles/s, {mb_per_second:.2f} MB/s")
    print(f"peak RSS (in-process run): {peak_mb:.0f} MB")
    print(f"one-file `copylint check` wall time (median of {args.repeat}): {cli_wall(args.repeat) * 1000:.0f} ms")
    print(f"import copylint.cli (cumulative, -X importtime): {import_time():.1f} ms")


if __name__ == "__main__":
    main()
