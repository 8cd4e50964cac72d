#!/usr/bin/env python3
"""Build tests/fixtures/people.jsonl from tests/fixtures/people-source.marked (or another pair).

Standard library only. Offsets are never written by hand: the source holds each article with its
annotations marked inline, and this script strips the marks and records where they were.

Source format
-------------
    === <slug>
    <headline>

    <paragraph>

    <paragraph>
    ---
    beat: <beat, for the README table>
    people: Adaeze Okafor=f; Tom Reyes=m; Sam Ortiz=?
    q1: Adaeze Okafor
    q2: Halvorsen Foods Inc. | kind=mixed
    q3: -

Inline marks, removed from the text:
    {P:name}  {O:name}  {L:name}  {M:name}   an entity of type PER, ORG, LOC or MISC
    <q1>...</q>     a piece of quote 1's content; several pieces make `fragments`, the span runs
                    from the first piece's start to the last piece's end
    <s1>...</s>     quote 1's speaker as written (`<s1,2>` when two quotes share it)
    <c1>...</c>     quote 1's cue as written (`<c1,2>` likewise)

Meta lines:
    people:  every person the article mentions, by full name as first written, with gender
             f (female), m (male) or ? (the article does not tell)
    qN:      the resolved speaker of quote N (the full name as the article introduces it, or an
             organization's name); `-` for a quote with no source in the text. A quote with a
             speaker but no <sN> mark has an implied speaker (a paragraph that is only a
             quotation, after a paragraph about its speaker): speaker_text and cue are null.
             `| kind=...` overrides the kind derived from the quote marks.

Kind: direct when the content starts with an opening mark and ends with a closing mark, mixed
when it holds a mark otherwise, else indirect. doc_sources_* are the people-list speakers.

A PER mark may also be the tail of a listed name with its first letter capitalized, as at the
start of a sentence ("Van der Berg said" for Pieter van der Berg, "Al-Hashimi" for Layla
al-Hashimi).

Usage:  python3 tools/build_people.py [--table] [--source FILE] [--out FILE]
        --table prints the README table rows; --source and --out default to
        tests/fixtures/people-source.marked and tests/fixtures/people.jsonl (the held-out set:
        --source tests/fixtures/people-heldout.marked --out tests/fixtures/people_heldout.jsonl)
"""

import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "tests", "fixtures", "people-source.marked")
OUT = os.path.join(ROOT, "tests", "fixtures", "people.jsonl")

ETYPES = {"P": "PER", "O": "ORG", "L": "LOC", "M": "MISC"}
OPEN = "\"“"
CLOSE = "\"”"
MARK_RE = re.compile(r"\{([POLM]):|\}|<([qsc])([0-9,]+)>|</([qsc])>")


class BuildError(Exception):
    pass


def parse_marks(src, slug):
    out = []
    pos = 0
    ent = None  # (start, type)
    open_tag = {}  # kind -> (start, ids)
    ents = []
    spans = {"q": {}, "s": {}, "c": {}}
    for m in MARK_RE.finditer(src):
        out.append(src[pos:m.start()])
        pos = m.end()
        cur = sum(len(x) for x in out)
        if m.group(1):
            if ent:
                raise BuildError(f"{slug}: nested entity at {src[m.start():m.start()+40]!r}")
            ent = (cur, ETYPES[m.group(1)])
        elif m.group(0) == "}":
            if not ent:
                raise BuildError(f"{slug}: stray '}}' at {src[m.start()-40:m.start()]!r}")
            ents.append((ent[0], cur, ent[1]))
            ent = None
        elif m.group(2):
            k = m.group(2)
            if k in open_tag:
                raise BuildError(f"{slug}: <{k}> opened twice near {src[m.start():m.start()+40]!r}")
            open_tag[k] = (cur, [int(i) for i in m.group(3).split(",")])
        else:
            k = m.group(4)
            if k not in open_tag:
                raise BuildError(f"{slug}: stray </{k}> near {src[m.start()-40:m.start()]!r}")
            start, ids = open_tag.pop(k)
            for i in ids:
                spans[k].setdefault(i, []).append((start, cur))
    out.append(src[pos:])
    if ent or open_tag:
        raise BuildError(f"{slug}: unclosed mark {ent or open_tag}")
    text = "".join(out)
    if re.search(r"[{}<>]", text):
        raise BuildError(f"{slug}: leftover mark character in {text[text.find('{'):][:40]!r}")
    return text, ents, spans


def kind_of(content):
    s = content.strip()
    if s and s[0] in OPEN and s[-1] in CLOSE:
        return "direct"
    if any(c in content for c in OPEN + CLOSE):
        return "mixed"
    return "indirect"


def name_tails(name):
    """The tails of a full name: "Pieter van der Berg" -> "van der Berg", "der Berg", "Berg"."""
    w = name.split()
    return [" ".join(w[i:]) for i in range(1, len(w))]


def build_article(slug, body, meta):
    src = "\n".join(body).strip("\n") + "\n"
    text, ents, spans = parse_marks(src, slug)
    title = text.split("\n", 1)[0]
    people = {}
    beat = ""
    qmeta = {}
    for line in meta:
        if not line.strip():
            continue
        key, _, val = line.partition(":")
        key, val = key.strip(), val.strip()
        if key == "beat":
            beat = val
        elif key == "people":
            for item in val.split(";"):
                if not item.strip():
                    continue
                name, _, g = item.strip().rpartition("=")
                if g not in ("f", "m", "?"):
                    raise BuildError(f"{slug}: bad gender in {item!r}")
                people[name.strip()] = {"f": "female", "m": "male", "?": None}[g]
        elif re.fullmatch(r"q[0-9]+", key):
            sp, _, opts = val.partition("|")
            o = dict(x.strip().split("=") for x in opts.split(",") if x.strip())
            qmeta[int(key[1:])] = (sp.strip(), o)
        else:
            raise BuildError(f"{slug}: unknown meta line {line!r}")

    ids = set(spans["q"]) | set(spans["s"]) | set(spans["c"]) | set(qmeta)
    quotes = []
    for i in sorted(ids):
        if i not in spans["q"]:
            raise BuildError(f"{slug}: q{i} has no content")
        if i not in qmeta:
            raise BuildError(f"{slug}: q{i} has no meta line")
        pieces = spans["q"][i]
        sp, opts = qmeta[i]
        ss = spans["s"].get(i, [])
        cs = spans["c"].get(i, [])
        if len(ss) > 1 or len(cs) > 1:
            raise BuildError(f"{slug}: q{i} has several speaker or cue spans")
        start, end = pieces[0][0], pieces[-1][1]
        content = "".join(text[a:b] for a, b in pieces)
        kind = opts.get("kind") or kind_of(content)
        if sp == "-":
            speaker, gender, has_source = None, None, False
            if ss:
                raise BuildError(f"{slug}: q{i} has a speaker span but no speaker")
        else:
            speaker, has_source = sp, True
            gender = people.get(sp)
            if sp not in people and not any(text[a:b] == sp for a, b, _ in ents) \
                    and sp not in text:
                raise BuildError(f"{slug}: q{i} speaker {sp!r} is no person, entity or text")
        if ss and not cs:
            raise BuildError(f"{slug}: q{i} has a speaker but no cue")
        q = {
            "start": start, "end": end, "text": text[start:end], "kind": kind,
            "speaker": speaker, "speaker_gender": gender,
            "speaker_text": text[ss[0][0]:ss[0][1]] if ss else None,
            "speaker_start": ss[0][0] if ss else None,
            "speaker_end": ss[0][1] if ss else None,
            "cue": text[cs[0][0]:cs[0][1]] if cs else None,
            "cue_start": cs[0][0] if cs else None,
            "cue_end": cs[0][1] if cs else None,
            "has_source": has_source,
            "fragments": [list(p) for p in pieces] if len(pieces) > 1 else None,
        }
        quotes.append(q)
    quotes.sort(key=lambda q: q["start"])

    entities = [{"start": a, "end": b, "text": text[a:b], "type": t} for a, b, t in sorted(ents)]
    per_texts = {e["text"] for e in entities if e["type"] == "PER"}
    for name in people:
        if name not in per_texts:
            raise BuildError(f"{slug}: person {name!r} is never marked {{P:{name}}}")
    for e in entities:
        if e["type"] == "PER" and not any(
            e["text"] == n or e["text"] in n.split() or n.endswith(" " + e["text"])
            or any(e["text"] == t[:1].upper() + t[1:] for t in name_tails(n)) for n in people
        ):
            raise BuildError(f"{slug}: PER {e['text']!r} is no part of a listed person")
    srcs = {q["speaker"] for q in quotes if q["speaker"] in people}
    doc = {
        "id": f"people/{slug}", "title": title, "text": text, "quotes": quotes,
        "entities": entities,
        "doc_people_female": [n for n, g in people.items() if g == "female"],
        "doc_people_male": [n for n, g in people.items() if g == "male"],
        "doc_sources_female": [n for n, g in people.items() if g == "female" and n in srcs],
        "doc_sources_male": [n for n, g in people.items() if g == "male" and n in srcs],
    }
    return doc, beat, len(text.split())


def parse_args(argv):
    opts = {"table": False, "source": SRC, "out": OUT}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--table":
            opts["table"] = True
        elif a in ("--source", "--out") and i + 1 < len(argv):
            opts[a[2:]] = os.path.abspath(argv[i + 1])
            i += 1
        elif a.startswith(("--source=", "--out=")):
            k, _, v = a[2:].partition("=")
            opts[k] = os.path.abspath(v)
        else:
            sys.exit(f"usage: {sys.argv[0]} [--table] [--source FILE] [--out FILE] (unknown {a!r})")
        i += 1
    return opts


def main():
    opts = parse_args(sys.argv[1:])
    with open(opts["source"], encoding="utf-8") as f:
        lines = f.read().split("\n")
    arts = []
    cur = None
    for line in lines:
        if line.startswith("=== "):
            cur = {"slug": line[4:].strip(), "body": [], "meta": [], "in_meta": False}
            arts.append(cur)
        elif cur is None:
            continue
        elif line.strip() == "---" and not cur["in_meta"]:
            cur["in_meta"] = True
        else:
            cur["meta" if cur["in_meta"] else "body"].append(line)
    docs = []
    try:
        for a in arts:
            doc, beat, words = build_article(a["slug"], a["body"], a["meta"])
            docs.append(doc)
            if opts["table"]:
                print(f"| `{a['slug']}` | {beat} | {words} |")
            else:
                print(f"{a['slug']}: {words} words, {len(doc['quotes'])} quotes, "
                      f"{len(doc['entities'])} entities")
    except BuildError as e:
        sys.exit(f"error: {e}")
    with open(opts["out"], "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"wrote {len(docs)} articles to {os.path.relpath(opts['out'], ROOT)}")


if __name__ == "__main__":
    main()
