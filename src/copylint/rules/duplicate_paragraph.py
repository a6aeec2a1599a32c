"""duplicate/paragraph: a paragraph repeated, or nearly repeated, elsewhere in the story."""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from itertools import accumulate

from ..finding import Hit, Severity
from ..rule import Rule
from ._lazy import lazy_regex
from .boilerplate_credit import credit_spans, hint_starts, may_hold_credits
from .duplicate_common import comparable, normalize, prose

# The facts of a paragraph: its numbers and its capitalized words that do not
# open a sentence or a quotation. Parallel paragraphs of clean copy share wording
# but differ in facts; a near-duplicate restates the same facts.
_NUMBER = lazy_regex(r"\d(?:[\d,.:]*\d)?")
_NAME = lazy_regex(
    r"(?<!^|[.!?:][\"'”’)]?\s+|\s[-–—]\s+|[“\"‘«(]\s?)\b\p{Lu}[\p{L}\p{M}]+(?:['’-]\p{L}+)*"
)
_MARK = lazy_regex(r"\p{M}+")
_WORD = lazy_regex(r"[\p{L}\p{M}]+")
_PREFIX = 4  # "Peru" and "Peruvian", "Government" and "governments" are one fact
# Share of distinct words two near-duplicates have in common (Dice: twice the shared
# words over both counts) is at least a half, far below what restated paragraphs show
# (0.77 and up in our calibration pairs). Tested as 4 x shared >= both counts: whole
# numbers, no float product for each of the hundred pairs of a story.
_SHARED_TIMES = 4  # 2 / the least Dice, 1/2
class DuplicateParagraph(Rule):
    id = "duplicate/paragraph"
    severity = Severity.WARNING
    description = "A paragraph repeats, or nearly repeats, another paragraph of the story."
    rationale = (
        "Scraped and machine-translated copy often carries the same paragraph twice: a "
        "photo caption that restates the lede, a paragraph pasted again, two translations "
        "of one sentence. Two paragraphs count as duplicates when their wording is at "
        "least `threshold` similar (rapidfuzz ratio over words and numbers, 0-100, taken "
        "in their order or sorted; for a photo caption, the share of its words the lede "
        "holds) and one states no number or name the other lacks, so "
        "parallel paragraphs with different "
        "facts ('Turnout stood at 61% ...', 'Turnout stood at 48% ...') and shared "
        "openings are not reported. Paragraphs under `min_words` words are ignored. The "
        "copy that is not the lede is reported: the later one, or the one paired with "
        "the dateline paragraph."
    )
    bad_example = (
        "Floods in southern Brazil killed at least 15 people, the civil defense said. "
        "EFE / Luis Torres\n\n"
        "PORTO ALEGRE, Brazil, May 2 (EFE). – The floods in southern Brazil have killed "
        "at least 15 people, according to the Civil Defense."
    )
    good_example = (
        "PORTO ALEGRE, Brazil, May 2 (EFE). – Floods in southern Brazil have killed at "
        "least 15 people, the civil defense said.\n\n"
        "Rescuers were still searching for eight people missing in the Taquari valley."
    )
    options = {"threshold": 80.0, "min_words": 8}

    def check(self, document, options):
        lede = document.dateline.paragraph if document.dateline else None
        paragraphs = document.paragraphs
        reported: set[int] = set()
        for first, second in _similar_pairs(document, options["threshold"], options["min_words"]):
            repeat, original = (first, second) if second == lede else (second, first)
            if repeat not in reported:
                reported.add(repeat)
                yield Hit(
                    paragraphs[repeat].start, paragraphs[repeat].end,
                    "Paragraph nearly repeats the one on line "
                    f"{paragraphs[original].first_line}; keep one of them.",
                )


def _similar_pairs(document, threshold: float, min_words: int):
    """(earlier, later) indexes of body paragraphs with similar wording and the same facts."""
    texts = comparable(document)
    by_length, lengths, ordered, sizes, rooms = [], [], [], [], []
    seen: set[str] = set()
    for index in sorted(texts, key=lambda i: len(texts[i])):
        words = texts[index].split()
        if len(words) < min_words:
            continue
        bag = set(words)
        before = len(seen)
        seen |= bag
        # A shorter paragraph shares at most this bag's words seen before it
        # (``old``): 4 x old - own count is the most distinct words it can have.
        size, old = len(bag), len(bag) - (len(seen) - before)
        by_length.append(index)
        lengths.append(len(texts[index]))
        ordered.append(bag)
        sizes.append(size)
        rooms.append(_SHARED_TIMES * old - size)
    if len(by_length) < 2:
        return
    from rapidfuzz import fuzz

    raw = prose(document)
    sorted_texts: dict[int, str] = {}
    memo: dict = {}
    pairs = []
    start = 0
    # Too few distinct words in common (Dice under a half) is cheap to tell, and
    # almost every pair stops here, most at the bound of ``rooms``: a shorter
    # paragraph shares at most ``room`` words and needs a third of the longer's.
    for longer_at in [at for at in range(1, len(by_length)) if 3 * rooms[at] >= sizes[at]]:
        long_length, room = lengths[longer_at], rooms[longer_at]
        # Paragraphs this much shorter cannot reach the threshold. Lengths are sorted,
        # so the first one in reach only moves on from one paragraph to the next.
        while start < longer_at and 200 * lengths[start] < threshold * (
                lengths[start] + long_length):
            start += 1
        if start == longer_at or room < min(sizes[start:longer_at]):
            continue
        long_bag, long_size = ordered[longer_at], sizes[longer_at]
        wordy = [
            at for at in range(start, longer_at)
            if sizes[at] <= room
            and _SHARED_TIMES * len(long_bag & ordered[at]) >= sizes[at] + long_size
        ]
        longer = by_length[longer_at]
        for at in wordy:
            shorter = by_length[at]
            if not fuzz.ratio(texts[shorter], texts[longer], score_cutoff=threshold):
                # Word order is what translations of one sentence differ in most.
                for index in (shorter, longer):
                    if index not in sorted_texts:
                        sorted_texts[index] = " ".join(sorted(texts[index].split()))
                if not fuzz.ratio(sorted_texts[shorter], sorted_texts[longer],
                                  score_cutoff=threshold):
                    continue
            if _same_facts(raw[shorter], raw[longer], memo):
                pairs.append((min(shorter, longer), max(shorter, longer)))
    pairs.extend(_captions_restating_lede(document, sorted(by_length), threshold, set(pairs), memo))
    yield from sorted(pairs)


def _captions_restating_lede(document, indexes, threshold: float, found, memo):
    """(earlier, later) pairs of a photo caption and the lede it shortens.

    A caption (a paragraph carrying a photo credit) restates the lede in fewer
    words, so it is compared by the share of its own words the lede holds
    (rapidfuzz token_set_ratio), its credit left out; its facts must be the lede's.
    """
    lede = document.dateline.paragraph if document.dateline else None
    if lede not in indexes or not may_hold_credits(document):
        return
    from rapidfuzz import fuzz

    raw = prose(document)
    lede_text = comparable(document)[lede]
    for index in _credited(document, raw, [index for index in indexes if index != lede]):
        pair = (min(index, lede), max(index, lede))
        if pair in found:
            continue
        caption = _once(memo, _uncredited, raw[index])
        if fuzz.token_set_ratio(normalize(caption), lede_text, score_cutoff=threshold) \
                and _same_facts(caption, raw[lede], memo):
            yield pair


def _credited(document, raw: dict[int, str], indexes: list[int]) -> list[int]:
    """Those of ``indexes`` (in story order) whose paragraph holds a photo or agency credit.

    One search over the paragraphs joined by line ends, not one per paragraph (most
    hold none, and a search's hints cost a scan each): no credit pattern crosses a
    line end (boilerplate_credit.PATTERNS), so each credit is found as in its
    paragraph alone.
    """
    texts = [raw[index] for index in indexes]
    ends = list(accumulate(len(text) + 1 for text in texts))
    credits = credit_spans("\n".join(texts), _joined_hints(document, indexes, texts, ends))
    return sorted({indexes[bisect_right(ends, start)] for start, _ in credits})


def _joined_hints(document, indexes: list[int], texts: list[str], ends: list[int]):
    """The story's credit hints (the boilerplate walk found them) that lie in the
    paragraphs ``texts``, at their place in the joined text: no search of ours."""
    found: dict[str, list[int]] = {}
    story_hints = hint_starts(document)
    if story_hints:  # most stories hold none
        paragraphs = document.paragraphs
        starts = [paragraphs[index].start for index in indexes]  # texts are whole paragraphs
        for hint, ats in story_hints.items():
            for at in ats:
                k = bisect_right(starts, at) - 1
                if k >= 0 and at < starts[k] + len(texts[k]):
                    found.setdefault(hint, []).append(ends[k] - len(texts[k]) - 1 + at - starts[k])
    return found


def _once(memo: dict, function, text: str):
    """``function(text)``, computed once per story: the pairs of a story share paragraphs.

    (Not cached across stories: copy repeated from story to story is no common case.)
    """
    key = (function, text)
    if key not in memo:
        memo[key] = function(text)
    return memo[key]


def _facts(text: str) -> frozenset[str]:
    numbers = {n.replace(",", "") for n in _NUMBER.findall(text)}
    return frozenset(numbers | {name.casefold() for name in _NAME.findall(text)})


def _covered(facts: frozenset[str], words: frozenset[str]) -> bool:
    """Every fact is one of ``words`` (a name may differ in its ending: Peru, Peruvian)."""
    for fact in facts:
        if fact in words:
            continue
        if len(fact) < _PREFIX or not any(
            len(word) >= _PREFIX and (word.startswith(fact) or fact.startswith(word))
            for word in words
        ):
            return False
    return True


def _words(text: str) -> frozenset[str]:
    """Its words casefolded, and its numbers. The text is casefolded once, not each
    word: casefolding turns each letter or mark into letters or marks and any other
    character into others (none into nothing), so the words stay the same."""
    words = frozenset(_WORD.findall(text.casefold()))
    return words.union([n.replace(",", "") for n in _NUMBER.findall(text)])


def _same_facts(first: str, second: str, memo: dict) -> bool:
    """One paragraph states no fact the other lacks (a credit or an aside may be extra).

    Accents are ignored: translations differ in spelling Sánchez and Sanchez, and
    so are photo credits, which name the photographer, not a fact.
    """
    first, second = _once(memo, _cleaned, first), _once(memo, _cleaned, second)
    return (_covered(_once(memo, _facts, first), _once(memo, _words, second))
            or _covered(_once(memo, _facts, second), _once(memo, _words, first)))


def _cleaned(text: str) -> str:
    return _MARK.sub("", unicodedata.normalize("NFD", _uncredited(text)))


def _uncredited(text: str) -> str:
    for start, end in reversed(list(credit_spans(text))):
        text = text[:start] + text[end:]
    return text
