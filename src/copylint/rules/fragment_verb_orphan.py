"""fragment/verb-orphan: a "sentence" that is only a reporting verb, with no subject."""

from __future__ import annotations

from functools import lru_cache

from ..finding import Hit, Severity
from ..rule import Rule
from ._lazy import lazy_re, lazy_regex
from .fragment_words import (
    ends_with_stop,
    has_finite_cue,
    is_body,
    previous_in_paragraph,
    regular_past,
    tokens,
    words,
)

# After the verb, these words cannot be an inverted subject ("Said the
# minister's office." inverts; "Said in a statement." has no subject at all).
NO_SUBJECT_NEXT = frozenset(
    """
    to in on at during through via from after before that this yesterday today tonight
    also later earlier afterwards then again so out
    """.split()
)
MAX_WORDS = 10
# Punctuation that marks a participle phrase before a main clause ("Said to be
# worth $5 billion, the company ...") or a quotation: not an orphan.
_CLAUSE_MARKS = lazy_re(r"[,;:“”\"«»()]")
# Capitalised first word: sentences starting lower case are fragment/lowercase-start's.
_FIRST_WORD = lazy_regex(r"\p{Lu}\p{Ll}+(?![\p{L}\p{M}'’\-])")


@lru_cache(maxsize=1)
def _reporting_heads() -> tuple[int, frozenset[str]]:
    """How the reporting verbs open: their first three letters (fewer for a shorter verb)."""
    reporting = words()["reporting"]
    size = min(3, *map(len, reporting))
    return size, frozenset(verb[:size] for verb in reporting)


class VerbOrphan(Rule):
    """Flags a short sentence made of a reporting verb and no subject.

    Why: machine translation of Spanish or Portuguese, whose verbs carry the
    subject, leaves "Mentioned." or "Informed the commission." as sentences.
    Inversions such as "Said the minister's office." and participle phrases
    before a main clause are left alone.
    """

    id = "fragment/verb-orphan"
    severity = Severity.WARNING
    description = "A sentence that is only a verb phrase with no subject ('Mentioned.')."
    rationale = (
        "Spanish, Portuguese and Italian drop subject pronouns; machine translation then "
        "produces sentences such as 'Mentioned.', 'Told reporters.' or 'Said in a "
        "statement.' with no subject. The rule only looks at short body sentences that "
        "open with a reporting verb and have no other verb, comma or quotation, and it "
        "leaves inverted attributions ('Said the minister's office.') alone. A one-word "
        "sentence that is a regular past participle ('Installed.', 'Deployed.') after "
        "another sentence of its paragraph, outside a quotation, is flagged too. Sentences "
        "starting lower case are left to fragment/lowercase-start."
    )
    bad_example = "The ministry confirmed the arrests. Informed the commission."
    good_example = "The ministry confirmed the arrests, it told the commission."

    def check(self, document, options):
        lists = words()
        size, heads = _reporting_heads()
        sentences = document.sentences
        # Cheap tests before the pattern, in one pass: the sentence opens like a
        # reporting verb, or may be one word ending in "ed" (a lone participle).
        for index in [i for i, sentence in enumerate(sentences)
                      if sentence.text[:size].lower()[:size] in heads or sentence.text.endswith("ed.")]:
            sentence = sentences[index]
            text = sentence.text
            first = _FIRST_WORD.match(text)
            if first is None:
                continue
            if first.group().lower() not in lists["reporting"]:
                if _lone_participle(document, index, first):
                    yield Hit(sentence.start, sentence.end,
                              f"'{text}' is a past participle standing alone: a verb left on "
                              "its own by machine translation; join it to the sentence it "
                              "belongs to.")
                continue
            if not is_body(document, sentence) or not ends_with_stop(text):
                continue
            found = tokens(text)
            if len(found) > MAX_WORDS or _CLAUSE_MARKS.search(text):
                continue
            verb = found[0].lower()
            if has_finite_cue(found[1:]):
                continue
            if len(found) == 1 or verb in lists["object"] or found[1].lower() in NO_SUBJECT_NEXT:
                yield Hit(
                    sentence.start,
                    sentence.end,
                    f"'{text}' has no subject: a verb left on its own by machine translation; "
                    "join it to the sentence it belongs to.",
                )


def _lone_participle(document, index: int, first) -> bool:
    """A one-word "sentence" such as "Installed." after a sentence of its paragraph.

    English copy has no one-word participle sentences outside quotations, where
    speech is free ("“Finished.”"); the check of open quotes keeps those silent.
    """
    sentence = document.sentences[index]
    if first.end() + 1 != len(sentence.text) or not sentence.text.endswith("."):
        return False
    if not regular_past(first.group().lower()) or not is_body(document, sentence):
        return False
    previous = previous_in_paragraph(document, index)
    if previous is None:
        return False
    paragraph = document.paragraphs[sentence.paragraph]
    before = document.text[paragraph.start:sentence.start]
    return before.count("“") == before.count("”") and before.count('"') % 2 == 0
