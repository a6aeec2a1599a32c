"""untranslated/foreign-sentence: a sentence or long quotation left in the source language."""

from __future__ import annotations

from ..finding import Hit, Severity
from ..langid import LANGUAGE_NAMES, identify, score, sentence_language, sentence_marker_counts
from ..packs import folded_text
from ..rule import Rule
from ._lazy import lazy_re, lazy_regex

# Quotations inside an English sentence: '“No vamos a permitir ...”, dijo'.
QUOTATION = lazy_re(r"[“«„\"]([^”»“«„\"]+)[”»“\"]")
# A quotation must be longer than a slogan or a title quoted as it is
# ("que se vayan todos", "Não à guerra, sim à paz") before its language
# counts, and one glossed right after it in brackets is deliberate.
MIN_QUOTE_WORDS = 7
GLOSSED = lazy_regex(r"[”»“\"]\s*\(")
# identify() needs two foreign function words that are not English words too,
# so a sentence with fewer such words is skipped after a cheap count.
MIN_MARKERS = 2


class ForeignSentence(Rule):
    """Flags sentences (and long quotations) in Spanish, Portuguese, French, German or Italian.

    Why: machine translation and hurried editing leave a quotation or a whole
    paragraph in the source language. A light function-word identifier
    (copylint.langid) finds them; names, titles and loanwords are masked, and a
    language must win clearly on several function words before anything is said.
    """

    id = "untranslated/foreign-sentence"
    severity = Severity.WARNING
    description = "A sentence or quotation left in a foreign language in English copy."
    rationale = (
        "A quotation or paragraph left in Spanish, Portuguese, French, German or Italian is "
        "unreadable for the English reader and shows the copy was not edited. Each sentence "
        "(and each long quotation of an English sentence) is scored on function words per "
        "language; it is flagged only when a foreign language has at least three of them, "
        "two different, and more than twice the English ones. Names with particles ('Rio de "
        "Janeiro', 'Banco de la Nación'), capitalised titles ('Le Monde', 'Die Linke') and "
        "loanwords ('de facto', 'coup d'état') do not count, nor do short quoted phrases."
    )
    bad_example = "“No vamos a permitir que esto siga así”, dijo el ministro."
    good_example = "“We will not allow this to go on,” the minister said in Rio de Janeiro."

    def check(self, document, options):
        counts = sentence_marker_counts(document, folded_text(document))
        sentences = document.sentences
        run = None  # (start, end, language, paragraph) of foreign sentences in a row
        previous = None
        # Only sentences with enough markers are classified; one between them that has
        # too few is English and ends a run of foreign ones.
        for index in [i for i, count in enumerate(counts) if count >= MIN_MARKERS]:
            if previous != index - 1:
                yield from _report(run)
                run = None
            previous = index
            sentence = sentences[index]
            language, quotes = _classify(document, index)
            if language is not None:
                if run and run[2] == language and run[3] == sentence.paragraph:
                    run = (run[0], sentence.end, language, run[3])
                    continue
                yield from _report(run)
                run = (sentence.start, sentence.end, language, sentence.paragraph)
                continue
            yield from _report(run)
            run = None
            for start, end, quote_language in quotes:
                start, end = sentence.start + start, sentence.start + end
                yield from _report((start, end, quote_language, None))
        yield from _report(run)


def _classify(document, index: int):
    """(language of sentence ``index`` as a whole or None, [(start, end, language)] of its
    foreign quotations).

    A sentence with quotations is foreign as a whole when its own words are,
    or when a quotation is foreign and the words around it lean foreign too
    ('“Não vamos esperar ...”, disse a ministra.'); otherwise only its foreign
    quotations are reported.
    """
    text = document.sentences[index].text
    spans = [(m.start(1), m.end(1)) for m in QUOTATION.finditer(text)]
    if not spans:
        guess = sentence_language(document, index)
        return (guess.language if guess else None), []
    foreign = []
    for start, end in spans:
        if GLOSSED.match(text, end):
            continue
        guess = identify(text[start:end], min_words=MIN_QUOTE_WORDS)
        if guess is not None:
            foreign.append((start, end, guess.language))
    around = text
    for start, end in spans:
        around = around[:start] + " " * (end - start) + around[end:]
    guess = identify(around)
    if guess is not None:
        return guess.language, []
    if foreign and score(around).leans_foreign():
        return foreign[0][2], []
    return None, foreign


def _report(run):
    if run is None:
        return
    start, end, language, _ = run
    yield Hit(start, end, f"Left in {LANGUAGE_NAMES[language]}: translate it or cut it.")
