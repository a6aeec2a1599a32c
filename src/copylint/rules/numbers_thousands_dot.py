"""numbers/thousands-dot: thousands grouped with dots ("2.400 people") in English copy."""

from __future__ import annotations

import re

from ..finding import Hit, Severity
from ..langid import profiles
from ..rule import Rule
from ._lazy import lazy_re, lazy_regex
from .numbers_common import DIGIT, separated_numbers

_NUMBER = lazy_regex(
    r"(?<![\d.,\p{L}]|[\p{L}\d][.,])(?P<cur>[$€£¥])?(?P<num>[1-9]\d{0,2}(?:\.\d{3})+)"
    r"(?!\d|[.,]\d)"
)
# The noun after the number, past one modifier ("more", "accredited", "registered").
# "\d\.\d\d\d", the literal first (a fast scan).
_GATE = lazy_re(rf"\.(?<={DIGIT}\.){DIGIT}{{3}}")
_NEXT_WORD = lazy_regex(
    r"(?P<sep>\s+|-)(?:(?:more|other|new|additional|extra|fewer|local|foreign|armed|\p{Ll}+ed)\s+(?=\p{Ll}))?"
    r"(?P<word>\p{Ll}+)"
)
_VERSION_BEFORE = lazy_re(r"(?:version|v|release|build|firmware|ip|address)\s*$", re.I)
# Nouns that are counted, never measured: "2.400 people" cannot be 2.4 people.
_COUNTED = frozenset(
    """
    people persons police personnel staff children men women cattle livestock sheep
    troops soldiers residents migrants refugees workers protesters voters cases deaths
    victims homes houses buildings jobs families students patients prisoners detainees
    fighters civilians members votes signatures vehicles cars flights passengers
    tourists visitors households companies firms schools hospitals villages
    """.split()
)
# Plurals after which three decimals are normal (measures, money, rates, times).
_MEASURED = frozenset(
    """
    points percent dollars euros pounds yen yuan rubles roubles pesos reais rupees francs
    metres meters kilometres kilometers miles inches feet yards tonnes tons grams kilograms
    kilos litres liters gallons barrels degrees seconds minutes hours days weeks months years
    times goals runs carats ounces acres hectares volts watts bits bytes
    """.split()
)
# Money and rates: quoted to three decimals in real copy (fuel at 1.800 euros a litre,
# a yield of 4.500 percent), so trailing zeros alone do not make them thousands.
_PRICED = frozenset(
    """
    percent points dollars euros pounds yen yuan rubles roubles pesos reais rupees francs
    """.split()
)


class ThousandsDot(Rule):
    id = "numbers/thousands-dot"
    severity = Severity.WARNING
    description = "Thousands grouped with dots ('2.400 people') in English copy."
    rationale = (
        "Continental European languages group thousands with a dot, so machine "
        "translation prints '25.000 soldiers' where English writes '25,000'. An English "
        "reader sees 25 soldiers and a decimal. Two or more dot groups ('1.200.000') are "
        "always reported; one group only before a counted noun ('2.400 people', '25.000 "
        "soldiers'), where a decimal is impossible, or with trailing zeros before a noun or "
        "unit ('4.500 hectares', '1.200 accredited journalists', '35.000 euros', the compound '12.000-tonne'): English "
        "never writes 4.5 as '4.500'. Decimals ('2.4 million', '3.5%', "
        "'1.085 dollars', '2.125 points'), versions ('iOS 17.2.1'), times ('10.30'), IP "
        "addresses and dates ('12.03.2024') stay silent. Money with one group ('$1.250') "
        "is left alone on purpose: three-decimal prices and exchange rates are real "
        "(fuel at $3.459, the dinar at 1.250), and so is '1.800 euros' (a fuel price) "
        "unless two digits or more stand before the dot."
    )
    bad_example = "More than 2.400 people fled, and 1.200.000 were left without power."
    good_example = "More than 2,400 people fled, and 1,200,000 were left without power."

    def check(self, document, options):
        text = document.text
        for match in separated_numbers(document, [dot.start() for dot in _GATE.finditer(text)], _NUMBER):
            # By number, not name: the regex module looks a group's name up at each access.
            cur, number = match.groups()
            groups = number.split(".")
            if _VERSION_BEFORE.search(text, max(0, match.start() - 12), match.start()):
                continue
            if len(groups) == 2:
                if cur or not self._counted(text, match.end(), groups):
                    continue
            elif len(groups) == 4 and all(int(g) <= 255 for g in groups) and groups[-1] != "000":
                continue  # an IP address
            fixed = number.replace(".", ",")
            yield Hit(match.start(2), match.end(2),
                      f"'{number}' groups thousands with dots; English uses commas: '{fixed}'.",
                      fixed)

    @staticmethod
    def _counted(text: str, end: int, groups: list[str]) -> bool:
        """A noun follows that a decimal cannot count, or trailing zeros no decimal has."""
        following = _NEXT_WORD.match(text, end)
        if following is None:
            return False
        separator, word = following.groups()
        if separator == "-":
            # "12.000-tonne", "2.500-strong": a compound never carries "2.5" as "2.500".
            return groups[1].endswith("00")
        if word in _COUNTED:
            return True
        if groups[1].endswith("00") and word not in profiles().words["en"]:
            # "4.500 hectares", "35.000 euros"; but the euro "at 1.100 fell" is a rate.
            return len(groups[0]) >= 2 or (word.endswith("s") and word not in _PRICED)
        return word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3 \
            and word not in _MEASURED
