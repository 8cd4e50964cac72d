"""to_json() is what the crate's `extract` example prints, byte for byte."""

import os
import shutil
import subprocess

import pytest

import whosaid
from conftest import FIXTURES, REPO


def run_example(path):
    """stdout of the crate's `extract` example on `path`: the binary in $WHOSAID_EXTRACT if
    set (ci.sh sets it), else `cargo run --example extract`."""
    binary = os.environ.get("WHOSAID_EXTRACT")
    if binary:
        command = [binary, str(path)]
    elif shutil.which("cargo"):
        command = ["cargo", "run", "--quiet", "--example", "extract", "--", str(path)]
    else:
        pytest.skip("neither $WHOSAID_EXTRACT nor cargo to run the crate's extract example")
    return subprocess.run(command, cwd=REPO, check=True, capture_output=True).stdout


def test_seed_article_json_is_the_examples_output():
    path = FIXTURES / "seed-article.txt"
    printed = run_example(path)
    doc = whosaid.extract(path.read_text(encoding="utf-8"))
    # The example prints the JSON and a line break.
    assert doc.to_json().encode("utf-8") + b"\n" == printed


def test_every_fixture_json_is_the_examples_output(extractor):
    for path in sorted(FIXTURES.glob("*.txt")):
        printed = run_example(path)
        doc = extractor.extract(path.read_text(encoding="utf-8"))
        assert doc.to_json().encode("utf-8") + b"\n" == printed, path.name
