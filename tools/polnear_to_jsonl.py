#!/usr/bin/env python3
"""Convert PolNeAR (brat standoff) to the JSON Lines that whosaid's evaluation reads.

Source: PolNeAR, the Political News Attribution Relations corpus (E. Newell, D. Margolin,
D. Ruths, "An attribution relations corpus for political news", LREC 2018), published at
https://github.com/networkdynamics/PolNeAR (its own setup.py names that address). A clone holds

    data/metadata.tsv                     one row an article: compartment, filename, annotators,
                                          publisher, publication_date, author, title, ...
    data/<split>/text/NAME.txt            the article (split: train, dev, test)
    data/<split>/attributions/NAME_ANNOTATOR.ann
                                          brat standoff annotations, one file per annotator
    data/<split>/corenlp/                 CoreNLP parses (not used here)

The output format is described in ../shared/eval/README.md. Standard library only.

Usage:
    python3 tools/polnear_to_jsonl.py PolNeAR/data/dev -o polnear_dev.jsonl
    python3 tools/polnear_to_jsonl.py PolNeAR --split train -o polnear_train.jsonl
    python3 tools/polnear_to_jsonl.py --check ../shared/eval/polnear_dev.jsonl \\
        ../shared/eval/polnear_raw_dev --split dev

PATH is the clone (then --split is needed), its data/ directory (likewise), or a split
directory holding text/ and attributions/ (the split is then the directory's name, or the
word after its last '_' or '-', as in polnear_raw_dev; --split overrides). Without -o the
JSON Lines go to standard output.

--check EXPECTED converts PATH, compares the result with EXPECTED field by field and prints
whether the two are byte-identical, which documents are missing or extra, and for every field
(document fields, then quote fields) how many values differ, marking the fields the scorer
(`whosaid eval`, cli/src/eval/) reads, with the first differences. Exit status 0 when byte-identical,
1 otherwise; -o may be given as well to keep the converted file.

Conversion rules
----------------
Documents, one a line, in the order of their file names (sorted):
  - id: "<split>/<NAME>", NAME the text file's name without ".txt"; split: the split's name.
  - annotator: the suffix of the .ann file used. An article that several annotators annotated
    (two dev articles have six .ann files, for the agreement study) is converted once, from
    the first annotator that data/metadata.tsv lists for it (its list is sorted: 4b22 first);
    without metadata.tsv, from the first .ann file in sorted order. An article without any
    .ann file is skipped with a warning on standard error.
  - publisher, date: the first two '_'-separated parts of NAME ("huff-post_2016-09-27_...").
  - title: the title column of data/metadata.tsv (found next to the split directory, or given
    with --metadata). Without metadata.tsv (as in ../shared/eval/polnear_raw_dev) it is derived
    from the article, whose first paragraph is the title, a full stop added where the title
    has none (before a closing quotation mark when it ends with one): the lines of the first paragraph (up to the
    first blank line) are joined (USA Today's "Headline; \\nSubhead" gives "Headline; Subhead"),
    then a final "." is dropped, or a "." just before a final closing mark (’ ' ” " or ")") is
    dropped, unless the title ends in an abbreviation of capitals ("S.C.") or its last line has
    a full stop between two sentences ("history. Again."), where the full stop is the title's
    own. This gives every dev title and all but 3 of the 840 train titles; metadata.tsv gives
    all of them.
  - source: "networkdynamics/PolNeAR data/<split>/{text,attributions}/<NAME>".
  - text: the .txt file as is (UTF-8, newlines untranslated); brat offsets count characters.
  - quotes: one per brat event (E line) that has a Content argument, sorted by (start, end),
    events with equal spans in file order. An event without content (one dev event has only
    its trigger) is skipped.
  - entities: [] (PolNeAR annotates no names).

Quotes, from an event "E Attribution:T4 Content:T3 Cue:T2 Source:T1" (the trigger is
Attribution, or Attribution-no-source when the annotator marked that the text names no source):
  - start, end: the first and last character of the Content span; text: the article's text
    between them (interruptions included); fragments: the Content span's pieces ("315 448;463
    553" in brat), sorted, as [[start, end], ...], or null when it has one piece.
  - Only the argument named exactly "Content" is read. brat names a second content argument of
    the same event "Content2" (3 dev events): it is left out, as the reference files leave it
    out (their quote covers the first content only). --keep-extra-content adds the pieces of
    Content2, Content3 ... to the fragments instead; the output then differs from the reference.
  - speaker, speaker_start, speaker_end: the Source argument: its text and its first and last
    character; a Source in pieces has its pieces' texts joined by one space, in the .ann's
    order, as brat writes them ("Snowden [worked with] The Washington Post" has speaker
    "Snowden The Washington Post", and its span covers both pieces); all three null without a
    Source. cue, cue_start, cue_end: the same from the Cue argument.
  - has_source: whether the event has a Source argument (false for the 126 dev attributions
    without one).
  - kind (derived from quotation marks, not annotated): for each content piece, widen it by a
    quotation mark right before it (past spaces, not past a line end) and one right after it
    (past spaces and . , ; : ! ?, not past a line end). Read the widened piece: “ opens a
    quotation, ” closes one, " toggles; before its first mark a piece counts as quoted when
    that first mark is a closing ” (the piece began inside a quotation). Only letters and
    digits count: when all of them in all pieces are quoted the kind is "direct", when some
    are "mixed", otherwise "indirect". The marks are only “ ” and "; single quotes (‘ ’ ')
    and the New York Times' doubled apostrophes (''...'') are not read as quotation marks,
    so the Times' quotes come out indirect (48 dev and 789 train attributions begin with
    ''), as in the reference files. This rule gives the reference kind for all 22,024 dev and
    train attributions.

Serialization: json.dumps(..., ensure_ascii=False) (non-ASCII characters as they are, control
characters escaped), one document a line, "\\n" after each; document keys in the order id,
split, annotator, publisher, date, title, source, text, quotes, entities, quote keys in the
order start, end, text, speaker, kind, speaker_start, speaker_end, cue, cue_start, cue_end,
fragments, has_source. Errors (a path that is not PolNeAR's layout, a bad .ann line) print one
line and exit with status 2.
"""

import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict

SPLITS = ("train", "dev", "test")
REPOSITORY = "networkdynamics/PolNeAR"

# The quotation marks that decide a quote's kind (see the module docs).
OPEN_MARK = "\u201c"  # “
CLOSE_MARK = "\u201d"  # ”
STRAIGHT_MARK = '"'
QUOTE_MARKS = OPEN_MARK + CLOSE_MARK + STRAIGHT_MARK
# Punctuation a closing mark may follow ("...points.”").
TRAILING_PUNCTUATION = ".,;:!?"
# Closing marks a title's added full stop goes before ("‘in Their Heads.’").
TITLE_CLOSERS = "\u2019'\u201d\")"
# Words a full stop follows without ending a sentence, for the title rule.
TITLE_ABBREVIATIONS = {
    "v", "vs", "st", "mr", "mrs", "ms", "dr", "jr", "sr", "sen", "rep", "gov", "gen", "lt",
    "col", "sgt", "mt", "ft", "no", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr",
    "aug", "sep", "sept", "oct", "nov", "dec", "pres", "prof", "rev", "hon", "atty",
}
SENTENCE_BREAK = re.compile(r"(\w+)\. +[A-Z\u201c\"\u2018]")
CAPITALS_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:[A-Z]\.)+[A-Z]$")

# The fields `whosaid eval` reads (the rest are carried for people, not for the scorer).
SCORED_DOC_FIELDS = {"id", "text", "quotes", "entities"}
SCORED_QUOTE_FIELDS = {
    "start", "end", "text", "kind", "speaker", "speaker_text", "speaker_start",
    "speaker_end", "cue", "has_source", "fragments",
}


def fail(message):
    print(f"polnear_to_jsonl: {message}", file=sys.stderr)
    sys.exit(2)


def warn(message):
    print(f"polnear_to_jsonl: warning: {message}", file=sys.stderr)


# ---------------------------------------------------------------------------------------------
# Locating the data


def split_from_name(name):
    """The split a directory's name gives: 'dev', or 'polnear_raw_dev'; None otherwise."""
    if name in SPLITS:
        return name
    last = re.split(r"[_-]", name)[-1]
    return last if last in SPLITS else None


def locate(path, split):
    """(split directory, split name, default metadata.tsv path) for PATH and --split."""
    path = os.path.normpath(path)
    if os.path.isdir(os.path.join(path, "text")) and os.path.isdir(
        os.path.join(path, "attributions")
    ):
        name = split or split_from_name(os.path.basename(path))
        if name is None:
            fail(f"cannot tell the split from the directory name {path!r}: pass --split")
        return path, name, os.path.join(os.path.dirname(path), "metadata.tsv")
    for data in (os.path.join(path, "data"), path):
        if os.path.isdir(data) and (
            os.path.isfile(os.path.join(data, "metadata.tsv"))
            or any(os.path.isdir(os.path.join(data, s)) for s in SPLITS)
        ):
            if split is None:
                fail(f"{path!r} holds several splits: pass --split (train, dev or test)")
            directory = os.path.join(data, split)
            if not os.path.isdir(directory):
                fail(f"no directory {directory!r}")
            return directory, split, os.path.join(data, "metadata.tsv")
    fail(f"{path!r} is neither a PolNeAR clone, its data/ directory, nor a directory "
         "holding text/ and attributions/")


def read_metadata(path, split):
    """filename -> row (a dict by column name) for the split's rows of metadata.tsv."""
    rows = {}
    with open(path, encoding="utf-8", newline="") as f:
        header = f.readline().rstrip("\r\n").split("\t")
        for line in f:
            cells = line.rstrip("\r\n").split("\t")
            row = dict(zip(header, cells))
            if row.get("compartment") == split and row.get("filename"):
                rows[row["filename"]] = row
    return rows


# ---------------------------------------------------------------------------------------------
# brat standoff


def parse_ann(path):
    """({T id: (label, [(start, end)], text)}, [(E id, [(role, T id)])]) of one .ann file."""
    spans = {}
    events = []
    with open(path, encoding="utf-8", newline="") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            fields = line.split("\t")
            ident = fields[0]
            try:
                if ident.startswith("T"):
                    label, offsets = fields[1].split(" ", 1)
                    pieces = [tuple(int(x) for x in piece.split()) for piece in offsets.split(";")]
                    spans[ident] = (label, pieces, fields[2] if len(fields) > 2 else "")
                elif ident.startswith("E"):
                    arguments = [tuple(a.split(":", 1)) for a in fields[1].split()]
                    events.append((ident, arguments))
                # Other lines (relations, attributes, notes) carry nothing converted here;
                # PolNeAR has none.
            except (IndexError, ValueError):
                fail(f"{path}:{number}: not a brat line: {line!r}")
    return spans, events


def span_of(spans, ident, text, path):
    """(pieces sorted, text as brat writes it) of a T annotation, checked against the text.

    brat writes a discontinuous span's text as its pieces joined by one space, in the order
    the offsets are listed (not always the text's order)."""
    label, pieces, written = spans[ident]
    for start, end in pieces:
        if not 0 <= start <= end <= len(text):
            fail(f"{path}: {ident} ({start} {end}) lies outside the text")
    joined = " ".join(text[start:end] for start, end in pieces)
    if written and joined != written:
        warn(f"{path}: {ident} reads {joined!r} in the text but {written!r} in the .ann")
    return sorted(pieces), joined


# ---------------------------------------------------------------------------------------------
# Derived fields


def _widen(text, start, end):
    """The piece widened by a quotation mark just before it and one just after it."""
    i = start
    while i > 0 and text[i - 1].isspace() and text[i - 1] != "\n":
        i -= 1
    if i > 0 and text[i - 1] in QUOTE_MARKS:
        start = i - 1
    j = end
    while j < len(text) and (text[j].isspace() or text[j] in TRAILING_PUNCTUATION) and text[j] != "\n":
        j += 1
    if j < len(text) and text[j] in QUOTE_MARKS:
        end = j + 1
    return start, end


def _quoted_letters(segment):
    """For each letter and digit of the segment, whether it lies inside quotation marks."""
    first = next((c for c in segment if c in QUOTE_MARKS), None)
    inside = first == CLOSE_MARK
    flags = []
    for c in segment:
        if c == OPEN_MARK:
            inside = True
        elif c == CLOSE_MARK:
            inside = False
        elif c == STRAIGHT_MARK:
            inside = not inside
        elif c.isalnum():
            flags.append(inside)
    return flags


def quote_kind(text, pieces):
    """direct, mixed or indirect, from the quotation marks in and around the content pieces."""
    flags = []
    for start, end in pieces:
        flags += _quoted_letters(text[slice(*_widen(text, start, end))])
    if flags and all(flags):
        return "direct"
    if any(flags):
        return "mixed"
    return "indirect"


def derive_title(text):
    """The title, from the article's first paragraph (used without metadata.tsv)."""
    lines = text.split("\n\n", 1)[0].split("\n")
    title = "".join(lines)
    if len(title) >= 2 and title[-2] == "." and title[-1] in TITLE_CLOSERS:
        return title[:-2] + title[-1]
    if title.endswith("."):
        body = title[:-1]
        if CAPITALS_ABBREVIATION.search(body):
            return title
        last = lines[-1][:-1]
        for m in SENTENCE_BREAK.finditer(last):
            word = m.group(1)
            if len(word) > 1 and word.lower() not in TITLE_ABBREVIATIONS:
                return title
        return body
    return title


# ---------------------------------------------------------------------------------------------
# Conversion


def convert_event(text, spans, arguments, path, keep_extra_content):
    """One quote (a dict in output key order) from an event's arguments, or None."""
    roles = {}
    extra_content = []
    for role, ident in arguments[1:]:
        if ident not in spans:
            fail(f"{path}: an event names {ident}, which is not defined")
        if re.fullmatch(r"Content\d+", role):
            extra_content.append(ident)
        roles.setdefault(role, ident)
    if "Content" not in roles:
        return None
    pieces, _ = span_of(spans, roles["Content"], text, path)
    if keep_extra_content:
        for ident in extra_content:
            pieces = sorted(pieces + span_of(spans, ident, text, path)[0])
    start, end = pieces[0][0], max(e for _, e in pieces)

    def argument(role):
        if role not in roles:
            return None, None, None
        arg_pieces, written = span_of(spans, roles[role], text, path)
        return written, arg_pieces[0][0], max(e for _, e in arg_pieces)

    speaker, speaker_start, speaker_end = argument("Source")
    cue, cue_start, cue_end = argument("Cue")
    return {
        "start": start,
        "end": end,
        "text": text[start:end],
        "speaker": speaker,
        "kind": quote_kind(text, pieces),
        "speaker_start": speaker_start,
        "speaker_end": speaker_end,
        "cue": cue,
        "cue_start": cue_start,
        "cue_end": cue_end,
        "fragments": [list(p) for p in pieces] if len(pieces) > 1 else None,
        "has_source": "Source" in roles,
    }


def convert(directory, split, metadata, keep_extra_content=False):
    """The documents of one split directory, in output order."""
    text_dir = os.path.join(directory, "text")
    ann_dir = os.path.join(directory, "attributions")
    annotations = defaultdict(list)
    for name in sorted(os.listdir(ann_dir)):
        if name.endswith(".ann"):
            stem, _, annotator = name[: -len(".ann")].rpartition("_")
            annotations[stem].append(annotator)
    names = sorted(n[: -len(".txt")] for n in os.listdir(text_dir) if n.endswith(".txt"))
    for stem in sorted(set(annotations) - set(names)):
        warn(f"{stem}: annotations without a text file, skipped")
    documents = []
    unlisted = []
    for name in names:
        available = annotations.get(name)
        if not available:
            warn(f"{name}: no .ann file, skipped")
            continue
        row = metadata.get(name) if metadata is not None else None
        if metadata is not None and row is None:
            unlisted.append(name)
        listed = row["annotators"].split("|") if row and row.get("annotators") else []
        annotator = next((a for a in listed if a in available), sorted(available)[0])
        with open(os.path.join(text_dir, name + ".txt"), encoding="utf-8", newline="") as f:
            text = f.read()
        ann_path = os.path.join(ann_dir, f"{name}_{annotator}.ann")
        spans, events = parse_ann(ann_path)
        quotes = []
        for _, arguments in events:
            quote = convert_event(text, spans, arguments, ann_path, keep_extra_content)
            if quote is not None:
                quotes.append(quote)
        quotes.sort(key=lambda q: (q["start"], q["end"]))
        parts = name.split("_")
        documents.append({
            "id": f"{split}/{name}",
            "split": split,
            "annotator": annotator,
            "publisher": parts[0],
            "date": parts[1] if len(parts) > 1 else None,
            "title": row["title"] if row and "title" in row else derive_title(text),
            "source": f"{REPOSITORY} data/{split}/{{text,attributions}}/{name}",
            "text": text,
            "quotes": quotes,
            "entities": [],
        })
    if unlisted:
        warn(f"{len(unlisted)} articles are not in metadata.tsv under {split!r} (first: "
             f"{unlisted[0]}): their titles are derived from the texts")
    return documents


def serialize(document):
    return json.dumps(document, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------------------------------------
# --check


def _short(value, width=70):
    s = json.dumps(value, ensure_ascii=False)
    return s if len(s) <= width else s[: width - 3] + "..."


def check(expected_path, documents):
    """Compare the converted documents with EXPECTED; print a report; True when identical."""
    with open(expected_path, "rb") as f:
        expected_bytes = f.read()
    converted = [serialize(d) for d in documents]
    identical = "".join(converted).encode("utf-8") == expected_bytes
    expected = [json.loads(line) for line in expected_bytes.decode("utf-8").splitlines() if line.strip()]
    by_id = {d.get("id"): d for d in expected}
    ours = {d["id"]: d for d in documents}
    print(f"expected {expected_path}: {len(expected)} documents, "
          f"{sum(len(d.get('quotes') or []) for d in expected)} quotes")
    print(f"converted: {len(documents)} documents, {sum(len(d['quotes']) for d in documents)} quotes")
    print(f"byte-identical: {'yes' if identical else 'no'}")
    if identical:
        return True
    missing = [i for i in by_id if i not in ours]
    extra = [i for i in ours if i not in by_id]
    print(f"documents missing from the conversion: {len(missing)} {missing[:5]}")
    print(f"documents not in the expected file: {len(extra)} {extra[:5]}")
    common_expected = [d.get("id") for d in expected if d.get("id") in ours]
    common_ours = [d["id"] for d in documents if d["id"] in by_id]
    print(f"document order: {'same' if common_expected == common_ours else 'differs'}")

    differences = Counter()  # field -> how many values differ
    examples = defaultdict(list)  # field -> first differences
    compared = Counter()

    def note(field, where, want, got):
        differences[field] += 1
        if len(examples[field]) < 3:
            examples[field].append(f"{where}: expected {_short(want)}, got {_short(got)}")

    for ident in common_expected:
        want, got = by_id[ident], ours[ident]
        if list(want) != list(got):
            note("(document key order)", ident, list(want), list(got))
        for field in dict.fromkeys(list(want) + list(got)):
            if field == "quotes":
                continue
            compared[field] += 1
            if want.get(field, "<absent>") != got.get(field, "<absent>"):
                note(field, ident, want.get(field, "<absent>"), got.get(field, "<absent>"))
        want_quotes, got_quotes = want.get("quotes") or [], got["quotes"]
        if len(want_quotes) != len(got_quotes):
            note("(quote count)", ident, len(want_quotes), len(got_quotes))
            # Pair the quotes that start at the same place, in order.
            starts = defaultdict(list)
            for q in got_quotes:
                starts[q["start"]].append(q)
            pairs = [(w, starts[w.get("start")].pop(0)) for w in want_quotes if starts[w.get("start")]]
        else:
            pairs = list(zip(want_quotes, got_quotes))
        for w, g in pairs:
            where = f"{ident} quote at {w.get('start')}"
            if list(w) != list(g):
                note("quotes.(key order)", where, list(w), list(g))
            for field in dict.fromkeys(list(w) + list(g)):
                compared["quotes." + field] += 1
                if w.get(field, "<absent>") != g.get(field, "<absent>"):
                    note("quotes." + field, where, w.get(field, "<absent>"), g.get(field, "<absent>"))

    print("per-field differences (* = read by whosaid eval):")
    fields = list(dict.fromkeys(list(compared) + list(differences)))
    for field in fields:
        name = field.split(".", 1)[-1]
        scored = name in (SCORED_QUOTE_FIELDS if field.startswith("quotes.") else SCORED_DOC_FIELDS)
        mark = "*" if scored or field == "(quote count)" else " "
        print(f"  {mark} {field:24} {differences[field]:6} differ of {compared[field] or '-'}")
        for example in examples[field]:
            print(f"        {example}")
    scored_differences = sum(
        n for f, n in differences.items()
        if f == "(quote count)"
        or (f.startswith("quotes.") and f[len("quotes."):] in SCORED_QUOTE_FIELDS)
        or f in SCORED_DOC_FIELDS
    ) + len(missing) + len(extra)
    print(f"scored fields identical: {'yes' if scored_differences == 0 else 'no'}")
    return False


# ---------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(
        description="Convert PolNeAR (brat standoff) to whosaid's evaluation JSON Lines.",
        epilog="See the module docstring for the conversion rules.",
    )
    parser.add_argument("path", metavar="PATH",
                        help="a PolNeAR clone, its data/ directory, or data/<split>")
    parser.add_argument("--split", help="train, dev or test (needed unless PATH names it)")
    parser.add_argument("--metadata", metavar="FILE",
                        help="metadata.tsv (default: the one beside the split directory)")
    parser.add_argument("--no-metadata", action="store_true",
                        help="ignore metadata.tsv: take titles from the texts")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    parser.add_argument("--check", metavar="EXPECTED",
                        help="compare with EXPECTED.jsonl and report per-field differences")
    parser.add_argument("--keep-extra-content", action="store_true",
                        help="add an event's Content2, Content3 ... to its fragments "
                             "(the reference files leave them out)")
    args = parser.parse_args()

    directory, split, default_metadata = locate(args.path, args.split)
    metadata = None
    if not args.no_metadata:
        metadata_path = args.metadata or default_metadata
        if os.path.isfile(metadata_path):
            metadata = read_metadata(metadata_path, split)
        elif args.metadata:
            fail(f"no file {args.metadata!r}")
        else:
            warn(f"no {metadata_path}: titles derived from the texts")
    documents = convert(directory, split, metadata, args.keep_extra_content)

    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as f:
            f.writelines(serialize(d) for d in documents)
    elif not args.check:
        try:
            for d in documents:
                sys.stdout.buffer.write(serialize(d).encode("utf-8"))
            sys.stdout.flush()
        except BrokenPipeError:  # `| head`
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
    if args.check:
        sys.exit(0 if check(args.check, documents) else 1)


if __name__ == "__main__":
    main()
