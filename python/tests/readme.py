"""The code blocks of python/README.md that the tests run, so that the README stays true."""

import pathlib
import re

README = pathlib.Path(__file__).resolve().parents[1] / "README.md"


def recipe(name):
    """The Python block that follows `<!-- recipe: NAME -->` in the README."""
    text = README.read_text(encoding="utf-8")
    match = re.search(r"<!-- recipe: %s -->\s*```python\n(.*?)```" % re.escape(name), text, re.S)
    if match is None:
        raise LookupError(f"no recipe {name!r} in {README}")
    return match.group(1)
