"""The README's Dask recipe, run on a local cluster of two worker processes."""

import json

import pytest

import whosaid
from readme import recipe

PEOPLE = '{"id": "ana-silva", "kind": "person", "name": "Ana Silva", "aliases": ["Silva"]}\n'


def test_dask_recipe_on_two_worker_processes(tmp_path, monkeypatch, articles):
    distributed = pytest.importorskip("dask.distributed")
    texts = articles[:60] + ["“The bridge opens in May,” Silva said."]
    records = [{"id": f"a{i}", "text": t} for i, t in enumerate(texts)]
    (tmp_path / "shards").mkdir()
    for shard in range(4):
        with open(tmp_path / "shards" / f"part-{shard}.jsonl", "w", encoding="utf-8") as f:
            for record in records[shard::4]:
                f.write(json.dumps(record) + "\n")
    (tmp_path / "my-people.jsonl").write_text(PEOPLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        pids = set(client.run(lambda: __import__("os").getpid()).values())
        assert len(pids) == 2 and __import__("os").getpid() not in pids
        # The recipe's extractor is built here, from my-people.jsonl; the workers get it
        # pickled, with the file's contents.
        code = recipe("dask")
        exec(compile(code, "python/README.md (Dask recipe)", "exec"), {"__name__": "recipe"})

    got = []
    for path in sorted((tmp_path / "quotes").glob("*.jsonl")):
        got += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    extractor = whosaid.Extractor([tmp_path / "my-people.jsonl"])
    want = [
        {"id": r["id"], **row}
        for shard in range(4)
        for r in records[shard::4]
        for row in extractor.extract(r["text"]).quote_rows()
    ]
    assert got == want
    assert any(row["entity"] == "ana-silva" for row in got)
    assert len(got) > 50
