"""The rule contract shared by built-in Python rules, YAML packs and plugins."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from .finding import Hit, Severity

CATEGORIES = (
    "boilerplate",
    "duplicate",
    "fragment",
    "geography",
    "names",
    "numbers",
    "dates",
    "calque",
    "untranslated",
    "typography",
    "grammar",
    "bilingual",
    "meta",
)


class Rule:
    """One check. Subclass it, set the class attributes, implement :meth:`check`.

    ``check`` yields :class:`~copylint.finding.Hit` objects (offsets into
    ``document.text``); the engine stamps path, positions, rule id and severity,
    and applies selection, suppressions and baselines. ``options`` maps each
    option name to its default; config values must have the default's type.
    """

    id: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.WARNING
    description: ClassVar[str] = ""
    rationale: ClassVar[str] = ""
    bad_example: ClassVar[str] = ""
    good_example: ClassVar[str] = ""
    options: ClassVar[Mapping[str, Any]] = {}
    fixable: ClassVar[bool] = False
    enabled_by_default: ClassVar[bool] = True
    origin: ClassVar[str] = "built-in"
    # Source languages whose translations this rule is for; empty: any. Config
    # `source-languages` switches off rules for other languages.
    source_languages: ClassVar[tuple[str, ...]] = ()
    # Rules about a file's structure (an empty XLIFF target) may point at markup;
    # other hits must start and end in prose.
    points_into_markup: ClassVar[bool] = False

    @property
    def category(self) -> str:
        return self.id.split("/", 1)[0]

    def check(self, document, options: Mapping[str, Any]) -> Iterable[Hit]:
        raise NotImplementedError

    def metadata(self) -> dict:
        """What ``copylint rules --format json`` and SARIF show of a rule."""
        return {
            "id": self.id,
            "category": self.category,
            "severity": str(self.severity),
            "description": self.description,
            "rationale": self.rationale,
            "bad_example": self.bad_example,
            "good_example": self.good_example,
            "options": dict(self.options),
            "fixable": self.fixable,
            "enabled_by_default": self.enabled_by_default,
            "origin": self.origin,
            "source_languages": list(self.source_languages),
        }


def validate_rule(rule: Rule, where: str) -> None:
    """Reject a rule whose declaration would break the engine or the docs."""
    problems = []
    if not isinstance(rule.id, str) or rule.id.count("/") != 1 or not all(rule.id.split("/")):
        problems.append(f"id {rule.id!r} is not 'category/name'")
    if not isinstance(rule.severity, Severity):
        problems.append(f"severity {rule.severity!r} is not a Severity")
    if not rule.description:
        problems.append("has no description")
    if problems:
        raise ValueError(f"{where}: rule {rule.id!r} " + "; ".join(problems))
