"""The TUI's modules compose without circles: no module imports one that imports it back,
counting imports made only for type checking (a screen's behaviour modules declare what they
need in screens/hosts.py instead of importing their screen); and none grows past 350 lines."""

from __future__ import annotations

from pathlib import Path

import grimp

import qualcode.tui

TUI = Path(qualcode.tui.__file__).parent
MAX_LINES = 350


def test_no_import_cycle_between_tui_modules() -> None:
    graph = grimp.build_graph("qualcode", include_external_packages=False,
                              exclude_type_checking_imports=False)
    modules = sorted(m for m in graph.modules if m.startswith("qualcode.tui"))
    assert "qualcode.tui.screens.workbench" in modules  # the graph is the one we mean
    cycles = []
    for module in modules:
        for imported in graph.find_modules_directly_imported_by(module):
            if imported.startswith("qualcode.tui") and graph.find_shortest_chain(
                    importer=imported, imported=module):
                cycles.append((module, imported))
    assert cycles == []


def test_no_tui_module_over_350_lines() -> None:
    long = {str(p.relative_to(TUI)): n for p in TUI.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
