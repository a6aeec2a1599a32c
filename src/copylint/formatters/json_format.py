"""JSON: an array of findings with exactly the documented fields (see README)."""

from __future__ import annotations

from json.encoder import encode_basestring as _STRING

from ..finding import Severity

# json.dumps(..., indent=2) runs the pure-Python encoder (15 us a finding, most of
# a large run's report): the layout is written here and only the strings go
# through the C encoder (what json.dumps(ensure_ascii=False) calls for a string),
# byte for byte the same output.
_SEVERITIES = {severity: _STRING(str(severity)) for severity in Severity}


def _item(finding) -> str:
    path, line, column, end_line, end_column, rule, severity, message, suggestion, context = finding
    return (
        f'  {{\n    "path": {_STRING(path)},\n    "line": {line:d},\n    "column": {column:d},\n'
        f'    "end_line": {end_line:d},\n    "end_column": {end_column:d},\n'
        f'    "rule": {_STRING(rule)},\n    "severity": {_SEVERITIES[severity]},\n'
        f'    "message": {_STRING(message)},\n'
        f'    "suggestion": {"null" if suggestion is None else _STRING(suggestion)},\n'
        f'    "context": {_STRING(context)}\n  }}'
    )


def body(findings, color: bool = False) -> str:
    """Some findings (one file's), as they stand in the array."""
    return ",\n".join(map(_item, findings))


def stream(report):
    """The array piece by piece, so a large run never holds the whole text twice."""
    if not report.findings:
        yield "[]\n"
        return
    yield "["
    separator = "\n"
    pieces = map(_item, report.findings) if report.bodies is None else map(bytes.decode, report.bodies)
    for piece in pieces:
        yield separator + piece
        separator = ",\n"
    yield "\n]\n"


def render(report) -> str:
    return "".join(stream(report))
