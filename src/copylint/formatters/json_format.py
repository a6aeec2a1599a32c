"""JSON: an array of findings with exactly the documented fields (see README)."""

from __future__ import annotations

import json


def stream(report):
    """The array piece by piece, so a large run never holds the whole text twice."""
    if not report.findings:
        yield "[]\n"
        return
    yield "["
    separator = "\n"
    for finding in report.findings:
        item = json.dumps(finding.to_dict(), indent=2, ensure_ascii=False)
        yield separator + "  " + item.replace("\n", "\n  ")
        separator = ",\n"
    yield "\n]\n"


def render(report) -> str:
    return "".join(stream(report))
