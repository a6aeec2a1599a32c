"""The engine: selects rules, runs them on a document, and turns hits into findings.

Selection (flake8-style: the longest matching prefix of ``select``/``ignore``
wins), per-rule severity and options, per-file ignores, suppression comments and
masking are all applied here, once, for every rule.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property, lru_cache
from itertools import islice
from typing import Any, NamedTuple

from .config import Config, ConfigError, config_from_mapping, matches_any
from .document import Document
from .finding import Finding, Severity
from .registry import build_registry
from .rule import Rule
from .source import InputError
from . import suppress

CONTEXT_LIMIT = 500
UNUSED_SUPPRESSION = "meta/unused-suppression"
# The `languagetool:` config section is this rule's options.
LANGUAGETOOL_RULE = "grammar/languagetool"
# Stories linted together, each rule over all of them in turn (Linter.lint_texts).
BATCH_SIZE = 64


# NamedTuples, not dataclasses: defining a dataclass costs a one-file run far more.
class ActiveRule(NamedTuple):
    rule: Rule
    severity: Severity
    options: Mapping[str, Any]


class Plan(NamedTuple):
    """The rules for one file: pack rules run pack by pack (one scan each), the
    others one by one."""

    rules: tuple[ActiveRule, ...]
    singles: tuple[ActiveRule, ...]
    packs: dict[Any, dict[str, ActiveRule]]  # per pack, its selected rules by id
    scanner: Any  # a PackSet: one scan of the story for every pack
    unused_suppression: ActiveRule | None  # meta/unused-suppression, when selected

    @classmethod
    def of(cls, rules: tuple[ActiveRule, ...]) -> Plan:
        from .packs import PackRule, PackSet

        singles, packs = [], {}
        for item in rules:
            pack = item.rule.pack if isinstance(item.rule, PackRule) else None
            if pack is None:
                singles.append(item)
            else:
                packs.setdefault(pack, {})[item.rule.id] = item
        reporter = next((item for item in rules if item.rule.id == UNUSED_SUPPRESSION), None)
        return cls(rules, tuple(singles), packs, PackSet(packs), reporter)


class RuleCrash(InputError):
    """A rule raised; reported as an input error for that file, the run goes on."""


# What linting one story gives: its findings, or no findings and why.
Outcome = tuple[list[Finding], InputError | None]


def _match_length(code: str, rule: Rule) -> int:
    """How specifically ``code`` names ``rule`` (0: not at all)."""
    if code == "ALL":
        return 1
    if code == rule.id:
        return len(code) + 1
    if rule.id.startswith(code.rstrip("/") + "/") or code == rule.category:
        return len(code)
    return 0


def is_selected(rule: Rule, select, ignore) -> bool:
    best_select = max((_match_length(c, rule) for c in select), default=0) if select else (
        1 if rule.enabled_by_default else 0
    )
    best_ignore = max((_match_length(c, rule) for c in ignore), default=0)
    return best_select > best_ignore


class Linter:
    """Lint documents with one configuration; build it once per run."""

    def __init__(self, config: Config, registry=None):
        self.config = config
        self.registry = registry or build_registry(list(config.packs))
        self._check_codes()
        self.active = [self._activate(rule) for rule in self._selected()]

    @classmethod
    def from_config(cls, config=None) -> Linter:
        if config is None:
            from .config import load_config

            config = load_config()
        elif isinstance(config, Mapping):
            from pathlib import Path

            config = config_from_mapping(config, "<config>", Path.cwd())
        return cls(config)

    # -- selection -------------------------------------------------------
    def _known(self, code: str) -> bool:
        return code == "ALL" or any(_match_length(code, r) for r in self.registry.rules.values())

    def _check_codes(self) -> None:
        config = self.config
        named = [("select", c) for c in config.select or ()] + [("ignore", c) for c in config.ignore]
        named += [("rules", c) for c in config.rules]
        named += [(f"per-file-ignores.{g}", c) for g, cs in config.per_file_ignores.items() for c in cs]
        for where, code in named:
            if not self._known(code):
                raise ConfigError(f"{config.source}: {where}: no rule or category named '{code}'")
        for code, settings in config.rules.items():
            options = {k: v for k, v in settings.items() if k != "severity"}
            if options and code not in self.registry.rules:
                raise ConfigError(
                    f"{config.source}: rules.{code}: options need a full rule id, not a category"
                )
            if options:
                rule = self.registry.rules[code]
                for key, value in options.items():
                    if key not in rule.options:
                        known = ", ".join(rule.options) or "none"
                        raise ConfigError(
                            f"{config.source}: rules.{code}: unknown option '{key}' (options: {known})"
                        )
                    default = rule.options[key]
                    if not _same_type(default, value):
                        raise ConfigError(
                            f"{config.source}: rules.{code}.{key}: expected "
                            f"{type(default).__name__}, got {value!r}"
                        )

    def _selected(self) -> list[Rule]:
        config = self.config
        chosen = []
        for rule in self.registry.rules.values():
            wanted = config.source_languages
            if rule.source_languages and wanted and not set(rule.source_languages) & set(wanted):
                continue
            if is_selected(rule, config.select, config.ignore):
                chosen.append(rule)
        return chosen

    def _activate(self, rule: Rule) -> ActiveRule:
        severity = rule.severity
        options = dict(rule.options)
        if rule.id == LANGUAGETOOL_RULE:
            options.update(self.config.languagetool)
        for code in sorted(self.config.rules, key=lambda c: _match_length(c, rule)):
            if _match_length(code, rule):
                settings = self.config.rules[code]
                if "severity" in settings:
                    severity = Severity.parse(settings["severity"])
                options.update({k: v for k, v in settings.items() if k != "severity"})
        return ActiveRule(rule, severity, options)

    @lru_cache(maxsize=1024)
    def plan_for(self, path: str) -> Plan:
        ignored = [
            code
            for glob, codes in self.config.per_file_ignores.items()
            if matches_any(_relative(path, self.config.root), (glob,))
            for code in codes
        ]
        if not ignored:
            return self._full_plan
        return Plan.of(tuple(a for a in self.active if not any(_match_length(c, a.rule) for c in ignored)))

    @cached_property
    def _full_plan(self) -> Plan:
        return Plan.of(tuple(self.active))

    # -- running ---------------------------------------------------------
    def lint_text(self, text: str, path: str = "<text>", input_format: str | None = None):
        """The findings of one story; an InputError (or RuleCrash) if it cannot be linted."""
        ((findings, error),) = self.lint_texts([(text, path, input_format)])
        if error is not None:
            raise error
        return findings

    def lint_texts(self, sources: Iterable[tuple[str, str, str | None]]) -> Iterator[Outcome]:
        """(findings, None) or ([], error) for each (text, path, input format), in order.

        Why in batches, each rule over a batch's stories before the next rule:
        a rule's patterns, automata and tables then stay in the CPU's caches
        from one story to the next, instead of every other rule's pushing them
        out between; that makes a folder's rules a fifth faster (see
        docs/performance.md). One story's error does not stop the others."""
        sources = iter(sources)
        while batch := list(islice(sources, BATCH_SIZE)):
            yield from self._lint_batch(batch)

    def _lint_batch(self, batch) -> list[Outcome]:
        from .readers import read_document

        outcomes: list = [None] * len(batch)
        groups: dict[int, tuple[Plan, list]] = {}  # stories by plan: per-file ignores differ
        for index, (text, path, input_format) in enumerate(batch):
            try:
                document = read_document(text, path, input_format=input_format,
                                         source_languages=self.config.source_languages)
            except InputError as exc:
                outcomes[index] = ([], exc)
                continue
            plan = self.plan_for(document.path)
            groups.setdefault(id(plan), (plan, []))[1].append((index, document))
        for plan, stories in groups.values():
            for (index, document), found in zip(stories, _hits(stories, plan)):
                if isinstance(found, InputError):
                    outcomes[index] = ([], found)
                else:
                    directives = suppress.parse_directives(batch[index][0])
                    outcomes[index] = (self._findings(document, plan, found, directives), None)
        return outcomes

    def _findings(self, document: Document, plan: Plan, found, directives) -> list[Finding]:
        """The rules' hits as sorted findings, masked and suppressed."""
        findings: set[Finding] = set()
        masked = bool(document.masked)  # plain text has no markup to keep hits out of
        for item, hits in found:
            if masked and not item.rule.points_into_markup:
                # A span must start and end in prose (it may cross inline markup).
                hits = [hit for hit in hits if not document.is_masked_at(hit.start)
                        and not document.is_masked_at(max(hit.end, hit.start + 1) - 1)]
            _add_findings(document, item, hits, findings)
        if not directives:
            return sorted(findings, key=Finding.sort_key)
        # One sort: which findings a directive drops, and whether it is used, do
        # not depend on their order.
        result = suppress.apply(findings, directives)
        reporter = plan.unused_suppression
        if reporter is not None:
            for directive, reason in suppress.unused(
                directives, [a.rule.id for a in plan.rules], self.registry.rules
            ):
                result.append(_unused_finding(document.path, directive, reason, reporter.severity))
        return sorted(result, key=Finding.sort_key)


def _hits(stories: list[tuple[int, Document]], plan: Plan) -> list:
    """For each story, its (active rule, hits) pairs for every rule that has
    any, or the InputError that stopped it (a RuleCrash for a rule's bug: a
    plugin's bug must not hide other stories' findings). Each rule runs over
    every story before the next rule does (see Linter.lint_texts)."""
    found: list = [[] for _ in stories]
    live = list(enumerate(document for _, document in stories))
    for item in plan.singles:
        check, options = item.rule.check, item.options
        failed = False
        for slot, document in live:
            try:
                hits = list(check(document, options))
            except Exception as exc:
                found[slot], failed = _stopped(document, item.rule.id, exc), True
                continue
            if hits:
                found[slot].append((item, hits))
        if failed:
            live = [(slot, document) for slot, document in live if isinstance(found[slot], list)]
    for slot, document in live:
        pairs, name = found[slot], "a rule pack"
        try:
            for pack in plan.scanner.scan(document):
                name, items = "a rule pack", plan.packs[pack]
                for rule, hits in pack.hits(document, items):
                    name = rule.id
                    pairs.append((items[rule.id], hits))
        except Exception as exc:
            found[slot] = _stopped(document, name, exc)
    return found


def _stopped(document: Document, name: str, exc: Exception) -> InputError:
    """What stops a story: a rule's InputError as it is (a rule that cannot do
    its job for this file, e.g. a required server), any other error as a RuleCrash."""
    if isinstance(exc, InputError):
        return exc
    crash = RuleCrash(f"{document.path}: rule {name} failed: {type(exc).__name__}: {exc}")
    crash.__cause__ = exc
    return crash


def _same_type(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float))
    if isinstance(default, (list, tuple)):
        return isinstance(value, (list, tuple))
    return isinstance(value, type(default))


def _relative(path: str, root) -> str:
    import os

    try:
        return os.path.relpath(os.path.abspath(path), root)
    except ValueError:
        return path


def _add_findings(document: Document, item: ActiveRule, hits, findings: set[Finding]) -> None:
    """Add ``hits`` of one rule to ``findings``, located.

    Why one loop for all of a rule's hits: what they share (path, rule id, the
    line starts) is looked up once, an end on its start's line (almost every
    hit) needs no second search, and findings are made by tuple.__new__ in C
    (a NamedTuple's own __new__, with keywords, is Python)."""
    path, lines, starts = document.path, document.lines, document._line_starts
    rule, severity = item.rule, item.severity
    rule_id = rule.id
    add = findings.add
    for start, end, message, suggestion, sub_rule, hit_severity in hits:
        last = end - 1 if end > start else start
        number, line_start, line_end, line_text = lines[max(bisect_right(starts, start) - 1, 0)]
        if last <= line_end:
            end_number, end_column = number, last - line_start + 2
        else:
            end_number, end_start, _, _ = lines[max(bisect_right(starts, last) - 1, 0)]
            end_column = last - end_start + 2
        add(tuple.__new__(Finding, (
            path, number, start - line_start + 1, end_number, end_column,
            sub_rule if sub_rule and sub_rule.startswith(rule.category + "/") else rule_id,
            hit_severity or severity, message, suggestion, line_text[:CONTEXT_LIMIT],
        )))


def _unused_finding(path: str, directive, reason: str, severity: Severity) -> Finding:
    names = ",".join(directive.rules) or "all rules"
    return Finding(
        path=path,
        line=directive.line,
        column=directive.column,
        end_line=directive.end_line,
        end_column=directive.end_column,
        rule=UNUSED_SUPPRESSION,
        severity=severity,
        message=f"Suppression of {names} {reason}; remove it.",
        context="",
    )
