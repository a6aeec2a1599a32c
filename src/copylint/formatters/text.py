"""Human-readable text: one header line per finding, the line with the span
underlined, the suggestion, and a summary. Colour only when asked (a TTY)."""

from __future__ import annotations

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


def render(report) -> str:
    paint = (lambda code, s: f"{code}{s}{RESET}") if report.color else (lambda code, s: s)
    out = []
    for f in report.findings:
        severity = str(f.severity)
        out.append(
            f"{paint(BOLD, f'{f.path}:{f.line}:{f.column}:')} "
            f"{paint(COLORS[severity], severity)} {paint(DIM, f.rule)} {f.message}"
        )
        if f.context.strip():
            snippet, start, end = _excerpt(f.context, f.column, f.end_column, f.line == f.end_line)
            width = max(1, min(end, len(snippet)) - start)
            out.append(f"    | {snippet}")
            out.append(f"    | {' ' * start}{paint(COLORS[severity], '^' * width)}")
        if f.suggestion is not None:
            out.append(f"    = suggestion: {f.suggestion!r}" if f.suggestion == "" else
                       f"    = suggestion: {f.suggestion}")
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
    return "\n".join(out) + "\n"
