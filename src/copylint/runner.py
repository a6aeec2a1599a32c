"""Linting many files: reading, the content cache, parallel workers and progress.

The CLI and ``copylint audit`` share this; a run is a list of targets (paths or
``"-"`` for stdin) in, findings and one-line errors out.
"""

from __future__ import annotations

import os
import sys
import time
from typing import NamedTuple

from .finding import Finding, Severity
from .source import InputError, decode, read_bytes, read_stdin_bytes

# Below this many files a pool costs more than it saves.
MIN_FILES_PER_WORKER = 4


class RunResult:
    """What a run gives back (a plain class: a dataclass costs a one-file run its import)."""

    def __init__(self) -> None:
        self.files: list[str] = []
        self.findings: list = []
        self.errors: list[str] = []
        self.sources: dict[str, str] = {}
        self.bodies: list[str] | None = None  # see lint_targets' ``body``


class Tally(NamedTuple):
    """What the parent keeps of a finding a worker has already formatted: what the
    summary, the statistics and the exit code read (not a whole Finding beside its
    report text)."""

    path: str
    rule: str
    severity: Severity


class LazyLinter:
    """The Linter, built only when a file really needs linting.

    Why: building it (importing every rule, loading packs) is most of a small
    run's time; a pre-commit re-run answered from the content cache never needs it.
    """

    def __init__(self, config):
        self.config = config
        self._linter = None

    @property
    def built(self) -> bool:
        return self._linter is not None

    def get(self):
        if self._linter is None:
            from .engine import Linter

            self._linter = Linter(self.config)
        return self._linter


_WORKER_STATE: dict = {}


def _lint_one(linter: LazyLinter, target, name: str, input_format, cache, keep_source: bool):
    """(name, findings, error, source text or None) for one target."""
    try:
        max_size = linter.config.max_file_size
        data = read_stdin_bytes(name, max_size) if target == "-" else read_bytes(target, max_size)
        key = cache.key(name, data, input_format) if cache is not None else None
        cached = cache.get(key) if key is not None else None
        text = decode(data, name) if cached is None or keep_source else None
        if cached is None:
            cached = linter.get().lint_text(text, name, input_format=input_format)
            if key is not None:
                cache.put(key, cached)
        return name, cached, None, text if keep_source else None
    except InputError as exc:
        return name, [], str(exc), None


def _worker(args):
    """_lint_one in a worker; with a ``body`` formatter, the findings come back
    formatted, and as Tally records."""
    target, name = args
    state = _WORKER_STATE
    name, findings, error, text = _lint_one(state["linter"], target, name, state["input_format"],
                                            state["cache"], state["keep_source"])
    body = state["body"]
    if body is None or not findings:
        return name, findings, error, text, None
    tallies = [Tally(f.path, f.rule, f.severity) for f in findings]
    return name, tallies, error, text, body(findings)


class Progress:
    """A one-line counter on stderr, only on a terminal and only for long runs."""

    def __init__(self, total: int, enabled: bool):
        self.total = total
        self.enabled = enabled and total > 1 and sys.stderr.isatty()
        self.started = time.monotonic()
        self.shown = False

    def update(self, done: int) -> None:
        if not self.enabled or time.monotonic() - self.started < 0.5:
            return
        width = 30
        filled = int(width * done / self.total)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} files")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r" + " " * 60 + "\r")
            sys.stderr.flush()


def lint_targets(linter: LazyLinter, targets, *, stdin_name: str = "<stdin>", input_format=None,
                 jobs: int | None = None, cache=None, keep_sources: bool = False,
                 progress: bool = True, body=None) -> RunResult:
    """Lint ``targets``. With ``body`` (formatters.body_formatter), the workers of a
    parallel run also format their files' findings (``result.bodies``, in report
    order) and send back Tally records for the findings: the parent, whose work is
    serial, then only writes the pieces. One process formats nothing in advance."""
    names = [(t, stdin_name if t == "-" else str(t)) for t in targets]
    jobs = jobs or os.cpu_count() or 1
    jobs = min(jobs, max(1, len(names) // MIN_FILES_PER_WORKER))
    result = RunResult()
    meter = Progress(len(names), progress)
    if jobs <= 1 or "-" in targets:
        outcomes = ((*_lint_one(linter, t, n, input_format, cache, keep_sources), None)
                    for t, n in names)
        _collect(result, outcomes, meter, formatted=False)
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # Workers are forked with the ready linter: no registry rebuilt per worker.
        linter.get()
        if len({name for _, name in names}) < len(names):
            body = None  # a file named twice: its findings are merged, then formatted
        _WORKER_STATE.update(linter=linter, input_format=input_format, cache=cache,
                             keep_source=keep_sources, body=body)
        context = multiprocessing.get_context("fork")
        chunk = max(1, min(64, len(names) // (jobs * 8)))
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            _collect(result, pool.map(_worker, names, chunksize=chunk), meter,
                     formatted=body is not None)
        _WORKER_STATE.clear()
    meter.close()
    return result


def _collect(result: RunResult, outcomes, meter: Progress, formatted: bool) -> None:
    """Fill ``result``, its findings in report order (``formatted``: and the
    workers' report pieces, as ``result.bodies``).

    Why per file: a file's findings come sorted and all carry its name first in
    their sort key, so ordering the files by name orders the findings; a large
    run then never computes a key for each of its (hundreds of thousands of)
    findings.
    """
    by_file: dict[str, list] = {}
    bodies: dict[str, str] = {}
    for done, (name, findings, error, text, body) in enumerate(outcomes, 1):
        if error is not None:
            result.errors.append(error)
        else:
            result.files.append(name)
            if name in by_file:  # stdin named twice: merge the two sorted lists
                findings = sorted(by_file[name] + findings, key=Finding.sort_key)
            by_file[name] = findings
            if body is not None:
                bodies[name] = body
            if text is not None:
                result.sources[name] = text
        meter.update(done)
    order = sorted(by_file)
    for name in order:
        result.findings.extend(by_file[name])
    if formatted:
        result.bodies = [bodies[name] for name in order if name in bodies]
