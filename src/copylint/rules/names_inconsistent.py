"""names/inconsistent: one person or place spelt two ways in the same story."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from itertools import compress, islice, repeat
from operator import attrgetter, eq, itemgetter, methodcaller

import regex

from ..finding import Hit, Severity
from ..resources import load_data
from ..rule import Rule
from ._lazy import lazy_re, lazy_regex
from .names_common import PARTICLES, fold, glossary, name_runs, strip_marks

# A capitalised word of 5+ letters, not all capitals (acronyms are not spellings),
# or capitalised words hyphenated ("Jean-Luc", "Keller-Sutter": compared with the
# same words spaced). No look-behind, for speed: a mid-word capital may start one.
_CAP_WORD = lazy_regex(
    r"\p{Lu}\p{Ll}[\p{L}\p{M}]*(?:-\p{Lu}[\p{L}\p{M}]+)+|\p{Lu}\p{Ll}[\p{L}\p{M}]{3,}"
)
# Latin letters with accents: most English stories have none and skip the next pass.
# re scans a plain class faster than regex; compiled on first use (few stories ask)
_ACCENTED = lazy_re("[À-ÖØ-öø-ɏ]")
# Short capitalised words with an accent ("Luís", "Díaz"): compared with their plain form.
# The capital is matched once, before the alternatives (twice as fast a scan).
_SHORT_MARKED = lazy_regex(
    r"(?V1)(?<![\p{L}\p{M}])\p{Lu}(?:(?<=[^\p{ASCII}])[\p{L}\p{M}]{1,3}"
    r"|[a-z]{0,2}[\p{L}--\p{ASCII}][\p{L}\p{M}]{0,2})(?![\p{L}\p{M}])"
)
# A name with "Junior" spelt out, compared with the same name with "Jr.".
_JUNIOR = lazy_regex(r"(\p{Lu}[\p{L}\p{M}]+) Junior\b")
_WORD_BEFORE = lazy_regex(r"(\p{Lu}[\p{L}\p{M}]+)[ \-]$")
_WORD_AFTER = lazy_regex(rf"[ \-](?:(?:{PARTICLES})[ \-])*(\p{{Lu}}[\p{{L}}\p{{M}}]+)")
_OPENERS = "\"'“‘«(["

# Endings that make a related word, not another spelling: Russia/Russian,
# Islamic/Islamist, Kazakh/Kazakhs, Tokayev/Tokayeva, Louis/Louise.
_SUFFIXES = ("ians", "ists", "ian", "ans", "ese", "ics", "ist", "ism", "an", "es", "ic",
             "ia", "ns", "is", "s", "n", "i", "a", "e", "")

# Capitalised words of institutions, titles and the calendar: spelt alike by design
# (Minister/Ministry, Council/Counsel, Senate/Senator, Defence/Defense is a
# different house-style question).
_COMMON = frozenset(
    """
    minister ministers ministry council counsel councils senate senator senators
    secretary secretariat general generals governor government president presidency
    premier director directorate committee commission commissioner command commander
    department deputy deputies officer office official national nations nationalist
    federal federation republic republican democrat democrats democratic union unions
    united states statement security securities service services authority
    authorities agency agencies organization organisation organizations organisations
    association assembly parliament court courts supreme central eastern western
    northern southern christian christians catholic orthodox islamic islamist muslim
    muslims treaty treaties forces force armed military police policy party parties
    front coalition international internal interior foreign affairs defence defense
    monday tuesday wednesday thursday friday saturday sunday january february march
    april june july august september october november december prime chancellor
    senior junior district districts province provinces region regions county
    counties square street avenue prince princess sheikh colonel captain major
    """.split()
)
_COMMON_CAPITALISED = frozenset(w.capitalize() for w in _COMMON)
# Words before a name that are titles, not a first name (for the shared-context test).
_TITLES = frozenset(
    """
    president minister prime foreign mr mrs ms dr gen general king queen prince princess
    sheikh pope senator governor mayor chancellor secretary premier colonel captain
    spokesman spokeswoman leader chief judge emir sultan ayatollah
    """.split()
)


class NamesInconsistent(Rule):
    id = "names/inconsistent"
    severity = Severity.WARNING
    fixable = True
    description = "A person or place spelt two ways in the same story (Tokayev/Tokaev)."
    rationale = (
        "Translated copy mixes transliterations when parts of a story come from different "
        "sources or tools: Tokayev and Tokaev, Odesa and Odessa, Erdoğan and Erdogan, "
        "Keller-Sutter and Keller Sutter, Luís and Luis. Capitalised names are compared "
        "after folding diacritics and hyphens; spellings one or two letters apart are one "
        "name, and so are first names one initial apart before the same surname "
        "(Constantin/Konstantin Popescu). The fix offered is the glossary's spelling, a place's "
        "English name, or a clear majority (two occurrences more); otherwise, as with "
        "one 'Huamani' and one 'Huamanni', which is right is unknown, and each "
        "odd spelling is reported with the lines of the other, without a fix. Ordinary "
        "English words (Shell the company, not a spelling of Shelly), related words "
        "(Russia/Russian, Islamic/Islamist, Tokayev/Tokayeva) stay silent unless both sit "
        "beside the same name (Bassirou Diomaye Faye, Bassirou Diomay Faye); a place is "
        "compared only with other names of the same place (Germany is not German, Germán "
        "or Germain); institutional words (Minister/Ministry), known look-alikes "
        "(Austria/Australia, Gambia/Zambia), words also used in lower case in the story, "
        "and names whose neighbours show two different people (John Smith, Jane Smyth; "
        "Luís Montenegro, Luis Planas) stay silent."
    )
    bad_example = "President Kassym-Jomart Tokayev spoke. ... Tokaev said the order was restored."
    good_example = "President Kassym-Jomart Tokayev spoke. ... Tokayev said the order was restored."

    def check(self, document, options):
        # The capitalised words are those of the story's runs of name words (page
        # furniture included): a candidate pair counts only where both spellings occur
        # in the prose (_Finder.positions).
        text = document.text
        runs = name_runs(document)
        if runs.marked:  # accent marks after a run: a word may go on past them ("é-Luc")
            found = [_words_of(tuple(_CAP_WORD.findall(text)), tuple(_SHORT_MARKED.findall(text)))]
        else:
            found = list(filter(None, map(_run_words, runs.distinct)))
        keys = set().union(*map(_KEYS, found))  # capitalised words
        extras = set().union(*filter(None, map(_EXTRAS, found)))
        pairs = [(a, b) for a, b, short in extras if not short]  # hyphenated, spaced
        shorts = [(a, b) for a, b, short in extras if short]
        # The words are the text's: one with a Latin accent spares searching the text.
        if shorts and (any(_ACCENTED.search(a) for a, _ in shorts) or _ACCENTED.search(text)):
            pairs += [(a, b) for a, b in shorts if _whole_in(text, a)]
        pairs += _close_pairs(keys)
        if "Junior" in text and "Jr" in text:
            pairs += [(f"{name} Jr.", f"{name} Junior") for name in set(_JUNIOR.findall(text))]
        # Most stories have no two words (institutional ones lower-cased) whose folded
        # spellings differ at most in their first letter: as many tails as spellings.
        if len(set().union(*map(_TAILS, found))) < len(set().union(*map(_SPELLINGS, found))):
            pairs += _initial_pairs(keys, set().union(*map(_COMMONS, found)), text)
        pairs = [pair for pair in pairs if _alike(*pair)]
        if not pairs:
            return
        finder = _Finder(document)
        for group in _group([pair for pair in pairs if _same_name(*pair, finder)]):
            yield from _report(document, {form: finder.positions(form) for form in group})


@lru_cache(maxsize=1 << 16)
def _run_words(run: str):
    """What _words_of finds in a run of name words; cached, as stories repeat names.

    Every capitalised word of the text lies in a run, whole unless accent marks follow
    the run. A run may start inside a word ("aÉric"), so a short accented word found
    here is kept only if the text has it whole (_whole_in). None for a run with none
    ("The", "EFE", "May": a quarter of a story's runs), which the story's unions skip.
    """
    words = _CAP_WORD.findall(run)
    short = () if run.isascii() else _SHORT_MARKED.findall(run)
    return _words_of(tuple(words), tuple(short)) if words or short else None


def _words_of(words: tuple[str, ...], short: tuple[str, ...]):
    """Tuples (merged by one set union each across a story's runs; tuples, not frozensets:
    a quarter of the memory, and the collector stops tracking them) of: a key of each
    capitalised word but institutional ones (_COMMON), the institutional words,
    (spelling, other spelling, short) pairs to compare, and for _initial_pairs' test the
    folded words and lower-cased institutional words (these marked by a leading NUL), and
    their tails.

    A key is the folded word, a NUL and the word: sorted, keys of words sharing a folded
    head stand together. Hyphenated words ("Jean-Luc", "Keller-Sutter") are compared with
    the same words spaced, and their parts of 5+ letters with the other words; short
    accented words ("Luís") with their plain form.
    """
    extras = [(w, w.replace("-", " "), False) for w in words if "-" in w]
    if extras:
        words = [part for w in words for part in w.split("-") if len(part) >= 5]
    # Each part is merged into a set: a word's order and repeats in the run do not count.
    common = tuple(_COMMON_CAPITALISED.intersection(words))
    if common:
        words = [w for w in words if w not in _COMMON_CAPITALISED]
    folds = tuple(map(fold, words))
    lowered = tuple(map(str.lower, common))
    if short:
        extras += [(w, strip_marks(w), True) for w in short]
    return (tuple(map("\0".join, zip(folds, words))), common, tuple(extras),
            folds + tuple("\0" + c for c in lowered), tuple(map(_TAIL, folds + lowered)))


def _whole_in(text: str, word: str) -> bool:
    """Whether _SHORT_MARKED matches ``word`` somewhere in the text."""
    start = text.find(word)
    while start >= 0:
        match = _SHORT_MARKED.match(text, start)
        if match and match.end() == start + len(word):
            return True
        start = text.find(word, start + 1)
    return False


def _report(document, found: dict[str, list[int]]):
    """Hits for one name spelt several ways, with a fix only when the right one is clear.

    Spellings that differ only in accents, hyphens or "Jr." are a house-style choice:
    a place's English name, else the commoner (else the first) spelling, is kept.
    Otherwise the glossary's spelling (a listed surname or middle name counts), or a place's English
    name, is right. Failing that, the majority is trusted only when it is clear (two
    occurrences more than any other spelling). "Huamani" once and "Huamanni" once, or twice
    against once, says nothing sure about which is the misspelling: then every
    spelling but a leading one is reported, pointing at the others, with no fix.
    """
    ranked = sorted(found, key=lambda f: (-len(found[f]), found[f][0]))
    known = [f for f in ranked if _known_spelling(f)]
    counts = [len(found[f]) for f in ranked]
    right = lead = None
    if len({fold(f).replace(" jr.", " junior") for f in found}) == 1:
        # Accents, hyphens, "Jr.": a house-style choice; a place's English name, else the
        # commoner spelling, wins.
        right = max(ranked, key=_english_place)
    elif known:
        right = known[0]
    elif counts[0] >= counts[1] + 2:
        right = ranked[0]
    elif counts[0] > counts[1]:
        lead = ranked[0]
    for form in sorted(found, key=lambda f: found[f][0]):
        if form in (right, lead):
            continue
        if right is not None:
            message = f"'{form}' is spelt '{right}' elsewhere in this story; use one spelling."
        else:
            others = "; ".join(f"'{other}' on {_lines(document, found[other])}"
                               for other in sorted(found, key=lambda f: found[f][0])
                               if other != form)
            message = f"'{form}' here, {others}: use one spelling."
        for start in found[form]:
            yield Hit(start, start + len(form), message, right)


@lru_cache(maxsize=1)
def _known_spellings() -> frozenset[str]:
    """Folded correct spellings of the glossary, and its people's names but the first
    word: a surname or middle name is one person's ("Diomaye"), a first name is
    many people's ("Klaus" Iohannis says nothing about another man's "Claus")."""
    data = glossary()
    return data.accepted_any | {word for entry in data.entries if entry.kind == "person"
                                for spelling in entry.accepted for word in spelling.split()[1:]
                                if len(word) >= 4}


def _known_spelling(form: str) -> bool:
    return fold(form) in _known_spellings() or _english_place(form)


def _one_sentence(text: str, a: str, b: str) -> bool:
    return bool(regex.search(rf"\b{regex.escape(a)}\b[^.!?\n]*\b{regex.escape(b)}\b"
                             rf"|\b{regex.escape(b)}\b[^.!?\n]*\b{regex.escape(a)}\b", text))


def _lines(document, starts: list[int]) -> str:
    numbers = sorted({document.position(start)[0] for start in starts})
    if len(numbers) == 1:
        return f"line {numbers[0]}"
    return "lines " + ", ".join(map(str, numbers[:-1])) + f" and {numbers[-1]}"


def _initial_pairs(keys: set[str], common: set[str], text: str) -> list[tuple[str, str]]:
    """First names one initial letter apart before the same surname (Constantin/Konstantin Popescu).

    Spellings that differ in their first letter are not compared in general
    (Mason/Jason are two names); beside one surname they are one person, unless
    one sentence names both ("Dario Rossi and his twin Mario Rossi"). ``keys`` are the
    story's capitalised words but institutional ones as _words_of gives them, ``common``
    the institutional words (folded, they are lower case).
    """
    entries = [(folded, word, False) for folded, _, word in map(_UNKEY, keys)]
    entries += [(folded, word, True) for folded, word in zip(map(str.lower, common), common)]
    rests = [folded[1:] for folded, _, _ in entries]
    shared = {rest for rest, count in Counter(rests).items() if count > 1}
    by_rest: dict[str, list[tuple[str, str, bool]]] = {}
    for entry, rest in zip(entries, rests):
        if rest in shared:
            by_rest.setdefault(rest, []).append(entry)
    pairs = []
    for group in by_rest.values():
        # Spellings that fold alike (Erdoğan/Erdogan) are close pairs already.
        candidates = [(a, b) for i, (fa, a, ca) in enumerate(group) for fb, b, cb in group[i + 1:]
                      if fa != fb or ca or cb]
        if not candidates:
            continue
        followers = {
            w: set(regex.findall(rf"\b{regex.escape(w)} (\p{{Lu}}[\p{{L}}\p{{M}}]+)", text))
            for w in {word for pair in candidates for word in pair}
        }
        pairs += [(a, b) for a, b in candidates
                  if followers[a] & followers[b] and not _one_sentence(text, a, b)]
    return pairs


_HEAD = itemgetter(slice(0, 2))
_TAIL = itemgetter(slice(1, None))
_UNKEY = methodcaller("partition", "\0")  # (folded, NUL, word) of a key
_KEYS, _COMMONS, _EXTRAS, _SPELLINGS, _TAILS = map(itemgetter, range(5))  # of _words_of


def _close_pairs(keys: set[str]) -> list[tuple[str, str]]:
    """Pairs of words one or two edits apart once folded (one for short words).

    Only words sharing their first two folded letters are compared: variant
    spellings of one name differ further in (Tokayev/Tokaev, Odesa/Odessa), and
    comparing every pair would cost a story's speed budget. Institutional words
    (_COMMON) have no key. Sorted, keys of words sharing a head stand together, and
    only those are looked at, two by two (_close_keys).
    """
    group = sorted(keys)
    heads = list(map(_HEAD, group))
    pairs = []
    for i in compress(range(len(heads)), map(eq, heads, islice(heads, 1, None))):
        end = bisect_right(heads, heads[i], i + 2)
        pairs += filter(None, map(_close_keys, repeat(group[i], end - i - 1), group[i + 1:end]))
    return pairs


@lru_cache(maxsize=1 << 14)
def _close_keys(key_a: str, key_b: str) -> tuple[str, str] | None:
    """The words of two keys (folded word, NUL, word) if close enough to be one name;
    cached, as stories repeat the same words."""
    fa, _, a = key_a.partition("\0")
    fb, _, b = key_b.partition("\0")
    limit = 1 if min(len(fa), len(fb)) <= 6 else 2
    if abs(len(fa) - len(fb)) > limit:
        return None
    from rapidfuzz.distance import Levenshtein

    return (a, b) if Levenshtein.distance(fa, fb, score_cutoff=limit) <= limit else None


class _Finder:
    """Where words stand in the story's prose, looked up only for candidate pairs."""

    def __init__(self, document):
        self.document = document
        self._positions: dict[str, list[int]] = {}
        prose = document.prose_paragraphs
        self._starts = list(map(attrgetter("start"), prose))
        self._ends = list(map(attrgetter("end"), prose))

    def positions(self, form: str) -> list[int]:
        """Starts of whole-word occurrences of ``form`` in the headline and body.

        One search of the whole text (a name occurs a few times), each hit kept if
        it lies inside a prose paragraph: cheaper than a search per paragraph.
        """
        found = self._positions.get(form)
        if found is None:
            text, found = self.document.text, []
            starts, ends = self._starts, self._ends
            start = text.find(form)
            while start >= 0:
                end = start + len(form)
                index = bisect_right(starts, start) - 1
                if (index >= 0 and end <= ends[index] and not text[end:end + 1].isalpha()
                        and not (start and text[start - 1].isalpha())):
                    found.append(start)
                start = text.find(form, start + 1)
            self._positions[form] = found
        return found

    def in_lower_case(self, word: str) -> bool:
        """The word is also an ordinary word of this story ("Bill"/"bill")."""
        return len(word) >= 5 and bool(self.positions(word.lower()))


@lru_cache(maxsize=1 << 14)
def _alike(a: str, b: str) -> bool:
    """Whether two close spellings may be one name, by the words alone (no look-alikes,
    English words or different places): asked before the story is searched, and cached,
    as stories repeat the same pairs."""
    if not _same_place(a, b):
        return False
    fa, fb = fold(a), fold(b)
    return fa == fb or not (
        _look_alikes(fa, fb, glossary().distinct) or _english_word(fa) or _english_word(fb))


def _same_name(a: str, b: str, finder: _Finder) -> bool:
    """Whether two close spellings that are _alike are one name written two ways in this story."""
    fa, fb = fold(a), fold(b)
    document = finder.document
    # b first: the spaced, unaccented or other form of a pair is the one most often
    # missing from the prose (half the pairs), which spares searching for a.
    starts_b = finder.positions(b)
    starts_a = starts_b and finder.positions(a)
    if not starts_a or finder.in_lower_case(a) or finder.in_lower_case(b):
        return False
    if fa != fb and _related(fa, fb) and not (_neighbours(document, a, starts_a)
                                             & _neighbours(document, b, starts_b)):
        return False
    if not (_mid_sentence(document, starts_a) or _mid_sentence(document, starts_b)):
        return False
    return not _different_people(document, a, starts_a, b, starts_b)


def _same_place(a: str, b: str) -> bool:
    """Two close words of which one names a place are one name only as one place.

    Odessa/Odesa are one city and Perú/Peru one country; Germany and German,
    Germán or Germain are a country, its adjective and two people's names.
    """
    from ..gazetteer import gazetteer

    places = gazetteer().places
    place_a, place_b = places.get(a), places.get(b)
    if place_a is None and place_b is None:
        return True
    if place_a is not None and place_b is not None:
        return place_a.canonical == place_b.canonical
    place = place_a or place_b
    return fold(a) == fold(b) and place.kind != "demonym"


def _english_word(folded: str) -> bool:
    """An ordinary English word ("Shell"), not a spelling of a name one letter away
    ("Shelly"): a name's variants are rarely dictionary words."""
    return folded in _english_words()


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    return frozenset(load_data("english_words.yaml")["words"].split())


@lru_cache(maxsize=1 << 12)
def _english_place(word: str) -> bool:
    """The gazetteer's current English name of a place ("Peru", not "Perú"); cached, as
    stories repeat the same names."""
    from ..gazetteer import gazetteer

    place = gazetteer().places.get(word)
    return place is not None and place.canonical == word


def _group(pairs: list[tuple[str, str]]) -> list[list[str]]:
    """Spellings of one name, clustered (union-find over the accepted pairs)."""
    parent: dict[str, str] = {}

    def root(word):
        parent.setdefault(word, word)
        while parent[word] != word:
            parent[word] = parent[parent[word]]
            word = parent[word]
        return word

    for a, b in pairs:
        parent[root(b)] = root(a)
    clusters: dict[str, list[str]] = {}
    for word in parent:
        clusters.setdefault(root(word), []).append(word)
    return [c for c in clusters.values() if len(c) > 1]


@lru_cache(maxsize=1 << 12)
def _strip_suffix(word: str) -> frozenset[str]:
    """Stems of a folded word; cached, as stories repeat the same names."""
    return frozenset(word[: len(word) - len(s)] for s in _SUFFIXES
                     if word.endswith(s) and len(word) - len(s) >= 4)


def _related(a: str, b: str) -> bool:
    """Inflections and derivations of one word (Russia/Russian), not two spellings."""
    return bool(_strip_suffix(a) & _strip_suffix(b))


def _look_alikes(a: str, b: str, distinct) -> bool:
    """Known different names, or words made from them (Austrian/Australian)."""
    return any(frozenset((x, y)) in distinct for x in _strip_suffix(a) for y in _strip_suffix(b))


def _mid_sentence(document, starts: list[int]) -> bool:
    """A word capitalised only at sentence starts may be an ordinary word."""
    return not all(_starts_sentence(document, start) for start in starts)


def _starts_sentence(document, offset: int) -> bool:
    """``offset`` (a letter) begins a sentence, after its opening quotes or brackets, or
    a prose paragraph: looked up for the few words asked about, by bisection."""
    starts = document.meta.get("names.sentence_starts")
    if starts is None:
        starts = document.meta["names.sentence_starts"] = (
            [s.start for s in document.sentences], [p.start for p in document.prose_paragraphs])
    sentence_starts, paragraph_starts = starts
    text, first = document.text, offset
    while first > 0 and text[first - 1] in _OPENERS:
        first -= 1
    sentences = document.sentences
    index = bisect_left(sentence_starts, first)
    while index < len(sentence_starts) and sentence_starts[index] <= offset:
        if sentences[index].end >= offset:
            return True
        index += 1
    index = bisect_left(paragraph_starts, offset)
    return index < len(paragraph_starts) and paragraph_starts[index] == offset


def _neighbours(document, form: str, starts: list[int]) -> set[str]:
    """Capitalised words just before and after a name's occurrences (titles aside)."""
    text = document.text
    found = set()
    for start in starts:
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        after = _WORD_AFTER.match(text, start + len(form))
        for match in (before, after):
            if match and match.group(1).lower() not in _TITLES:
                found.add(fold(match.group(1)))
    return found


def _different_people(document, a, starts_a, b, starts_b) -> bool:
    """John Smith and Jane Smyth: both spellings come with first names, and they differ."""
    from rapidfuzz.fuzz import ratio

    near_a, near_b = _neighbours(document, a, starts_a), _neighbours(document, b, starts_b)
    if not near_a or not near_b:
        return False
    return not any(ratio(x, y) >= 70 for x in near_a for y in near_b)
