"""untranslated/foreign-script: Cyrillic, Greek, Arabic, Hebrew or CJK text in English copy."""

from __future__ import annotations

import re

from ..finding import Hit, Severity
from ..rule import Rule
from ._lazy import lazy_re, lazy_regex

SCRIPTS = {
    "Cyrillic": r"\p{Cyrillic}",
    "Greek": r"\p{Greek}",
    "Arabic": r"\p{Arabic}",
    "Hebrew": r"\p{Hebrew}",
    "CJK": r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]",
}
ANY_FOREIGN = lazy_regex("|".join(SCRIPTS.values()))
# The same blocks as plain code-point ranges: the stdlib engine finds "none
# here" in a Latin story several times faster than script properties.
ANY_FOREIGN_FAST = lazy_re(
    "[\u0370-\u03ff\u1f00-\u1fff\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f"
    "\u0590-\u05ff\ufb1d-\ufb4f\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff"
    "\ufe70-\ufeff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f]"
)
# Anything but Latin letters, their marks and the punctuation and symbol blocks
# (U+2000-U+2DDF), which hold none of the ranges above: a class far cheaper to
# compile, so a story with no such character never compiles ANY_FOREIGN_FAST.
MAYBE_FOREIGN = lazy_re("[^\x00-\u036f\u2000-\u2ddf]")
# A run: letters of one script, with the spaces, digits and punctuation between them.
_BETWEEN = r"[\s\d\-\u2013\u2014.,;:!?'’\"«»“”„()、。，！？・]"
RUN = lazy_regex(
    "|".join(
        rf"(?P<{name}>{letter}+(?:{_BETWEEN}+{letter}+)*)"
        for name, letter in SCRIPTS.items()
    )
)
WORD_SPLIT = lazy_regex(r"\s+")
# Decision: foreign script is left-over source text unless it is a gloss: a name
# or short term (up to four words or eight CJK characters) in brackets right
# after its English form ("Tokayev (Тоқаев)"), introduced as foreign ("in
# Russian, ...", "the slogan “...”", "Putin, or Владимир Путин"), or itself
# glossed in English brackets ("珊珊 (Shanshan)"). A run touching a number
# ("10 млрд", "2210万") is a unit machine translation skipped, never a gloss.
GLOSS_WORDS = 4
GLOSS_CJK_CHARS = 8
_OPENERS = {"(": ")", "[": "]", "“": "”", "«": "»", "„": "“", '"': '"', "‘": "’"}
_BRACKETS = {"(", "["}
# What introduces a gloss: a language's name or "or" anywhere before it ("in
# Russian, Владимир Путин"), a word naming a term only before quotes or brackets.
_LANGUAGES = (
    r"Russian|Ukrainian|Belarusian|Kazakh|Kyrgyz|Mongolian|Serbian|Bulgarian|Macedonian|"
    r"Cyrillic|Greek|Arabic|Persian|Farsi|Urdu|Hebrew|Yiddish|Chinese|Mandarin|Cantonese|"
    r"Japanese|Korean|Hangul|kanji"
)
NAMED_LANGUAGE = lazy_re(rf"\b(?:or|{_LANGUAGES})[\s,:\-\u2013\u2014]*$", re.IGNORECASE)
NAMED_TERM = lazy_re(
    rf"\b(?:{_LANGUAGES}|slogans?|words?|term|called|named|dubbed|known as|reads?|motto|"
    r"banner|sign|chant(?:ed|ing)?|meaning|spel(?:t|led)|script|characters)"
    r"[\s,:\-\u2013\u2014]*[«“„\"‘(\[]$",
    re.IGNORECASE,
)
ENGLISH_GLOSS_AFTER = lazy_re(r"\s?[(\[][\"“‘]?[A-Za-z]")
DIGIT_BESIDE = lazy_re(r"\d\s?$")


class ForeignScript(Rule):
    """Flags Cyrillic, Greek, Arabic, Hebrew or CJK text in English copy unless it is a gloss.

    Why: English wire copy carries foreign script only to gloss a name or a
    quoted term; anything else (a company name in guillemets, a unit after a
    number, a reporter's name, a sentence) is text machine translation skipped.
    """

    id = "untranslated/foreign-script"
    severity = Severity.WARNING
    description = "Text in Cyrillic, Greek, Arabic, Hebrew or CJK script left in English copy."
    rationale = (
        "English copy carries a non-Latin script only as a gloss: a name or short term (up "
        "to four words, eight CJK characters) in brackets right after its English form "
        "('Kassym-Jomart Tokayev (Қасым-Жомарт Тоқаев)'), introduced as foreign text ('in "
        "Russian, ...', 'the slogan “...”', 'Putin, or Владимир Путин'), or followed by its "
        "English in brackets. Anything else is flagged: a name standing for its English "
        "form ('PJSC «Газпром»'), a unit after a number ('10 млрд', '2210万'), a byline, a "
        "sentence. A lone Greek letter (a variable, a variant) is not flagged."
    )
    bad_example = "Output could reach 10 млрд cubic metres, «Газпром» said."
    good_example = "Fans of Tokayev (Тоқаев) painted the slogan “Слава Україні” on the wall."

    def check(self, document, options):
        text = document.text
        if MAYBE_FOREIGN.search(text) is None or ANY_FOREIGN_FAST.search(text) is None:
            return
        for paragraph in document.prose_paragraphs:
            for match in RUN.finditer(text, paragraph.start, paragraph.end):
                script = match.lastgroup
                if _is_untranslated(text, match.start(), match.end(), match.group(), script):
                    yield Hit(
                        match.start(),
                        match.end(),
                        f"{script} text left untranslated: translate it "
                        "(or gloss a name in brackets).",
                    )


def _is_untranslated(text: str, start: int, end: int, run: str, script: str) -> bool:
    before = text[max(0, start - 40):start]
    if DIGIT_BESIDE.search(before) or text[end:end + 1].isdigit():
        return True
    if script == "CJK":
        size, gloss = len(ANY_FOREIGN.findall(run)), GLOSS_CJK_CHARS
    else:
        size, gloss = len(WORD_SPLIT.split(run.strip())), GLOSS_WORDS
        if script == "Greek" and size == 1 and len(run.strip()) < 2:
            return False
    if size > gloss:
        return True
    return not _is_gloss(text, start, end, before)


def _is_gloss(text: str, start: int, end: int, before: str) -> bool:
    """A bracketed gloss after its English form, an introduced term, or a term glossed after."""
    if NAMED_LANGUAGE.search(before) or ENGLISH_GLOSS_AFTER.match(text, end):
        return True
    opener = before.rstrip()[-1:]
    if _OPENERS.get(opener) != text[end:end + 2].lstrip()[:1]:
        return False
    if NAMED_TERM.search(before.rstrip()):
        return True
    if opener not in _BRACKETS:
        return False
    word_end = before.rstrip()[:-1].rstrip()[-1:]
    return word_end.isalpha() and ANY_FOREIGN_FAST.match(word_end) is None
