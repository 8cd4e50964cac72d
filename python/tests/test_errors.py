"""Errors: bad gazetteers, wrong types; nothing crashes."""

import pytest

import whosaid


def write(tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


GOOD = '{"id": "ana-silva", "kind": "person", "name": "Ana Silva"}\n'


def test_bad_entry_names_file_and_line(tmp_path):
    path = write(tmp_path, "people.jsonl", GOOD + "\n" + '{"id": "x", "kind": "planet", "name": "X"}\n')
    with pytest.raises(whosaid.GazetteerError) as info:
        whosaid.Extractor([path])
    err = info.value
    assert isinstance(err, ValueError)
    assert (err.path, err.line) == (str(path), 3)
    assert str(err) == f'{path}:3: unknown kind "planet" (expected person, organization, location or nationality)'


def test_bad_json_names_file_line_and_column(tmp_path):
    path = write(tmp_path, "broken.jsonl", GOOD + '{"id": "b", "kind": "person", "name": }\n')
    with pytest.raises(ValueError, match=r"broken\.jsonl:2: invalid entry at column \d+"):
        whosaid.Extractor([str(path)])


def test_missing_file(tmp_path):
    path = tmp_path / "nowhere.jsonl"
    with pytest.raises(whosaid.GazetteerError, match="nowhere.jsonl: cannot read") as info:
        whosaid.Extractor([path])
    assert info.value.line is None


def test_not_utf8_names_the_line(tmp_path):
    path = write(tmp_path, "latin1.jsonl", GOOD.encode() + b'{"id": "z", "name": "Z\xe9"}\n')
    with pytest.raises(whosaid.GazetteerError, match="latin1.jsonl:2: not valid UTF-8"):
        whosaid.Extractor([path])


def test_duplicate_id_across_files(tmp_path):
    a = write(tmp_path, "a.jsonl", GOOD)
    b = write(tmp_path, "b.jsonl", GOOD)
    with pytest.raises(whosaid.GazetteerError, match='b.jsonl: duplicate id "ana-silva"'):
        whosaid.Extractor([a, b])


def test_gazetteers_of_the_wrong_type():
    with pytest.raises(TypeError, match="gazetteers must be a list of paths, not int"):
        whosaid.Extractor(3)
    with pytest.raises(TypeError, match=r"gazetteers\[1\] must be a str or os.PathLike, not int"):
        whosaid.Extractor(["a.jsonl", 3])


@pytest.mark.parametrize("value", [None, 3, b"bytes", ["a list"], 2.5])
def test_extract_takes_only_str(value, extractor):
    with pytest.raises(TypeError, match=r"^text must be str, not "):
        extractor.extract(value)
    with pytest.raises(TypeError, match=r"^text must be str, not "):
        whosaid.extract(value)


def test_extract_many_names_the_bad_item(extractor):
    with pytest.raises(TypeError, match=r"^texts\[2\] must be str, not bytes$"):
        extractor.extract_many(["a", "b", b"c"])
    with pytest.raises(TypeError, match="not a str"):
        extractor.extract_many("one text")
    with pytest.raises(TypeError):
        extractor.extract_many(3)
    # Late in a generator, while threads already extract the texts before it.
    texts = (b"late" if i == 150 else "Putin said the talks would go on." for i in range(300))
    with pytest.raises(TypeError, match=r"^texts\[150\] must be str, not bytes$"):
        extractor.extract_many(texts, threads=2)
    with pytest.raises(ValueError, match="threads must be at least 1"):
        extractor.extract_many(["a"], threads=0)


def test_documents_pickle_as_text_and_json():
    import pickle

    for text in ["Putin said no.", "", "\ud83d said “no,” Putin said.", "\u201cA,\u201d B said. \u00e9t\u00e9"]:
        doc = whosaid.extract(text)
        back = pickle.loads(pickle.dumps(doc))
        assert back == doc
        assert back.text == text
        assert back.to_json() == doc.to_json()
        assert back.to_dict() == doc.to_dict()


def test_a_document_pickle_that_is_no_documents_json_is_an_error():
    from whosaid._whosaid import _document_from_json

    with pytest.raises(ValueError, match="not a Document's JSON"):
        _document_from_json("text", "[1, 2]")
    with pytest.raises(TypeError, match="text must be str"):
        _document_from_json(b"text", "{}")


def test_odd_texts_give_documents(extractor):
    for text in ["", " ", "\n\n\n", "\x00", "“", '"' * 1000, "said " * 2000, "\ufeff“A,” B said."]:
        doc = extractor.extract(text)
        assert doc.text == text
        doc.to_json(), doc.to_dict(), doc.quote_rows(), doc._repr_html_()
