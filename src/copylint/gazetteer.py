"""Countries, cities, demonyms and former names, for rules that reason about places.

The data is ``rules/data/gazetteer.yaml`` (built by ``scripts/build_gazetteer.py``),
indexed on first use and kept in the per-user cache. Countries are ISO 3166 alpha-2 codes.

    >>> from copylint import gazetteer
    >>> gazetteer.country_of("Nur-Sultan"), gazetteer.canonical("Kiev")
    ('KZ', 'Kyiv')
    >>> gazetteer.demonym_country("Kazakh"), gazetteer.country_name("US")
    ('KZ', 'the United States')

Place names are matched case-sensitively in running text (``find_places``), as proper
nouns are written; the single-name lookups also accept upper-case datelines ("KYIV").
"""

from __future__ import annotations

from functools import cached_property, lru_cache
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from .resources import data_path, load_data

DATA_FILE = "gazetteer.yaml"

# When one spelling is several kinds of place, the first kind here names it.
KINDS = ("country", "region", "subdivision", "city", "demonym")


class Place(NamedTuple):
    """What a name denotes. ``countries`` lists the likeliest first (empty for regions).

    A tuple: thousands are read back from the per-user cache at every start.
    """

    name: str
    kind: str  # country, region, subdivision, city or demonym
    countries: tuple[str, ...]
    canonical: str  # the current English name ("Kiev" -> "Kyiv", "Burma" -> "Myanmar")
    ambiguous: bool  # the name is used for places in more than one country
    common_word: bool  # also an everyday word or a person's name ("Jordan", "Nice")
    country: str | None  # the country, when the name pins down exactly one
    # The country a country's name denotes even where foreign cities share the name
    # ("Armenia", also a city of Colombia); None for other names and unclear ones.
    nation: str | None = None


class Mention(NamedTuple):  # a tuple: a story makes dozens, a frozen dataclass costs more
    start: int
    end: int
    place: Place


class Gazetteer:
    """The parsed data with a name index and a phrase automaton over every name."""

    def __init__(self, data: dict):
        self.countries: dict[str, dict] = data["countries"]
        self.former: dict[str, str] = data["former"]
        ambiguous = set(data["ambiguous"])
        common = set(data["common_words"])
        found: dict[str, dict[str, list[str]]] = {}  # name -> kind -> countries

        def add(name: str, kind: str, codes: list[str]) -> None:
            found.setdefault(name, {}).setdefault(kind, []).extend(codes)

        for code, entry in self.countries.items():
            for name in [entry["name"], *entry.get("aliases", ())]:
                add(name, "country", [code])
            for demonym in entry.get("demonyms", ()):
                add(demonym, "demonym", [code])
                if not demonym.endswith(("s", "sh", "ch", "ese")):
                    add(demonym + "s", "demonym", [code])
        for name, codes in data["cities"].items():
            add(name, "city", codes)
        for name, code in data["subdivisions"].items():
            add(name, "subdivision", [code])
        for name in data["regions"]:
            add(name, "region", [])
        for old, new in self.former.items():
            if old not in found and new in found:
                for kind, codes in found[new].items():
                    add(old, kind, codes)

        self.places: dict[str, Place] = {}
        for name, kinds in found.items():
            kind = next(k for k in KINDS if k in kinds)
            codes = tuple(dict.fromkeys(c for k in KINDS for c in kinds.get(k, ())))
            owners = {c for k in KINDS if k != "city" for c in kinds.get(k, ())}
            owners |= set(kinds.get("city", ())[:1])
            unclear = name in ambiguous or len(owners) > 1
            nations = set(kinds.get("country", ()))
            nation = (next(iter(nations)) if len(nations) == 1 and name not in ambiguous
                      and kinds.keys() <= {"country", "city", "demonym"} else None)
            self.places[name] = Place(
                name=name,
                kind=kind,
                countries=codes,
                canonical=self._canonical(name, kind, codes),
                ambiguous=unclear,
                common_word=name in common,
                country=codes[0] if codes and not unclear else None,
                nation=nation,
            )
        self._folded = {}
        for name, place in self.places.items():
            self._folded.setdefault(name.casefold(), place)

    def _canonical(self, name: str, kind: str, codes: tuple[str, ...]) -> str:
        if kind == "country" and len(codes) == 1:
            return self.countries[codes[0]]["name"]
        return self.former.get(name, name)

    def lookup(self, name: str) -> Place | None:
        """The place a name denotes: exact spelling first, then any letter case."""
        name = " ".join(name.split())
        for key in (name, name.strip(" .,")):
            place = self.places.get(key) or self._folded.get(key.casefold())
            if place:
                return place
        return None

    @cached_property
    def automaton(self):
        """An Aho-Corasick automaton over every name, built on first use, and the places
        by pattern index. ahocorasick_rs: its leftmost-longest walk costs a quarter of
        pyahocorasick's ``iter_long``, which also misses a name that starts inside a
        longer name it tried and could not finish ("Republic of the Philippine")."""
        from ahocorasick_rs import AhoCorasick, Implementation, MatchKind

        automaton = AhoCorasick(list(self.places), matchkind=MatchKind.LeftmostLongest,
                                implementation=Implementation.ContiguousNFA)
        return automaton, list(self.places.values())

    def find(self, text: str, offset: int = 0, within=None) -> list[Mention]:
        """Whole-word place names in ``text`` (longest match wins), offsets shifted by
        ``offset``; with ``within``, sorted ``(start, end)`` spans of ``text``, only the
        names inside one of them."""
        found: list[Mention] = []
        spans = iter(((0, len(text)),) if within is None else within)
        span_start, span_end = next(spans, (0, 0))
        size = len(text)
        make = tuple.__new__  # Mention(...) runs a Python-level __new__ per name
        automaton, places = self.automaton
        for index, start, end in automaton.find_matches_as_indexes(text):
            # A space, the usual neighbour, spares the two tests.
            if start:
                before = text[start - 1]
                if before != " " and (before.isalnum() or before == "-"):
                    continue
            if end < size:
                after = text[end]
                if after != " " and (after.isalnum() or after == "-"):
                    continue
            if span_end <= start:  # on to the span that may hold this name
                for span_start, span_end in spans:
                    if span_end > start:
                        break
                else:
                    return found
            if span_start <= start and end <= span_end:
                found.append(make(Mention, (start + offset, end + offset, places[index])))
        return found


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared instance: indexed once per data file and version of this module, read
    back from the per-user cache in other processes (indexing costs ten times more)."""
    from .diskcache import cached

    return cached("gazetteer", (data_path(DATA_FILE), Path(__file__)),
                  lambda: Gazetteer(load_data(DATA_FILE)))


@lru_cache(maxsize=4096)
def lookup(name: str) -> Place | None:
    """``Gazetteer.lookup`` on the shared instance, kept per name: datelines repeat a
    few hundred place names, each looked up by several rules."""
    return gazetteer().lookup(name)


def country_of(name: str) -> str | None:
    """ISO code of the one country a place, country name or demonym belongs to, else None.

    None also for names shared by places in several countries ("Valencia", "Georgia").
    """
    place = lookup(name)
    return place.country if place else None


def countries_of(name: str) -> tuple[str, ...]:
    """Every country a name may point to, likeliest first."""
    place = lookup(name)
    return place.countries if place else ()


def canonical(name: str) -> str | None:
    """The current English name of a place ("Bombay" -> "Mumbai", "Burma" -> "Myanmar")."""
    place = lookup(name)
    return place.canonical if place else None


def country_name(code: str, article: bool = True) -> str:
    """Short English name of a country, with "the" where English uses it."""
    entry = gazetteer().countries[code]
    return ("the " if article and entry.get("the") else "") + entry["name"]


def demonym_country(word: str) -> str | None:
    """The country a demonym or adjective names ("Kazakh" -> "KZ"), else None."""
    place = gazetteer().places.get(word)
    return place.country if place and place.kind == "demonym" else None


def demonyms(code: str) -> list[str]:
    return list(gazetteer().countries.get(code, {}).get("demonyms", ()))


@lru_cache(maxsize=None)
def neighbours(code: str) -> frozenset[str]:
    return frozenset(gazetteer().countries.get(code, {}).get("neighbours", ()))


def is_place(word: str) -> bool:
    """True for a name that is a place or demonym and not also an everyday word or name."""
    place = gazetteer().places.get(word)
    return place is not None and not place.common_word


_SPAN = attrgetter("start", "end")


def mentions(document) -> list[Mention]:
    """Every place name in the document's headline and body, found once per document."""
    key = "gazetteer.mentions"
    if key not in document.meta:
        # One pass over the whole text, keeping the names inside the prose: a pass
        # per paragraph costs more than the page furniture it skips.
        document.meta[key] = gazetteer().find(
            document.text, within=list(map(_SPAN, document.prose_paragraphs)))
    return document.meta[key]
