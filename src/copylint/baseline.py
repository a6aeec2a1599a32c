"""Baselines: adopt copylint on an archive by recording today's findings.

A finding is keyed by path, rule and the text it points at (its line's content
and the flagged span), never by line number, so edits elsewhere in a story do
not resurrect old findings. Repeated identical findings are counted.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from .source import InputError

VERSION = 1


def fingerprint(finding) -> str:
    content = " ".join(finding.context.split())
    raw = f"{finding.rule}\x1f{content}\x1f{finding.message}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]


def _key(finding) -> tuple[str, str, str]:
    return (finding.path.replace("\\", "/"), finding.rule, fingerprint(finding))


def write_baseline(path: Path, findings) -> int:
    counts = Counter(_key(f) for f in findings)
    entries = [
        {"path": p, "rule": r, "fingerprint": fp, "count": n}
        for (p, r, fp), n in sorted(counts.items())
    ]
    data = {"version": VERSION, "tool": "copylint", "findings": entries}
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)
    return len(entries)


def load_baseline(path: Path) -> Counter:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: baseline file not found") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a copylint baseline: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(
        data.get("findings"), list
    ):
        raise InputError(f"{path}: not a copylint baseline (version {VERSION})")
    counts: Counter = Counter()
    try:
        for entry in data["findings"]:
            counts[(entry["path"], entry["rule"], entry["fingerprint"])] += int(entry["count"])
    except (KeyError, TypeError, ValueError):
        raise InputError(f"{path}: malformed baseline entry") from None
    return counts


def filter_new(findings, known: Counter) -> list:
    """Findings not in the baseline (each recorded one absorbs one occurrence)."""
    remaining = Counter(known)
    new = []
    for finding in findings:
        key = _key(finding)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            new.append(finding)
    return new
