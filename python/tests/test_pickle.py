"""An Extractor pickles with its gazetteers' contents, not their paths."""

import copy
import pickle
import subprocess
import sys

import whosaid

PEOPLE = (
    '{"id": "ana-silva", "kind": "person", "name": "Ana Silva", "aliases": ["Silva"], '
    '"gender": "female"}\n'
)
ARTICLE = "“The bridge opens in May,” Silva said. Ana Silva is the mayor of Tamsworth."


def test_default_extractor_round_trips():
    extractor = whosaid.Extractor()
    data = pickle.dumps(extractor)
    assert len(data) < 200  # the built-in gazetteers travel as a flag, not as names
    back = pickle.loads(data)
    assert back.builtin and back.gazetteers == [] and len(back) == len(extractor)
    assert back.extract(ARTICLE) == extractor.extract(ARTICLE)


def test_gazetteer_contents_travel_not_paths(tmp_path):
    path = tmp_path / "people.jsonl"
    path.write_text(PEOPLE, encoding="utf-8")
    extractor = whosaid.Extractor([path])
    want = extractor.extract(ARTICLE)
    assert want.quotes[0].speaker.entity == "ana-silva"
    data = pickle.dumps(extractor)
    path.unlink()
    back = pickle.loads(data)
    assert back.gazetteers == [str(path)] and len(back) == len(extractor)
    assert back.extract(ARTICLE) == want
    # In a process that never saw the file or the extractor.
    code = (
        "import pickle, sys, whosaid\n"
        "e = pickle.loads(sys.stdin.buffer.read())\n"
        f"sys.stdout.write(e.extract({ARTICLE!r}).to_json())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], input=data, capture_output=True, check=True)
    assert out.stdout.decode("utf-8") == want.to_json()


def test_builtin_false_round_trips(tmp_path):
    path = tmp_path / "people.jsonl"
    path.write_text(PEOPLE, encoding="utf-8")
    extractor = whosaid.Extractor([path], builtin=False)
    back = pickle.loads(pickle.dumps(extractor))
    assert not back.builtin and len(back) == 1
    assert [e.id for e in back.extract(ARTICLE).entities] == [
        e.id for e in extractor.extract(ARTICLE).entities]


def test_copies_are_the_same_extractor():
    extractor = whosaid.Extractor()
    assert copy.copy(extractor) is extractor and copy.deepcopy(extractor) is extractor
