"""A light language identifier for short spans: function-word profiles, no model.

Why not a statistical identifier: copylint only has to tell an English sentence
from one left in Spanish, Portuguese, French, German or Italian, at a speed of
thousands of articles a second and with no false alarm on names. Function words
(articles, prepositions, pronouns, auxiliaries) decide that well on a sentence:
a Spanish sentence can hardly avoid "que", "el", "para", an English one "the",
"of", "to". Only lower-case words count, after masking what English copy keeps
in the original language on purpose: names with particles ("Rio de Janeiro",
"Banco de la Nación"), capitalised titles ("Le Monde", "Die Linke") and
established loanwords ("de facto", "coup d'état"). Profiles and loanwords are in
``rules/data/function_words.yaml``.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any, NamedTuple

import regex

from .resources import data_path, load_data
from .rules._lazy import LazyPattern, lazy_re, lazy_regex

LANGUAGE_NAMES = {
    "en": "English",
    "es": "Spanish",
    "pt": "Portuguese",
    "fr": "French",
    "de": "German",
    "it": "Italian",
}
# Lower-case words; a French elision ("l'", "qu'") is a word of its own.
LOWER_TOKEN = lazy_regex(r"(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]*(?:'(?=\p{L}))?")
FIRST_WORD = lazy_regex(r"[\W\d_]*(\p{Lu}\p{Ll}*'?)(?![\p{L}\p{M}])")
# A capitalised name with up to three particles inside it ("Banco de la Nación").
_PARTICLE = (
    r"(?:de|da|do|dos|das|del|della|delle|degli|dei|di|du|des|la|le|les|las|los|lo|el|al|y|e"
    r"|i|von|van|der|den|dem|und|et|of|the|for|and|on|upon|sur|am|an|zu|d'|l')"
)
NAME_SPAN = lazy_regex(
    rf"\p{{Lu}}[\p{{L}}\p{{M}}'\-]*(?:\s+(?:{_PARTICLE}\s*){{1,3}}\p{{Lu}}[\p{{L}}\p{{M}}'\-]*)+"
)


@lru_cache(maxsize=None)
def _words(n: int) -> LazyPattern:
    """Matches a text of at least ``n`` words (a letter, then letters and marks). One
    anchored match, each round taking what is no letter and then a word whole
    (possessive: a word is never split in two), costs less than finding them one by one."""
    return lazy_regex(rf"(?:[^\p{{L}}]*+\p{{L}}[\p{{L}}\p{{M}}]*+){{{n}}}")


# German capitalises its nouns and builds its participles with ge-, so a short German
# sentence ("Die Abstimmung war geheim.") has few lower-case function words. Shapes
# English does not make count as German evidence, each as one pseudo-word:
# abstract nouns (-ung after a consonant, -heit, -keit, -schaft; seven letters or more,
# so "Chung" and "Young" are names), lower-case words with ä, ö, ß or ü (not the
# Spanish "güe"), and participles "ge...t" ("geschickt", "gewählt") or, after a
# separable prefix, "...ge...en" ("festgenommen"; not "gentlemen").
GERMAN_SHAPES = lazy_regex(
    r"(?<![\p{L}\p{M}])(?:"
    r"(?P<noun>\p{Lu}\p{Ll}{2,}(?:(?<=[^aeiou])ung|heit|keit|schaft)(?<=\p{L}{7}))"
    r"|(?P<umlaut>\p{Ll}*(?:[äöß]|(?<!g)ü)\p{Ll}*)"
    r"|(?P<participle>ge\p{Ll}{3,}t|\p{Ll}{2,}ge\p{Ll}{3,}en)"
    r")(?![\p{L}\p{M}])"
)
# What every German shape holds, loosely (a suffix, one of the letters, ge...t or
# ge...en, not followed by an ASCII letter): most sentences, Romance ones too, have
# none, and a stdlib search for it costs far less than the shapes' scan. Every
# alternative opens with a literal, so that the search skips to their first letters
# (a group or a class there makes it try the whole pattern at every character).
GERMAN_SHAPE_GATE = lazy_re(
    r"ung(?![a-z])|heit(?![a-z])|keit(?![a-z])|schaft(?![a-z])|ä|ö|ü|ß"
    r"|ge[^\W\d_]{3,}(?:t|en)(?![a-z])"
)
GERMAN_SHAPE_WORDS = frozenset(f"de:{name}" for name in ("noun", "umlaut", "participle"))


_OPENING = ("", "“", '"', "«", "„", "(", "¿", "¡", "‘")
_CLOSING = (" ", ".", ",", ";", ":", "!", "?", "”", '"', "»", ")")
# Letters by frequency in English. An Aho-Corasick node's children are searched one
# by one in the order they were added: words added in this order walk faster.
_LETTER_RANK = {letter: rank for rank, letter in enumerate(" etaoinsrhldcumfpgwybvkxjqz")}
_FOREIGN = tuple(lang for lang in LANGUAGE_NAMES if lang != "en")
# A tally field's width: no field can overflow, a text would need 2**31 words.
_FIELD = 32
_FIELD_MASK = (1 << _FIELD) - 1
_SENTENCE_COUNTS_KEY = "langid/sentence-marker-counts"
_DATE_PLACES_KEY = "langid/date-places"
_SENTENCE_GUESSES_KEY = "langid/sentence-guesses"


class Profiles(NamedTuple):
    words: dict[str, frozenset[str]]  # language -> function words
    unique: dict[str, frozenset[str]]  # language -> words no other foreign profile has
    # Function word -> its evidence in one int, a field of _FIELD bits per language
    # (English, then _FOREIGN): 1 in English's for an English word, and in a foreign
    # profile's its weight there (2 for a word of ``unique``, else 1). One C sum over
    # a text's words counts all six languages at once.
    tally: dict[str, int]
    markers: frozenset[str]  # words of some foreign profile and not of English
    loanwords: LazyPattern
    # The loanwords lower-cased, for a cheap screen before the case-insensitive regex.
    loanword_screen: Any
    # Finds, in one C pass over the folded text, the markers and the foreign function
    # words that are English words too ("war", "hat": no evidence, but a sentence
    # with them may be foreign), each as " word" between a space (and an opening
    # mark) and a space or punctuation: see sentence_marker_counts(). The same pass
    # finds where dates/source-language-month may have a date: see date_places().
    screen: Any


@lru_cache(maxsize=1)
def profiles() -> Profiles:
    """The profiles, built once per process, on first use.

    Why cached on disk (copylint.diskcache): building the screen's automaton costs
    far more than linting a story, on every one-file run. The key is the data
    file's bytes, this module's and dates/source-language-month's (whose date-name
    keys the screen holds), the constants the build uses and the installed
    pyahocorasick (whose automaton is pickled).
    """
    import ahocorasick

    from .diskcache import cached_by_key, module_stamp
    from .rules import dates_source_language_month

    source = data_path("function_words.yaml").read_bytes()
    constants = repr((_OPENING, _CLOSING, sorted(GERMAN_SHAPE_WORDS))).encode()
    constants += module_stamp(ahocorasick)
    code = Path(__file__).read_bytes() + Path(dates_source_language_month.__file__).read_bytes()
    words, unique, tally, markers, phrases, loanword_screen, screen = cached_by_key(
        "langid", source + b"\0" + code + b"\0" + constants, _build_profiles
    )
    loanwords = lazy_regex(
        r"(?<![\p{L}])(?:" + "|".join(regex.escape(p) for p in phrases) + r")(?![\p{L}])",
        regex.IGNORECASE,
    )
    return Profiles(words, unique, tally, markers, loanwords, loanword_screen, screen)


def _build_profiles():
    """(words, unique, tally, markers, loanword phrases, loanword screen, screen) from
    the data file."""
    data = load_data("function_words.yaml")
    words = {lang: frozenset(data[lang].split()) for lang in LANGUAGE_NAMES}
    words["de"] |= GERMAN_SHAPE_WORDS
    unique = {
        lang: words[lang] - frozenset().union(*(words[o] for o in _FOREIGN if o != lang))
        for lang in _FOREIGN
    }
    tally = dict.fromkeys(words["en"], 1)
    for field, lang in enumerate(_FOREIGN, 1):
        for word in words[lang]:
            weight = 2 if word in unique[lang] else 1
            tally[word] = tally.get(word, 0) + (weight << (field * _FIELD))
    markers = frozenset().union(*(words[lang] for lang in _FOREIGN)) - words["en"]
    phrases = sorted((p.replace("’", "'") for p in data["loanwords"]), key=len, reverse=True)
    import ahocorasick

    loanword_screen = ahocorasick.Automaton()
    for phrase in phrases:
        loanword_screen.add_word(phrase.lower(), None)
    loanword_screen.make_automaton()
    from .rules.dates_source_language_month import screen_keys

    screen = ahocorasick.Automaton()
    # A node's children are searched one by one in the order they were added: words
    # with frequent letters first, opening marks after all words, make the pass a
    # tenth faster.
    screened = sorted(
        markers | frozenset(data["homographs"].split()),
        key=lambda word: [_LETTER_RANK.get(c, 99) for c in word],
    )
    for before in _OPENING:
        for word in screened:
            closings = ("",) if word.endswith("'") else _CLOSING  # French elisions: "l'état"
            for after in closings:
                key = f" {before}{word}{after}"
                screen.add_word(key, len(key) - 1 - len(before))
    for key, back, name in screen_keys():
        screen.add_word(key, (back, name))
    screen.make_automaton()
    return words, unique, tally, markers, phrases, loanword_screen, screen


def sentence_marker_counts(document, folded: str) -> list[int]:
    """How many foreign marker words (and homographs) each sentence of ``document`` holds.

    Cached per document; ``folded`` is its folded text (copylint.packs.folded_text).
    A cheap screen: sentences with fewer than two need no identification.
    """
    if _SENTENCE_COUNTS_KEY not in document.meta:
        _screen(document, folded)
    return document.meta[_SENTENCE_COUNTS_KEY]


def date_places(document, folded: str) -> list[int]:
    """Offsets in ``folded`` where one of the keys of
    copylint.rules.dates_source_language_month.screen_keys() points, a name's only where
    the text spells it as the key says (cached per document)."""
    if _DATE_PLACES_KEY not in document.meta:
        _screen(document, folded)
    return document.meta[_DATE_PLACES_KEY]


def _screen(document, folded: str) -> None:
    """One pass of profiles().screen over ``folded``, for both results above."""
    sentences = document.sentences
    counts = [0] * len(sentences)
    starts = [sentence.start for sentence in sentences]
    places = []
    text = document.text
    padded = f" {folded} "
    for end, value in profiles().screen.iter(padded):
        if value.__class__ is int:  # a marker: value is its length (but an opening mark)
            index = bisect_right(starts, end - value) - 1  # the word's offset in folded
            if index >= 0 and end - value < sentences[index].end:
                counts[index] += 1
        else:  # a date's place: its offset back from the key's end, and the name's
            back, names = value  # spellings (None: no name)
            place = end - back - 1
            if names is None or (not padded[end + 1].isalpha()
                                 and text[place:end] in names):
                places.append(place)
    document.meta[_SENTENCE_COUNTS_KEY] = counts
    document.meta[_DATE_PLACES_KEY] = places


def evidence_tokens(text: str) -> list[str]:
    """Lower-case words of ``text`` that may tell its language (names, loanwords masked).

    The first word counts too when, lower-cased, it is a foreign function word
    ("Die Lage bleibt ...", "Les résultats ..."): alone it never decides, since
    English sentences open with "Le Pen" or "Der Spiegel".
    """
    text = text.replace("’", "'")
    data = profiles()
    if _may_hold_loanword(text, data):
        text = data.loanwords.sub(" ", text)
    first = FIRST_WORD.match(text)
    unnamed = NAME_SPAN.sub(" ", text)
    tokens = LOWER_TOKEN.findall(unnamed)
    if first and first.group(1).lower() in data.markers:
        tokens.insert(0, first.group(1).lower())
    if GERMAN_SHAPE_GATE.search(unnamed):
        tokens.extend(f"de:{shape.lastgroup}" for shape in GERMAN_SHAPES.finditer(unnamed))
    return tokens


# Letters the loanwords' case-insensitive regex matches to a loanword's letter though
# str.lower() gives another (dotted capital I, long s); a test checks the list.
CASE_ODD_LETTERS = ("İ", "ſ")


def _may_hold_loanword(text: str, data: Profiles) -> bool:
    """False when the loanwords' regex cannot match ``text``: one C pass over it
    lower-cased costs a tenth of the case-insensitive regex's scan."""
    if any(map(text.__contains__, CASE_ODD_LETTERS)):
        return True
    return next(data.loanword_screen.iter(text.lower()), None) is not None


class Guess(NamedTuple):
    language: str | None  # the foreign language with most evidence (None: none found)
    evidence: tuple[str, ...]  # its function words found in the text
    english: int  # how many English function words

    def leans_foreign(self) -> bool:
        """More foreign than English function words, however few."""
        return self.language is not None and len(self.evidence) > self.english


def score(text: str) -> Guess:
    """The foreign language with most function words in ``text``, and the English count."""
    tokens = evidence_tokens(text)
    data = profiles()
    total = sum(map(data.tally.get, tokens, repeat(0)))
    english = total & _FIELD_MASK
    best, most = None, 0
    for lang in _FOREIGN:  # in profile order: the first of equals wins
        total >>= _FIELD
        if total & _FIELD_MASK > most:
            best, most = lang, total & _FIELD_MASK
    if best is None:
        return Guess(None, (), english)
    return Guess(best, tuple(filter(data.words[best].__contains__, tokens)), english)


def identify(
    text: str, min_evidence: int = 3, ratio: float = 2.0, min_words: int = 4
) -> Guess | None:
    """The non-English language ``text`` is clearly in, or None.

    Clearly: at least ``min_words`` words and two different function words of
    the language; then either no English function word at all, or at least
    ``min_evidence`` foreign ones and more than ``ratio`` times the English ones.
    """
    if _words(min_words).match(text) is None:
        return None  # fewer than min_words words
    guess = score(text)
    hits = guess.evidence
    if len(set(hits)) < 2:
        return None
    if guess.english == 0 or (len(hits) >= min_evidence and len(hits) > ratio * guess.english):
        return guess
    return None


def sentence_language(document, index: int) -> Guess | None:
    """identify() of ``document``'s sentence ``index``, once per document:
    dates/source-language-month asks it of a sentence holding a date, and
    untranslated/foreign-sentence of the same sentence when it has no quotation."""
    guesses = document.meta.setdefault(_SENTENCE_GUESSES_KEY, {})
    if index not in guesses:
        guesses[index] = identify(document.sentences[index].text)
    return guesses[index]
