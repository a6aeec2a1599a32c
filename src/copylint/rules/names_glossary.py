"""names/glossary: a prominent name misspelt against the wire glossary."""

from __future__ import annotations

from ..finding import Hit, Severity
from ..rule import Rule
from .names_common import STEM_LENGTH, fold, glossary, glossary_candidate_runs, stem_of

_MAX_VARIANT_WORDS = 5


class NamesGlossary(Rule):
    id = "names/glossary"
    severity = Severity.WARNING
    fixable = True
    description = "A head of state, minister, organisation or city misspelt against the glossary."
    rationale = (
        "Machine translation carries the source language's transliteration into English: "
        "Spanish 'Kasym-Yomart Tokáyev', German 'Selenskyj', French 'OTAN'. Readers and "
        "search engines know the English wire spelling (Kassym-Jomart Tokayev, Zelenskyy, "
        "NATO). The glossary (rules/data/names.yaml) lists canonical spellings, the other "
        "spellings house styles accept (Zelensky, Zelenskiy; diacritics and hyphens are "
        "optional), and known wrong variants. Full names of people are also matched "
        "fuzzily, but only when the word count is the same, the surname is nearly the "
        "same and starts with the same letter, and every word is close: relatives and "
        "namesakes (Heydar Aliyev, Mohammed bin Nayef) stay silent."
    )
    bad_example = "Kazakh President Kassym Yumart Tokayev declared a state of emergency."
    good_example = "Kazakh President Kassym-Jomart Tokayev declared a state of emergency."
    options = {"min_score": 80.0}

    def check(self, document, options):
        runs = glossary_candidate_runs(document)
        if not runs:
            return
        data = glossary()
        min_score = float(options.get("min_score", 80.0))
        for tokens in runs:
            index = 0
            while index < len(tokens):
                if tokens[index].text[:STEM_LENGTH] not in data.prefixes:
                    index += 1  # cheap test before folding: most capitalised words
                    continue
                matches = [m for m in (_variant_at(tokens, index, data),
                                       _fuzzy_at(tokens, index, data, min_score)) if m]
                if not matches:
                    index += 1
                    continue
                # "Volodimir Zelenski": the whole name, not just the listed surname.
                start, end, replacement, why = min(matches)
                wrong = document.text[start:end]
                yield Hit(start, end, f"'{wrong}' {why}: the wire spelling is '{replacement}'.",
                          replacement)
                index += 1


def _variant_at(tokens, index, data):
    """A listed wrong spelling ending at tokens[index] (the longest wins)."""
    if stem_of(tokens[index].text) not in data.variant_stems:
        return None
    for size in range(min(_MAX_VARIANT_WORDS, index + 1), 0, -1):
        window = tokens[index + 1 - size:index + 1]
        key = " ".join(t.text for t in window).replace("-", " ").casefold()
        if key in data.variants:
            entry, replacement = data.variants[key]
            return window[0].start, window[-1].end, replacement, "is a known wrong spelling"
    return None


def _fuzzy_at(tokens, index, data, min_score):
    """A person's full name ending at tokens[index], spelt close to but not as listed."""
    people = data.people.get(stem_of(tokens[index].text))
    if not people:
        return None
    from rapidfuzz.fuzz import ratio

    best = None
    for entry in people:
        size = len(entry.tokens)
        if size < 2 or size > index + 1:
            continue
        window = tokens[index + 1 - size:index + 1]
        written = fold(" ".join(t.text for t in window))
        words = written.split()
        if written in data.accepted_any or len(words) != size:
            continue
        if any(frozenset((written, accepted)) in data.distinct for accepted in entry.accepted):
            continue
        for accepted in entry.accepted:
            target = accepted.split()
            if len(target) != size or words[-1][0] != target[-1][0]:
                continue
            if ratio(words[-1], target[-1]) < 75:
                continue
            if min(ratio(a, b) for a, b in zip(words, target)) < 60:
                continue
            score = ratio(written, accepted)
            if score >= min_score and (best is None or score > best[0]):
                best = (score, window, entry)
    if best is None:
        return None
    _, window, entry = best
    return window[0].start, window[-1].end, entry.name, "looks like a misspelling"
