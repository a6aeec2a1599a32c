"""names/inconsistent: one person or place spelt two ways in the same story."""

from __future__ import annotations

import regex

from ..finding import Hit, Severity
from ..rule import Rule
from .names_common import PARTICLES, fold, glossary

# A capitalised word of 5+ letters, not all capitals (acronyms are not spellings).
# (No look-behind, for speed: a mid-word capital as in "iPhone" may start one.)
_CAP_WORD = regex.compile(r"\p{Lu}\p{Ll}[\p{L}\p{M}]{3,}(?![\p{L}\p{M}])")
_LOWER_WORD = regex.compile(r"\b\p{Ll}[\p{L}\p{M}]{4,}")
_WORD_BEFORE = regex.compile(r"(\p{Lu}[\p{L}\p{M}]+)[ \-]$")
_WORD_AFTER = regex.compile(rf"[ \-](?:(?:{PARTICLES})[ \-])*(\p{{Lu}}[\p{{L}}\p{{M}}]+)")
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
        "sources or tools: Tokayev and Tokaev, Odesa and Odessa, Erdoğan and Erdogan. "
        "Capitalised names are compared after folding diacritics; spellings one or two "
        "letters apart are one name, and the minority spelling is reported with the "
        "majority one (or the glossary's) as the fix. Related words (Russia/Russian, "
        "Islamic/Islamist, Tokayev/Tokayeva), institutional words (Minister/Ministry), "
        "known look-alikes (Austria/Australia, Gambia/Zambia), words also used in lower "
        "case in the story, and names whose neighbours show two different people "
        "(John Smith, Jane Smyth) stay silent."
    )
    bad_example = "President Kassym-Jomart Tokayev spoke. ... Tokaev said the order was restored."
    good_example = "President Kassym-Jomart Tokayev spoke. ... Tokayev said the order was restored."

    def check(self, document, options):
        text = document.text
        occurrences: dict[str, list[int]] = {}
        for paragraph in document.prose_paragraphs:
            for match in _CAP_WORD.finditer(text, paragraph.start, paragraph.end):
                occurrences.setdefault(match.group(), []).append(match.start())
        if len(occurrences) < 2:
            return
        lower = set(_LOWER_WORD.findall(text))
        forms = {w: fold(w) for w in occurrences if w.lower() not in _COMMON and w.lower() not in lower}
        groups = _group(forms, document, occurrences)
        accepted = glossary().accepted_any
        for group in groups:
            first = {form: occurrences[form][0] for form in group}
            majority = max(group, key=lambda f: (forms[f] in accepted, len(occurrences[f]),
                                                 -first[f]))
            for form in sorted(group, key=first.get):
                if form == majority:
                    continue
                for start in occurrences[form]:
                    yield Hit(
                        start, start + len(form),
                        f"'{form}' is spelt '{majority}' elsewhere in this story; use one spelling.",
                        majority,
                    )


def _group(forms: dict[str, str], document, occurrences) -> list[list[str]]:
    """Spellings of one name, clustered (union-find over close pairs)."""
    from rapidfuzz.distance import Levenshtein
    from rapidfuzz.process import extract

    words = list(forms)
    folded = [forms[w] for w in words]
    parent = list(range(len(words)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    distinct = glossary().distinct
    for i, query in enumerate(folded):
        for _, distance, j in extract(query, folded, scorer=Levenshtein.distance,
                                      score_cutoff=2, limit=None):
            if j <= i:
                continue
            a, b = words[i], words[j]
            if distance > (1 if min(len(query), len(folded[j])) <= 6 else 2):
                continue
            if distance and (_related(folded[i], folded[j])
                             or _look_alikes(folded[i], folded[j], distinct)):
                continue
            if not (_mid_sentence(document, occurrences[a])
                    or _mid_sentence(document, occurrences[b])):
                continue
            if _different_people(document, occurrences[a], occurrences[b]):
                continue
            parent[root(j)] = root(i)
    clusters: dict[int, list[str]] = {}
    for i, word in enumerate(words):
        clusters.setdefault(root(i), []).append(word)
    return [c for c in clusters.values() if len(c) > 1]


def _strip_suffix(word: str) -> set[str]:
    return {word[: len(word) - len(s)] for s in _SUFFIXES if word.endswith(s) and len(word) - len(s) >= 4}


def _related(a: str, b: str) -> bool:
    """Inflections and derivations of one word (Russia/Russian), not two spellings."""
    return bool(_strip_suffix(a) & _strip_suffix(b))


def _look_alikes(a: str, b: str, distinct) -> bool:
    """Known different names, or words made from them (Austrian/Australian)."""
    return any(frozenset((x, y)) in distinct for x in _strip_suffix(a) for y in _strip_suffix(b))


def _mid_sentence(document, starts: list[int]) -> bool:
    """A word capitalised only at sentence starts may be an ordinary word."""
    sentence_starts = document.meta.get("names.sentence_starts")
    if sentence_starts is None:
        sentence_starts = set()
        for sentence in document.sentences:
            offset = sentence.start
            while offset < sentence.end and document.text[offset] in _OPENERS:
                offset += 1
            sentence_starts.add(offset)
        sentence_starts |= {p.start for p in document.prose_paragraphs}
        document.meta["names.sentence_starts"] = sentence_starts
    return any(start not in sentence_starts for start in starts)


def _neighbours(document, starts: list[int]) -> set[str]:
    text = document.text
    found = set()
    for start in starts:
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        end = start + len(regex.match(r"[\p{L}\p{M}]+", text[start:]).group())
        after = _WORD_AFTER.match(text, end)
        for match in (before, after):
            if match and match.group(1).lower() not in _TITLES:
                found.add(fold(match.group(1)))
    return found


def _different_people(document, starts_a, starts_b) -> bool:
    """John Smith and Jane Smyth: both spellings come with first names, and they differ."""
    from rapidfuzz.fuzz import ratio

    near_a, near_b = _neighbours(document, starts_a), _neighbours(document, starts_b)
    if not near_a or not near_b:
        return False
    return not any(ratio(x, y) >= 70 for x in near_a for y in near_b)
