"""The type stubs name what the module has."""

import ast
import pathlib
import subprocess
import sys

import pytest

import whosaid
import whosaid._whosaid as native

STUBS = pathlib.Path(whosaid.__file__).with_name("_whosaid.pyi")


def test_stubs_ship_with_the_package():
    assert STUBS.exists()
    assert STUBS.with_name("py.typed").exists()


def test_every_stubbed_name_exists_and_every_public_name_is_stubbed():
    tree = ast.parse(STUBS.read_text(encoding="utf-8"))
    stubbed = set()
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            stubbed.add(node.name)
            cls = getattr(native, node.name)
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name != "__init__":
                    assert hasattr(cls, item.name), f"{node.name}.{item.name}"
        elif isinstance(node, ast.FunctionDef):
            stubbed.add(node.name)
        elif isinstance(node, ast.AnnAssign):
            stubbed.add(node.target.id)
    public = {n for n in dir(native) if not n.startswith("_")} | {"__version__"}
    assert {n for n in stubbed if not n.startswith("_")} | {"__version__"} == public
    assert set(whosaid.__all__) == set(native.__all__) == public
    # Private names that the stubs give: what pickles call, and the benchmark's hook.
    for name in ("_extractor_from_sources", "_crate_extract_seconds"):
        assert name in stubbed and hasattr(native, name)


def test_stubtest_finds_the_stubs_true(tmp_path):
    # mypy's stubtest compares every stub with the runtime object: signatures, finality,
    # what exists. ci.sh installs mypy; elsewhere the test runs where mypy is.
    pytest.importorskip("mypy")
    out = subprocess.run([sys.executable, "-m", "mypy.stubtest", "whosaid._whosaid"],
                         capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr
