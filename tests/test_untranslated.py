"""The light language identifier (copylint.langid) and the untranslated rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from copylint.config import config_from_mapping
from copylint.engine import Linter
from copylint.langid import CASE_ODD_LETTERS, evidence_tokens, identify, profiles, score

FOREIGN = [
    ("es", "La policía detuvo a dos hombres que intentaban cruzar la frontera con armas."),
    ("es", "Según el ministerio, los precios de los alimentos subieron un 8 % en enero."),
    ("pt", "A polícia prendeu dois homens que tentavam atravessar a fronteira com armas."),
    ("pt", "Segundo o ministério, os preços dos alimentos subiram 8 % em janeiro."),
    ("fr", "La police a arrêté deux hommes qui tentaient de franchir la frontière avec des armes."),
    ("fr", "Selon le ministère, les prix de l'alimentation ont augmenté de 8 % en janvier."),
    ("de", "Die Polizei hat zwei Männer festgenommen, die mit Waffen über die Grenze wollten."),
    ("de", "Nach Angaben des Ministeriums sind die Preise für Lebensmittel im Januar gestiegen."),
    ("it", "La polizia ha arrestato due uomini che cercavano di attraversare il confine con le armi."),
    ("it", "Secondo il ministero, i prezzi degli alimenti sono saliti dell'8% a gennaio."),
]

ENGLISH = [
    "Police arrested two men who were trying to cross the border with weapons.",
    "The Banco de la Nación Argentina said on Monday it would lend to farmers in Rio de Janeiro.",
    "Le Monde and Die Linke criticised the de facto ban, the status quo and the coup d'état.",
    "Lula da Silva of the Partido dos Trabalhadores won in São Paulo and Belo Horizonte.",
    "The fiesta in Los Angeles drew 20,000 people, per cent figures showed.",
    "Spain's El País and Italy's Corriere della Sera ran the story on their front pages.",
    "Côte d'Ivoire and the Democratic Republic of Congo signed the deal in Addis Ababa.",
]


@pytest.mark.parametrize("language, text", FOREIGN)
def test_identifies_foreign_sentences(language, text):
    guess = identify(text)
    assert guess is not None and guess.language == language, score(text)


@pytest.mark.parametrize("text", ENGLISH)
def test_english_with_names_and_loanwords_is_english(text):
    assert identify(text) is None, score(text)


def test_short_phrases_are_not_enough():
    assert identify("a la carte") is None
    assert identify("Die Linke") is None


def test_loanword_screen_misses_no_case_variant():
    """The lower-cased screen before the loanwords' regex is exact: every character
    the regex's IGNORECASE matches to a loanword letter lower-cases to it, or is
    one of CASE_ODD_LETTERS (then the regex always runs)."""
    import regex

    data = profiles()
    letters = sorted({c for phrase in data.loanword_screen.keys() for c in phrase})
    any_letter = regex.compile("[" + "".join(map(regex.escape, letters)) + "]", regex.IGNORECASE)
    odd = set()
    for code in range(0x110000):
        char = chr(code)
        if any_letter.fullmatch(char):
            for letter in letters:
                if char.lower() != letter and regex.fullmatch(
                    regex.escape(letter), char, regex.IGNORECASE
                ):
                    odd.add(char)
    assert odd <= set(CASE_ODD_LETTERS)
    assert "quo" not in evidence_tokens("Il ſtatus quo resta")


@pytest.fixture(scope="module")
def linter():
    return Linter(config_from_mapping({"select": ["untranslated"]}, "<test>", Path.cwd()))


STORY = "Election results delayed in the capital\n\nLIMA, April 12 (AP) — {}\n"


def _found(linter, body):
    return [(f.rule, f.column) for f in linter.lint_text(STORY.format(body), "story.txt")]


def test_portuguese_quote_with_portuguese_attribution_is_one_finding(linter):
    body = "“Não vamos aceitar que o resultado seja adiado de novo”, disse o candidato."
    assert _found(linter, body) == [("untranslated/foreign-sentence", 23)]


@pytest.mark.parametrize(
    "body",
    [
        "Protesters chanted “que se vayan todos” and “fora Bolsonaro” outside the palace.",
        "Thousands marched under the banner “Não à guerra, sim à paz” before dispersing.",
        "The banner read “No vamos a permitir que nos quiten la tierra” (We will not let "
        "them take our land).",
    ],
)
def test_quoted_slogans_and_glossed_quotes_are_silent(linter, body):
    assert _found(linter, body) == []


def test_foreign_quote_in_english_sentence_points_at_the_quote(linter):
    body = "The candidate told reporters: “No vamos a aceptar que los resultados se retrasen otra vez” and left."
    assert _found(linter, body) == [("untranslated/foreign-sentence", 54)]


@pytest.mark.parametrize(
    "body",
    [
        "President Kassym-Jomart Tokayev (Қасым-Жомарт Тоқаев) spoke.",
        "The slogan “Слава Україні” was painted on the wall.",
        "Vladimir Putin, or Владимир Путин, spoke, and the α coefficient rose.",
        "Xi Jinping (习近平) spoke.",
    ],
)
def test_names_and_glosses_in_other_scripts_are_silent(linter, body):
    assert _found(linter, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "The minister said: Мы не допустим повторения этих событий.",
        "The statement read (Мы не допустим повторения этих событий в стране).",
        "The sign read 禁止入内，违者必究 in red letters.",
        "The banner said שלום לכל העולם in large letters.",
        "Η κυβέρνηση ανακοίνωσε νέα μέτρα, the ministry said.",
    ],
)
def test_runs_of_other_scripts_fire(linter, body):
    assert [rule for rule, _ in _found(linter, body)] == ["untranslated/foreign-script"]


def test_word_count_pattern_counts_as_finding_the_words():
    """identify()'s one-match word count agrees with counting each word's match."""
    import regex

    from copylint.langid import _words

    texts = ["", "a", "a b c", "Der Tag, an dem", "l'état d'urgence est là", "\u0301a b\u0301c d e",
             "１２ ab ２ cd", "x-y-z w", "ab\u0301\u0301cd ef", "Αθήνα και Θεσσαλονίκη τώρα", "  ,, a  ;; b "]
    for text in texts:
        words = len(regex.findall(r"\p{L}[\p{L}\p{M}]*", text))
        for n in range(1, 9):
            assert (_words(n).match(text) is not None) == (words >= n), (text, n)
