#!/usr/bin/env python3
"""Tests for tools/polnear_to_jsonl.py, on invented articles (no PolNeAR text).

Usage:  python3 tools/test_polnear_to_jsonl.py [-v]

The converter's real test is its --check mode against the reference files:
    python3 tools/polnear_to_jsonl.py --check ../shared/eval/polnear_dev.jsonl \\
        ../shared/eval/polnear_raw_dev
(byte-identical). These tests pin each conversion rule on small cases.
"""

import contextlib
import io
import json
import os
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True  # no tools/__pycache__ in the working tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import polnear_to_jsonl as p  # noqa: E402


def kind(text, *pieces):
    """The kind of the content pieces, each given as a substring of text (first occurrence)."""
    spans = []
    for piece in pieces:
        start = text.index(piece)
        spans.append((start, start + len(piece)))
    return p.quote_kind(text, spans)


class QuoteKind(unittest.TestCase):
    def test_whole_content_quoted(self):
        self.assertEqual(kind("She said: “We will build it.”", "“We will build it.”"), "direct")
        self.assertEqual(kind('He said "no way" to it.', '"no way"'), "direct")

    def test_part_quoted(self):
        t = "She said the plan was “a mess” and would fail."
        self.assertEqual(kind(t, "the plan was “a mess” and would fail"), "mixed")

    def test_nothing_quoted(self):
        self.assertEqual(kind("She said the plan would fail.", "the plan would fail"), "indirect")

    def test_marks_just_outside_the_span_count(self):
        # The annotator left the marks out; one before (past spaces) and one after (past
        # spaces and punctuation) widen the piece.
        self.assertEqual(kind("He told them, “We stay here.”", "We stay here."), "direct")
        self.assertEqual(kind('The "big winner" was absent.', "big winner"), "direct")
        self.assertEqual(kind("It was “a long night.” Then", "a long night"), "direct")

    def test_a_straight_mark_before_opens(self):
        # A straight mark's direction is not known: one just before the piece opens it.
        self.assertEqual(kind('It was "final." The team left early.', "The team left early"),
                         "direct")

    def test_marks_are_not_looked_for_across_a_line_end(self):
        self.assertEqual(kind("He said:\n“\nWe stay.", "We stay"), "indirect")

    def test_piece_that_ends_a_quotation_begun_before_it(self):
        # Its first mark is a closing one: the piece began inside the quotation.
        t = "“We won. We are happy,” she said."
        self.assertEqual(kind(t, "We are happy,”"), "direct")

    def test_piece_that_starts_with_a_closing_mark(self):
        # A stray closing mark opens nothing.
        self.assertEqual(kind("”We won the game.”", "”We won the game.”"), "indirect")

    def test_pieces_are_read_one_by_one(self):
        t = "“We won,” she said. “We are happy.”"
        self.assertEqual(kind(t, "“We won,”", "“We are happy.”"), "direct")
        t = "“We won,” she said. “We are happy. Next year we go again.”"
        # The third piece has no opening mark, but its first mark closes a quotation.
        self.assertEqual(kind(t, "“We won,”", "“We are happy.", "Next year we go again.”"),
                         "direct")
        # A piece with no mark in or around it is unquoted, whatever precedes it.
        t = "“We won,” she said. “We are happy. Very. Next year we go again.”"
        self.assertEqual(kind(t, "“We won,”", "“We are happy.", "Very.", "Next year"), "mixed")

    def test_single_quotes_and_doubled_apostrophes_are_not_marks(self):
        self.assertEqual(kind("He said, ‘We stay.’", "‘We stay.’"), "indirect")
        self.assertEqual(kind("He said, ''We stay.''", "''We stay.''"), "indirect")

    def test_only_letters_and_digits_count(self):
        self.assertEqual(kind("“We won 3 games” — and then", "“We won 3 games” —"), "direct")


class Title(unittest.TestCase):
    def test_added_full_stop_dropped(self):
        self.assertEqual(p.derive_title("Mayor wins again.\n\nBody."), "Mayor wins again")

    def test_full_stop_before_a_closing_mark_dropped(self):
        self.assertEqual(p.derive_title("Mayor calls it ‘a farce.’\n\nBody."),
                         "Mayor calls it ‘a farce’")
        self.assertEqual(p.derive_title("Mayor: 'We won.'\n\nBody."), "Mayor: 'We won'")

    def test_lines_of_the_first_paragraph_joined(self):
        self.assertEqual(p.derive_title("Mayor wins; \nCouncil loses seats.\n\nBody."),
                         "Mayor wins; Council loses seats")

    def test_title_that_ends_its_own_sentence(self):
        self.assertEqual(p.derive_title("The mayor won. Again.\n\nBody."), "The mayor won. Again.")
        self.assertEqual(p.derive_title("Vote counts in N.C.\n\nBody."), "Vote counts in N.C.")

    def test_abbreviations_are_not_sentence_ends(self):
        self.assertEqual(p.derive_title("Smith vs. Jones heads to court.\n\nBody."),
                         "Smith vs. Jones heads to court")

    def test_other_endings_kept(self):
        self.assertEqual(p.derive_title("Who won the vote?\n\nBody."), "Who won the vote?")


ARTICLE = (
    "Council backs the plan.\n\n"
    "“It is a good day,” the mayor said. “We will start soon.”\n\n"
    "Officials said the work would begin in May, according to a memo.\n\n"
    "Critics, however, called it “rushed.”"
)


def offsets(piece, occurrence=1):
    start = -1
    for _ in range(occurrence):
        start = ARTICLE.index(piece, start + 1)
    return start, start + len(piece)


def t_line(ident, label, *pieces):
    spans = [offsets(x) if isinstance(x, str) else x for x in pieces]
    text = " ".join(ARTICLE[s:e] for s, e in spans)
    return f"{ident}\t{label} {';'.join(f'{s} {e}' for s, e in spans)}\t{text}"


ANN = "\n".join([
    # Listed out of text order, to check the sorting.
    t_line("T1", "Source", "Critics"),
    t_line("T2", "Cue", "called"),
    t_line("T3", "Content", "it “rushed.”"),
    t_line("T4", "Attribution", "called"),
    "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
    t_line("T5", "Source", "the mayor"),
    t_line("T6", "Cue", "said"),
    t_line("T7", "Content", "“It is a good day,”", "“We will start soon.”"),
    t_line("T8", "Attribution", "said"),
    t_line("T9", "Content", "Council backs the plan"),
    "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5 Content2:T9",
    t_line("T10", "Cue", "according to"),
    t_line("T11", "Content", "the work would begin in May"),
    t_line("T12", "Attribution-no-source", "according to"),
    "E3\tAttribution-no-source:T12 Cue:T10 Content:T11",
    t_line("T13", "Attribution-no-source", "Officials"),
    "E4\tAttribution-no-source:T13",
    # A source in two pieces, as brat writes it.
    t_line("T14", "Source", "Officials", "a memo"),
    t_line("T15", "Cue", offsets("said", 2)),
    t_line("T16", "Content", "the work would begin"),
    t_line("T17", "Attribution", "said"),
    "E5\tAttribution:T17 Content:T16 Cue:T15 Source:T14",
]) + "\n"


class Conversion(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = self.tmp.name
        self.dev = os.path.join(self.root, "data", "dev")
        os.makedirs(os.path.join(self.dev, "text"))
        os.makedirs(os.path.join(self.dev, "attributions"))
        self.name = "city-news_2016-05-01_council-backs-the-plan"
        self.write(os.path.join(self.dev, "text", self.name + ".txt"), ARTICLE)
        for annotator in ("ab12", "cd34"):
            self.write(os.path.join(self.dev, "attributions", f"{self.name}_{annotator}.ann"), ANN)

    def tearDown(self):
        self.tmp.cleanup()

    @staticmethod
    def write(path, content):
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(content)

    def convert(self, metadata=None, **kw):
        with contextlib.redirect_stderr(io.StringIO()):
            return p.convert(self.dev, "dev", metadata, **kw)

    def test_document_fields(self):
        [doc] = self.convert()
        self.assertEqual(list(doc), ["id", "split", "annotator", "publisher", "date", "title",
                                     "source", "text", "quotes", "entities"])
        self.assertEqual(doc["id"], "dev/" + self.name)
        self.assertEqual(doc["annotator"], "ab12")  # the first in sorted order
        self.assertEqual((doc["publisher"], doc["date"]), ("city-news", "2016-05-01"))
        self.assertEqual(doc["title"], "Council backs the plan")
        self.assertEqual(doc["source"],
                         f"networkdynamics/PolNeAR data/dev/{{text,attributions}}/{self.name}")
        self.assertEqual(doc["entities"], [])

    def test_metadata_gives_title_and_annotator(self):
        row = {"annotators": "cd34|ab12", "title": "Council Backs The Plan"}
        [doc] = self.convert({self.name: row})
        self.assertEqual((doc["annotator"], doc["title"]), ("cd34", "Council Backs The Plan"))

    def test_quotes(self):
        [doc] = self.convert()
        quotes = doc["quotes"]
        self.assertEqual(list(quotes[0]), ["start", "end", "text", "speaker", "kind",
                                           "speaker_start", "speaker_end", "cue", "cue_start",
                                           "cue_end", "fragments", "has_source"])
        # Sorted by (start, end) (the two contents that start together: the shorter first);
        # the event without content is skipped.
        self.assertEqual(len(quotes), 4)
        mayor, officials, memo, critics = quotes
        self.assertEqual(officials["start"], memo["start"])
        self.assertLess(officials["end"], memo["end"])
        # Content2 is left out, as in the reference files.
        self.assertEqual(mayor["fragments"], [list(offsets("“It is a good day,”")),
                                              list(offsets("“We will start soon.”"))])
        self.assertEqual(mayor["text"], ARTICLE[mayor["start"]:mayor["end"]])
        self.assertIn("the mayor said", mayor["text"])
        self.assertEqual((mayor["kind"], mayor["speaker"], mayor["cue"]),
                         ("direct", "the mayor", "said"))
        self.assertEqual((memo["kind"], memo["speaker"], memo["has_source"], memo["cue"]),
                         ("indirect", None, False, "according to"))
        self.assertIsNone(memo["speaker_start"])
        self.assertEqual(officials["speaker"], "Officials a memo")
        self.assertEqual((officials["speaker_start"], officials["speaker_end"]),
                         (offsets("Officials")[0], offsets("a memo")[1]))
        self.assertEqual((critics["kind"], critics["fragments"]), ("mixed", None))

    def test_keep_extra_content(self):
        [doc] = self.convert(keep_extra_content=True)
        first = doc["quotes"][0]
        self.assertEqual(first["start"], 0)
        self.assertEqual(len(first["fragments"]), 3)

    def test_locate(self):
        with contextlib.redirect_stderr(io.StringIO()):
            for path, split in ((self.root, "dev"), (os.path.join(self.root, "data"), "dev"),
                                (self.dev, None)):
                self.assertEqual(p.locate(path, split)[:2], (self.dev, "dev"))
            with self.assertRaises(SystemExit):
                p.locate(self.root, None)
        self.assertEqual(p.split_from_name("polnear_raw_dev"), "dev")
        self.assertIsNone(p.split_from_name("articles"))

    def test_check(self):
        documents = self.convert()
        expected = os.path.join(self.root, "expected.jsonl")
        self.write(expected, "".join(p.serialize(d) for d in documents))
        with contextlib.redirect_stdout(io.StringIO()) as out:
            self.assertTrue(p.check(expected, documents))
        self.assertIn("byte-identical: yes", out.getvalue())
        changed = json.loads(p.serialize(documents[0]))
        changed["quotes"][0]["kind"] = "mixed"
        self.write(expected, json.dumps(changed, ensure_ascii=False) + "\n")
        with contextlib.redirect_stdout(io.StringIO()) as out:
            self.assertFalse(p.check(expected, documents))
        report = out.getvalue()
        self.assertRegex(report, r"\* quotes\.kind +1 differ of 4")
        self.assertIn("scored fields identical: no", report)


if __name__ == "__main__":
    unittest.main()
