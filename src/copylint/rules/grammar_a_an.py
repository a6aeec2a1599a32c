"""grammar/a-an: "a" before a vowel sound or "an" before a consonant ("a overwhelming")."""

from __future__ import annotations

from bisect import bisect_right

from ..finding import Hit, Severity
from ..langid import profiles, sentence_marker_counts
from ..packs import folded_text
from ..rule import Rule
from ._lazy import lazy_re, lazy_regex

# Cheap first pass over the lower-cased text: the article and the next word's first letter.
# The literal comes first so that the stdlib engine skips to each "a" at once; the rest
# is a lookahead, so that finditer skips no article ("a a ...").
_CANDIDATE = lazy_re(r"a(?<![\w'’.\-]a)(?= [aeiou]|n [b-df-hj-np-tv-z])")
# The exact check on the original text. Only lower-case words, and capitalised ones
# opening with A, E or I: names and acronyms ("an MP", "a Uruguayan", "an Oaxaca") are
# read letter by letter or by sound and cannot be told from their spelling.
_PAIR = lazy_regex(
    r"(?<![\w'’.\-])(?P<article>[Aa]n?)[ ](?P<word>(?:\p{Ll}|[AEI](?=\p{Ll}))[\p{Ll}\-’']*)"
    r"(?![\p{L}\d])"
)
# Vowel letters read as a consonant: "a union", "a European", "a one-off", "a usual".
_CONSONANT_SOUND = lazy_re(
    r"(?:one(?:-|$)|once|eu|ewe|ufo|ubiqu|ukrain|ukulele|ugand|unanim|unif|union|unique|unis|"
    r"unit|univers|unilateral|unicorn|unicameral|uniform|urin|ura|ure|uro|uru|usa|use|usi|usu|"
    r"uten|uter|util|utopi|uvula)"
)
# Consonant letters read as a vowel ("an hour", "an honest"), letter names ("an x-ray")
# and British "an historic".
_VOWEL_SOUND = lazy_regex(r"(?:hour|honest|honor|honour|heir|herb|histor|\p{Ll}-)")

# Romance infinitives after the preposition "a" ("a avanzar", "a entrare", "a abrir").
_FOREIGN_VERB = lazy_regex(r"(?<=\p{L}{3})(?:ar|ir|are|ere|ire)$")


class AAn(Rule):
    id = "grammar/a-an"
    severity = Severity.WARNING
    description = "'a' before a vowel sound or 'an' before a consonant ('a overwhelming victory')."
    rationale = (
        "Machine translation and hurried rewrites leave the article of the word that was "
        "there before: 'a overwhelming victory', 'an new law'. Only words whose spelling "
        "settles the sound are checked: 'a union', 'a European', 'a one-day', 'a usual', "
        "'an hour', 'an honest', 'an x-ray' are right and stay silent, and so are acronyms "
        "and names not opening with A, E or I ('an MP', 'a U.S. envoy', 'an Uber', 'a "
        "Uruguayan'). Sentences with foreign function words are skipped: Spanish 'va a "
        "aprobar' and German 'an der Grenze' are not English articles."
    )
    bad_example = "Opposition leaders claimed a overwhelming victory in an new election."
    good_example = "Opposition leaders claimed an overwhelming victory in a European union."

    def check(self, document, options):
        folded = folded_text(document)
        places = [match.start() for match in _CANDIDATE.finditer(folded)]
        if not places:
            return
        markers = profiles().markers
        counts = sentence_marker_counts(document, folded)
        sentences = document.sentences
        starts = [sentence.start for sentence in sentences]
        chosen = set()  # sentences wholly holding a candidate: "a e" or "an b"
        for place in places:
            index = bisect_right(starts, place) - 1
            end = place + (3 if folded[place + 1] == " " else 4)
            if index >= 0 and end <= sentences[index].end:
                chosen.add(index)
        text = document.text
        for index in sorted(chosen):
            if counts[index] >= 2:
                continue  # a quotation or sentence in Spanish, German...
            sentence = sentences[index]
            for match in _PAIR.finditer(text, sentence.start, sentence.end):
                yield from _wrong_article(match, markers)


def _wrong_article(match, markers):
    article, word = match["article"], match["word"]
    lower = word.lower()
    if lower in markers or _FOREIGN_VERB.search(lower):
        return  # German "an die Urnen", Spanish "vamos a avanzar" in a quotation
    if len(article) == 1:
        if lower[0] not in "aeiou" or _CONSONANT_SOUND.match(lower):
            return
        fixed = article + "n"
    else:
        if lower[0] in "aeiou" or _VOWEL_SOUND.match(lower):
            return
        fixed = article[0]
    yield Hit(match.start("article"), match.end("article"),
              f"'{article} {word}': write '{fixed} {word}'.", fixed)
