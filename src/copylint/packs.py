"""YAML rule packs: editorial knowledge as data.

A pack is a YAML file of rules, each of one *kind*:

``existence``
    a phrase or pattern that must not appear (site chrome, a calque);
``substitution``
    a phrase with a better replacement (``swap: {bad: good}``).

Phrases of a pack compile into Aho-Corasick automata that scan the document once
(shared by every rule of the pack); regex patterns of a rule compile into one
alternation run with a timeout. Packs are validated strictly: a mistake is
reported with the pack's file and line and the run stops with exit 2.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import cached_property, lru_cache
from itertools import takewhile
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any, NamedTuple

import regex

from .finding import Hit, Severity
from .rule import CATEGORIES, Rule
from .rules._lazy import cached_regex, lazy_re, lazy_regex

REGEX_TIMEOUT = 0.5  # seconds per scan of one scope unit
# What can make a pattern match otherwise inside an alternation than alone: group
# numbers (backreferences, conditionals, recursion), subroutine calls, branch
# resets, global inline flags and \G.
_ALTERNATION_SENSITIVE = lazy_re(r"\\[0-9gG]|\(\?(?:\(|P[=>]|&|R|\||[+-]?[0-9]|[a-zA-Z0-9-]*\))")
SCOPES = ("line", "sentence", "paragraph", "headline", "body")
KINDS = ("existence", "substitution")
PACK_KEYS = {"pack", "description", "source-language", "language", "rules"}
RULE_KEYS = {
    "id", "kind", "severity", "message", "description", "rationale", "examples",
    "patterns", "swap", "scope", "case-sensitive", "word-boundary", "exceptions",
    "fixable", "enabled", "source-language",
}


class PackError(Exception):
    """A malformed pack; the message names file and line."""


@lru_cache(maxsize=1)
def _line_loader():
    """SafeLoader that remembers the line of every mapping (as ``__line__``).

    Built on first use: yaml is only imported when a pack is not in the cache."""
    import yaml

    class LineLoader(yaml.SafeLoader):
        pass

    def construct_mapping(loader, node, deep=False):
        mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return LineLoader


def load_yaml_with_lines(path: Path) -> Any:
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: cannot read rule pack: {exc}") from None
    try:
        return yaml.load(text, Loader=_line_loader())  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise PackError(f"{path}{line}: invalid YAML: {problem}") from None


class Pattern(NamedTuple):
    """One phrase or regex of a rule, with its replacement for substitutions."""

    text: str
    is_regex: bool
    suggestion: str | None = None


class PackRule(Rule):
    """A rule declared in a YAML pack (a plain class, not a dataclass: importing
    dataclasses costs a one-file run 6 ms)."""

    def __init__(
        self, *, id: str = "", kind: str = "existence", severity: Severity = Severity.WARNING,
        message: str = "", description: str = "", rationale: str = "", bad_example: str = "",
        good_example: str = "", scope: str = "sentence", case_sensitive: bool = False,
        word_boundary: bool = True, fixable: bool = False, enabled_by_default: bool = True,
        origin: str = "", source_languages: tuple[str, ...] = (), phrases: list[Pattern] | None = None,
        regexes: list[Pattern] | None = None, exceptions: list[str] | None = None,
        pack: Pack | None = None, options: dict | None = None, triggers: frozenset[str] | None = None,
        conditions: tuple[tuple[tuple[str, ...], ...], ...] | None = None,
    ) -> None:
        self.id = id
        self.kind = kind
        self.severity = severity
        self.message = message
        self.description = description
        self.rationale = rationale
        self.bad_example = bad_example
        self.good_example = good_example
        self.scope = scope
        self.case_sensitive = case_sensitive
        self.word_boundary = word_boundary
        self.fixable = fixable
        self.enabled_by_default = enabled_by_default
        self.origin = origin
        self.source_languages = source_languages
        self.phrases = phrases if phrases is not None else []
        self.regexes = regexes if regexes is not None else []
        self.exceptions = exceptions if exceptions is not None else []
        self.pack = pack
        self.options = options if options is not None else {}
        # Literals one of which any match of the regexes contains (see
        # required_literals); None: no such set, the regexes always run.
        self.triggers = triggers
        # Per regex, sets of texts a unit's folded text must hold one of each of for
        # the regex to match there (see _rule_conditions); None: every triggered
        # unit is scanned.
        self.conditions = conditions

    # Patterns compile on first use: a run compiles only the rules a story triggers.
    @cached_property
    def _flags(self) -> int:
        return 0 if self.case_sensitive else regex.IGNORECASE

    @cached_property
    def _singles(self) -> list:
        """Each pattern alone: a replacement's \\1 refers to its own groups (compiled
        only for a pattern whose match needs its replacement)."""
        return [lazy_regex(literal_first(p.text), self._flags) for p in self.regexes]

    @cached_property
    def _alone_as_combined(self) -> list[bool]:
        """Per pattern: whether it matches alone exactly where its branch of the
        combined pattern matches (nothing in it that the alternation changes)."""
        return [_ALTERNATION_SENSITIVE.search(p.text) is None for p in self.regexes]

    @cached_property
    def _regex(self):
        if not self.regexes:
            return None
        return cached_regex(
            "|".join(f"(?P<p{i}>{literal_first(p.text)})" for i, p in enumerate(self.regexes)),
            self._flags,
        )

    @cached_property
    def _exception(self):
        if not self.exceptions:
            return None
        return cached_regex("|".join(f"(?:{e})" for e in self.exceptions), regex.IGNORECASE)

    def check(self, document, options) -> Iterator[Hit]:
        pack = self.pack
        if pack is None:
            return iter(self.hits_in(document, (), None))
        phrases = pack.phrase_matches(document, self) if self.phrases else ()
        positions = pack.trigger_positions(document, self) if self.regexes else None
        return iter(self.hits_in(document, phrases, positions))

    def hits_in(self, document, phrases, positions) -> list[Hit]:
        """The hits, given the story scan's matches of the rule's phrases and where
        its trigger literals end (None: every unit may match its regexes)."""
        if not phrases and (not self.regexes or positions == []):
            return []  # the story's one scan shows nothing of this rule: no units needed
        units, starts = scope_spans(document, self.scope)
        candidates: list[tuple[int, int, str | None]] = []
        for start, end, pattern in phrases:
            if _unit_holding(units, starts, start, end) is not None:
                candidates.append((start, end, pattern.suggestion))
        if self.regexes and units:
            scan = units if positions is None else _units_at(units, starts, positions)
            if scan:
                self._regex_matches(document, scan, candidates)
        if not candidates:
            return []
        text = document.text
        hits = []
        for start, end, suggestion in sorted(set(candidates)):
            if start == end or self._excepted(text, start, end, units, starts):
                continue
            message = self.message.format(match=text[start:end], suggestion=suggestion or "")
            # Made by tuple.__new__ in C (a NamedTuple's own __new__ is Python), as the engine's findings.
            hits.append(tuple.__new__(Hit, (start, end, message, suggestion, None, None)))
        return hits

    def _may_match(self, folded_unit: str) -> bool:
        """Whether one of the regexes can match a unit, by its required texts."""
        if "  " in folded_unit:
            folded_unit = squeezed(folded_unit)
        for required in self.conditions:  # one regex's sets
            for choices in required:
                for text in choices:
                    if text in folded_unit:
                        break
                else:
                    break  # no text of this set: the regex cannot match here
            else:
                return True
        return False

    def _regex_matches(self, document, units, candidates: list) -> None:
        """Append the matches of the rule's regexes in ``units`` to ``candidates``,
        trying only the units that hold the regexes' required texts (conditions)."""
        text, conditions = document.text, self.conditions
        if conditions is not None and not _odd_case(document):
            folded, may_match = folded_text(document), self._may_match
        else:
            folded = None
        finditer = self._regex.finditer
        for u_start, u_end in units:
            if folded is not None and not may_match(folded[u_start:u_end]):
                continue
            unit = text[u_start:u_end]
            try:
                for match in finditer(unit, timeout=REGEX_TIMEOUT):
                    start, end = match.span()
                    candidates.append((u_start + start, u_start + end, self._suggestion_for(match, unit)))
            except TimeoutError:
                continue  # a pathological unit is skipped, never hangs the run

    def _suggestion_for(self, match, unit: str) -> str | None:
        """The replacement, expanded against the matching pattern alone (its own
        group numbers), matched where the combined pattern matched, with the same
        context for its lookarounds."""
        index = int(match.lastgroup[1:])
        suggestion = self.regexes[index].suggestion
        if suggestion is None:
            return None
        if "\\" not in suggestion and self._alone_as_combined[index]:
            return suggestion  # no group to expand: the pattern alone need not compile
        single = self._singles[index].match(unit, match.start(), timeout=REGEX_TIMEOUT)
        if single is None or single.end() != match.end():
            return None  # never offer an unexpanded template as a fix
        return single.expand(suggestion)

    def _excepted(self, text: str, start: int, end: int, units, starts) -> bool:
        if self._exception is None:
            return False
        index = _unit_holding(units, starts, start, end)
        if index is None:
            return False
        u_start, u_end = units[index]
        for match in self._exception.finditer(text[u_start:u_end], timeout=REGEX_TIMEOUT):
            if u_start + match.start() <= start and end <= u_start + match.end():
                return True
        return False


_LITERAL_CHAR = lazy_regex(r"[\p{L}\p{N} ]|\\[^\p{L}\p{N}\s]")
_QUANTIFIER = "?*+{"
_VERBOSE_FLAG = lazy_re(r"\(\?[a-zA-Z-]*x")


def literal_first(pattern: str) -> str:
    r"""``pattern`` with its leading lookbehinds moved after the literal they guard.

    Why: the regex module finds a literal fast, but a pattern that opens with a
    lookbehind (``(?<=\d\s)millones``, ``(?<!\b(?:was|is)\s+)\bassisted``) has the
    lookbehind tried at every position of the text, four to eight times slower.
    ``(?<=X)LIT`` matches exactly where ``LIT(?<=XLIT)`` does (likewise ``(?<!``),
    since LIT is fixed text; so does ``(?<!X)\bLIT`` as ``\bLIT(?<!XLIT)``. Patterns
    of any other shape are returned unchanged.
    """
    lookbehinds, position = [], 0
    while pattern.startswith(("(?<=", "(?<!"), position):
        end = _group_end(pattern, position)
        if end is None:
            return pattern
        lookbehinds.append((pattern[position:position + 4], pattern[position + 4:end - 1]))
        position = end
    if not lookbehinds or _VERBOSE_FLAG.search(pattern):
        return pattern
    boundary = "\\b" if pattern.startswith("\\b", position) else ""
    position += len(boundary)
    pieces = []
    while True:
        piece = _LITERAL_CHAR.match(pattern, position)
        if piece is None:
            break
        if pattern[piece.end():piece.end() + 1] and pattern[piece.end()] in _QUANTIFIER:
            break  # "milliards?": the s is not fixed text
        pieces.append(piece.group())
        position = piece.end()
    literal = "".join(pieces)
    if len(literal.replace("\\", "")) < 2:
        return pattern
    guards = "".join(f"{kind}{context}{literal})" for kind, context in lookbehinds)
    return f"{boundary}{literal}{guards}{pattern[position:]}"


def _group_end(pattern: str, start: int) -> int | None:
    """Offset just past the group opening at ``start`` (escapes and classes skipped)."""
    depth = 0
    for i, token, in_class in regex_tokens(pattern, start):
        if in_class:
            continue
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def regex_tokens(pattern: str, start: int = 0):
    """(offset, a character or an escape, whether it is part of a [class]) from ``start``."""
    i, in_class = start, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            yield i, pattern[i:i + 2], in_class
            i += 2
            continue
        if in_class:
            yield i, char, True
            in_class = char != "]"
        else:
            in_class = char == "["
            yield i, char, in_class
        i += 1


def scope_spans(document, scope: str) -> tuple[list[tuple[int, int]], list[int]]:
    """The (start, end) spans a rule of ``scope`` looks at, in order and disjoint,
    and their starts (for bisect); cached per document."""
    key = ("_scope", scope)
    spans = document.meta.get(key)
    if spans is None:
        units = _scope_units(document, scope)
        spans = document.meta[key] = (units, list(map(_first, units)))
    return spans


def _unit_holding(units, starts, start: int, end: int) -> int | None:
    """Index of the unit that holds ``[start, end)``, if any (units are disjoint)."""
    index = bisect.bisect_right(starts, start) - 1
    if index >= 0 and end <= units[index][1]:
        return index
    return None


def _units_at(units, starts, positions) -> list[tuple[int, int]]:
    """The units holding one of ``positions`` (ascending), each once, in order."""
    chosen = []
    unit_end = -1
    for position in positions:
        if position < unit_end:
            continue  # in the unit chosen last
        index = bisect.bisect_right(starts, position) - 1
        if index >= 0 and position < units[index][1]:
            chosen.append(units[index])
            unit_end = units[index][1]
    return chosen


# (start, end) of a sentence or paragraph, and a span's start.
_span, _first = attrgetter("start", "end"), itemgetter(0)


def _scope_units(document, scope: str) -> list[tuple[int, int]]:
    if scope == "line":  # without leading and trailing blanks (or masked markup)
        units = []
        for line in document.lines:
            text = line.text
            stripped = text.strip()
            if stripped:
                start = line.start + len(text) - len(text.lstrip())
                units.append((start, start + len(stripped)))
        return units
    if scope == "sentence":
        return list(map(_span, document.sentences))
    if scope == "paragraph":
        return list(map(_span, document.paragraphs))
    if scope == "headline":
        return [_span(document.headline)] if document.headline else []
    if scope == "body":
        return list(map(_span, document.body))
    raise ValueError(f"unknown scope {scope!r}")


# Every character regex's \s matches except the plain space (tested in test_packs).
_WHITESPACE = tuple(
    "\n\t\r\xa0\x0b\x0c\x85\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def folded_text(document) -> str:
    """Lower-cased text with every whitespace as one space, same length as the text."""
    cached = document.meta.get("_folded")
    if cached is None:
        lowered = document.text.lower()
        if len(lowered) != len(document.text):  # a few letters lower-case to two chars
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in document.text)
        for space in _WHITESPACE:  # str `in`/replace are far cheaper than a regex pass
            if space in lowered:
                lowered = lowered.replace(space, " ")
        cached = document.meta["_folded"] = lowered
    return cached


def required_literals(pattern: str) -> frozenset[str] | None:
    """Lower-cased strings one of which every match of ``pattern`` contains.

    Why: a pack holds dozens of regex rules and almost none match a given story;
    one Aho-Corasick pass over the story for these literals tells which regexes
    can match at all, so the rest never run. None when no selective set can be
    derived (the pattern then always runs); this is only ever a pre-filter.
    """
    parsed = _parse(pattern)
    return None if parsed is None else _best_literals(*parsed)


def _parse(pattern: str, lookbehind_text: bool = False):
    """(the stdlib parser's tree of ``pattern`` without its lookbehinds, the
    parser's constants), or None for syntax it does not read as the regex module does.
    ``lookbehind_text``: a lone leading ``(?<=X)`` is read as text ``X`` before the
    match (what it sees lies in the scanned unit too)."""
    try:
        from re import _constants as op, _parser as parser
    except ImportError:  # Python 3.10
        import sre_constants as op
        import sre_parse as parser
    if _MISREAD.search(pattern):
        return None
    if lookbehind_text and pattern.startswith("(?<="):
        end = _group_end(pattern, 0)
        if end is not None and not pattern.startswith(("(?<=", "(?<!"), end):
            pattern = "(?:" + pattern[4:]
    # Unicode properties (regex-module syntax) become wildcards: they hold no literal.
    analysable = regex.sub(r"\\[pP]\{[^}]*\}|\\[pP][A-Z]", ".", _without_lookbehinds(pattern))
    try:
        return parser.parse(analysable, 0), op
    except Exception:  # other regex-module syntax the stdlib parser does not know
        return None


# Regex-module syntax that the stdlib parser reads as text: a fuzzy-matching
# constraint ("(?:word){e<=1}") and a POSIX class ("[[:alpha:]]").
_MISREAD = lazy_re(r"\{[^}]*[<=>]|\[:\^?[a-z]+:\]")


def _without_lookbehinds(pattern: str) -> str:
    """Drop ``(?<=...)``/``(?<!...)``: the stdlib parser refuses variable-width ones,
    and a lookbehind's text is not part of the match anyway."""
    out: list[str] = []
    skip_to = 0
    for i, token, in_class in regex_tokens(pattern):
        if i < skip_to:
            continue
        if not in_class and pattern.startswith(("(?<=", "(?<!"), i):
            skip_to = _group_end(pattern, i)
            if skip_to is None:
                break  # unbalanced: nothing after it is analysed
            continue
        out.append(token)
    return "".join(out)


# A trigger literal that the pattern puts right after ``\\b`` is marked with the
# first prefix, one followed by ``\\b`` or a space with the second: it counts only
# where it starts (ends) a word ("count" in "count with", not in "country").
WORD_START, WORD_END = "\x00", "\x01"


def _best_literals(sequence, op) -> frozenset[str] | None:
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    boundary = False  # a \b just before the current run
    spaced = False  # a \s just before it

    def flush(next_item=None):
        nonlocal boundary, spaced
        if run:
            ends = next_item is not None and _ends_word(next_item, op)
            literal = "".join(run).lower()
            # A run between \s (or \b) and \s or \b is a whole word: ^own$ is not
            # found in "down" or "owner".
            literal = (WORD_START if boundary or (spaced and ends) else "") + literal
            literal += WORD_END if ends else ""
            candidates.append(frozenset({literal}))
            run.clear()
        boundary = spaced = False

    repeats = {op.MAX_REPEAT, op.MIN_REPEAT} | ({op.POSSESSIVE_REPEAT} if hasattr(op, "POSSESSIVE_REPEAT") else set())
    items = list(sequence)
    for position, (code, value) in enumerate(items):
        inner = None
        if code is op.LITERAL:
            run.append(chr(value))
            continue
        # A group sees what bounds it: the \b before it, the \s after it
        # ("\b(?:according|after)\s": ^according$, ^after$), and a branch the
        # letters the parser factored out of its alternatives ("a" of according|after):
        # its literals are not cut mid-word ("fter" is found in "afternoon").
        lead = [(op.AT, op.AT_BOUNDARY)] if boundary else []
        following = items[position + 1:position + 2]
        trail = following if following and _ends_word(following[0], op) and not (
            following[0][0] is op.AT) else []
        if code is op.BRANCH and run and run[-1].isalnum():
            lead += [(op.LITERAL, ord(char)) for char in run]
            run.clear()
        elif run:
            lead = []  # the \b bounds the text before the group
        flush((code, value))
        if code is op.AT and value is op.AT_BOUNDARY:
            boundary = True
            continue
        if code is not op.ASSERT and _ends_word((code, value), op):  # \s, \s+ (not (?=\s): no text)
            spaced = True
            continue
        if code is op.SUBPATTERN:
            inner = _best_literals(lead + list(value[3]) + trail, op)
        elif code is op.BRANCH:
            branches = [_best_literals(lead + list(alternative) + trail, op) for alternative in value[1]]
            inner = frozenset().union(*branches) if all(branches) else None
        elif code in repeats and value[0] >= 1:
            inner = _best_literals(value[2], op)
        elif getattr(op, "ATOMIC_GROUP", None) is code:
            inner = _best_literals(value, op)
        if inner:
            candidates.append(inner)
    flush()
    return _best_trigger([c for c in candidates if all(_selective(s) for s in c)])


def _ends_word(item, op) -> bool:
    """Whether a pattern item after a literal forces the literal to end a word."""
    code, value = item
    if code is op.AT:
        return value is op.AT_BOUNDARY
    if code is op.ASSERT and value[0] == 1 and value[1]:  # a lookahead opening with \s or \b
        return _ends_word(list(value[1])[0], op)
    if code in (op.MAX_REPEAT, op.MIN_REPEAT) and value[0] >= 1 and len(value[2]) == 1:
        code, value = value[2][0]
    return _is_space(code, value, op)


def _selective(literal: str) -> bool:
    literal = literal.strip(WORD_START + WORD_END)
    return len(literal.strip()) >= 3 or any(ord(ch) > 127 for ch in literal)


def unit_conditions(pattern: str) -> tuple[frozenset[str], ...]:
    """Sets of lower-case texts such that every match of ``pattern`` (with the
    text after it that its lookaheads see) holds one text of each set, in the
    folded text (``folded_text``: a ``\\s`` is a space there) with each run of
    spaces as one (``squeezed``: ``the\\s+also`` holds "the also").

    Why: the trigger scan tells which units hold *one* literal of a regex, but a
    regex costs microseconds per unit even where it fails; checking the unit for
    the regex's other required words (``own `` besides ``according``) with ``in``
    spares most of those runs. Only ASCII texts, so ``str.lower`` folds them as
    the regex matches them (a story with İ or ſ skips the check, see _odd_case);
    empty when nothing can be derived (regex-module syntax).
    """
    parsed = _parse(pattern, lookbehind_text=True)
    if parsed is None:
        return ()
    found = set(_required_texts(*parsed))
    return tuple(sorted(found, key=lambda choices: (len(choices), sorted(choices))))


def _required_texts(sequence, op, prefix: str = "") -> list[frozenset[str]]:
    found: list[frozenset[str]] = []
    run: list[str] = list(prefix)  # text that precedes ``sequence`` in every match

    def flush():
        literal = squeezed("".join(run))
        if len(literal.strip()) >= 3:
            found.append(frozenset({literal}))
        run.clear()

    repeats = {op.MAX_REPEAT, op.MIN_REPEAT} | ({op.POSSESSIVE_REPEAT} if hasattr(op, "POSSESSIVE_REPEAT") else set())
    items = _inlined(sequence, op)
    for position, (code, value) in enumerate(items):
        if code is op.LITERAL:
            char = chr(value)
            if char == " " or char in _WHITESPACE:
                run.append(" ")
            elif char.isascii():
                run.append(char.lower())
            else:
                flush()
            continue
        if _is_spaces(code, value, op, repeats):  # \s, \s+: one space in the squeezed unit
            run.append(" ")
            continue
        if code is op.AT or code is op.ASSERT_NOT:
            continue  # zero width: the texts on either side are adjacent
        before = "".join(run)  # text that opens every alternative, or a lookahead's text
        if code is op.BRANCH:
            # Each alternative is followed by the plain text after the group.
            after = list(takewhile(lambda item: item[0] is op.LITERAL or _is_spaces(*item, op, repeats),
                                   items[position + 1:]))
            best = [_most_selective(_required_texts(list(alternative) + after, op, before), before)
                    for alternative in value[1]]
            flush()
            found.extend([frozenset().union(*best)] if all(best) else [])
            continue
        if code is op.ASSERT and value[0] == 1:  # a lookahead sees text of the unit too
            found.extend(_required_texts(value[1], op, before))
            continue  # zero width: the text goes on after it
        flush()
        if code in repeats and value[0] >= 1:
            found.extend(_required_texts(value[2], op))
    flush()
    return found


def _inlined(sequence, op) -> list:
    """The items of ``sequence`` with each group's items in its place: a group
    (capturing, atomic, or setting flags as ``(?-i:May)``) matches just its contents."""
    items = []
    for code, value in sequence:
        if code is op.SUBPATTERN:
            items.extend(_inlined(value[-1], op))
        elif getattr(op, "ATOMIC_GROUP", None) is code:
            items.extend(_inlined(value, op))
        else:
            items.append((code, value))
    return items


def _is_spaces(code, value, op, repeats) -> bool:
    """Whether an item is ``\\s`` or a run of at least one (``\\s+``, ``\\s{1,3}``)."""
    if code in repeats and value[0] >= 1 and len(value[2]) == 1:
        code, value = value[2][0]
    return _is_space(code, value, op)


def squeezed(text: str) -> str:
    """``text`` with every run of spaces as one space.

    Why: a pattern's ``\\s+`` matches any number of spaces (in the folded text),
    so "the also" is a required text only of the squeezed unit."""
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def _is_space(code, value, op) -> bool:
    return code is op.IN and value == [(op.CATEGORY, op.CATEGORY_SPACE)]


def _best_trigger(choices: list[frozenset[str]]) -> frozenset[str] | None:
    """The set to key the story scan on: one not made of words common in news
    copy alone when there is one ('always' rather than 'according' for 'always
    according to', though shorter), then the most selective, a word mark counting as a
    letter (^own$, a whole word, is rarer than data$, found in "metadata")."""
    if not choices:
        return None
    return max(choices, key=lambda c: (
        not all(s.strip(WORD_START + WORD_END) in _COMMON_WORDS for s in c),
        min(map(len, c)), -len(c)))


def _most_selective(choices: list[frozenset[str]], opening: str = "") -> frozenset[str] | None:
    """The set whose shortest text is longest (then the smallest set), if any; a
    text's ``opening`` (what precedes every alternative, required anyway) not counted."""
    if not choices:
        return None
    opening = squeezed(opening)
    return max(choices, key=lambda c: (
        min(len(s) - (len(opening) if s.startswith(opening) else 0) for s in c), -len(c)))


def _odd_case(document) -> bool:
    """Whether the story holds a letter that a regex matches case-insensitively
    to an ASCII letter its ``str.lower`` is not (İ to i, ſ to s)."""
    odd = document.meta.get("_odd_case")
    if odd is None:
        odd = document.meta["_odd_case"] = "\u0130" in document.text or "\u017f" in document.text
    return odd


class Pack:
    """A loaded pack: its rules, scanned with the others of a run (PackSet)."""

    def __init__(self, path: Path, name: str, description: str, source_languages: tuple[str, ...]):
        self.path = path
        self.name = name
        self.description = description
        self.source_languages = source_languages
        self.rules: list[PackRule] = []
        self._exact: Any = None  # automaton of the case-sensitive phrases, or False
        self._alone: PackSet | None = None  # for a pack used outside a run's PackSet
        # Per-document caches in document.meta, under keys cheap to hash.
        self._phrase_key = ("_pack", name, str(path))
        self._trigger_key = ("_triggered", name, str(path))

    @cached_property
    def _always(self) -> frozenset[str]:
        """Rules whose regexes have no trigger literal: they scan every unit."""
        return frozenset(r.id for r in self.rules if r.regexes and r.triggers is None)

    @cached_property
    def _has_exact(self) -> bool:
        """Whether the pack has case-sensitive phrases (see exact_matches)."""
        return any(rule.case_sensitive and rule.phrases for rule in self.rules)

    @cached_property
    def _by_id(self) -> dict[str, tuple[int, PackRule]]:
        return {rule.id: (index, rule) for index, rule in enumerate(self.rules)}

    def hits(self, document, rule_ids) -> Iterator[tuple[PackRule, list[Hit]]]:
        """Hits of the pack's rules named in ``rule_ids``, running only the rules
        that the phrase and trigger scan show can match (in the pack's order)."""
        phrases, triggered, always = self._phrase_scan(document), self._trigger_scan(document), self._always
        if not (phrases or triggered or always):
            return
        by_id = self._by_id
        for _, rule in sorted(by_id[rule_id] for rule_id in phrases.keys() | triggered.keys() | always
                              if rule_id in rule_ids):
            rule_id = rule.id
            positions = None if rule_id in always else triggered.get(rule_id, [])
            hits = rule.hits_in(document, phrases.get(rule_id, ()), positions)
            if hits:
                yield rule, hits

    def trigger_positions(self, document, rule: PackRule) -> list[int] | None:
        """Where ``rule``'s trigger literals end; None when it has none and must
        scan everything."""
        if rule.id in self._always:
            return None
        return self._trigger_scan(document).get(rule.id, [])

    def phrase_matches(self, document, rule: PackRule) -> list[tuple[int, int, Pattern]]:
        """Matches of ``rule``'s phrases."""
        return self._phrase_scan(document).get(rule.id, [])

    def _trigger_scan(self, document) -> dict[str, list[int]]:
        if self._trigger_key not in document.meta:
            self._scan_alone(document)
        return document.meta[self._trigger_key]

    def _phrase_scan(self, document) -> dict[str, list]:
        if self._phrase_key not in document.meta:
            self._scan_alone(document)
        return document.meta[self._phrase_key]

    def _scan_alone(self, document) -> None:
        """A pack checked on its own (not through a run's PackSet) scans by itself."""
        if self._alone is None:
            self._alone = PackSet([self])
        self._alone.scan(document)

    def exact_matches(self, document) -> dict[str, list]:
        """Matches of the case-sensitive phrases, which the shared folded scan cannot see."""
        if self._exact is None:
            self._exact = self._build_exact()
        if not self._exact:
            return {}
        haystack = regex.sub(r"\s", " ", document.text)
        found: dict[str, list] = {}
        for end_index, (length, payload) in self._exact.iter(haystack):
            start, end = end_index + 1 - length, end_index + 1
            for rule, pattern in payload:
                if not rule.word_boundary or _at_word_boundaries(haystack, start, end):
                    found.setdefault(rule.id, []).append((start, end, pattern))
        return found

    def _build_exact(self):
        import ahocorasick

        entries: dict[str, list] = {}
        for rule in self.rules:
            if rule.case_sensitive:
                for pattern in rule.phrases:
                    entries.setdefault(pattern.text, []).append((rule, pattern))
        if not entries:
            return False
        automaton = ahocorasick.Automaton()
        for key, payload in entries.items():
            automaton.add_word(key, (len(key), payload))
        automaton.make_automaton()
        return automaton


class PackSet:
    """The packs of one run, scanned together.

    Why: each pack scanning the story twice (phrases, then trigger literals) costs
    more than the rules it then runs. One automaton holding every pack's
    case-insensitive phrases and trigger literals is walked once per story and
    fills each pack's per-document results; packs with case-sensitive phrases
    still scan for those themselves.
    """

    def __init__(self, packs):
        self.packs = list(packs)
        self._automaton: Any = None

    def _build(self):
        """The automaton (ahocorasick_rs's DFA: its overlapping walk, the same matches in
        the same order, costs a third of pyahocorasick's iter) and by key index its
        trigger entries (pack index, rule id, must start a word, must end a word) and
        phrase entries (pack index, rule, pattern)."""
        from ahocorasick_rs import AhoCorasick, Implementation

        entries: dict[str, tuple[list, list]] = {}
        for index, pack in enumerate(self.packs):
            for rule in pack.rules:
                if not rule.case_sensitive:
                    for pattern in rule.phrases:
                        entries.setdefault(pattern.text.lower(), ([], []))[1].append((index, rule, pattern))
                for literal in rule.triggers or () if rule.regexes else ():
                    key = literal.strip(WORD_START + WORD_END)
                    entries.setdefault(key, ([], []))[0].append(
                        (index, rule.id, literal.startswith(WORD_START), literal.endswith(WORD_END)))
        if not entries:
            return False
        automaton = AhoCorasick(list(entries), implementation=Implementation.DFA)
        return automaton, [(tuple(triggers), tuple(phrases)) for triggers, phrases in entries.values()]

    def scan(self, document) -> list[Pack]:
        """Fill every pack's phrase and trigger results for ``document``; the packs
        that may have hits (something found, or a rule that always runs), so that
        a run asks only those (most stories trigger two or three of a run's packs)."""
        if self._automaton is None:
            self._automaton = self._build()
        phrases: list[dict] = [{} for _ in self.packs]
        triggers: list[dict] = [{} for _ in self.packs]
        if self._automaton:
            folded = folded_text(document)
            size = len(folded)
            automaton, entries = self._automaton
            for key, start, end in automaton.find_matches_as_indexes(folded, overlapping=True):
                trigger_entries, phrase_entries = entries[key]
                if trigger_entries:
                    joined_before = start > 0 and folded[start - 1].isalnum()
                    joined_after = end < size and folded[end].isalnum()
                    for index, rule_id, word_start, word_end in trigger_entries:
                        if not (word_start and joined_before) and not (word_end and joined_after):
                            triggers[index].setdefault(rule_id, []).append(end - 1)
                for index, rule, pattern in phrase_entries:
                    if not rule.word_boundary or _at_word_boundaries(folded, start, end):
                        phrases[index].setdefault(rule.id, []).append((start, end, pattern))
        meta = document.meta
        live = []
        for pack, found, triggered in zip(self.packs, phrases, triggers):
            if pack._has_exact:
                for rule_id, matches in pack.exact_matches(document).items():
                    found.setdefault(rule_id, []).extend(matches)
            meta[pack._phrase_key] = found
            meta[pack._trigger_key] = triggered
            if found or triggered or pack._always:
                live.append(pack)
        return live


def _at_word_boundaries(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    first, last = text[start], text[end - 1]
    return not (first.isalnum() and before.isalnum()) and not (last.isalnum() and after.isalnum())


def _languages(path: Path, line: int, value: Any) -> tuple[str, ...]:
    """``source-language``: one language code or a list (a calque shared by several)."""
    if value is None:
        return ()
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(
        isinstance(v, str) and regex.fullmatch(r"[a-z]{2,3}", v) for v in values
    ):
        raise _fail(path, line, "'source-language' is a language code like es, or a list of them")
    return tuple(values)


def _fail(path: Path, line: int | None, message: str) -> PackError:
    return PackError(f"{path}:{line or 1}: {message}")


def _check_regex(path: Path, line: int, pattern: str) -> None:
    try:
        regex.compile(pattern)
    except regex.error as exc:
        raise _fail(path, line, f"invalid regex {pattern!r}: {exc}") from None


def _pattern_list(path: Path, line: int, value: Any, key: str) -> list[Pattern]:
    if not isinstance(value, list) or not value:
        raise _fail(path, line, f"'{key}' must be a non-empty list")
    patterns = []
    for item in value:
        if isinstance(item, str):
            patterns.append(Pattern(item, False))
        elif isinstance(item, dict) and set(item) - {"__line__"} <= {"phrase", "regex"} and len(
            set(item) - {"__line__"}
        ) == 1:
            if "regex" in item:
                _check_regex(path, item["__line__"], item["regex"])
                patterns.append(Pattern(item["regex"], True))
            else:
                patterns.append(Pattern(str(item["phrase"]), False))
        else:
            raise _fail(path, getattr(item, "get", lambda *_: line)("__line__", line),
                        f"each entry of '{key}' is a phrase or {{regex: ...}}")
    return patterns


def _swap_list(path: Path, line: int, value: Any) -> list[Pattern]:
    if not isinstance(value, dict) or len(value) <= 1:
        raise _fail(path, line, "'swap' must map each wrong phrase to its replacement")
    patterns = []
    for bad, good in value.items():
        if bad == "__line__":
            continue
        if not isinstance(good, str):
            raise _fail(path, line, f"replacement for {bad!r} must be a string")
        if bad.startswith("re:"):
            _check_regex(path, line, bad[3:])
            patterns.append(Pattern(bad[3:], True, good))
        else:
            patterns.append(Pattern(bad, False, good))
    return patterns


def load_pack(path: Path, origin: str) -> Pack:
    """Read one pack file: validated once per content (see diskcache), then built."""
    from .diskcache import cached

    # Keyed by this module too: what a validated spec holds changes with it.
    spec = cached("pack", (path, Path(__file__)), lambda: _validated_spec(path))
    pack = Pack(path, spec["pack"], spec["description"], tuple(spec["source_languages"]))
    for fields in spec["rules"]:
        fields = dict(fields)
        for key in ("phrases", "regexes"):
            fields[key] = [Pattern(*p) for p in fields[key]]
        pack.rules.append(PackRule(**fields, origin=f"{origin}:{path.name}", pack=pack))
    return pack


def _validated_spec(path: Path) -> dict:
    """The pack as plain data, after every check (patterns compiled once here)."""
    data = load_yaml_with_lines(path)
    if not isinstance(data, dict):
        raise _fail(path, 1, "a rule pack is a mapping with 'pack' and 'rules'")
    unknown = set(data) - PACK_KEYS - {"__line__"}
    if unknown:
        raise _fail(path, data["__line__"], f"unknown pack key(s): {', '.join(sorted(unknown))}")
    if not isinstance(data.get("pack"), str):
        raise _fail(path, data["__line__"], "missing 'pack' (the pack's name)")
    if not isinstance(data.get("rules"), list) or not data["rules"]:
        raise _fail(path, data["__line__"], "missing 'rules' (a non-empty list)")
    source_languages = _languages(path, data["__line__"], data.get("source-language"))
    seen: set[str] = set()
    rules = []
    for entry in data["rules"]:
        if not isinstance(entry, dict):
            raise _fail(path, data["__line__"], "each rule is a mapping")
        rules.append(_rule_fields(path, entry, source_languages, seen))
    return {"pack": data["pack"], "description": data.get("description", ""),
            "source_languages": list(source_languages), "rules": rules}


def _rule_fields(path: Path, entry: dict, pack_languages: tuple[str, ...], seen: set[str]) -> dict:
    line = entry["__line__"]
    unknown = set(entry) - RULE_KEYS - {"__line__"}
    if unknown:
        raise _fail(path, line, f"unknown rule key(s): {', '.join(sorted(unknown))}")
    rule_id = entry.get("id")
    if not isinstance(rule_id, str) or rule_id.count("/") != 1:
        raise _fail(path, line, f"rule id {rule_id!r} is not 'category/name'")
    category = rule_id.split("/")[0]
    if category not in CATEGORIES:
        raise _fail(path, line, f"rule {rule_id}: unknown category {category!r}")
    if rule_id in seen:
        raise _fail(path, line, f"rule {rule_id} is declared twice")
    seen.add(rule_id)
    kind = entry.get("kind", "existence")
    if kind not in KINDS:
        raise _fail(path, line, f"rule {rule_id}: kind must be one of {', '.join(KINDS)}")
    scope = entry.get("scope", "sentence")
    if scope not in SCOPES:
        raise _fail(path, line, f"rule {rule_id}: scope must be one of {', '.join(SCOPES)}")
    try:
        severity = Severity.parse(entry.get("severity", "warning"))
    except ValueError as exc:
        raise _fail(path, line, f"rule {rule_id}: {exc}") from None
    message = entry.get("message")
    if not isinstance(message, str) or not message:
        raise _fail(path, line, f"rule {rule_id}: missing 'message'")
    if kind == "existence":
        if "swap" in entry:
            raise _fail(path, line, f"rule {rule_id}: 'swap' belongs to substitution rules")
        patterns = _pattern_list(path, line, entry.get("patterns"), "patterns")
    else:
        if "patterns" in entry:
            raise _fail(path, line, f"rule {rule_id}: substitution rules use 'swap', not 'patterns'")
        patterns = _swap_list(path, line, entry.get("swap"))
    exceptions = []
    for item in _pattern_list(path, line, entry["exceptions"], "exceptions") if entry.get(
        "exceptions"
    ) is not None else []:
        exceptions.append(item.text if item.is_regex else regex.escape(item.text))
    examples = entry.get("examples") or {}
    if not isinstance(examples, dict) or set(examples) - {"bad", "good", "__line__"}:
        raise _fail(path, line, f"rule {rule_id}: 'examples' has keys 'bad' and 'good'")
    flags = {}
    for key in ("case-sensitive", "word-boundary", "fixable", "enabled"):
        if key in entry and not isinstance(entry[key], bool):
            raise _fail(path, line, f"rule {rule_id}: '{key}' must be true or false")
        flags[key] = entry.get(key)
    regexes = [p for p in patterns if p.is_regex]
    try:  # the rule's patterns must also work as one alternation
        regex.compile("|".join(f"(?P<p{i}>{p.text})" for i, p in enumerate(regexes)) or "x")
    except regex.error as exc:
        raise _fail(path, line, f"rule {rule_id}: patterns do not combine: {exc}") from None
    triggers = _rule_triggers(regexes)
    return dict(
        id=rule_id,
        kind=kind,
        severity=severity,
        message=message,
        description=entry.get("description") or message.split("{")[0].strip() or rule_id,
        rationale=entry.get("rationale", ""),
        bad_example=examples.get("bad", ""),
        good_example=examples.get("good", ""),
        scope=scope,
        case_sensitive=bool(flags["case-sensitive"]),
        word_boundary=flags["word-boundary"] is not False,
        fixable=bool(flags["fixable"]),
        enabled_by_default=flags["enabled"] is not False,
        source_languages=(
            _languages(path, line, entry["source-language"])
            if "source-language" in entry else pack_languages
        ),
        phrases=[tuple(p) for p in patterns if not p.is_regex],
        regexes=[tuple(p) for p in regexes],
        exceptions=exceptions,
        triggers=triggers,
        conditions=_rule_conditions(regexes, triggers),
    )


def _rule_triggers(regexes: list[Pattern]) -> frozenset[str] | None:
    if not regexes:
        return None
    found: set[str] = set()
    for pattern in regexes:
        literals = required_literals(pattern.text)
        if literals is None:
            return None
        found |= literals
    # 'arriv' finds every 'arrive' (^arriv every ^arrive): the longer one only
    # repeats its positions.
    return frozenset(t for t in found if not any(_subsumes(o, t) for o in found))


def _subsumes(shorter: str, longer: str) -> bool:
    """Whether every place that trigger ``longer`` counts holds trigger ``shorter``."""
    marks = WORD_START + WORD_END
    text, within = shorter.strip(marks), longer.strip(marks)
    if shorter == longer or text not in within:
        return False
    return (not shorter.startswith(WORD_START) or longer.startswith(WORD_START) and within.startswith(text)) \
        and (not shorter.endswith(WORD_END) or longer.endswith(WORD_END) and within.endswith(text))


# Words too common in news copy to tell stories or units apart: a set holding one
# is not worth checking, nor keying the story scan on (most stories hold each).
_COMMON_WORDS = frozenset(
    "the and that this with for from was were has have had are his her its their "
    "which will said been also but they who one according after about than "
    "into over other there when what would could".split())
_MAX_CHOICES = 32  # texts per checked set: more cost about what the regex run spares


def _rule_conditions(regexes: list[Pattern], triggers) -> tuple[tuple[tuple[str, ...], ...], ...] | None:
    """Per regex, up to two sets of texts that a unit must hold one of each of
    for that regex to match there: its most selective required sets
    (unit_conditions) that the trigger scan does not already prove, that hold no
    very common word and are small enough to be worth checking. None when a
    regex has no such set (any triggered unit may match it)."""
    if not regexes:
        return None
    known = {t.strip(WORD_START + WORD_END) for t in triggers or ()}
    conditions = []
    for pattern in regexes:
        useful = []
        for choices in unit_conditions(pattern.text):
            # A text that holds another of the set adds nothing to the check.
            texts = {t for t in choices if not any(o != t and o in t for o in choices)}
            if len(texts) <= _MAX_CHOICES and not any(
                    t.strip() in k for t in texts for k in known) and not any(
                    t.strip() in _COMMON_WORDS for t in texts):
                useful.append(tuple(sorted(texts)))
        if not useful:
            return None
        useful.sort(key=lambda c: (len(c), -min(len(t.strip()) for t in c)))
        chosen: list[tuple[str, ...]] = []
        for texts in useful:  # not a set that one chosen implies ("the also " after "the also")
            if not any(all(any(c in t for c in texts) for t in kept) for kept in chosen):
                chosen.append(texts)
        conditions.append(tuple(chosen[:2]))
    return tuple(dict.fromkeys(conditions))  # "asked", "asks": one check of the same words


def iter_pack_files(folder: Path) -> list[Path]:
    """Pack files below ``folder``; ``data/`` holds data files that Python rules read."""
    return sorted(
        p for p in folder.rglob("*")
        if p.suffix in (".yaml", ".yml") and "data" not in p.relative_to(folder).parts[:-1]
    )

