"""extract_many: the same Documents as extract, in order, on several threads, GIL released."""

import threading
import time

import pytest

import whosaid


@pytest.mark.parametrize("threads", [None, 1, 2, 3, 64])
def test_extract_many_equals_extract_in_order(articles, extractor, threads):
    texts = articles[:40] + ["", "“A,” she said."] + articles[:5]
    many = extractor.extract_many(texts, threads=threads)
    assert len(many) == len(texts)
    for doc, text in zip(many, texts):
        assert doc.text == text
        assert doc == extractor.extract(text)
        assert doc.to_json() == extractor.extract(text).to_json()


def test_extract_many_takes_any_iterable(extractor):
    texts = ["Putin said no.", "Trump said yes."]
    assert extractor.extract_many(t for t in texts) == extractor.extract_many(texts)
    assert extractor.extract_many(tuple(texts), threads=2) == extractor.extract_many(texts)
    assert extractor.extract_many([]) == []


def test_other_threads_run_while_extract_many_works(articles, extractor):
    texts = articles * max(1, 3000 // len(articles))
    for threads in (1, 2):
        ticks = []
        stop = threading.Event()

        def tick():
            while not stop.is_set():
                ticks.append(time.perf_counter())
                time.sleep(0.001)

        ticker = threading.Thread(target=tick)
        ticker.start()
        while not ticks:
            time.sleep(0.001)
        start = time.perf_counter()
        docs = extractor.extract_many(texts, threads=threads)
        end = time.perf_counter()
        stop.set()
        ticker.join()
        assert len(docs) == len(texts)
        during = [t for t in ticks if start < t < end]
        # Had the call held the GIL, the ticker could not have run during it at all.
        assert end - start > 0.05, "too little work to tell"
        assert len(during) >= 10, (threads, end - start, len(during))
