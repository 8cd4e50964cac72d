#!/usr/bin/env python3
"""Check gazetteers/*.jsonl against the format in gazetteers/README.md.

Run from anywhere: python3 tools/check_gazetteers.py
Standard library only. Exits 1 and prints file:line: problem for each error.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = {
    "locations.jsonl": "location",
    "cities.jsonl": "location",
    "nationalities.jsonl": "nationality",
    "organizations.jsonl": "organization",
    "people.jsonl": "person",
}
ALLOWED = {"id", "kind", "name", "aliases", "titles", "gender", "wikidata",
           "as_of", "case", "country"}
REQUIRED = {"id", "kind", "name"}
KINDS = {"person", "organization", "location", "nationality"}

# A title must name one office-holder; these alone name nobody in particular.
GENERIC_TITLES = {
    "president", "vice president", "prime minister", "minister", "chancellor",
    "king", "queen", "prince", "princess", "emperor", "pope", "spokesman",
    "spokeswoman", "spokesperson", "secretary", "secretary of state",
    "foreign minister", "defence minister", "defense minister",
    "defense secretary", "defence secretary", "finance minister",
    "interior minister", "senator", "governor", "mayor", "leader", "chairman",
    "chairwoman", "chair", "ceo", "chief executive", "director", "general",
    "ambassador", "envoy", "speaker", "premier", "sheikh", "emir",
    "crown prince", "supreme leader", "first minister", "deputy prime minister",
    "foreign secretary", "home secretary", "attorney general", "commissioner",
    "high representative", "secretary-general", "secretary general",
    "director-general", "director general", "chief of staff", "press secretary",
    "former president", "former prime minister", "the president",
}

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
AS_OF_RE = re.compile(r"^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$")


def main() -> int:
    errors: list[str] = []
    ids: dict[str, str] = {}
    counts: Counter[str] = Counter()
    entries: list[tuple[str, int, dict]] = []

    for fname, want_kind in FILES.items():
        path = ROOT / "gazetteers" / fname
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            errors.append(f"{fname}: not UTF-8: {e}")
            continue
        if text.startswith("\ufeff"):
            errors.append(f"{fname}: starts with a byte-order mark")
        if not text.endswith("\n"):
            errors.append(f"{fname}: no final newline")
        for n, line in enumerate(text.split("\n")[:-1], 1):
            where = f"{fname}:{n}"
            if not line.strip():
                errors.append(f"{where}: blank line")
                continue
            try:
                e = json.loads(line)
            except json.JSONDecodeError as ex:
                errors.append(f"{where}: bad JSON: {ex}")
                continue
            if not isinstance(e, dict):
                errors.append(f"{where}: not an object")
                continue
            entries.append((where, n, e))
            counts[fname] += 1
            bad = set(e) - ALLOWED
            if bad:
                errors.append(f"{where}: unknown fields {sorted(bad)}")
            missing = REQUIRED - set(e)
            if missing:
                errors.append(f"{where}: missing {sorted(missing)}")
                continue
            for k in ("id", "kind", "name", "gender", "wikidata", "as_of",
                      "case", "country"):
                if k in e and not isinstance(e[k], str):
                    errors.append(f"{where}: {k} is not a string")
            for k in ("aliases", "titles"):
                if k in e and (not isinstance(e[k], list) or
                               not all(isinstance(x, str) for x in e[k])):
                    errors.append(f"{where}: {k} is not a list of strings")
            if errors and errors[-1].startswith(where + ": ") and "not a" in errors[-1]:
                continue

            eid = e["id"]
            if not ID_RE.match(eid):
                errors.append(f"{where}: id {eid!r} is not a lowercase ASCII slug")
            if eid in ids:
                errors.append(f"{where}: id {eid!r} already used at {ids[eid]}")
            ids[eid] = where
            if e["kind"] not in KINDS:
                errors.append(f"{where}: kind {e['kind']!r} not one of {sorted(KINDS)}")
            elif e["kind"] != want_kind:
                errors.append(f"{where}: kind {e['kind']!r} in {fname}")

            def surface(what: str, s: str) -> None:
                if not s or s != s.strip() or "  " in s:
                    errors.append(f"{where}: {what} {s!r} empty or badly spaced")
                if s.lower().startswith("the ") and what != "title" \
                        and s not in {"The Hague", "The Bronx"}:
                    errors.append(f"{where}: {what} {s!r} starts with 'the'")

            surface("name", e["name"])
            if e["name"] == e["name"].lower() and e.get("case") != "insensitive":
                errors.append(f"{where}: name {e['name']!r} is all lowercase")

            al = e.get("aliases", [])
            if "aliases" in e and not al:
                errors.append(f"{where}: empty aliases list")
            for a in al:
                surface("alias", a)
                if a == a.lower():
                    errors.append(f"{where}: alias {a!r} is all lowercase")
                if a == e["name"]:
                    errors.append(f"{where}: alias {a!r} repeats the name")
            for a, c in Counter(al).items():
                if c > 1:
                    errors.append(f"{where}: alias {a!r} given {c} times")

            tl = e.get("titles", [])
            if "titles" in e and not tl:
                errors.append(f"{where}: empty titles list")
            if tl and e["kind"] not in {"person", "organization"}:
                errors.append(f"{where}: titles on a {e['kind']}")
            for t in tl:
                surface("title", t)
                if t.lower().strip() in GENERIC_TITLES:
                    errors.append(f"{where}: generic bare title {t!r}")
            for t, c in Counter(x.lower() for x in tl).items():
                if c > 1:
                    errors.append(f"{where}: title {t!r} given {c} times")

            if "gender" in e and e["gender"] not in {"male", "female"}:
                errors.append(f"{where}: gender {e['gender']!r}")
            if "gender" in e and e["kind"] != "person":
                errors.append(f"{where}: gender on a {e['kind']}")
            if "wikidata" in e and not QID_RE.match(e["wikidata"]):
                errors.append(f"{where}: wikidata {e['wikidata']!r} is not a QID")
            if "as_of" in e and not AS_OF_RE.match(e["as_of"]):
                errors.append(f"{where}: as_of {e['as_of']!r} is not YYYY-MM")
            if "case" in e and e["case"] != "insensitive":
                errors.append(f"{where}: case {e['case']!r}")

    # Cross-file checks.
    kinds = {e["id"]: e.get("kind") for _, _, e in entries if "id" in e}
    qids: dict[str, str] = {}
    for where, _, e in entries:
        c = e.get("country")
        if c is not None:
            if e.get("kind") not in {"nationality", "location", "person", "organization"}:
                pass
            if kinds.get(c) != "location":
                errors.append(f"{where}: country {c!r} is not a location id")
        q = e.get("wikidata")
        if q:
            if q in qids:
                errors.append(f"{where}: wikidata {q} also on {qids[q]}")
            qids[q] = where

    for fname in FILES:
        print(f"{fname}: {counts[fname]} entries")
    for err in errors:
        print(err, file=sys.stderr)
    if errors:
        print(f"{len(errors)} problem(s)", file=sys.stderr)
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
