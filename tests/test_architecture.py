"""ARCHITECTURE.md is true to the code: what it names exists, its layer drawing is the code's
imports, and its generated import list is current (regenerate: `make docs`)."""

from __future__ import annotations

import importlib
import re

import grimp
import pytest
from cogapp import Cog

from tests.conftest import REPO

ARCHITECTURE = REPO / "ARCHITECTURE.md"
PACKAGES = {p.name for p in (REPO / "qualcode").iterdir()
            if (p / "__init__.py").exists()}
TOP = ("tests", "benchmarks", "codebooks", "transcripts")  # folders named from the repo root


def named_paths(text: str) -> list[str]:
    """Every `package/...` path in backquotes (`store/registry.py`, `qualcode/tui/`,
    `nlp/parse.iter_parse_stored`, `services/report*.py`)."""
    heads = "|".join(sorted(PACKAGES | set(TOP) | {"qualcode"}))
    return re.findall(rf"`((?:{heads})/[\w/.*-]*)`", text)


def missing(path: str) -> str | None:
    """Why ``path`` (relative to qualcode/ unless it starts at the repo root) names nothing."""
    root = REPO if path.split("/")[0] in (*TOP, "qualcode") else REPO / "qualcode"
    if "*" in path:
        return None if list(root.glob(path)) else "no file matches"
    if (root / path).exists():
        return None
    module, _, attribute = path.rpartition(".")  # `nlp/parse.iter_parse_stored`
    if module and (root / f"{module}.py").exists():
        name = "qualcode." + module.removeprefix("qualcode/").replace("/", ".")
        return None if hasattr(importlib.import_module(name), attribute) else "no such name"
    return "no such file"


def test_every_path_it_names_exists() -> None:
    paths = named_paths(ARCHITECTURE.read_text(encoding="utf-8"))
    assert len(paths) > 50
    assert {p: why for p in paths if (why := missing(p))} == {}
    # The check can fail: a module that is not there, a function a module lacks.
    assert missing("exchange/refi.py") == "no such file"
    assert missing("nlp/parse.no_such_function") == "no such name"
    assert missing("store/migrations/9999_*.sql") == "no file matches"


def drawn_rows(text: str) -> list[list[str]]:
    """The layer drawing's rows of package names, top first."""
    drawing = re.search(r"### The layers\n.*?```text\n(.*?)```", text, re.S)
    assert drawing, "ARCHITECTURE.md has no layer drawing"
    rows = []
    for line in drawing.group(1).splitlines():
        names = [w for w in line[:44].split() if w in PACKAGES]  # then a description
        if names:
            rows.append(names)
    return rows


def upward_imports(rows: list[list[str]], graph: grimp.ImportGraph) -> list[str]:
    """Imports that go up the drawing or sideways within a row (a row may use ``core``)."""
    level = {name: n for n, row in enumerate(rows) for name in row}
    found = []
    for importer in level:
        for imported in level:
            if importer != imported and level[imported] <= level[importer] and \
                    graph.direct_import_exists(importer=f"qualcode.{importer}",
                                               imported=f"qualcode.{imported}",
                                               as_packages=True):
                found.append(f"{importer} -> {imported}")
    return found


def test_the_layer_drawing_is_the_code() -> None:
    rows = drawn_rows(ARCHITECTURE.read_text(encoding="utf-8"))
    assert sorted(name for row in rows for name in row) == sorted(PACKAGES)
    assert rows[0] == ["cli"] and rows[-1] == ["core"]
    graph = grimp.build_graph("qualcode")
    assert upward_imports(rows, graph) == []
    # Drawn upside down, it fails.
    assert "core -> store" not in upward_imports(list(reversed(rows)), graph)
    assert "store -> core" in upward_imports(list(reversed(rows)), graph)


def test_the_generated_import_list_is_current(capsys: pytest.CaptureFixture[str]) -> None:
    code = Cog().main(["cog", "--check", "--diff", "--check-fail-msg", "run `make docs`",
                       str(ARCHITECTURE)])
    assert code == 0, capsys.readouterr().out
