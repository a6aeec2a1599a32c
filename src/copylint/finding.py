"""The one value every rule, formatter and baseline agrees on: a finding."""

from __future__ import annotations

from enum import IntEnum
from operator import itemgetter
from typing import NamedTuple


class Severity(IntEnum):
    """Ordered so that ``severity >= fail_on`` decides the exit code."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[str(name).upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {name!r} (expected error, warning or info)"
            ) from None

    def __str__(self) -> str:
        return self.name.lower()


class Hit(NamedTuple):
    """What a rule reports: a span of the document text and why it is wrong.

    The engine turns hits into findings, stamping path, positions, rule id and
    severity, so rules only say *where* and *why*. A NamedTuple (immutable, like
    the document's parts): cheaper to define at start-up and to build than a
    frozen dataclass.
    """

    start: int
    end: int
    message: str
    suggestion: str | None = None
    # A rule that wraps another checker (LanguageTool) names the sub-rule here,
    # e.g. "grammar/MORFOLOGIK_RULE_EN_US"; it must share the rule's category.
    rule: str | None = None
    # Such a wrapper may also map the checker's own issue types to severities;
    # None: the rule's (configured) severity.
    severity: Severity | None = None


class Finding(NamedTuple):
    """A located problem, as reported to users (the JSON schema in the README).

    A NamedTuple, as Hit: immutable, ordered and hashed by its fields."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: Severity
    message: str
    suggestion: str | None = None
    context: str = ""

    # Path, position, rule, message: the report order, as a key (``key=Finding.sort_key``).
    # A tuple of these sorts far faster than whole findings, whose severities are
    # enums; an itemgetter makes it in C, where a method is a Python call per finding.
    sort_key = itemgetter(0, 1, 2, 3, 4, 5, 7)

    @property
    def category(self) -> str:
        return self.rule.split("/", 1)[0]

    def to_dict(self) -> dict:
        return {
            "path": self.path, "line": self.line, "column": self.column,
            "end_line": self.end_line, "end_column": self.end_column, "rule": self.rule,
            "severity": str(self.severity), "message": self.message,
            "suggestion": self.suggestion, "context": self.context,
        }
