"""Inline suppression comments, in one place for every rule.

``<!-- copylint: disable=RULE[,RULE...] [-- reason] -->`` turns rules off from
its line until ``<!-- copylint: enable=RULE -->`` or the end of the file;
``disable-next-line`` covers the next line with text, ``disable-line`` its own
line. RULE is an id, a category or empty (every rule). A directive that
suppresses nothing is itself reported, so stale ones do not pile up.
"""

from __future__ import annotations

import regex

from .document import normalize_newlines
from .rules._lazy import lazy_regex

DIRECTIVE = lazy_regex(
    r"<!--\s*copylint:\s*(?P<action>disable-next-line|disable-line|disable|enable)"
    r"(?:\s*=\s*(?P<rules>[\w/\-, ]*?))?"
    r"\s*(?:(?:--(?!>)|reason:)\s*(?P<reason>(?:(?!-->).)*?))?\s*-->",
    regex.DOTALL,
)


class Directive:
    """One copylint comment (a plain class: importing dataclasses costs a one-file run 6 ms)."""

    def __init__(self, action: str, rules: tuple[str, ...], line: int, column: int,
                 end_line: int, end_column: int, reason: str | None) -> None:
        self.action = action
        self.rules = rules  # empty: every rule
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.reason = reason
        self.first = 0  # first line covered
        self.last = 0  # last line covered
        self.used = 0

    def covers(self, rule_id: str) -> bool:
        return not self.rules or any(
            rule_id == r or rule_id.startswith(r.rstrip("/") + "/") for r in self.rules
        )


def parse_directives(text: str) -> list[Directive]:
    if "copylint:" not in text:
        return []
    text = normalize_newlines(text)
    line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    lines = text.split("\n")

    def where(offset: int) -> tuple[int, int]:
        line = _bisect(line_starts, offset)
        return line + 1, offset - line_starts[line] + 1

    directives: list[Directive] = []
    for match in DIRECTIVE.finditer(text):
        rules = tuple(r.strip() for r in (match["rules"] or "").split(",") if r.strip())
        line, column = where(match.start())
        end_line, end_column = where(match.end())
        directives.append(
            Directive(match["action"], rules, line, column, end_line, end_column,
                      (match["reason"] or "").strip() or None)
        )
    _resolve_ranges(directives, lines)
    return directives


def _bisect(starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(starts, offset) - 1


def _resolve_ranges(directives: list[Directive], lines: list[str]) -> None:
    last_line = len(lines)
    for index, directive in enumerate(directives):
        if directive.action == "disable-line":
            directive.first = directive.line
            directive.last = directive.end_line
        elif directive.action == "disable-next-line":
            target = directive.end_line + 1
            while target <= last_line and not _has_prose(lines[target - 1]):
                target += 1
            directive.first = directive.last = min(target, last_line)
        elif directive.action == "disable":
            directive.first = directive.line
            directive.last = last_line
            for later in directives[index + 1:]:
                if later.action == "enable" and (
                    not later.rules or set(directive.rules) <= set(later.rules)
                ):
                    directive.last = later.line
                    break


def _has_prose(line: str) -> bool:
    return bool(DIRECTIVE.sub("", line).strip())


def apply(findings, directives: list[Directive]):
    """Drop suppressed findings; count what each directive suppressed."""
    kept = []
    for finding in findings:
        suppressed = False
        for directive in directives:
            if (
                directive.action != "enable"
                and directive.first <= finding.line <= directive.last
                and directive.covers(finding.rule)
            ):
                directive.used += 1
                suppressed = True
        if not suppressed:
            kept.append(finding)
    return kept


def unused(directives: list[Directive], active_rule_ids, known_rule_ids) -> list[tuple[Directive, str]]:
    """Directives that suppressed nothing although a rule they name ran, or that
    name no known rule, each with the reason."""
    active = list(active_rule_ids)
    known = list(known_rule_ids)
    stale = []
    for directive in directives:
        if directive.action == "enable" or directive.used:
            continue
        names_unknown = any(
            not any(rule_id == r or rule_id.startswith(r.rstrip("/") + "/") for rule_id in known)
            for r in directive.rules
        )
        if names_unknown:
            stale.append((directive, "names no known rule"))
        elif any(directive.covers(rule_id) for rule_id in active):
            stale.append((directive, "matches no finding"))
    return stale
