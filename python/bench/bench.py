"""The Python package against its three targets (issue 15), on real news.

    python python/bench/bench.py [--articles FILE] [--repeats N]

FILE is JSON Lines with a "text" field (default: ../shared/eval/polnear_dev.jsonl beside the
repository, PolNeAR's 84 development articles, 4.9 KB on average). Needs the package installed
(release build: `pip install ./python`). Prints:

1. extract_many on 2 threads against 1 thread (target: at least 1.7 times as fast);
2. the Python layer's cost over the crate's own extract, on the same articles: a Python loop of
   `Extractor.extract` against a Rust loop of the crate's `extract` with no Python in it
   (`whosaid._whosaid._crate_extract_seconds`), on all articles and on those of 4 to 6 KB
   (target: at most 20%);
3. `import whosaid` and the first `extract` of one article, in a fresh interpreter (target:
   under 100 ms).

Each figure is the best of many short repeats (a pass over the articles, some tens of
milliseconds), the variants measured in turn, so that load from other work on the machine
lands in some repeats and not in the figure. The load average is printed with the figures.
"""

import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import threading
import time

import whosaid
from whosaid import _whosaid

REPO = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_ARTICLES = REPO.parent / "shared" / "eval" / "polnear_dev.jsonl"


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def best(repeats, measure):
    return min(measure() for _ in range(repeats))


def threads_speedup(texts, repeats):
    extractor = whosaid.Extractor()
    batch = texts * 2
    extractor.extract_many(batch, threads=2)  # warm: page in the tables

    def run(threads):
        start = time.perf_counter()
        extractor.extract_many(batch, threads=threads)
        return time.perf_counter() - start

    def crate(threads):
        # The yardstick: the crate alone, `threads` Rust loops over the batch's share at once.
        share = batch[: len(batch) // threads]
        workers = [
            threading.Thread(target=_whosaid._crate_extract_seconds, args=(share, 1))
            for _ in range(threads)
        ]
        start = time.perf_counter()
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        return time.perf_counter() - start

    one = two = crate_one = crate_two = float("inf")
    for _ in range(repeats):
        one = min(one, run(1))
        two = min(two, run(2))
        crate_one = min(crate_one, crate(1))
        crate_two = min(crate_two, crate(2))
    mb = sum(len(t.encode("utf-8")) for t in batch) / 1e6
    print(f"1. extract_many over {len(batch)} articles ({mb:.2f} MB), best of {repeats}:")
    print(f"   1 thread : {one * 1e3:8.1f} ms  {len(batch) / one:8.0f} articles/s  {mb / one:6.2f} MB/s")
    print(f"   2 threads: {two * 1e3:8.1f} ms  {len(batch) / two:8.0f} articles/s  {mb / two:6.2f} MB/s")
    print(f"   speed-up : {one / two:.2f}x   (target: at least 1.7x)")
    print(f"   the crate alone, two Rust loops at once against one: {crate_one / crate_two:.2f}x"
          " (what the machine gives two threads)")


def overhead(label, texts, repeats):
    extractor = whosaid.Extractor()
    rounds = max(1, 80 // len(texts))
    n = rounds * len(texts)

    def python_loop(then=None):
        start = time.perf_counter()
        for _ in range(rounds):
            for text in texts:
                doc = extractor.extract(text)
                if then is not None:
                    then(doc)
        return time.perf_counter() - start

    def crate_loop():
        return _whosaid._crate_extract_seconds(texts, rounds)

    crate_loop(), python_loop()  # warm
    crate = python = rows = float("inf")
    for _ in range(repeats):
        crate = min(crate, crate_loop())
        python = min(python, python_loop())
        rows = min(rows, python_loop(lambda doc: doc.quote_rows()))
    kb = sum(len(t.encode("utf-8")) for t in texts) / len(texts) / 1e3
    print(f"2. {label}: {len(texts)} articles of {kb:.1f} KB on average, best of {repeats} passes of {n}:")
    print(f"   crate extract (Rust loop)       : {crate / n * 1e6:7.1f} us an article")
    print(f"   Extractor.extract (Python loop) : {python / n * 1e6:7.1f} us an article"
          f"   overhead {100 * (python / crate - 1):+5.1f}%   (target: at most +20%)")
    print(f"   ... and doc.quote_rows()        : {rows / n * 1e6:7.1f} us an article"
          f"   overhead {100 * (rows / crate - 1):+5.1f}%")


FIRST = """
import time
start = time.perf_counter()
import whosaid
doc = whosaid.extract(TEXT)
end = time.perf_counter()
assert doc.entities
print(end - start)
"""


def first_extract(text, repeats):
    code = FIRST.replace("TEXT", repr(text))
    times, walls = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
        walls.append(time.perf_counter() - start)
        times.append(float(out.stdout))
    start = time.perf_counter()
    for _ in range(repeats):
        subprocess.run([sys.executable, "-c", "pass"], check=True)
    bare = (time.perf_counter() - start) / repeats
    print(f"3. import whosaid + first extract ({len(text.encode('utf-8')) / 1e3:.1f} KB article), "
          f"fresh interpreter, {repeats} runs:")
    print(f"   median {statistics.median(times) * 1e3:.1f} ms, worst {max(times) * 1e3:.1f} ms"
          f"   (target: under 100 ms)")
    print(f"   whole process {statistics.median(walls) * 1e3:.0f} ms, of which the bare interpreter's"
          f" start {bare * 1e3:.0f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default=DEFAULT_ARTICLES, type=pathlib.Path)
    parser.add_argument("--repeats", default=30, type=int)
    args = parser.parse_args()
    texts = load(args.articles)
    print(f"whosaid {whosaid.__version__} at {pathlib.Path(whosaid.__file__).parent}, "
          f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; {args.articles.name}")
    print("load average before: %.2f %.2f %.2f" % os.getloadavg())
    threads_speedup(texts, args.repeats)
    overhead("all articles", texts, args.repeats)
    five = [t for t in texts if 4000 <= len(t.encode("utf-8")) <= 6000]
    overhead("articles of 4-6 KB", five, args.repeats)
    near_five = min(texts, key=lambda t: abs(len(t.encode("utf-8")) - 5000))
    first_extract(near_five, min(args.repeats, 10))
    print("load average after: %.2f %.2f %.2f" % os.getloadavg())


if __name__ == "__main__":
    main()
