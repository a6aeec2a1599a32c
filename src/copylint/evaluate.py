"""``copylint eval CORPUS``: measure recall and precision on an annotated corpus.

A corpus is a folder of stories (any file copylint reads: ``.txt``, ``.md``,
``.html``...) and one ``expected.yaml`` at its top that maps each story's path,
relative to the corpus and written with ``/``, to the list of its artifacts::

    dirty/efe-chile-quake.txt:
      - {line: 3, cat: [boilerplate], level: must, note: 'site name above the headline'}
      - {line: [1, 9], cat: [dates], level: should, note: 'page date vs dateline'}
    clean/ap-budget.txt: []

``line`` is a line number or a list of them (where a finding for the artifact
belongs), ``cat`` the rule categories that fit it (the part of a rule id before
``/``), ``level`` ``must`` (any editor would flag it) or ``should`` (subtle), and
``note`` says what is wrong. A story is *clean* when it lies under a ``clean/``
folder (it may be left out of ``expected.yaml``, or listed with ``[]``) or when it
is listed with an empty list. Every other story must be listed: an unannotated
story would silently count as clean, so it is an error. ``README*`` files and
hidden files are not stories.

Scoring, counting only findings at ``--min-severity`` (default warning) or above:

- an artifact is *caught* when some finding's line is one of its lines and the
  finding's category is one of its categories; recall is reported per category
  (an artifact counts under each category it lists), per level and overall;
- precision is the share of findings on dirty stories that match some artifact;
- every finding on a clean story is a false alarm.

Exit 0 when every threshold given is met, 1 when one is not, 2 on a malformed
corpus (one line naming the file and entry) or a story that cannot be linted.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

EXPECTED = "expected.yaml"
CLEAN_DIR = "clean"
LEVELS = ("must", "should")
ENTRY_KEYS = {"line", "cat", "level", "note"}
EXIT_OK, EXIT_BELOW, EXIT_ERROR = 0, 1, 2


class CorpusError(Exception):
    """A malformed corpus; the message is the one line users see."""


@dataclass(frozen=True)
class Artifact:
    story: str
    index: int  # 1-based position in its list: two identical entries stay two artifacts
    lines: tuple[int, ...]
    cats: tuple[str, ...]
    level: str
    note: str

    def matches(self, finding) -> bool:
        return finding.line in self.lines and finding.category in self.cats


@dataclass
class Story:
    name: str  # relative to the corpus, with '/'
    path: Path
    text: str
    artifacts: list[Artifact] = field(default_factory=list)
    clean: bool = False


# -- arguments ---------------------------------------------------------------

def _fraction(value: str) -> float:
    """A threshold: a fraction in [0, 1], or a percentage such as ``90%``."""
    import argparse

    text = value.strip()
    try:
        number = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a fraction such as 0.9 or 90%, not {value!r}") from None
    if not 0 <= number <= 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not between 0 and 1 (or 0% and 100%)")
    return number


def _count(value: str) -> int:
    import argparse

    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0, not {value!r}")
    return number


def add_arguments(parser) -> None:
    parser.add_argument("corpus", metavar="CORPUS", help="folder with stories and expected.yaml")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="report format")
    parser.add_argument("--min-severity", choices=("info", "warning", "error"), default="warning",
                        help="lowest severity of a finding that counts (default: warning)")
    parser.add_argument("--min-must-recall", type=_fraction, default=0.0, metavar="FRACTION",
                        help="fail (exit 1) when recall of must artifacts is lower (default: 0)")
    parser.add_argument("--min-recall", type=_fraction, default=0.0, metavar="FRACTION",
                        help="fail when recall of all artifacts is lower (default: 0)")
    parser.add_argument("--min-precision", type=_fraction, default=0.0, metavar="FRACTION",
                        help="fail when precision on dirty stories is lower (default: 0)")
    parser.add_argument("--max-clean-alarms", type=_count, default=None, metavar="N",
                        help="fail when clean stories get more than N findings (default: no limit)")
    parser.add_argument("--select", metavar="RULES", help="comma-separated rule ids or categories to run")
    parser.add_argument("--ignore", metavar="RULES", help="comma-separated rule ids or categories to skip")
    parser.add_argument("--config", metavar="FILE", help="config file (default: found upward from here)")
    parser.add_argument("--isolated", action="store_true", help="ignore every config file")
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE")


# -- loading -----------------------------------------------------------------

def _is_story(name: str, include) -> bool:
    from .config import matches_any

    return (
        name != EXPECTED
        and not name.startswith(".")
        and not name.upper().startswith("README")
        and matches_any(name, include)
    )


def _walk(root: Path, include) -> list[str]:
    found = []
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "__pycache__")
        for name in sorted(filenames):
            if _is_story(name, include):
                found.append((Path(folder) / name).relative_to(root).as_posix())
    return sorted(found)


def _is_clean_path(name: str) -> bool:
    return CLEAN_DIR in PurePosixPath(name).parts[:-1]


def _line_count(text: str) -> int:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return len(text.split("\n")) - (1 if text.endswith("\n") else 0)


def _parse_entry(story: str, index: int, raw, line_count: int, categories) -> Artifact:
    where = f"{EXPECTED}: '{story}' entry {index}"
    if not isinstance(raw, dict):
        raise CorpusError(f"{where}: expected a mapping with line, cat, level, note")
    unknown = set(raw) - ENTRY_KEYS
    if unknown:
        raise CorpusError(f"{where}: unknown key '{sorted(map(str, unknown))[0]}' (keys: cat, level, line, note)")
    for key in ("line", "cat", "level"):
        if key not in raw:
            raise CorpusError(f"{where}: missing '{key}'")
    lines = raw["line"] if isinstance(raw["line"], list) else [raw["line"]]
    if not lines or not all(isinstance(n, int) and not isinstance(n, bool) for n in lines):
        raise CorpusError(f"{where}: 'line' must be a line number or a list of them, not {raw['line']!r}")
    for number in lines:
        if not 1 <= number <= line_count:
            raise CorpusError(f"{where}: line {number} is out of range (the story has {line_count} lines)")
    cats = raw["cat"] if isinstance(raw["cat"], list) else [raw["cat"]]
    if not cats or not all(isinstance(c, str) for c in cats):
        raise CorpusError(f"{where}: 'cat' must be a list of categories, not {raw['cat']!r}")
    for cat in cats:
        if cat not in categories:
            raise CorpusError(f"{where}: unknown category '{cat}' (known: {', '.join(sorted(categories))})")
    if raw["level"] not in LEVELS:
        raise CorpusError(f"{where}: 'level' must be must or should, not {raw['level']!r}")
    note = raw.get("note", "")
    if note is None:
        note = ""
    if not isinstance(note, str):
        raise CorpusError(f"{where}: 'note' must be text")
    return Artifact(story, index, tuple(lines), tuple(cats), raw["level"], note)


def load_corpus(root: Path, include, categories, max_size: int) -> list[Story]:
    """Read and validate the corpus; any inconsistency is a :class:`CorpusError`."""
    import yaml

    from .source import InputError, read_path

    if not root.is_dir():
        raise CorpusError(f"{root}: not a folder (a corpus is a folder with stories and {EXPECTED})")
    expected_path = root / EXPECTED
    if not expected_path.is_file():
        raise CorpusError(f"{expected_path}: not found (every corpus needs an {EXPECTED}, even an empty one)")
    try:
        data = yaml.safe_load(expected_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{expected_path}: cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise CorpusError(f"{expected_path}{line}: invalid YAML: {getattr(exc, 'problem', exc)}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise CorpusError(f"{expected_path}: must map story file names to lists of artifacts")

    def read(name: str) -> str:
        try:
            return read_path(root / name, max_size)
        except InputError as exc:
            raise CorpusError(str(exc)) from None

    stories: dict[str, Story] = {}
    for key, entries in data.items():
        name = str(key).replace("\\", "/").removeprefix("./")
        if ".." in PurePosixPath(name).parts or not (root / name).is_file():
            raise CorpusError(f"{EXPECTED}: '{key}': no such story file in {root}")
        if entries is None:
            entries = []
        if not isinstance(entries, list):
            raise CorpusError(f"{EXPECTED}: '{key}': expected a list of artifacts ([] for a clean story)")
        if name in stories:
            raise CorpusError(f"{EXPECTED}: '{key}': listed twice")
        if entries and _is_clean_path(name):
            raise CorpusError(f"{EXPECTED}: '{key}': a story under {CLEAN_DIR}/ cannot have artifacts")
        text = read(name)
        count = _line_count(text)
        artifacts = [_parse_entry(name, i, raw, count, categories) for i, raw in enumerate(entries, 1)]
        stories[name] = Story(name, root / name, text, artifacts, clean=not artifacts)
    for name in _walk(root, include):
        if name in stories:
            continue
        if not _is_clean_path(name):
            raise CorpusError(
                f"{root / name}: story not annotated: list it in {EXPECTED} "
                f"(with [] if it is clean) or move it under {CLEAN_DIR}/"
            )
        stories[name] = Story(name, root / name, read(name), [], clean=True)
    if not stories:
        raise CorpusError(f"{root}: no stories found")
    return [stories[name] for name in sorted(stories)]


# -- scoring -----------------------------------------------------------------

def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _tally(artifacts, caught, key) -> dict:
    totals, hits = Counter(), Counter()
    for artifact in artifacts:
        for group in key(artifact):
            totals[group] += 1
            hits[group] += artifact in caught
    return {g: {"caught": hits[g], "total": totals[g], "recall": _ratio(hits[g], totals[g])}
            for g in sorted(totals)}


def score(stories: list[Story], findings_by_story: dict, min_severity) -> dict:
    """Recall, precision and false alarms, as plain data (also the JSON report)."""
    artifacts = [a for s in stories for a in s.artifacts]
    caught: set[Artifact] = set()
    unmatched, alarms = [], []
    per_rule = defaultdict(lambda: {"findings": 0, "matched": 0, "unmatched": 0, "clean_alarms": 0})
    matched_count = dirty_count = 0
    for story in stories:
        for finding in findings_by_story.get(story.name, ()):
            if finding.severity < min_severity:
                continue
            row = {"file": story.name, "line": finding.line, "column": finding.column,
                   "rule": finding.rule, "severity": str(finding.severity), "message": finding.message}
            stats = per_rule[finding.rule]
            stats["findings"] += 1
            if story.clean:
                stats["clean_alarms"] += 1
                alarms.append(row)
                continue
            dirty_count += 1
            hit = [a for a in story.artifacts if a.matches(finding)]
            caught.update(hit)
            if hit:
                matched_count += 1
                stats["matched"] += 1
            else:
                stats["unmatched"] += 1
                unmatched.append(row)
    misses = [
        {"file": a.story, "line": list(a.lines), "cat": list(a.cats), "level": a.level, "note": a.note}
        for a in artifacts if a not in caught
    ]
    must = [a for a in artifacts if a.level == "must"]
    clean = [s for s in stories if s.clean]
    return {
        "min_severity": str(min_severity),
        "stories": {"dirty": len(stories) - len(clean), "clean": len(clean)},
        "artifacts": {"total": len(artifacts), "must": len(must), "should": len(artifacts) - len(must)},
        "recall": {
            "overall": {"caught": len(caught), "total": len(artifacts),
                        "recall": _ratio(len(caught), len(artifacts))},
            "by_level": _tally(artifacts, caught, lambda a: (a.level,)),
            "by_category": _tally(artifacts, caught, lambda a: a.cats),
        },
        "precision": {"matched": matched_count, "total": dirty_count,
                      "precision": _ratio(matched_count, dirty_count)},
        "clean_alarms": {"count": len(alarms), "stories": len({r["file"] for r in alarms})},
        "rules": {rule: per_rule[rule] for rule in sorted(per_rule)},
        "misses": misses,
        "unmatched": unmatched,
        "false_alarms": alarms,
    }


def check_thresholds(result: dict, args) -> list[str]:
    """One line per threshold that is not met."""
    failures = []
    must = result["recall"]["by_level"].get("must", {"recall": None})["recall"]
    overall = result["recall"]["overall"]["recall"]
    precision = result["precision"]["precision"]
    for label, value, minimum in (
        ("must-recall", must, args.min_must_recall),
        ("recall", overall, args.min_recall),
        ("precision", precision, args.min_precision),
    ):
        if minimum and value is not None and value < minimum:
            failures.append(f"{label} {_pct(value)} is below {_pct(minimum)}")
    limit = args.max_clean_alarms
    if limit is not None and result["clean_alarms"]["count"] > limit:
        failures.append(f"{result['clean_alarms']['count']} false alarms on clean stories (limit {limit})")
    return failures


# -- reports -----------------------------------------------------------------

def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


def _lines(value) -> str:
    return ",".join(map(str, value))


def render_text(result: dict) -> str:
    out = []
    stories, arts = result["stories"], result["artifacts"]
    out.append(
        f"copylint eval {result['corpus']}: {stories['dirty']} dirty stories "
        f"({arts['total']} artifacts: {arts['must']} must, {arts['should']} should), "
        f"{stories['clean']} clean stories; counting findings at {result['min_severity']} or above"
    )
    def section(title: str, rows: list[str]) -> None:
        if rows:
            out.extend(["", f"{title} ({len(rows)}):", *rows])

    def finding_row(f: dict) -> str:
        return f"  {f['file']}:{f['line']}:{f['column']}  {f['rule']}  {f['message']}"

    section("Misses", [f"  {m['file']}:{_lines(m['line'])}  [{','.join(m['cat'])}] {m['level']}  {m['note']}"
                       for m in result["misses"]])
    section("Findings on dirty stories that match no artifact", [finding_row(f) for f in result["unmatched"]])
    section("False alarms on clean stories", [finding_row(f) for f in result["false_alarms"]])
    if result["rules"]:
        out.append("")
        out.append("Per rule                                   findings  matched  unmatched  clean alarms")
        for rule, s in result["rules"].items():
            out.append(f"  {rule:<40} {s['findings']:>8} {s['matched']:>8} {s['unmatched']:>10} "
                       f"{s['clean_alarms']:>13}")
    out.append("")
    out.append("Recall by category        caught / total")
    for cat, row in result["recall"]["by_category"].items():
        out.append(f"  {cat:<22} {row['caught']:>6} / {row['total']:<5} {_pct(row['recall']):>7}")
    out.append("Recall by level")
    for level, row in result["recall"]["by_level"].items():
        out.append(f"  {level:<22} {row['caught']:>6} / {row['total']:<5} {_pct(row['recall']):>7}")
    overall = result["recall"]["overall"]
    out.append(f"  {'all':<22} {overall['caught']:>6} / {overall['total']:<5} {_pct(overall['recall']):>7}")
    p = result["precision"]
    out.append(f"Precision on dirty stories: {p['matched']} / {p['total']} findings match an artifact "
               f"({_pct(p['precision'])})")
    c = result["clean_alarms"]
    out.append(f"False alarms on clean stories: {c['count']} in {c['stories']} of "
               f"{stories['clean']} stories")
    must = result["recall"]["by_level"].get("must", {"recall": None})["recall"]
    verdict = "PASS" if not result["failures"] else "FAIL: " + "; ".join(result["failures"])
    out.append("")
    out.append(f"must-recall {_pct(must)}  recall {_pct(overall['recall'])}  "
               f"precision {_pct(p['precision'])}  clean alarms {c['count']}  {verdict}")
    return "\n".join(out) + "\n"


def run(args, config) -> int:
    from .cli import parse_codes, write_output
    from .engine import Linter
    from .finding import Severity
    from .rule import CATEGORIES

    config = config.with_overrides(select=parse_codes(args.select), ignore=parse_codes(args.ignore))
    linter = Linter(config)
    categories = set(CATEGORIES) | {rule.category for rule in linter.registry.rules.values()}
    root = Path(args.corpus)
    try:
        stories = load_corpus(root, config.include, categories, config.max_file_size)
    except CorpusError as exc:
        print(f"copylint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    findings, errors = {}, []
    outcomes = linter.lint_texts((story.text, str(story.path), None) for story in stories)
    for story, (found, error) in zip(stories, outcomes):
        if error is None:
            findings[story.name] = found
        else:
            errors.append(str(error))
    result = {"corpus": args.corpus, **score(stories, findings, Severity.parse(args.min_severity))}
    result["errors"] = errors
    result["failures"] = check_thresholds(result, args)
    report = (json.dumps(result, indent=2, ensure_ascii=False) + "\n" if args.format == "json"
              else render_text(result))
    write_output(report, args.output)
    for message in errors:
        print(f"copylint: error: {message}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    return EXIT_BELOW if result["failures"] else EXIT_OK
