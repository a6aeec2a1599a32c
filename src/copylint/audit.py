"""``copylint audit SOURCE``: lint an archive of stories on Dask, locally or on a cluster.

SOURCE is a folder (its files chosen as ``copylint check`` chooses them), a JSONL
file (one story per line: ``{"id": ..., "path": ..., "text": ..., "format": ...}``,
``text`` and one of ``id``/``path`` required) or a Parquet file with the same
columns. Stories are split into ``dask.bag`` partitions; each worker process builds
one :class:`~copylint.engine.Linter` for the run's configuration and lints its
partitions, returning only findings and small summaries, so the client never holds
the stories. By default a ``distributed.LocalCluster`` with one single-threaded
process per core runs the audit (linting is CPU-bound Python: threads would share
one core); ``--scheduler tcp://host:8786`` sends it to a running cluster instead.

Findings stream, in story order, to ``--output`` (``.parquet`` or ``.jsonl``: the
finding's fields plus ``story``); the summary (per rule, per category, the worst
stories by severity-weighted findings) goes to stdout. Exit codes as ``check``: 1
when a finding reaches ``--fail-on``, 2 on bad input (one line per problem on
stderr; every other story is still audited) or when the cluster cannot be used.

Dask and pyarrow are the optional ``audit`` extra, imported only here.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import math
import os
import pickle
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
# How much a finding weighs when ranking the worst stories.
WEIGHTS = {"info": 1, "warning": 3, "error": 9}
STORY_FIELDS = ("id", "path", "text", "format")
FINDING_COLUMNS = ("story", "path", "line", "column", "end_line", "end_column", "rule",
                   "severity", "message", "suggestion", "context")
# Upper bound on a JSONL partition: about 10,000 typical stories.
MAX_BLOCK_BYTES = 32 * 1024 * 1024
# Partitions per worker: enough to balance uneven stories, few enough to keep overhead low.
PARTITIONS_PER_WORKER = 4


class AuditError(Exception):
    """Bad input or an unusable cluster; the message is the one line users see."""


# -- arguments ---------------------------------------------------------------

def add_arguments(parser) -> None:
    from .cli import positive_int
    from .readers import FORMATS as READER_FORMATS

    parser.add_argument("source", metavar="SOURCE",
                        help="a folder of stories, a .jsonl file or a .parquet file")
    parser.add_argument("--output", "-o", metavar="FILE",
                        help="write every finding to FILE (.parquet or .jsonl)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="Dask scheduler to use, e.g. tcp://host:8786 (default: a local cluster)")
    parser.add_argument("--jobs", "-j", type=positive_int, metavar="N",
                        help="worker processes of the local cluster (default: all cores)")
    parser.add_argument("--partitions", type=positive_int, metavar="N",
                        help=f"split the stories into about N partitions "
                             f"(default: {PARTITIONS_PER_WORKER} per worker)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="summary format")
    parser.add_argument("--top", type=positive_int, default=20, metavar="N",
                        help="how many of the worst stories to list (default: 20)")
    parser.add_argument("--fail-on", choices=("error", "warning", "info", "never"),
                        help="lowest severity that makes the exit code 1 (default: warning)")
    parser.add_argument("--select", metavar="RULES", help="comma-separated rule ids or categories to run")
    parser.add_argument("--ignore", metavar="RULES", help="comma-separated rule ids or categories to skip")
    parser.add_argument("--input-format", choices=READER_FORMATS,
                        help="force the input format of every story")
    parser.add_argument("--source-language", action="append", metavar="LANG",
                        help="source language of the translations, e.g. es (repeatable)")
    parser.add_argument("--config", metavar="FILE", help="config file (default: found upward from here)")
    parser.add_argument("--isolated", action="store_true", help="ignore every config file")


# -- work done on the workers ------------------------------------------------

@dataclass
class PartResult:
    """What one partition sends back: findings and small tallies, never the stories."""

    stories: int = 0
    units: int = 0  # input lines (JSONL) or rows (Parquet) read, to number errors
    size: int = 0
    findings: list[dict] = field(default_factory=list)
    errors: list[tuple[int | None, str]] = field(default_factory=list)  # (unit index, message)
    worst: list[tuple[int, int, str]] = field(default_factory=list)  # (score, findings, story)


_LINTERS: dict[str, object] = {}


def _linter(config_blob: bytes):
    """One Linter per worker process and configuration: building it loads every rule."""
    key = hashlib.sha256(config_blob).hexdigest()
    linter = _LINTERS.get(key)
    if linter is None:
        from .engine import Linter

        linter = _LINTERS[key] = Linter(pickle.loads(config_blob))
    return linter


class _Part:
    """One partition's linting: stories are linted in batches (Linter.lint_texts)."""

    def __init__(self, config_blob: bytes, input_format: str | None, top: int):
        from .engine import BATCH_SIZE

        self.batch_size = BATCH_SIZE
        self.linter = _linter(config_blob)
        self.input_format = input_format
        self.top = top
        self.result = PartResult()
        self.pending: list[tuple[str, str, str, str | None]] = []

    def lint(self, story: str, path: str, text: str, input_format: str | None) -> None:
        self.result.stories += 1
        self.result.size += len(text.encode("utf-8"))
        self.pending.append((story, path, text, input_format or self.input_format))
        if len(self.pending) >= self.batch_size:
            self.flush()

    def error(self, unit: int | None, message: str) -> None:
        self.flush()  # the errors stay in story order
        self.result.errors.append((unit, message))

    def flush(self) -> None:
        """Lint the pending stories; one that cannot be linted (malformed XML, a
        rule's crash) is an error of its own, the others are still audited."""
        pending, self.pending = self.pending, []
        if not pending:
            return
        result = self.result
        outcomes = self.linter.lint_texts([(text, path, fmt) for _, path, text, fmt in pending])
        for (story, path, _, _), (found, error) in zip(pending, outcomes):
            if error is not None:
                result.errors.append((None, f"{story}: {error}" if story != path else str(error)))
            elif found:
                self._add(story, found)

    def _add(self, story: str, found) -> None:
        result = self.result
        score = 0
        for finding in found:
            row = finding.to_dict()
            row["story"] = story
            result.findings.append(row)
            score += WEIGHTS[row["severity"]]
        entry = (score, len(found), story)
        if len(result.worst) < self.top:
            heapq.heappush(result.worst, entry)
        else:
            heapq.heappushpop(result.worst, entry)

    def done(self) -> list[PartResult]:
        self.flush()
        return [self.result]


def _lint_files(items, config_blob, input_format, top):
    """A partition of (name, absolute path) pairs from a folder."""
    from .source import InputError, read_path

    part = _Part(config_blob, input_format, top)
    for name, absolute in items:
        try:
            text = read_path(Path(absolute), part.linter.config.max_file_size)
        except InputError as exc:
            part.error(None, str(exc).replace(absolute, name, 1))
            continue
        part.lint(name, name, text, None)
    return part.done()


def _story_fields(record, where: str) -> tuple[str, str, str, str | None]:
    """(id, path, text, format) of one JSONL or Parquet story, or ValueError why not."""
    from .readers import FORMATS

    if not isinstance(record, dict):
        raise ValueError(f"{where}: expected a JSON object with 'id' or 'path' and 'text'")
    text = record.get("text")
    if not isinstance(text, str):
        raise ValueError(f"{where}: 'text' must be a string" if "text" in record
                         else f"{where}: missing 'text'")
    story, path = record.get("id"), record.get("path")
    if story is None and path is None:
        raise ValueError(f"{where}: missing 'id' or 'path'")
    if path is not None and not isinstance(path, str):
        raise ValueError(f"{where}: 'path' must be a string")
    if story is not None and (isinstance(story, bool) or not isinstance(story, (str, int))):
        raise ValueError(f"{where}: 'id' must be a string or a number")
    story = str(story) if story is not None else path
    fmt = record.get("format")
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"{where}: 'format' must be one of {', '.join(FORMATS)}, not {fmt!r}")
    return story, path if path is not None else story, text, fmt


def _lint_jsonl(lines, config_blob, input_format, top):
    """A partition of raw JSONL lines (bytes); errors carry the line's index here."""
    part = _Part(config_blob, input_format, top)
    for index, raw in enumerate(lines):
        part.result.units += 1
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except UnicodeDecodeError:
            part.error(index, "not valid UTF-8")
            continue
        except ValueError as exc:
            part.error(index, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        try:
            story, path, text, fmt = _story_fields(record, "")
        except ValueError as exc:
            part.error(index, str(exc).removeprefix(": "))
            continue
        part.lint(story, path, text, fmt)
    return part.done()


def _lint_parquet(groups, source, columns, config_blob, input_format, top):
    """A partition of (row group, first row number) of a Parquet file, read in batches."""
    import pyarrow.parquet as pq

    part = _Part(config_blob, input_format, top)
    handle = pq.ParquetFile(source)
    for group, first_row in groups:
        row = first_row
        for batch in handle.iter_batches(batch_size=1024, row_groups=[group], columns=columns):
            for record in batch.to_pylist():
                row += 1
                try:
                    story, path, text, fmt = _story_fields(record, f"row {row}")
                except ValueError as exc:
                    part.error(None, str(exc))
                    continue
                part.lint(story, path, text, fmt)
    return part.done()


# -- the client side ---------------------------------------------------------

@dataclass
class Plan:
    kind: str  # folder | jsonl | parquet
    source: str
    count: int  # stories (folder), bytes (jsonl) or rows (parquet): what partitioning splits
    items: list = field(default_factory=list)
    columns: list[str] = field(default_factory=list)


def plan(source: str, config) -> Plan:
    """Check the input on the client, before any cluster starts: one line per problem."""
    path = Path(source)
    if not path.exists():
        raise AuditError(f"{source}: no such file or directory")
    if path.is_dir():
        from .paths import collect_paths

        targets, _ = collect_paths([source], config)
        items = [(str(t), str(Path(t).resolve())) for t in targets]
        return Plan("folder", source, len(items), items)
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return Plan("jsonl", source, path.stat().st_size)
    if suffix in (".parquet", ".pq"):
        return _plan_parquet(path)
    raise AuditError(f"{source}: expected a folder, a .jsonl file or a .parquet file")


def _plan_parquet(path: Path) -> Plan:
    import pyarrow.parquet as pq

    try:
        handle = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several kinds for a damaged file
        raise AuditError(f"{path}: not a readable Parquet file ({exc})") from None
    names = set(handle.schema_arrow.names)
    if "text" not in names or not names & {"id", "path"}:
        raise AuditError(f"{path}: a Parquet file of stories needs a 'text' column and an "
                         f"'id' or 'path' column (it has: {', '.join(sorted(names)) or 'none'})")
    groups, first = [], 0
    for index in range(handle.num_row_groups):
        groups.append((index, first))
        first += handle.metadata.row_group(index).num_rows
    return Plan("parquet", str(path), first, groups, [c for c in STORY_FIELDS if c in names])


def build_bag(the_plan: Plan, config, input_format, top: int, partitions: int):
    """The dask.bag of PartResults (one per partition) for a plan."""
    import dask.bag as db

    blob = pickle.dumps(config)
    if the_plan.kind == "folder":
        count = max(1, min(len(the_plan.items), partitions))
        bag = db.from_sequence(the_plan.items, npartitions=count)
        return bag.map_partitions(_lint_files, blob, input_format, top)
    if the_plan.kind == "jsonl":
        from dask.bytes import read_bytes

        blocksize = max(1, min(MAX_BLOCK_BYTES, math.ceil(the_plan.count / partitions)))
        _, blocks = read_bytes(the_plan.source, delimiter=b"\n", blocksize=blocksize, sample=False)
        bag = db.from_delayed([_lines(block) for block in blocks[0]])
        return bag.map_partitions(_lint_jsonl, blob, input_format, top)
    groups = the_plan.items
    count = max(1, min(len(groups), partitions))
    bag = db.from_sequence(groups, npartitions=count)
    return bag.map_partitions(_lint_parquet, the_plan.source, the_plan.columns, blob, input_format, top)


def _lines(block):
    from dask import delayed

    return delayed(_split_lines)(block)


def _split_lines(block: bytes) -> list[bytes]:
    return block.splitlines()


class Summary:
    """Totals merged from the partitions as they arrive, in story order."""

    def __init__(self, top: int):
        self.top = top
        self.stories = self.size = self.units = 0
        self.rules: Counter = Counter()
        self.rule_stories: Counter = Counter()
        self.categories: Counter = Counter()
        self.severities: Counter = Counter()
        self.worst: list[tuple[int, int, str]] = []
        self.errors: list[str] = []

    def add(self, part: PartResult, source: str, kind: str) -> None:
        for unit, message in part.errors:
            if kind == "jsonl" and unit is not None:
                message = f"{source}:{self.units + unit + 1}: {message}"
            elif kind == "parquet":
                message = f"{source}: {message}"
            self.errors.append(message)
        self.stories += part.stories
        self.size += part.size
        self.units += part.units
        seen = set()
        for row in part.findings:
            rule = row["rule"]
            self.rules[rule] += 1
            self.categories[rule.split("/", 1)[0]] += 1
            self.severities[row["severity"]] += 1
            if (row["story"], rule) not in seen:
                seen.add((row["story"], rule))
                self.rule_stories[rule] += 1
        for entry in part.worst:
            if len(self.worst) < self.top:
                heapq.heappush(self.worst, entry)
            else:
                heapq.heappushpop(self.worst, entry)

    def as_dict(self, seconds: float) -> dict:
        worst = sorted(self.worst, key=lambda e: (-e[0], -e[1], e[2]))
        return {
            "stories": self.stories,
            "bytes": self.size,
            "seconds": round(seconds, 3),
            "findings": sum(self.rules.values()),
            "severities": dict(sorted(self.severities.items())),
            "rules": {r: {"findings": n, "stories": self.rule_stories[r]}
                      for r, n in sorted(self.rules.items(), key=lambda kv: (-kv[1], kv[0]))},
            "categories": dict(sorted(self.categories.items(), key=lambda kv: (-kv[1], kv[0]))),
            "worst": [{"story": s, "score": score, "findings": n} for score, n, s in worst],
            "errors": self.errors,
        }


def render_text(data: dict) -> str:
    rate = data["stories"] / data["seconds"] if data["seconds"] else 0.0
    out = [f"Audited {data['stories']} stories ({data['bytes'] / 1e6:.1f} MB) in "
           f"{data['seconds']:.1f} s ({rate:,.0f} stories/s): {data['findings']} findings"
           + (f" ({', '.join(f'{n} {s}' for s, n in data['severities'].items())})"
              if data["severities"] else "")]
    if data["rules"]:
        width = max(len(r) for r in data["rules"])
        out += ["", f"{'Per rule':<{width}}  findings  stories"]
        out += [f"{r:<{width}}  {s['findings']:>8}  {s['stories']:>7}" for r, s in data["rules"].items()]
        out += ["", "Per category  findings"]
        out += [f"{c:<12}  {n:>8}" for c, n in data["categories"].items()]
    if data["worst"]:
        out += ["", f"Worst {len(data['worst'])} stories (score: info 1, warning 3, error 9 per finding)"]
        out += [f"{w['score']:>6}  {w['findings']:>4} findings  {w['story']}" for w in data["worst"]]
    if data["errors"]:
        out += ["", f"{len(data['errors'])} stories or lines could not be audited (see stderr)"]
    return "\n".join(out) + "\n"


class Sink:
    """Findings to a Parquet or JSONL file, written as partitions arrive."""

    def __init__(self, output: str | None):
        self.output = output
        self.kind = None
        self.handle = self.writer = None
        if output is None:
            return
        suffix = Path(output).suffix.lower()
        if suffix in (".jsonl", ".ndjson"):
            self.kind = "jsonl"
        elif suffix in (".parquet", ".pq"):
            self.kind = "parquet"
        else:
            raise AuditError(f"{output}: the findings file must end in .parquet or .jsonl")
        try:
            self.handle = open(output, "w" if self.kind == "jsonl" else "wb",  # noqa: SIM115
                               **({"encoding": "utf-8"} if self.kind == "jsonl" else {}))
        except OSError as exc:
            raise AuditError(f"{output}: cannot write findings: {exc.strerror or exc}") from None

    def write(self, rows: list[dict]) -> None:
        if self.kind == "jsonl":
            for row in rows:
                self.handle.write(json.dumps({c: row[c] for c in FINDING_COLUMNS}, ensure_ascii=False))
                self.handle.write("\n")
        elif self.kind == "parquet" and rows:
            table = self._table(rows)
            self._parquet().write_table(table)

    def _table(self, rows: list[dict]):
        import pyarrow as pa

        return pa.Table.from_pylist([{c: row[c] for c in FINDING_COLUMNS} for row in rows],
                                    schema=_schema())

    def _parquet(self):
        if self.writer is None:
            import pyarrow.parquet as pq

            self.writer = pq.ParquetWriter(self.handle, _schema())
        return self.writer

    def close(self) -> None:
        if self.kind == "parquet":
            self._parquet().close()
        if self.handle is not None:
            self.handle.close()


def _schema():
    import pyarrow as pa

    text, number = pa.string(), pa.int32()
    types = {"line": number, "column": number, "end_line": number, "end_column": number}
    return pa.schema([pa.field(c, types.get(c, text), nullable=c == "suggestion")
                      for c in FINDING_COLUMNS])


def _client(args):
    """A distributed Client: the given scheduler, or a local cluster of processes."""
    import logging

    from distributed import Client, LocalCluster

    if args.scheduler:
        try:
            return Client(args.scheduler, timeout="10s"), None
        except (OSError, TimeoutError) as exc:
            raise AuditError(f"cannot reach the Dask scheduler at {args.scheduler}: {exc}") from None
    cluster = LocalCluster(n_workers=args.jobs or os.cpu_count() or 1, threads_per_worker=1,
                           processes=True, dashboard_address=":0", silence_logs=logging.ERROR)
    return Client(cluster), cluster


def _import_engine() -> None:
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise AuditError("copylint audit needs Dask: pip install 'copylint[audit]'") from None


def run(args, config) -> int:
    from .cli import parse_codes
    from .engine import Linter
    from .finding import Severity

    config = config.with_overrides(
        select=parse_codes(args.select), ignore=parse_codes(args.ignore), fail_on=args.fail_on,
        source_languages=tuple(s.lower() for s in args.source_language) if args.source_language else None,
    )
    Linter(config)  # unknown rule codes fail here, in one line, before any cluster starts
    try:
        _import_engine()
        the_plan = plan(args.source, config)
        sink = Sink(args.output)
    except AuditError as exc:
        print(f"copylint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    summary = Summary(args.top)
    started = time.perf_counter()
    client = cluster = None
    try:
        client, cluster = _client(args)
        workers = max(1, sum(client.nthreads().values()))
        partitions = args.partitions or workers * PARTITIONS_PER_WORKER
        bag = build_bag(the_plan, config, args.input_format, args.top, partitions)
        futures = client.compute(bag.to_delayed())
        from .runner import Progress

        meter = Progress(len(futures), True)
        for done, future in enumerate(futures, 1):
            (part,) = future.result()
            future.release()
            summary.add(part, the_plan.source, the_plan.kind)
            sink.write(part.findings)
            meter.update(done)
        meter.close()
    except AuditError as exc:
        print(f"copylint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # a worker without copylint, a lost worker, a cluster shut down
        print(f"copylint: error: the audit failed on the cluster: {type(exc).__name__}: {exc}",
              file=sys.stderr)
        return EXIT_ERROR
    finally:
        sink.close()
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    data = summary.as_dict(time.perf_counter() - started)
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n" if args.format == "json"
                     else render_text(data))
    for message in summary.errors:
        print(f"copylint: error: {message}", file=sys.stderr)
    if summary.errors:
        return EXIT_ERROR
    if config.fail_on != "never":
        threshold = WEIGHTS[str(Severity.parse(config.fail_on))]
        if any(WEIGHTS[s] >= threshold for s in summary.severities):
            return EXIT_FINDINGS
    return EXIT_CLEAN
