"""The README's PySpark recipe, on a local Spark, where pyspark and Java are installed."""

import json
import shutil
import sys

import pytest

import whosaid
from readme import recipe

PEOPLE = '{"id": "ana-silva", "kind": "person", "name": "Ana Silva", "aliases": ["Silva"]}\n'


def test_pyspark_recipe(tmp_path, monkeypatch, articles):
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("no java for Spark")
    texts = articles[:30] + ["“The bridge opens in May,” Silva said."]
    records = [{"id": f"a{i}", "text": t} for i, t in enumerate(texts)]
    (tmp_path / "shards").mkdir()
    for shard in range(3):
        with open(tmp_path / "shards" / f"part-{shard}.jsonl", "w", encoding="utf-8") as f:
            for record in records[shard::3]:
                f.write(json.dumps(record) + "\n")
    (tmp_path / "my-people.jsonl").write_text(PEOPLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    # Spark's Python workers run this interpreter, which has the package.
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    namespace = {"__name__": "recipe"}
    try:
        exec(compile(recipe("pyspark"), "python/README.md (PySpark recipe)", "exec"), namespace)
        got = namespace["spark"].read.parquet("quotes.parquet").collect()
    finally:
        if "spark" in namespace:
            namespace["spark"].stop()
    extractor = whosaid.Extractor([tmp_path / "my-people.jsonl"])
    want = [
        (r["id"], *row.values())
        for r in records
        for row in extractor.extract(r["text"]).quote_rows()
    ]
    # Parquet part files come back in any order; None does not sort, its JSON does.
    assert sorted(map(tuple, got), key=json.dumps) == sorted(want, key=json.dumps)
    assert any(row["entity"] == "ana-silva" for row in got)
