"""boilerplate/share-prompt: share buttons, follow prompts, ad labels and counters in the copy."""

from __future__ import annotations

from ..finding import Hit, Severity
from ..rule import Rule
from .boilerplate_common import LineGate, Phrases, compile_line_start, line_hits

# Words of a page's widgets: furniture only when they are the whole line.
WIDGET_LINES = (
    "advertisement", "advertising", "sponsored(?: content)?", "publicidad", "anzeige",
    "share(?: this)?", "tweet", "print", "e-?mail", "comments?", r"loading\.*",
    "continue reading", "story continues below(?: advertisement)?",
    "scroll to continue(?: with content)?", "back to top", "view comments", "show comments",
    "listen to (?:this )?article", "skip advert(?:isement)?",
)
# Social networks: a line of nothing but their names is a row of share buttons.
NETWORKS = (
    "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin", "email", "e-mail",
    "reddit", "pinterest", "messenger", "threads", "bluesky", "vk", "copy link",
)
_NETWORK = "(?:" + "|".join(NETWORKS) + ")"
# Prompts that make the rest of their line furniture.
PROMPT_LEADS = (
    r"share (?:this|on|via)\b",
    *(rf"{verb}[ ]?:" for verb in (
        "share", "compartir", "compartilhar", "compartilhe", "partager", "teilen", "condividi")),
    r"follow us\b", r"subscribe (?:to|for|now)\b",
    r"sign up (?:to|for|now)\b", r"join our\b", r"like us on\b",
    r"download (?:our|the \S+ app)\b", r"comments? \(\d+\)", r"\d+ comments?\b", "tags?:",
    "topics:", r"filed under\b", r"leave a (?:comment|reply)\b",
)
# Prompts that are furniture wherever they stand (matched in lower case).
PHRASES = (
    "click here", "subscribe to our newsletter", "sign up for our newsletter",
    "share this article", "share this story", "follow us on twitter", "follow us on facebook",
    "follow us on instagram", "follow us on telegram", "follow us on whatsapp",
    "follow us on google news", "follow us on x ",
)

_PHRASES = Phrases(PHRASES)
# A widget is furniture only as the whole line, a prompt with whatever follows it;
# either is reported from its first word to the line's end, so one match a line
# finds both.
_FURNITURE_LINE = compile_line_start(
    "(?:" + "|".join(WIDGET_LINES) + rf"|{_NETWORK}(?:[ ]*[|·•,/]?[ ]*{_NETWORK})+)[^\w\n]{{0,3}}$"
    "|(?:" + "|".join(PROMPT_LEADS) + ").*", "",
)
# Every furniture line opens with a widget, a network or a prompt.
_GATE = LineGate(WIDGET_LINES + NETWORKS + PROMPT_LEADS)


class SharePrompt(Rule):
    id = "boilerplate/share-prompt"
    severity = Severity.WARNING
    fixable = True
    description = "Share buttons, follow/subscribe prompts, ad labels and comment counters in the copy."
    rationale = (
        "Text of a web page's buttons and widgets (\"Share this article\", \"Follow us on "
        "Twitter\", \"Subscribe to our newsletter\", \"Click here to ...\", "
        "\"Advertisement\", \"Comments (3)\", \"Tags: ...\", \"Share: Facebook Twitter WhatsApp\", "
        "a row of network names) is captured with the story when "
        "it is scraped. Single widget words (Advertisement, Share, Print) are reported only "
        "when they are a line of their own, so \"advertisement\" or \"share prices\" in a "
        "sentence is never reported."
    )
    bad_example = "Follow us on Twitter for the latest news"
    good_example = "The party's advertisement was withdrawn after complaints."

    def check(self, document, options):
        found = set(line_hits(document, _FURNITURE_LINE, _GATE))
        covered = [range(start, end) for start, end in found]
        for start, phrase in _PHRASES.starts(document):
            if not any(start in span for span in covered):
                found.add((start, start + len(phrase.rstrip())))
        for start, end in sorted(found):
            yield Hit(start, end,
                      f"Site furniture in the copy: '{document.text[start:end]}'; remove it.")
