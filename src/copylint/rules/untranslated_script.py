"""untranslated/foreign-script: Cyrillic, Greek, Arabic, Hebrew or CJK text in English copy."""

from __future__ import annotations

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
# A run: letters of one script, with the spaces, digits and punctuation between them.
_BETWEEN = r"[\s\d\-.,;:!?'’\"«»“”„()、。，！？・]"
RUN = lazy_regex(
    "|".join(
        rf"(?P<{name}>{letter}+(?:{_BETWEEN}+{letter}+)*)"
        for name, letter in SCRIPTS.items()
    )
)
WORD_SPLIT = lazy_regex(r"\s+")
# Decision: a name or a short term glossed in brackets or quotes ("Tokayev
# (Тоқаев)", "the slogan “Слава Україні”") is deliberate; a longer run is
# untranslated text wherever it stands, and so is a three-word run outside them.
GLOSS_WORDS = 4
GLOSS_CJK_CHARS = 8
MIN_WORDS = 3
MIN_CJK_CHARS = 5
_OPENERS = {"(": ")", "[": "]", "“": "”", "«": "»", "„": "“", '"': '"', "‘": "’"}


class ForeignScript(Rule):
    """Flags runs of a non-Latin script (three words or more) in English copy.

    Why: an untranslated Russian, Arabic or Chinese sentence in an English story
    is a translation failure. A single foreign name or short term glossed in
    brackets or quotes is house style in many agencies, and stays silent.
    """

    id = "untranslated/foreign-script"
    severity = Severity.WARNING
    description = "Text in Cyrillic, Greek, Arabic, Hebrew or CJK script left in English copy."
    rationale = (
        "A run of three or more words in Cyrillic, Greek, Arabic or Hebrew (five or more "
        "Chinese, Japanese or Korean characters) inside an English story is text machine "
        "translation skipped. Names and short terms glossed in brackets or quotes ('Kassym-"
        "Jomart Tokayev (Қасым-Жомарт Тоқаев)', up to four words or eight CJK characters) "
        "and one or two foreign words elsewhere (a Greek letter, a name) are not flagged."
    )
    bad_example = "The ministry said: Ситуация полностью под контролем."
    good_example = "Fans of Tokayev (Тоқаев) painted the slogan “Слава Україні” on the wall."

    def check(self, document, options):
        text = document.text
        if ANY_FOREIGN_FAST.search(text) is None:
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
    if script == "CJK":
        size = len(ANY_FOREIGN.findall(run))
        minimum, gloss = MIN_CJK_CHARS, GLOSS_CJK_CHARS
    else:
        size, minimum, gloss = len(WORD_SPLIT.split(run.strip())), MIN_WORDS, GLOSS_WORDS
    if size < minimum:
        return False
    return not (size <= gloss and _enclosed(text, start, end))


def _enclosed(text: str, start: int, end: int) -> bool:
    """The run sits right inside a pair of brackets or quotes."""
    before = text[max(0, start - 2):start].rstrip()
    after = text[end:end + 2].lstrip()
    return bool(before) and bool(after) and _OPENERS.get(before[-1]) == after[0]
