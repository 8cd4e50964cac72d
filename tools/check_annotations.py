#!/usr/bin/env python3
"""Check a JSON Lines file of annotated articles and print its counts.

Standard library only. The format is that of ../shared/eval/README.md and tests/fixtures/README.md:
one article a line with `text` and `quotes`, and optionally `entities` and the per-article lists
`doc_people_female`, `doc_people_male`, `doc_sources_female`, `doc_sources_male`. Checks that
need a field the file does not have are skipped (tests/fixtures/annotated.jsonl has no entities,
no people lists and no resolved speakers: its `speaker` is the source as written).

Verified, for every article:
  - every span lies within the text and slices to its text: a quote's span and each of its
    fragments, its speaker span (to `speaker_text`, or to `speaker` when the file has no
    `speaker_text`) and its cue span, and every entity;
  - fragments are ordered, do not overlap, and run from the quote's start to its end;
  - speaker and cue spans lie outside the quote's content fragments;
  - kind is direct, mixed or indirect; entity types are PER, ORG, LOC or MISC, entities do not
    overlap;
  - has_source is false exactly when the speaker is null;
  - every source is also a person of the same gender, no one is listed under both genders, and
    every listed person is named in the text (as a PER entity when the file has entities);
  - every quote's speaker, when not null, is in doc_sources_* of its speaker_gender, or has a null
    speaker_gender.

Usage:  python3 tools/check_annotations.py FILE.jsonl [FILE.jsonl ...]
Exit status 1 when any error is found.
"""

import json
import re
import sys
from collections import Counter

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
RELATIVES = {"who", "that", "which"}
HONORIFIC = re.compile(r"^(Mr|Ms|Mrs|Miss|Mx|Dr|Prof)\.? [A-Z]")
KINDS = {"direct", "mixed", "indirect"}
ETYPES = {"PER", "ORG", "LOC", "MISC"}
GENDERS = ("female", "male")


def words(s):
    return re.findall(r"[\w’'.-]+", s)


def speaker_type(q, resolved):
    """name / surname / pronoun / description / honorific / relative / implied / none."""
    written = q.get("speaker_text") if resolved else q.get("speaker")
    if written is None:
        return "none" if q.get("speaker") is None else "implied"
    low = written.strip().lower()
    if low in PRONOUNS:
        return "pronoun"
    if low in RELATIVES:
        return "relative"
    if HONORIFIC.match(written):
        return "honorific"
    if resolved:
        full = q["speaker"]
        fw, ww = words(full), words(written.rstrip(","))
        if full in written and len(fw) > 1:
            return "name"
        if full == written:
            return "surname" if len(fw) == 1 else "name"
        if ww and all(w in fw for w in ww) and len(ww) < len(fw):
            return "surname"
        return "description"
    # as written only: guess from its shape
    if not written[:1].isupper() or re.match(r"^(The|A|An|Its|His|Her|Their)\b", written):
        return "description"
    return "surname" if len(words(written)) == 1 else "name"


def check_doc(d, n, errors, stats):
    did = d.get("id", f"line {n}")
    text = d.get("text", "")
    L = len(text)

    def err(msg):
        errors.append(f"{did}: {msg}")

    def span(a, b, expect, what):
        if not isinstance(a, int) or not isinstance(b, int) or not 0 <= a <= b <= L:
            err(f"{what} span [{a}, {b}] outside the text (length {L})")
            return False
        if expect is not None and text[a:b] != expect:
            err(f"{what} [{a}, {b}] slices to {text[a:b]!r}, not {expect!r}")
            return False
        return True

    resolved = any("speaker_text" in q for q in d.get("quotes", []))
    stats["articles"] += 1
    for q in d.get("quotes", []):
        label = (q.get("text") or "")[:40]
        if q.get("kind") not in KINDS:
            err(f"quote {label!r}: bad kind {q.get('kind')!r}")
        stats["kind"][q.get("kind")] += 1
        if not span(q.get("start"), q.get("end"), q.get("text"), f"quote {label!r}"):
            continue
        frags = q.get("fragments") or [[q["start"], q["end"]]]
        prev = None
        for a, b in frags:
            span(a, b, None, f"fragment of {label!r}")
            if prev is not None and a < prev:
                err(f"quote {label!r}: fragments overlap or are out of order")
            prev = b
        if frags[0][0] != q["start"] or frags[-1][1] != q["end"]:
            err(f"quote {label!r}: fragments do not run from start to end")
        for role, s, e, t in (
            ("speaker", q.get("speaker_start"), q.get("speaker_end"),
             q.get("speaker_text") if resolved else q.get("speaker")),
            ("cue", q.get("cue_start"), q.get("cue_end"), q.get("cue")),
        ):
            if s is None and e is None:
                continue
            if span(s, e, t, f"{role} of {label!r}"):
                for a, b in frags:
                    if s < b and a < e:
                        err(f"quote {label!r}: {role} span [{s}, {e}] lies inside its content")
        if (q.get("speaker") is None) == bool(q.get("has_source")):
            err(f"quote {label!r}: has_source {q.get('has_source')} with speaker {q.get('speaker')!r}")
        if resolved and q.get("speaker_text") is not None and q.get("speaker") is None:
            err(f"quote {label!r}: speaker_text without a resolved speaker")
        stats["stype"][speaker_type(q, resolved)] += 1
        if q.get("cue") is None:
            stats["no_cue"] += 1

    ents = d.get("entities")
    if ents is not None:
        stats["with_entities"] += 1
        last = None
        for e in sorted(ents, key=lambda e: (e.get("start", -1), e.get("end", -1))):
            if e.get("type") not in ETYPES:
                err(f"entity {e.get('text')!r}: bad type {e.get('type')!r}")
            if span(e.get("start"), e.get("end"), e.get("text"), f"entity {e.get('text')!r}"):
                if last is not None and e["start"] < last["end"]:
                    err(f"entities {last['text']!r} and {e['text']!r} overlap")
                last = e
            stats["etype"][e.get("type")] += 1

    if "doc_people_female" in d:
        stats["with_people"] += 1
        people = {g: d.get(f"doc_people_{g}", []) for g in GENDERS}
        sources = {g: d.get(f"doc_sources_{g}", []) for g in GENDERS}
        for g in GENDERS:
            stats["people_" + g] += len(people[g])
            stats["sources_" + g] += len(sources[g])
            for s in sources[g]:
                if s not in people[g]:
                    err(f"source {s!r} is not in doc_people_{g}")
        both = set(people["female"]) & set(people["male"])
        if both:
            err(f"listed as both female and male: {sorted(both)}")
        per = {e["text"] for e in (ents or []) if e.get("type") == "PER"}
        for g in GENDERS:
            for p in people[g]:
                if ents is not None and p not in per:
                    err(f"person {p!r} is not marked as a PER entity")
                elif p not in text:
                    err(f"person {p!r} is not named in the text")
        for q in d.get("quotes", []):
            g = q.get("speaker_gender")
            if q.get("speaker") is None or g is None:
                continue
            if g not in GENDERS:
                err(f"quote {q['text'][:40]!r}: bad speaker_gender {g!r}")
            elif q["speaker"] not in sources[g]:
                err(f"speaker {q['speaker']!r} ({g}) is not in doc_sources_{g}")


def fmt(counter, keys):
    return ", ".join(f"{k} {counter[k]}" for k in keys)


def main(paths):
    if not paths:
        sys.exit(__doc__)
    failed = False
    for path in paths:
        errors = []
        stats = Counter()
        stats["kind"], stats["stype"], stats["etype"] = Counter(), Counter(), Counter()
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    try:
                        d = json.loads(line)
                    except json.JSONDecodeError as e:
                        errors.append(f"line {n}: not JSON: {e}")
                        continue
                    check_doc(d, n, errors, stats)
        print(f"== {path}")
        print(f"articles: {stats['articles']}")
        nq = sum(stats["kind"].values())
        print(f"quotes: {nq} ({fmt(stats['kind'], sorted(KINDS))})"
              f"; {stats['no_cue']} without a cue")
        order = ["name", "surname", "pronoun", "description", "honorific", "relative",
                 "implied", "none"]
        print("speakers: " + fmt(stats["stype"], order))
        if stats["with_entities"]:
            ne = sum(stats["etype"].values())
            print(f"entities: {ne} ({fmt(stats['etype'], sorted(ETYPES))})")
        else:
            print("entities: none in this file (entity checks skipped)")
        if stats["with_people"]:
            print(f"people: female {stats['people_female']}, male {stats['people_male']}; "
                  f"sources: female {stats['sources_female']}, male {stats['sources_male']}")
        else:
            print("people: no doc_people_* lists in this file (people checks skipped)")
        for e in errors:
            print("ERROR " + e)
        print(f"errors: {len(errors)}")
        failed = failed or bool(errors)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main(sys.argv[1:])
