"""Shared by the boilerplate rules that look at how a line opens, or for phrases.

Not a rule module. Matching each line with an anchored ``match`` costs one attempt per
line; a multiline ``^`` search (or a YAML pack regex) is tried at every character.
Line gates (:class:`LineGate`) go further: one search over the story, led by the
line breaks, picks the few lines whose opening word can start a match.
"""

from __future__ import annotations

import re
from functools import cached_property

from ..packs import folded_text
from ._lazy import LazyPattern, Openings, lazy_re

# Indentation or masked markup (any amount), then bullets or arrows, may open a
# furniture line.
LEAD_IN = r"[^\S\n]*[^\w\s]{0,6}[^\S\n]*"
# Letters that re and regex also take for an ASCII letter when case is ignored
# (the re documentation lists them).
_CASE_FORMS = {"i": "iIİı", "k": "kK\u212a", "s": "sSſ"}
_HEAD = lazy_re(r"[a-zA-Z0-9 ]*")
_LEAD_IN = lazy_re(LEAD_IN)
_HEAD_LETTERS = 6
_GATES: list[LineGate] = []  # every gate made, in order
_SEARCH: list = [0, None]  # how many gates the search covers, and the search


def compile_line_start(alternatives: str, tail: str, engine=lazy_re) -> LazyPattern:
    """``alternatives`` opening a line (after a lead-in), then ``tail``; group ``hit`` is reported.

    ``engine``: :func:`lazy_regex` when the pattern needs its syntax (\\p{..}, scoped flags).
    """
    return engine(rf"{LEAD_IN}(?P<hit>(?:{alternatives}){tail})", re.IGNORECASE)


class LineGate:
    """The alternatives one of which every line a line pattern matches opens with.

    ``alternatives``: stdlib ``re`` regexes, no verbose syntax, none crossing a line
    end; for a pattern that needs the regex module, each opening with ASCII letters
    (the stdlib ignores case at least as widely for those). Why: a case-blind
    alternative costs its attempt even where the line's first letter rules it out.
    The alternatives of all the gates make one trie, its first letters classes of
    all the forms case-blind matching allows, searched for once per story, so most
    lines fail at a character test or two; each gate then keeps its own lines.
    """

    def __init__(self, alternatives) -> None:
        self.alternatives = tuple(alternatives)
        _GATES.append(self)

    def admits(self, line: str) -> bool:
        """False proves that no alternative of this gate opens ``line`` after its lead-in.

        Why: the one search finds the lines of every gate; a line rule whose own gate
        rules all of them out then never compiles its pattern (3 ms for a stamp's).
        """
        openings = self._openings
        return openings is None or openings.admits(line[_LEAD_IN.match(line).end():])

    @cached_property
    def heads(self) -> list[str]:
        """Each alternative's literal head, lower-cased and cut to the letters the
        search tells lines by ("": it has none)."""
        return [_literal_head(alternative)[:_HEAD_LETTERS].lower() for alternative in self.alternatives]

    @cached_property
    def _openings(self) -> Openings | None:
        """The heads; None if an alternative has none (or one opens with a space,
        which the lead-in may take)."""
        return Openings(self.heads) if all(head[:1].strip() for head in self.heads) else None


def _gate_lines(document) -> list:
    """The lines that may open like an alternative of some gate.

    The search looks for the line break before such a line; the first line, with no
    break before it, is tried as if it had one (so a story whose top opens like no
    gate never compiles the gated patterns)."""
    cached = document.meta.get("boilerplate.gate_lines")
    if cached is None or cached[0] != len(_GATES):
        if _SEARCH[0] != len(_GATES):
            _SEARCH[:] = [len(_GATES), _compile_search(_GATES)]
        lines, position, search = document.lines, document.position, _SEARCH[1]
        found = [lines[position(match.start() + 1)[0] - 1] for match in search.finditer(document.text)]
        if search.match("\n" + document.text):
            found.insert(0, lines[0])
        cached = document.meta["boilerplate.gate_lines"] = (len(_GATES), found)
    return cached[1]


def _compile_search(gates) -> LazyPattern:
    """A search for the line breaks before lines that may open like an alternative.

    The literal heads, cut to their first letters (enough to tell almost every line
    of prose), make a trie behind a test of the first letter: a line fails at its
    first letter that no head goes on with.
    """
    heads, whole = set(), set()
    for gate in gates:
        for alternative, head in zip(gate.alternatives, gate.heads):
            if head:
                heads.add(head)
            else:
                whole.add(f"(?i:{alternative})")
    first = "".join(sorted({case_forms(head[0]) for head in heads}))
    branches = ([f"(?=[{first}]){_trie(heads)}"] if heads else []) + sorted(whole)
    return lazy_re(rf"\n{LEAD_IN}(?:{'|'.join(branches)})")


def _trie(heads: set[str], top: bool = True) -> str:
    """A regex for what opens with one of ``heads`` (lower case), case ignored.

    Each first letter is a case-sensitive class of its case forms, so re tries a
    branch only on a line that opens with its letter; the letters after it are
    matched case-blind (the same characters: tests/test_boilerplate_gates.py), which
    the stdlib compiles ten times faster than hundreds of classes (5 ms a run).
    """
    if "" in heads:
        return ""  # a head ends here: enough for a gate
    groups: dict[str, set[str]] = {}
    for head in heads:
        groups.setdefault(head[0], set()).add(head[1:])
    branches = [_trie_branch(char, _trie(rests, top=False), top) for char, rests in sorted(groups.items())]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _trie_branch(char: str, rest: str, top: bool) -> str:
    if not top:
        return char + rest  # inside the (?i:...) of a first letter
    return f"[{case_forms(char)}](?i:{rest})" if rest else f"[{case_forms(char)}]"


def case_forms(char: str) -> str:
    """``char`` in every form that case-blind matching (re's or regex's) takes for it."""
    return _CASE_FORMS.get(char, char + char.upper() if char.isalpha() else char)


def _literal_head(alternative: str) -> str:
    """The ASCII letters, digits and spaces every match of ``alternative`` opens with."""
    if _alternates_at_top(alternative):
        return ""
    head = _HEAD.match(alternative).group()
    if alternative[len(head):len(head) + 1] in ("?", "*", "{"):
        head = head[:-1]  # its last character is optional
    return head


def _alternates_at_top(alternative: str) -> bool:
    """Whether ``alternative`` has a ``|`` outside its groups."""
    if "|" not in alternative:
        return False  # most are phrases: not worth tokenizing
    from ..packs import regex_tokens

    depth = 0
    for _, token, in_class in regex_tokens(alternative):
        if in_class:
            continue
        if token in "()":
            depth += 1 if token == "(" else -1
        elif token == "|" and depth == 0:
            return True
    return False


class Phrases:
    """Lower-case phrases a rule looks for anywhere in the folded text.

    Why: a substring search of the story costs a microsecond or two whatever it
    looks for (but a single character, which costs a tenth), and the boilerplate
    phrases are many and rare; the phrases of every set made are found in one
    Aho-Corasick walk per story, shared by the rules.
    """

    def __init__(self, phrases) -> None:
        self.phrases = tuple(phrases)
        _PHRASE_SETS.append(self)

    def found(self, document) -> dict[str, list[int]]:
        """The starts of each of the phrases the story holds, overlapping ones too."""
        found = _found_phrases(document)
        return {phrase: found[phrase] for phrase in self.phrases if phrase in found}

    def starts(self, document) -> list[tuple[int, str]]:
        """(start, phrase) of every occurrence of the phrases, overlapping ones too."""
        return [(start, phrase) for phrase, starts in self.found(document).items()
                for start in starts]


_PHRASE_SETS: list[Phrases] = []  # every set made, in order
_WALK: list = [0, None]  # how many sets the automaton covers, and (automaton, its phrases)


def _found_phrases(document) -> dict[str, list[int]]:
    """The starts in the folded text of each phrase of every set that occurs there."""
    cached = document.meta.get("boilerplate.phrases")
    if cached is None or cached[0] != len(_PHRASE_SETS):
        if _WALK[0] != len(_PHRASE_SETS):
            from ahocorasick_rs import AhoCorasick, Implementation

            phrases = sorted({phrase for found in _PHRASE_SETS for phrase in found.phrases})
            _WALK[:] = [len(_PHRASE_SETS),
                        (AhoCorasick(phrases, implementation=Implementation.DFA), phrases)]
        automaton, phrases = _WALK[1]
        found: dict[str, list[int]] = {}
        for index, start, _ in automaton.find_matches_as_indexes(folded_text(document), overlapping=True):
            found.setdefault(phrases[index], []).append(start)
        cached = document.meta["boilerplate.phrases"] = (len(_PHRASE_SETS), found)
    return cached[1]


def line_hits(document, pattern: LazyPattern, gate: LineGate | None = None):
    """(start, end) of the ``hit`` group on every line that ``pattern`` matches at its start.

    ``gate``: the pattern's :class:`LineGate`; only the lines the gates find are
    tried. Trailing blanks are left out: in HTML they are masked markup ("</p>"),
    where a finding may not end.
    """
    lines = document.lines if gate is None else [line for line in _gate_lines(document) if gate.admits(line.text)]
    match_line = pattern.match if lines else None  # (no line to try: nothing to compile)
    for line in lines:
        if line.text:
            match = match_line(line.text)
            if match:
                start = match.start("hit")
                end = start + len(match.group("hit").rstrip())
                yield line.start + start, line.start + end
