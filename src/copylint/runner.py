"""Linting many files: reading, the content cache, parallel workers and progress.

The CLI and ``copylint audit`` share this; a run is a list of targets (paths or
``"-"`` for stdin) in, findings and one-line errors out.
"""

from __future__ import annotations

import os
import sys
import time
from itertools import chain, islice
from pathlib import Path
from typing import NamedTuple

from .finding import Finding, Severity
from .source import InputError, decode, read_bytes, read_stdin_bytes

# Below this many files a pool costs more than it saves.
MIN_FILES_PER_WORKER = 4
# Files read before those the content cache cannot answer are linted together
# (as many as the engine lints at once: engine.BATCH_SIZE).
READ_AHEAD = 64


class RunResult:
    """What a run gives back (a plain class: a dataclass costs a one-file run its import)."""

    def __init__(self) -> None:
        self.files: list[str] = []
        self.findings: list = []
        self.errors: list[str] = []
        self.sources: dict[str, str] = {}
        self.bodies: list[bytes] | None = None  # see lint_targets' ``body``


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


class _Read(NamedTuple):
    """One target read: its text, or the content cache's findings, or its error."""

    name: str
    text: str | None  # None when the cache answered and the source is not kept
    findings: list | None  # None until linted
    error: str | None
    key: str | None  # its content-cache key


def _read(linter: LazyLinter, target, name: str, input_format, cache, keep_source: bool) -> _Read:
    try:
        max_size = linter.config.max_file_size
        data = read_stdin_bytes(name, max_size) if target == "-" else read_bytes(target, max_size)
        key = cache.key(name, data, input_format) if cache is not None else None
        cached = cache.get(key) if key is not None else None
        text = decode(data, name) if cached is None or keep_source else None
        return _Read(name, text, cached, None, key)
    except InputError as exc:
        return _Read(name, None, [], str(exc), None)


def _lint_many(linter: LazyLinter, targets, input_format, cache, keep_source: bool):
    """(name, findings, error, source text or None) for each (target, name), in order.

    Why read ahead: the files the content cache cannot answer are then linted
    together (see Linter.lint_texts), READ_AHEAD at a time."""
    reads = (_read(linter, target, name, input_format, cache, keep_source) for target, name in targets)
    while chunk := list(islice(reads, READ_AHEAD)):
        todo = [read for read in chunk if read.findings is None]
        linted = linter.get().lint_texts([(read.text, read.name, input_format) for read in todo]) if todo else None
        for read in chunk:
            findings, error = read.findings, read.error
            if findings is None:
                findings, failure = next(linted)
                if failure is not None:
                    error = str(failure)
                elif read.key is not None:
                    cache.put(read.key, findings)
            yield read.name, findings, error, read.text if keep_source else None


def _work_batch(names: list[str]) -> list:
    """_lint_many in a worker; with a ``body`` formatter, the findings come back
    formatted (in UTF-8: a message, and the parent's copy until it writes the
    report, half the size of text holding a curly quote), and packed for Tally
    records (see _packed)."""
    state = _WORKER_STATE
    body = state["body"]
    done = []
    for name, findings, error, text in _lint_many(state["linter"], [(Path(name), name) for name in names],
                                                  state["input_format"], state["cache"], state["keep_source"]):
        if body is None or not findings:
            done.append((name, findings, error, text, None))
        else:
            done.append((name, _packed(findings), error, text, body(findings).encode()))
    return done


def _packed(findings) -> tuple:
    """A file's Tally records as its path, its findings' rule ids and a byte per
    severity. Why: pickling a NamedTuple holding an enum runs Python code per
    finding on both sides, most of a worker's message and of the parent's
    reading of it."""
    return findings[0].path, tuple([f.rule for f in findings]), bytes([f.severity for f in findings])


_SEVERITIES = {int(severity): severity for severity in Severity}


def _unpacked(packed) -> list[Tally]:
    path, rules, severities = packed
    return [Tally(path, rule, _SEVERITIES[value]) for rule, value in zip(rules, severities)]


def _batches(names: list[str], jobs: int) -> list[list[str]]:
    """The files in batches for the workers, ever smaller towards the end (a
    batch is a sixth of what is left for each worker, 1 to 64 files). Why: one
    message per batch, not per file, yet no worker is left with a large batch
    while the others are done."""
    batches = []
    start = 0
    while start < len(names):
        size = max(1, min(64, (len(names) - start) // (jobs * 6)))
        batches.append(names[start:start + size])
        start += size
    return batches


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
        outcomes = ((*outcome, None) for outcome in _lint_many(linter, names, input_format, cache, keep_sources))
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
        # The parent lints the first file: what the rules build on first use (20 MB
        # of automata and patterns) is then built once and shared by the workers'
        # forked memory, not built again in each (3% of their CPU on 2,000 files).
        first = _work_batch([names[0][1]])[0]
        context = multiprocessing.get_context("fork")
        batches = _batches([name for _, name in names[1:]], jobs)
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            outcomes = chain([first], chain.from_iterable(pool.map(_work_batch, batches)))
            _collect(result, outcomes, meter, formatted=body is not None)
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
    bodies: dict[str, bytes] = {}
    for done, (name, findings, error, text, body) in enumerate(outcomes, 1):
        if error is not None:
            result.errors.append(error)
        else:
            result.files.append(name)
            if body is not None:
                findings = _unpacked(findings)
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
