"""One-file `copylint check` with LanguageTool and a warm cache vs without LanguageTool.

    python benchmarks/languagetool.py [--repeat 15]

Starts the LanguageTool stand-in server of the tests (tests/lt_server.py) on
127.0.0.1, lints examples/dirty-story.txt once to fill the cache, then times
`--repeat` runs of each variant (median wall time). Issue 5's target: with a warm
cache a pre-commit run costs no more than without LanguageTool.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def wall(args: list[str], env: dict, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "copylint", "check", *args], cwd=ROOT, env=env,
                       capture_output=True, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    from lt_server import FakeLanguageTool

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    story = str(ROOT / "examples" / "dirty-story.txt")
    with tempfile.TemporaryDirectory() as cache, FakeLanguageTool() as server:
        env = dict(os.environ, COPYLINT_CACHE_DIR=cache, XDG_CACHE_HOME=cache)
        lt = ["--languagetool", server.url]
        wall([story, "--no-cache", *lt], env, 1)  # fills the LanguageTool cache
        sent_before = len(server.texts)
        rows = []
        for label, extra in (("a pre-commit re-run (content cache on)", []),
                             ("the file linted again (content cache off)", ["--no-cache"])):
            wall([story, *extra, *lt], env, 1)
            wall([story, *extra], env, 1)
            warm = wall([story, *extra, *lt], env, args.repeat)
            plain = wall([story, *extra], env, args.repeat)
            rows.append((label, plain, warm))
        assert len(server.texts) == sent_before, "a warm run sent text to the server"
    print(f"one-file check, median of {args.repeat}; LanguageTool's cache warm, no request sent:")
    for label, plain, warm in rows:
        print(f"  {label}: without LanguageTool {plain * 1000:4.0f} ms, with {warm * 1000:4.0f} ms "
              f"(ratio {warm / plain:.2f})")


if __name__ == "__main__":
    main()
