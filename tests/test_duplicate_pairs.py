"""duplicate/paragraph's pair search against every pair tried in turn.

The rule skips most pairs by bounds (lengths too far apart, too few words a
longer paragraph shares with any shorter one) before their set intersection;
this proves those bounds drop no pair the rule's own definition would report,
on seeded stories whose paragraphs share much of a small vocabulary.
"""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz

from copylint.readers import read_document
from copylint.rules import duplicate_paragraph as rule
from copylint.rules.duplicate_common import comparable, prose

_WORDS = ("the", "police", "said", "on", "Monday", "that", "protesters", "gathered", "in",
          "central", "square", "after", "talks", "with", "government", "failed", "and",
          "officials", "reported", "at", "least", "people", "were", "hurt", "Almaty",
          "Kazakh", "troops", "arrived", "city", "late")


def test_prose_is_each_paragraph_of_the_story_text():
    """prose() takes a body paragraph's text as it is: it must be its span of the story."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    files = [path for folder in ("examples", "tests/corpus", "tests/inputs")
             for path in sorted((root / folder).rglob("*"))
             if path.suffix in {".txt", ".md", ".html", ".xml", ".nitf", ".xlf", ".xliff"}]
    assert {path.suffix for path in files} >= {".txt", ".md", ".html", ".xml", ".xlf"}
    for path in files:
        document = read_document(path.read_text(encoding="utf-8"), str(path))
        dateline = document.dateline
        for paragraph in document.body:
            start = dateline.end if dateline and dateline.paragraph == paragraph.index \
                else paragraph.start
            assert prose(document)[paragraph.index] == document.text[start:paragraph.end], path


def _paragraph(rng: random.Random, pool: list[str]) -> str:
    if pool and rng.random() < 0.5:  # a near copy of an earlier paragraph
        words = rng.choice(pool).rstrip(".").split()
        for _ in range(rng.randint(0, 3)):
            action = rng.random()
            if action < 0.4 and len(words) > 8:
                words.pop(rng.randrange(len(words)))
            elif action < 0.7:
                words.insert(rng.randrange(len(words) + 1), rng.choice(_WORDS))
            else:
                i, j = rng.randrange(len(words)), rng.randrange(len(words))
                words[i], words[j] = words[j], words[i]
        if rng.random() < 0.3:
            words.append(str(rng.choice((15, 300, 3000))))
    else:
        words = [rng.choice(_WORDS) for _ in range(rng.randint(5, 24))]
    return " ".join(words) + "."


def _story(seed: int) -> str:
    rng = random.Random(seed)
    pool: list[str] = []
    for _ in range(rng.randint(3, 14)):
        pool.append(_paragraph(rng, pool))
    return "Protests in Almaty\n\nALMATY, Jan 6 (EFE). - " + "\n\n".join(pool) + "\n"


def _every_pair(document, threshold: float, min_words: int) -> list[tuple[int, int]]:
    """The rule's definition applied to each pair of long-enough paragraphs."""
    texts, raw, memo = comparable(document), prose(document), {}
    wordy = [i for i, text in texts.items() if len(text.split()) >= min_words]
    pairs = set()
    for a in wordy:
        for b in wordy:
            if a >= b:
                continue
            short, long_ = sorted((len(texts[a]), len(texts[b])))
            bag_a, bag_b = set(texts[a].split()), set(texts[b].split())
            if 200 * short < threshold * (short + long_) \
                    or 4 * len(bag_a & bag_b) < len(bag_a) + len(bag_b):
                continue
            if not fuzz.ratio(texts[a], texts[b], score_cutoff=threshold) and not fuzz.ratio(
                    " ".join(sorted(texts[a].split())), " ".join(sorted(texts[b].split())),
                    score_cutoff=threshold):
                continue
            if rule._same_facts(raw[a], raw[b], memo):
                pairs.add((a, b))
    pairs.update(rule._captions_restating_lede(document, sorted(wordy), threshold, set(pairs), {}))
    return sorted(pairs)


@pytest.mark.parametrize("threshold", [70.0, 80.0, 90.0])
def test_bounds_drop_no_pair(threshold):
    reported = 0
    for seed in range(150):
        document = read_document(_story(seed), "story.txt")
        expected = _every_pair(document, threshold, 8)
        assert list(rule._similar_pairs(document, threshold, 8)) == expected, seed
        reported += len(expected)
    assert reported > 50  # the stories hold near-duplicates for the bounds to keep


_CREDITED = ("Riot police clear a square in Almaty. EFE / Kulpash Konyrova",
             "Troops patrol the city centre (AP Photo/Evan Vucci)",
             "Protesters gather outside the city hall. Photo: John Smith/AFP",
             "File photo: EFE",
             "AFP PHOTO / JOHN SMITH",
             "A burnt car in Almaty. Anatolii Stepanov/AFP via Getty Images")
_HINTED = ("The Photo Museum and the Getty Center lent the pictures, officials said.",
           "An Image of the square went round the world; the Foto agency sold it on.",
           "A Reuters/Ipsos poll showed most respondents backed the plan, said Picture.")


def test_credited_paragraphs_as_searched_alone():
    """The story's credit hints, moved into the joined paragraphs, find the credits a
    search of those paragraphs alone finds (hints in the lede and at paragraph ends too)."""
    from copylint.rules.boilerplate_credit import credit_spans

    for seed in range(60):
        rng = random.Random(seed)
        paragraphs = [rng.choice(_CREDITED + _HINTED + ("Police said 15 people were hurt.",))
                      for _ in range(rng.randint(2, 9))]
        text = ("Photo report from Almaty\n\nALMATY, Jan 6 (EFE). - " + rng.choice(_CREDITED)
                + "\n\n" + "\n\n".join(paragraphs) + "\nPhoto\n")
        document = read_document(text, "story.txt")
        raw, lede = prose(document), document.dateline.paragraph
        indexes = [index for index in sorted(raw) if index != lede and rng.random() < 0.8]
        joined = [raw[index] for index in indexes]
        ends = [sum(len(text) + 1 for text in joined[:k + 1]) for k in range(len(joined))]
        expected = sorted({indexes[next(k for k, end in enumerate(ends) if start < end)]
                           for start, _ in credit_spans("\n".join(joined))})
        assert rule._credited(document, raw, indexes) == expected, seed


def test_casefolding_keeps_words_apart():
    """_words casefolds the whole text: no character may join or split a word there."""
    import sys

    word = rule._WORD
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        character = chr(code)
        folded = character.casefold()
        inside = [bool(word.fullmatch(c)) for c in folded]
        assert folded and inside == [bool(word.fullmatch(character))] * len(folded), hex(code)
