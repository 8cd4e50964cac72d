"""The type stubs name what the module has."""

import ast
import pathlib

import whosaid
import whosaid._whosaid as native

STUBS = pathlib.Path(whosaid.__file__).with_name("_whosaid.pyi")


def test_stubs_ship_with_the_package():
    assert STUBS.exists()
    assert STUBS.with_name("py.typed").exists()


def test_every_stubbed_name_exists_and_every_public_name_is_stubbed():
    tree = ast.parse(STUBS.read_text(encoding="utf-8"))
    aliases = {"EntityKind", "Gender", "QuoteKind", "Source", "StrPath"}
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
    assert stubbed - aliases == public
    assert set(whosaid.__all__) == public
