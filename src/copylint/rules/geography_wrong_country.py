"""geography/wrong-country: the story's actors "arrive" in a country the story is not about.

Machine translation resolves "llegaron al país" ("arrived in the country") to a named
country, usually a prominent one: troops sent to Kazakhstan "have arrived in the United
States". The tell is a country that appears once, only in an arrival or deployment
phrase, in a story set somewhere else.
"""

from __future__ import annotations

import bisect
from collections import Counter
from operator import attrgetter

import regex

from ..finding import Hit, Severity
from ..rule import Rule
from ._lazy import lazy_regex
from .geography_common import misfiled_dateline

# A movement verb and its preposition, ending right before a place name.
ARRIVAL = lazy_regex(
    r"""\b(?:
        arriv(?:e|es|ed|ing|al)(?:\s+\w+ly)?(?:\s+back)?\s+(?:in|at)
      | land(?:s|ed|ing)?\s+in
      | deploy(?:s|ed|ing|ment)?(?:\s+(?!to\b|in\b)[\w,.'’-]+){0,3}?\s+(?:to|in)
      | (?P<back>return(?:s|ed|ing)?(?:\s+\w+ly)?\s+to)
      | (?:sent|dispatched|airlifted|flown)\s+(?:back\s+)?to
      | stationed\s+in
      | reach(?:es|ed|ing)?
      | enter(?:s|ed|ing)?
    )\s+(?P<the>the\s+)?$""",
    regex.VERBOSE | regex.IGNORECASE,
)

# How every ARRIVAL match ends, matched backwards and anchored at the place (a search
# would try it at each character before): it fails at once for most places, where
# ARRIVAL is tried at each of the characters before them.
_ARRIVAL_END = lazy_regex(
    r"(?r)\b(?:in|at|to|reach(?:es|ed|ing)?|enter(?:s|ed|ing)?)\s+(?:the\s+)?$",
    regex.IGNORECASE,
)

# After the place, in the same sentence: a reason to travel that puts the trip outside
# the story's country ("arrived in Doha for the final", "to meet lawmakers", "on a state
# visit"), gives the place a role ("..., where they") or lists it among others
# ("reached Italy, Iran and South Korea": capitals, whatever the flags, so that
# ", and fishermen helped" is no list). Generic aims ("to help", "for a
# limited period") do not count: mistranslated "the country" sentences carry those too.
PURPOSE = lazy_regex(
    r"""(?:
        [^.;!?]*?\b(?:
            for\s+(?:[\w'’-]+\s+){0,4}?(?:talks|meetings?|negotiations|consultations|summit
                |conference|treatment|visit|finals?|match|game|tournament|championships?
                |Games|Olympics|World\s+Cup|funeral|ceremony|inauguration|festival|forum
                |exercises|drills|manoeuvres|maneuvers)\b
          | to\s+(?:attend|meet|sign|take\s+part|participate|compete|play|face|visit|study
                  |testify|negotiate|hold\s+talks)\b
          | on\s+(?:an?|his|her|their|its)\s+(?:[\w-]+\s+){0,2}(?:visit|trip|tour|mission)\b
          | ahead\s+of\s+(?:the|a|an)\b
          | (?P<after>after\s+(?:a|an|his|her|their|its|the)\s+(?:[\w-]+\s+){0,2}
              (?:visit|trip|tour|talks|summit|meeting|stay|exile))\b
        )
      | ,?\s+(?:where|from)\b
      | (?:,\s+(?:the\s+)?(?-i:\p{Lu})[\p{L}.-]*)*,?\s+(?:and|or)\s+(?:the\s+)?(?-i:\p{Lu})
    )""",
    regex.VERBOSE | regex.IGNORECASE,
)

# The story's own forces, crews and envoys ("the army", "rescue teams", "the observer
# mission", "the delegation"): sent to a neighbour that the story never mentions
# again, they are suspect too.
OWN_FORCES = lazy_regex(
    r"""\b(?:army|armed\s+forces|military|soldiers|troops|police|policemen|officers|agents
      |firefighters|fire\s+brigades?|rescuers|rescue\s+(?:teams?|workers|units|crews|squads)
      |brigades|paramedics|medics|marines|navy|coastguards?|guards|units|personnel
      |observers?|monitors|(?:observer|monitoring)\s+mission|delegations?|inspectors)\b""",
    regex.VERBOSE | regex.IGNORECASE,
)
# "for the signing ceremony", "to lead the march": the trip's aim, an event named
# with "the" (its lower-case words are compared with what the lede reports).
EVENT = lazy_regex(
    r"\b(?:for|to\s+\p{Ll}+)\s+the\s+(?P<event>\p{Ll}+(?:[\s-]\p{Ll}+){0,2})\b")
# Travel by air: a neighbour is no likelier a destination than any other country.
FLIGHT = lazy_regex(r"\b(?:land(?:s|ed|ing)?|flown|airlifted)\b", regex.IGNORECASE)
# A dateline the document model did not read ("ASTANA, November 9. /TASS/."): the
# capitalised place opening the first body paragraph.
_LOOSE_DATELINE = lazy_regex(r"(\p{Lu}[\p{Lu}\p{M}'’. -]+\p{Lu}),")

# The last letters of "in", "at", "to", "the" and the forms of "reach" and "enter":
# _ARRIVAL_END needs one of them (in either case) before the spaces ahead of a place.
_ARRIVAL_LAST = frozenset("eEnNtToOhHsSdDgGrR")
_DESTINATIONS = frozenset(("country", "city", "subdivision"))
_LOOKBEHIND = 60  # characters before a place searched for the movement phrase
_META_KEY = "geography.wrong-country"


class WrongCountry(Rule):
    id = "geography/wrong-country"
    severity = Severity.WARNING
    description = "Actors arrive in a country that plays no other part in a story set elsewhere."
    rationale = (
        "Machine translation turns \"the country\" into a named country (Spanish \"llegaron "
        "al país\" becoming \"arrived in the United States\"), moving the story's troops, "
        "aid or delegates to the wrong continent. The rule works out where the story is set "
        "(the dateline's country, even one the document model could not read; else the "
        "most-mentioned country, demonyms and headline included) and flags an arrival, landing, "
        "deployment or return whose country is mentioned nowhere else, is not where the "
        "story is set, and comes with no purpose or origin (\"for talks\", \"to attend\", "
        "\"where\", \"from\"). A neighbouring country is a likely destination (refugees, "
        "aid, trade) and is reported only when the travellers are the story's own forces, "
        "crews or envoys (the army, police agents, rescue teams, observers, a delegation) "
        "with no other country named, or when they fly there (\"landed in\"). Neither a "
        "purpose nor a neighbour excuses a trip made for the event the dateline's paragraph "
        "reports (\"arrived in Kazakhstan for the signing ceremony\" over \"ULAANBAATAR ... "
        "signed\"), nor the story's own delegation going back to another country \"after "
        "the meeting\"."
    )
    bad_example = (
        "ALMATY, Jan 7 (EFE) - Kazakh authorities said Russian-led peacekeepers have "
        "already arrived in the United States to guard airports."
    )
    good_example = (
        "ALMATY, Jan 7 (EFE) - Kazakh authorities said Russian-led peacekeepers have "
        "already arrived in the country to guard airports."
    )

    def check(self, document, options):
        from .. import gazetteer

        found = gazetteer.mentions(document)
        setting = story_country(document, found)
        if setting is None:
            return
        counts = None  # counted on the first foreign place, if the story names one
        text = document.text
        for mention in found:
            place = mention.place
            if place.kind not in _DESTINATIONS:
                continue
            country = place.country
            if country is None and setting not in place.countries:
                country = place.nation  # "Armenia" in a story not set in Colombia
            if country is None or country == setting:
                continue
            if counts is None:
                counts = _country_counts_in(found, setting)
            if counts.get(country) != 1:
                continue
            if _cannot_end_arrival(text, mention.start):
                continue
            before = max(0, mention.start - _LOOKBEHIND)
            if _ARRIVAL_END.match(text, before, mention.start) is None:
                continue
            arrival = ARRIVAL.search(text, before, mention.start)
            if arrival is None:
                continue
            start, end = _sentence_span(document, mention.start)
            # An aim or an origin puts the trip outside the story's country; but going
            # back "after the meeting" is going home, and the story's own delegation
            # ("the Saudi delegation") goes home to the story's country.
            purpose = PURPOSE.match(text, mention.end, end)
            excused = purpose and not (
                purpose["after"] and arrival["back"]
                and _own_forces(text, found, setting, start, mention.start, named=True))
            # A neighbour is a likely destination (refugees, aid, trade); only the
            # story's own forces sent there unexplained are suspect.
            excused = excused or (
                country in gazetteer.neighbours(setting)
                and not FLIGHT.match(text, arrival.start())
                and not _own_forces(text, found, setting, start, mention.start))
            # Unless the trip was for the event the dateline reports ("arrived in
            # Kazakhstan for the signing ceremony" over "ULAANBAATAR ... signed"):
            # then it ended in the story's country.
            if excused and not _for_lede_event(document, text, mention.end, start, end):
                continue
            start = arrival.start("the") if arrival["the"] else mention.start
            named = text[start:mention.end]
            yield Hit(
                start,
                mention.end,
                f"'{named}' appears only here, in a story set in "
                f"{gazetteer.country_name(setting)}: machine translation often turns "
                "'the country' into a named one; check where they arrived",
                "the country" if place.kind == "country" else None,
            )


def story_country(document, found) -> str | None:
    """Where the story happens: the dateline's country, else the clearly most-mentioned one.

    Mentions count in the headline and body, demonyms included ("Greek coast guard"); a
    dateline that misfiles its city counts for the city's country.
    A dateline city that several countries have (Athens, Cordoba) is the country of
    those the story mentions most, else the likeliest: "ATHENS" heads a Greek story
    even when Italian tourists are mentioned more often than Greece.
    """
    if _META_KEY in document.meta:
        return document.meta[_META_KEY]
    # "TUNIS, Morocco": the city, not the country the dateline misfiles it under.
    misfiled = misfiled_dateline(document)
    setting = misfiled.actual if misfiled else None
    for place in () if setting else _dateline_places(document):
        if place.kind == "region" or not place.countries:
            continue
        if place.country is None:  # mentions are counted only when the dateline needs them
            counts = _country_counts(found)
            setting = max(place.countries, key=lambda c: counts[c])
        else:
            setting = place.country
        break
    if setting is None:
        ranked = _country_counts(found).most_common(2)
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            setting = ranked[0][0]
    document.meta[_META_KEY] = setting
    return setting


def _country_counts_in(found, setting) -> dict[str, int]:
    """How many mentions may name each country. An ambiguous name counts for the story's
    country when it may be there ("Santiago" in a Chilean story is not also a mention
    of Peru)."""
    counts = {}
    get = counts.get
    for mention in found:
        place = mention.place
        if place.country is None and setting in place.countries:
            counts[setting] = get(setting, 0) + 1
        else:
            for code in place.countries:
                counts[code] = get(code, 0) + 1
    return counts


def _country_counts(found) -> Counter:
    """How often the story names each country, everyday words ("Jordan") left out."""
    return Counter(m.place.country for m in found if m.place.country and not m.place.common_word)


def _dateline_places(document):
    """The places the dateline names, region first; a loose one when none was read."""
    from .. import gazetteer

    dateline = document.dateline
    if dateline is not None:
        names = (dateline.region, dateline.place)
    else:
        body = document.body
        opening = _LOOSE_DATELINE.match(document.text, body[0].start, body[0].end) if body else None
        names = (opening.group(1),) if opening else ()
    for name in names:
        place = gazetteer.lookup(name) if name else None
        if place is not None:
            yield place


def _cannot_end_arrival(text: str, offset: int) -> bool:
    """Whether one space then an ASCII character no _ARRIVAL_END word ends with (as in
    "of Chile", "Peru, Chile") come before ``offset``: a third of the places the regex
    would be run for, ruled out without it (other characters are left to the regex)."""
    if offset < 2 or text[offset - 1] != " ":
        return False
    last = text[offset - 2]
    return last not in _ARRIVAL_LAST and last.isascii() and not last.isspace()


def _own_forces(text, found, setting, start, end, named=False) -> bool:
    """Forces or crews in text[start:end] that no other country's name claims (and,
    when ``named``, that the story's country's name or demonym claims)."""
    if not OWN_FORCES.search(text, start, end):
        return False
    near = [m.place for m in found if start <= m.start < end and m.place.countries]
    return (not any(setting not in place.countries for place in near)
            and (not named or any(place.country == setting for place in near)))


def _for_lede_event(document, text, offset, start, end) -> bool:
    """Whether the aim after ``offset`` ("for the signing ceremony", "to lead the
    march", up to the clause's end) is an event the dateline's paragraph, outside
    this sentence (start, end), reports as done ("signed", "marched")."""
    clause = regex.match(r"[^,;:]*", text[offset:end])[0]
    aim = EVENT.search(clause)
    lede = _lede(document)
    if aim is None or lede is None:
        return False
    # The lede without this sentence: an aim cannot report its own event.
    reported = f"{text[lede.start:min(start, lede.end)]} {text[max(end, lede.start):lede.end]}"
    for word in aim["event"].replace("-", " ").split():
        stem = word[:-3] if word.endswith("ing") and len(word) > 5 else word.removesuffix("s")
        if len(stem) >= 3 and regex.search(rf"\b{stem}e?d\b", reported, regex.IGNORECASE):
            return True
    return False


def _lede(document):
    """The paragraph the dateline opens (read or loose): what it reports happened there."""
    if document.dateline is not None:
        return document.paragraphs[document.dateline.paragraph]
    body = document.body
    if body and _LOOSE_DATELINE.match(document.text, body[0].start, body[0].end):
        return body[0]
    return None


def _sentence_span(document, offset: int) -> tuple[int, int]:
    """The sentence holding ``offset`` (the paragraph outside sentences)."""
    sentences = document.sentences
    index = bisect.bisect_right(sentences, offset, key=attrgetter("start")) - 1
    if index >= 0 and sentences[index].end > offset:
        return sentences[index].start, sentences[index].end
    paragraph = document.paragraph_of(offset)
    return (paragraph.start, paragraph.end) if paragraph else (0, len(document.text))
