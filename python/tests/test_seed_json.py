"""to_json() is what `whosaid extract` prints, and to_json(pretty=True) what the crate's
`extract` example prints, byte for byte."""

import os
import shutil
import subprocess

import pytest

import whosaid
from conftest import FIXTURES, REPO


def run(env, cargo_args, path):
    """stdout of a crate program on `path`: the binary in $`env` if set (ci.sh sets it), else
    `cargo run` with `cargo_args`."""
    binary = os.environ.get(env)
    if binary:
        command = [binary, *cargo_args[cargo_args.index("--") + 1:], str(path)]
    elif shutil.which("cargo"):
        command = ["cargo", "run", "--quiet", *cargo_args, str(path)]
    else:
        pytest.skip(f"neither ${env} nor cargo to run the crate's program")
    return subprocess.run(command, cwd=REPO, check=True, capture_output=True).stdout


def run_command(path):
    """`whosaid extract FILE`: one line of JSON."""
    return run("WHOSAID_CLI", ["-p", "whosaid-cli", "--", "extract"], path)


def run_example(path):
    """The crate's `extract` example: the JSON, indented."""
    return run("WHOSAID_EXTRACT", ["--example", "extract", "--"], path)


def test_seed_article_json_is_the_commands_output():
    path = FIXTURES / "seed-article.txt"
    doc = whosaid.extract(path.read_text(encoding="utf-8"))
    # The programs print the JSON and a line break.
    assert doc.to_json().encode("utf-8") + b"\n" == run_command(path)
    assert doc.to_json(pretty=True).encode("utf-8") + b"\n" == run_example(path)


def test_every_fixture_json_is_the_commands_output(extractor):
    for path in sorted(FIXTURES.glob("*.txt")):
        doc = extractor.extract(path.read_text(encoding="utf-8"))
        assert doc.to_json().encode("utf-8") + b"\n" == run_command(path), path.name
        pretty = doc.to_json(pretty=True).encode("utf-8") + b"\n"
        assert pretty == run_example(path), path.name
