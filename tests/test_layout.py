"""The layout is the architecture: the README's stage table names every module of ``geo/``,
no two modules share a name, packages only re-export, and ``tests/`` mirrors ``geo/``."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEO = ROOT / "geo"


def modules() -> set[str]:
    return {p.relative_to(ROOT).as_posix() for p in GEO.rglob("*.py") if p.name != "__init__.py"}


def modules_in_readme_table() -> set[str]:
    """Every module the stage table names; a bare file name is in the folder named before it."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text[text.index("| Stage | Modules | Job |") :].split("\n\n", 1)[0]
    named = set()
    for row in table.splitlines()[2:]:
        cell = row.split(" | ")[1]
        folder = ""
        for name in re.findall(r"`([^`]+\.py)`", cell):
            if "/" in name:
                folder = name.rsplit("/", 1)[0] + "/"
                named.add(name)
            else:
                named.add(folder + name)
    return named


def test_the_readme_table_names_every_module_of_geo():
    assert modules() - modules_in_readme_table() == set()


def test_the_readme_table_names_no_module_that_does_not_exist():
    assert {m for m in modules_in_readme_table() if m.startswith("geo/")} - modules() == set()


def test_no_two_modules_share_a_name():
    names = [Path(m).name for m in modules() if Path(m).name != "__main__.py"]
    assert sorted(n for n in set(names) if names.count(n) > 1) == []


def test_packages_only_re_export():
    for init in GEO.rglob("__init__.py"):
        tree = ast.parse(init.read_text(encoding="utf-8"))
        logic = [n for n in tree.body if isinstance(n, ast.FunctionDef | ast.ClassDef)]
        assert logic == [], f"{init.relative_to(ROOT)} defines {[n.name for n in logic]}"


def test_the_tests_mirror_the_packages_of_geo():
    packages = {p.parent.name for p in GEO.rglob("__init__.py") if p.parent != GEO}
    folders = {p.name for p in (ROOT / "tests").iterdir() if (p / "__init__.py").exists()}
    assert folders - {"e2e"} <= packages
    assert packages - folders == set()
