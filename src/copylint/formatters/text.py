"""Human-readable text: one header line per finding, the line with the span
underlined, the suggestion, and a summary. Colour only when asked (a TTY)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"
WINDOW = 100  # characters of a long line shown around the span


def _excerpt(context: str, column: int, end_column: int, same_line: bool) -> tuple[str, int, int]:
    start = column - 1
    end = end_column - 1 if same_line else len(context)
    end = max(min(end, len(context)), start + 1)
    left = max(0, start - WINDOW // 2)
    if len(context) - left > WINDOW and end - left <= WINDOW:
        right = left + WINDOW
    else:
        right = len(context)
    snippet = context[left:right].replace("\t", " ")
    prefix = "…" if left else ""
    suffix = "…" if right < len(context) else ""
    return prefix + snippet + suffix, start - left + len(prefix), end - left + len(prefix)


def display_width(text: str) -> int:
    """Terminal columns: combining marks and format characters take none, wide
    (CJK, fullwidth) characters two, so the underline stays under the span.
    (An ASCII text has neither: one column a character.)"""
    if text.isascii():
        return len(text)
    return sum(map(_char_width, text))


@lru_cache(maxsize=None)
def _char_width(char: str) -> int:
    """Remembered: a large report asks for the same few hundred characters again and again."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _underline_parts(finding) -> tuple[str, int, int]:
    """The excerpt of the finding's line, and the indent and width of its underline."""
    snippet, start, end = _excerpt(finding.context, finding.column, finding.end_column,
                                   finding.line == finding.end_line)
    return snippet, display_width(snippet[:start]), max(1, display_width(snippet[start:end]))


def _plain(code: str, s: str) -> str:
    return s


def describe(finding, paint=_plain) -> list[str]:
    """The rows shown for one finding: header, the underlined line, the suggestion."""
    severity = str(finding.severity)
    rows = [
        f"{paint(BOLD, f'{finding.path}:{finding.line}:{finding.column}:')} "
        f"{paint(COLORS[severity], severity)} {paint(DIM, finding.rule)} {finding.message}"
    ]
    if finding.context.strip():
        snippet, indent, width = _underline_parts(finding)
        rows.append(f"    | {snippet}")
        rows.append(f"    | {' ' * indent}{paint(COLORS[severity], '^' * width)}")
    if finding.suggestion is not None:
        blank = not finding.suggestion.strip()  # "" (delete) or a space must be visible
        shown = f"“{finding.suggestion}”" if blank else finding.suggestion
        rows.append(f"    = suggestion: {shown}")
    return rows


def _paint(code: str, s: str) -> str:
    return f"{code}{s}{RESET}"


def body(findings, color: bool = False) -> str:
    """Some findings (one file's), as the report shows them."""
    paint = _paint if color else _plain
    return "".join(row + "\n" for finding in findings for row in describe(finding, paint))


def stream(report):
    """The report finding by finding (a large run is written as it is formatted)."""
    if report.bodies is None:
        yield from (body((finding,), report.color) for finding in report.findings)
    else:
        yield from map(bytes.decode, report.bodies)
    yield from (row + "\n" for row in _summary(report))


def render(report) -> str:
    return "".join(stream(report))


def _summary(report) -> list[str]:
    out = []
    if report.statistics:
        out.append("")
        for rule, count in sorted(report.counts_by_rule().items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"{count:6d}  {rule}")
    counts = report.counts_by_severity()
    files_with = len({f.path for f in report.findings})
    if report.findings:
        parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}"
                 for s in ("error", "warning", "info") if counts[s]]
        out.append("")
        out.append(
            f"Found {len(report.findings)} problem{'s' if len(report.findings) != 1 else ''} "
            f"({', '.join(parts)}) in {files_with} of {len(report.files)} "
            f"file{'s' if len(report.files) != 1 else ''}."
        )
    else:
        out.append(f"All clear: {len(report.files)} file{'s' if len(report.files) != 1 else ''} checked, no problems.")
    if report.errors:
        out.append(f"{len(report.errors)} file{'s' if len(report.errors) != 1 else ''} could not be linted.")
    return out
