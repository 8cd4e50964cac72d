"""The classes and their attributes, against the crate's JSON."""

import json

import pytest

import whosaid

ARTICLE = (
    "“We will not give up,” Zelensky said on Tuesday. "
    'French President Emmanuel Macron called the plan a "dangerous illusion".\n\n'
    "Foreign Minister Sergei Lavrov emphasized that any dialogue should begin gradually."
)


def test_the_readme_example():
    doc = whosaid.extract(ARTICLE)
    rows = [(q.kind, q.speaker.name, q.cue, q.text) for q in doc.quotes]
    assert rows == [
        ("direct", "Volodymyr Zelensky", "said", "We will not give up,"),
        ("mixed", "Emmanuel Macron", "called", 'the plan a "dangerous illusion"'),
        ("indirect", "Sergei Lavrov", "emphasized", "any dialogue should begin gradually"),
    ]
    assert doc.text is ARTICLE


def test_attributes_are_the_json_contracts_fields(seed_text):
    doc = whosaid.extract(seed_text)
    data = json.loads(doc.to_json())
    assert len(doc.entities) == len(data["entities"]) > 5
    assert len(doc.quotes) == len(data["quotes"]) > 5
    for entity, want in zip(doc.entities, data["entities"]):
        assert entity.id == want["id"]
        assert entity.kind == want["kind"]
        assert entity.name == want["name"]
        assert entity.source == want["source"]
        assert entity.gender == want.get("gender")
        assert entity.roles == want.get("roles", [])
        assert entity.wikidata == want.get("wikidata")
        assert [m.text for m in entity.mentions] == [m["text"] for m in want["mentions"]]
    for quote, want in zip(doc.quotes, data["quotes"]):
        assert quote.kind == want["kind"]
        assert quote.text == want["text"]
        assert quote.cue == want["cue"]
        assert quote.confidence == want["confidence"]
        assert [p.text for p in quote.parts] == [p["text"] for p in want.get("parts", [])]
        assert (quote.cue_start is None) == ("cue_start" not in want)
        if want["speaker"] is None:
            assert quote.speaker is None
        else:
            for field in ("entity", "name", "text"):
                assert getattr(quote.speaker, field) == want["speaker"][field]


def test_attributes_are_read_only():
    doc = whosaid.extract(ARTICLE)
    quote = doc.quotes[0]
    for obj, name in [(doc, "quotes"), (quote, "text"), (quote.speaker, "name"),
                      (doc.entities[0], "id"), (doc.entities[0].mentions[0], "start")]:
        with pytest.raises(AttributeError):
            setattr(obj, name, None)


def test_to_dict_is_the_attributes(seed_text):
    doc = whosaid.extract(seed_text)
    d = doc.to_dict()
    assert list(d) == ["entities", "quotes"]
    assert d["entities"] == [e.to_dict() for e in doc.entities]
    assert d["quotes"] == [q.to_dict() for q in doc.quotes]
    q = doc.quotes[0]
    assert d["quotes"][0]["start"] == q.start and d["quotes"][0]["speaker"] == q.speaker.to_dict()
    assert json.loads(json.dumps(d)) == d


def test_quote_rows(seed_text):
    doc = whosaid.extract(seed_text)
    rows = doc.quote_rows()
    assert len(rows) == len(doc.quotes)
    keys = ["speaker", "entity", "gender", "kind", "cue", "confidence", "text", "start", "end"]
    genders = {e.id: e.gender for e in doc.entities}
    for row, q in zip(rows, doc.quotes):
        assert list(row) == keys
        assert row["speaker"] == (q.speaker.name if q.speaker else None)
        assert row["entity"] == (q.speaker.entity if q.speaker else None)
        assert row["gender"] == genders.get(row["entity"])
        assert (row["kind"], row["cue"], row["confidence"], row["text"]) == (
            q.kind, q.cue, q.confidence, q.text)
        assert (row["start"], row["end"]) == (q.start, q.end)


def test_quote_rows_make_a_dataframe(seed_text):
    pandas = pytest.importorskip("pandas")
    doc = whosaid.extract(seed_text)
    frame = pandas.DataFrame(doc.quote_rows())
    assert list(frame.columns) == [
        "speaker", "entity", "gender", "kind", "cue", "confidence", "text", "start", "end"]
    assert len(frame) == len(doc.quotes)
    assert frame["confidence"].dtype == float


def test_equality_and_repr():
    a, b = whosaid.extract(ARTICLE), whosaid.extract(ARTICLE)
    assert a == b and not (a != b)
    assert a != whosaid.extract(ARTICLE + " ")
    assert a.quotes[0] == b.quotes[0] and a.quotes[0] != b.quotes[1]
    assert a.entities[0] == b.entities[0] and a.quotes[0].speaker == b.quotes[0].speaker
    assert a != "a document"
    with pytest.raises(TypeError):
        hash(a)
    assert repr(a) == "<whosaid.Document: 4 entities, 3 quotes>"
    assert repr(whosaid.extract("Putin said the talks would go on.")) == "<whosaid.Document: 1 entity, 1 quote>"
    assert repr(a.quotes[0]) == (
        "Quote(kind='direct', speaker='Volodymyr Zelensky', cue='said', text='We will not give up,')")
    assert repr(a.quotes[0].speaker).startswith("Speaker(name='Volodymyr Zelensky', entity=")
    assert repr(a.entities[0].mentions[0]).startswith("Mention(start=")


def test_to_json_compact_is_the_same_json(seed_text):
    doc = whosaid.extract(seed_text)
    compact = doc.to_json()
    assert "\n" not in compact
    assert compact == doc.to_json(pretty=False)
    assert json.loads(compact) == json.loads(doc.to_json(pretty=True))


def test_extractor_attributes(tmp_path):
    path = tmp_path / "mine.jsonl"
    path.write_text('{"id": "ana-silva", "kind": "person", "name": "Ana Silva"}\n', encoding="utf-8")
    default = whosaid.Extractor()
    mine = whosaid.Extractor([path])
    assert default.builtin and default.gazetteers == []
    assert mine.gazetteers == [str(path)]
    assert len(mine) == len(default) + 1
    alone = whosaid.Extractor(str(path), builtin=False)
    assert len(alone) == 1 and not alone.builtin
    doc = alone.extract("Ana Silva said the vote would be close.")
    assert doc.entities[0].id == "ana-silva"
    assert doc.quotes[0].text == "the vote would be close"
    assert "1 entries" in repr(alone) and "mine.jsonl" in repr(alone)


def test_help_is_useful():
    doc = whosaid.Extractor.__doc__
    assert "gazetteers" in doc and "GazetteerError" in doc and "pickle" in doc
    assert "threads" in whosaid.Extractor.extract_many.__doc__
    assert whosaid.Extractor.__text_signature__ == "(gazetteers=None, *, builtin=True)"
    for cls in (whosaid.Document, whosaid.Entity, whosaid.Mention, whosaid.Quote,
                whosaid.QuotePart, whosaid.Speaker, whosaid.GazetteerError):
        assert cls.__doc__ and cls.__module__ == "whosaid"
    assert whosaid.extract.__doc__
