"""Shared fixtures: the repository's articles, and an extractor."""

import json
import pathlib

import pytest

import whosaid

REPO = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
# The evaluation set sits beside the repository when it is checked out next to shared/.
POLNEAR_DEV = REPO.parent / "shared" / "eval" / "polnear_dev.jsonl"


def fixture_articles():
    """The project's fixture articles, (name, text), in name order."""
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*.txt"))]


@pytest.fixture(scope="session")
def seed_text():
    return (FIXTURES / "seed-article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def articles():
    """Real news where it is there (PolNeAR dev), else the fixture articles."""
    if POLNEAR_DEV.exists():
        with POLNEAR_DEV.open(encoding="utf-8") as f:
            return [json.loads(line)["text"] for line in f if line.strip()]
    return [text for _, text in fixture_articles()]


@pytest.fixture(scope="session")
def extractor():
    return whosaid.Extractor()
