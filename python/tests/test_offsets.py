"""Character offsets slice the str to their text, on accents, emoji and CJK."""

import json
import random

import pytest

import whosaid
from conftest import fixture_articles


def spans(doc):
    """Every (start, end, text) that must slice: mentions, speakers, parts, one-part quotes."""
    for entity in doc.entities:
        for m in entity.mentions:
            yield m.start, m.end, m.text
    for q in doc.quotes:
        if q.speaker is not None:
            yield q.speaker.start, q.speaker.end, q.speaker.text
        for p in q.parts:
            yield p.start, p.end, p.text
        if not q.parts:
            yield q.start, q.end, q.text


def char_offset(utf8, byte):
    """Python's own count: the characters in the first `byte` bytes."""
    return len(utf8[:byte].decode("utf-8"))


def check(text, extractor=None):
    doc = (extractor or whosaid).extract(text)
    found = list(spans(doc))
    for start, end, piece in found:
        assert text[start:end] == piece, (start, end, piece)
    # Against the crate's byte offsets, converted here the slow way.
    utf8 = text.encode("utf-8")
    data = json.loads(doc.to_json())
    for entity, e in zip(doc.entities, data["entities"]):
        for m, want in zip(entity.mentions, e["mentions"]):
            assert (m.start, m.end) == (char_offset(utf8, want["start"]), char_offset(utf8, want["end"]))
    for q, want in zip(doc.quotes, data["quotes"]):
        assert (q.start, q.end) == (char_offset(utf8, want["start"]), char_offset(utf8, want["end"]))
        if "cue_start" in want:
            assert (q.cue_start, q.cue_end) == (
                char_offset(utf8, want["cue_start"]), char_offset(utf8, want["cue_end"]))
            assert text[q.cue_start:q.cue_end] == q.cue
        for p, wp in zip(q.parts, want.get("parts", [])):
            assert (p.start, p.end) == (char_offset(utf8, wp["start"]), char_offset(utf8, wp["end"]))
        if want["speaker"]:
            s = want["speaker"]
            assert (q.speaker.start, q.speaker.end) == (
                char_offset(utf8, s["start"]), char_offset(utf8, s["end"]))
    return found


ACCENTS = (
    "“Nous ne céderons pas,” said José Martínez, the mayor of Besançon. "
    "Zoë Øberg-Müller, an analyst at Société Générale, said prices would rise.\n\n"
    "“Ça suffit,” Martínez added. “Les élections approchent.\n\n"
    "“Nous verrons.”"
)
EMOJI = (
    "🚨🚨 BREAKING 😀: “We are ready 💪,” Zelensky said on Tuesday 🇺🇦. "
    "Putin 🤝 Trump? “Not yet,” said Dmitry Peskov, the Kremlin spokesman. 👍🏽"
)
CJK = (
    "北京 (Reuters) 中国外交部 — “We oppose any interference,” Chinese foreign ministry "
    "spokesperson Mao Ning said in 北京. 日本語のテキスト。 Prime Minister Fumio Kishida "
    "said Japan would respond calmly. 한국어도 있습니다."
)


@pytest.mark.parametrize("text", [ACCENTS, EMOJI, CJK], ids=["accents", "emoji", "cjk"])
def test_offsets_slice_to_their_text(text):
    found = check(text)
    assert len(found) >= 4
    assert any(not piece.isascii() for _, _, piece in found) or text is CJK


def test_quotes_and_speakers_found_in_non_ascii_text():
    doc = whosaid.extract(EMOJI)
    assert [q.speaker.name for q in doc.quotes if q.speaker] == ["Volodymyr Zelensky", "Dmitry Peskov"]
    doc = whosaid.extract(ACCENTS)
    q = doc.quotes[0]
    assert (q.text, q.speaker.text) == ("Nous ne céderons pas,", "José Martínez")


def test_fixture_articles_with_non_ascii_inserted():
    # Every fixture article, with accents, emoji and CJK put at random word boundaries (a
    # fixed seed), so that offsets fall after multi-byte characters of every width.
    rng = random.Random(20261206)
    inserts = ["é", "😀", "北京", "ß", "👍🏽", "Ω", "—"]
    for name, text in fixture_articles():
        words = text.split(" ")
        for i in range(len(words)):
            if rng.random() < 0.1:
                words[i] = rng.choice(inserts) + words[i]
        check(" ".join(words))


def test_lone_surrogates_do_not_crash():
    # json.loads gives these for a broken escape in scraped text; they have no UTF-8.
    text = json.loads('"\\ud83d “We are ready,” Zelensky said. \\udc00 Trump said no."')
    doc = whosaid.extract(text)
    q = doc.quotes[0]
    assert q.text == "We are ready," and text[q.start:q.end] == q.text
    assert text[q.speaker.start:q.speaker.end] == "Zelensky"


def test_offsets_past_blocks_of_the_index():
    # Long text with a multi-byte character in every block of the index.
    text = "".join("Ä " * 40 + f"“We will see {i} days,” Putin said. " for i in range(50))
    found = check(text)
    assert len(found) >= 150
