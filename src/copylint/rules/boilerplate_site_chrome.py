"""boilerplate/site-chrome: masthead and navigation lines scraped along with the story."""

from __future__ import annotations

from ..finding import Hit, Severity
from ..rule import Rule
from ._lazy import lazy_re
from .typography_common import paragraphs_holding

# A breadcrumb or menu: short items joined by navigation separators.
_SEPARATOR = lazy_re(r"\s[|›»>•·/]\s|\s?[|›»•·]\s?")
_SENTENCE_END = lazy_re(r"[.!?…][\"'”’)]*$")
# Every separator holds one of these: most paragraphs are ruled out without a regex.
_SEPARATOR_CHARS = "|›»>•·/"
_MAX_ITEM_WORDS = 4
_MAX_SITE_NAME_WORDS = 5
_WORD = lazy_re(r"[^\W\d_]+")
# Words that name a news site or desk rather than tell news ("Pacific Business Desk").
MASTHEAD_WORDS = frozenset(
    """
    news desk newsroom times post daily herald tribune journal gazette chronicle online
    network press wire agency media edition service bulletin newswire
    """.split()
)
_MAX_TITLE_WORDS = 20


class SiteChrome(Rule):
    id = "boilerplate/site-chrome"
    severity = Severity.WARNING
    fixable = True
    description = "A site name or navigation line scraped along with the story."
    rationale = (
        "Aggregators republish wire copy with their own masthead, section menu and "
        "breadcrumbs still attached. Lines above the headline that are neither a date "
        "nor a byline, and menu-like lines of short items joined by separators "
        "(Home › World › Asia), are page furniture, not copy; so is a site name or "
        "section (\"World News Desk\", \"site / section\") standing over the real headline. "
        "Editorial kickers such as ANALYSIS or EXCLUSIVE are accepted (option `kickers`)."
    )
    bad_example = (
        "News Collective\n\nHome | World | Asia\n\n"
        "Kazakh forces kill 26 in operation to end protests"
    )
    good_example = "Kazakh forces kill 26 in operation to end protests"
    options = {
        "kickers": [
            "analysis", "exclusive", "explainer", "factbox", "fact check", "feature",
            "interview", "obituary", "profile", "q&a", "timeline", "correction",
        ],
    }

    def check(self, document, options):
        paragraphs = document.paragraphs
        with_separator = set(paragraphs_holding(document, _SEPARATOR_CHARS))
        # Chrome candidates stand above the headline; a body paragraph can only be a
        # menu, which holds a separator: the others need no look.
        top = 0 if document.headline is None else document.headline.index + 1
        for index in sorted(with_separator.union(range(top))):
            paragraph = paragraphs[index]
            if paragraph.role == "chrome-candidate":
                kickers = {k.casefold() for k in options["kickers"]}  # most stories have none
                if paragraph.text.strip(" :-–—").casefold() not in kickers:
                    yield Hit(paragraph.start, paragraph.end,
                              f"Site chrome above the headline: '{paragraph.text}'; remove it.")
            elif paragraph.role == "headline" and _masthead_over_menu(
                    document, paragraphs[paragraph.index + 1:paragraph.index + 3]):
                yield Hit(paragraph.start, paragraph.end,
                          f"Site name above the site's menu: '{paragraph.text}'; remove it.")
            elif paragraph.role == "headline" and _site_name_over_headline(
                    document, paragraph, paragraphs[paragraph.index + 1:paragraph.index + 2]):
                yield Hit(paragraph.start, paragraph.end,
                          f"Site name above the headline: '{paragraph.text}'; remove it.")
            elif paragraph.role == "body" and index in with_separator and _is_menu(paragraph.text):
                yield Hit(paragraph.start, paragraph.end,
                          f"Navigation line in the copy: '{paragraph.text}'; remove it.")


def _masthead_over_menu(document, following) -> bool:
    """A "headline" followed by a menu and then by another headline-like line is a masthead.

    Pages print masthead, menu, headline, story in that order; a site name that is
    not made of navigation words is taken for the headline by the document model.
    """
    if len(following) < 2 or not _is_menu(following[0].text):
        return False
    title = following[1]
    is_lede = document.dateline is not None and document.dateline.paragraph == title.index
    return (
        not is_lede
        and title.role == "body"
        and title.word_count <= _MAX_TITLE_WORDS
        and not _SENTENCE_END.search(title.text)
    )


def _site_name_over_headline(document, paragraph, following) -> bool:
    """A "headline" that reads as a site name or section ("Latin America News Desk",
    "europapress / catalunya") with the real headline right below it.

    The document model takes the first headline-like line for the headline; a
    masthead made of ordinary words passes that test, so look for a second title.
    """
    if not following or not _is_title(document, following[0]):
        return False
    text = paragraph.text
    words = _WORD.findall(text)
    if not words or len(words) > _MAX_SITE_NAME_WORDS:
        return False
    if " / " in text or " | " in text:
        return True  # a site and its section
    return (all(word[0].isupper() for word in words)
            and any(word.casefold() in MASTHEAD_WORDS for word in words))


def _is_title(document, paragraph) -> bool:
    """A short line with no sentence ending that is not the lede: a headline."""
    is_lede = document.dateline is not None and document.dateline.paragraph == paragraph.index
    return (not is_lede and paragraph.role == "body"
            and paragraph.word_count <= _MAX_TITLE_WORDS
            and not _SENTENCE_END.search(paragraph.text))


def _is_menu(text: str) -> bool:
    """Three or more short items joined by separators, and no sentence ending."""
    if len(text) > 120 or not any(char in text for char in _SEPARATOR_CHARS):
        return False
    if _SENTENCE_END.search(text):
        return False
    items = [item for item in _SEPARATOR.split(text) if item.strip()]
    return len(items) >= 3 and all(len(item.split()) <= _MAX_ITEM_WORDS for item in items)
