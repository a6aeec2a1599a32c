"""Running many files: parallel workers give the same findings; the content cache
skips unchanged files and is invalidated by content, path and config."""

from __future__ import annotations

from pathlib import Path

from copylint.cache import ContentCache, rules_fingerprint
from copylint.config import config_from_mapping
from copylint.engine import Linter
from copylint.runner import LazyLinter, lint_targets

STORY = "Markets slide as oil jumps\n\nLONDON (Reuters) - Shares fell on Monday.  Oil rose.\n\nSee also: Oil jumps\n"


def make_files(tmp_path: Path, count: int) -> list[Path]:
    paths = []
    for i in range(count):
        path = tmp_path / f"story{i:02d}.txt"
        path.write_text(STORY.replace("Monday", f"Monday {i}") if i % 2 else STORY)
        paths.append(path)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9")
    return paths + [bad]


def test_parallel_equals_serial(tmp_path):
    linter = LazyLinter(config_from_mapping({}, "<t>", tmp_path))
    targets = make_files(tmp_path, 24)
    serial = lint_targets(linter, targets, jobs=1, progress=False)
    parallel = lint_targets(linter, targets, jobs=2, progress=False)
    assert serial.findings and serial.findings == parallel.findings
    assert serial.files == parallel.files and len(serial.files) == 24
    assert serial.errors == parallel.errors and "not valid UTF-8" in serial.errors[0]


class CountingLinter(Linter):
    """Counts the stories it lints (a run lints them in batches: lint_texts)."""

    calls = 0

    def lint_texts(self, sources):
        sources = list(sources)
        CountingLinter.calls += len(sources)
        return super().lint_texts(sources)


class LazyCountingLinter(LazyLinter):
    def get(self):
        if self._linter is None:
            self._linter = CountingLinter(self.config)
        return self._linter


def run_cached(tmp_path, targets, settings=None):
    config = config_from_mapping(settings or {}, "<t>", tmp_path)
    linter = LazyCountingLinter(config)
    cache = ContentCache(rules_fingerprint(config), tmp_path / "content")
    CountingLinter.calls = 0
    result = lint_targets(linter, targets, jobs=1, cache=cache, progress=False)
    return result, CountingLinter.calls, linter.built


def test_content_cache_hits_and_invalidation(tmp_path):
    targets = make_files(tmp_path, 3)[:3]
    first, calls, _ = run_cached(tmp_path, targets)
    assert calls == 3 and first.findings
    again, calls, built = run_cached(tmp_path, targets)
    assert calls == 0 and again.findings == first.findings
    assert not built  # a run answered from the cache never imports the rules
    targets[0].write_text(STORY + "\nA new closing paragraph.\n")
    _, calls, _ = run_cached(tmp_path, targets)
    assert calls == 1
    _, calls, _ = run_cached(tmp_path, targets, {"ignore": ["typography"]})
    assert calls == 3


def test_unwritable_cache_still_lints(tmp_path):
    targets = make_files(tmp_path, 2)[:2]
    (tmp_path / "content").write_text("not a folder")
    result, calls, _ = run_cached(tmp_path, targets)
    assert calls == 2 and result.findings


def test_parallel_report_equals_serial(tmp_path, monkeypatch, capsys):
    """The workers of a parallel run format their own files (json, text); the report,
    its summary and statistics are the same as one process writes."""
    from copylint.cli import main

    make_files(tmp_path, 24)
    monkeypatch.chdir(tmp_path)
    for fmt, extra in (("json", []), ("text", []), ("text", ["--statistics"]), ("github", [])):
        reports = []
        for jobs in ("1", "2"):
            assert main(["check", ".", "--isolated", "--no-cache", "--format", fmt, "--jobs", jobs,
                         *extra]) == 2
            reports.append(capsys.readouterr().out)
        assert reports[0] == reports[1] and "story01.txt" in reports[0]
