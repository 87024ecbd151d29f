"""The stages, in the order they run. Each module defines ``STAGE`` (see ``base.Stage``).

Modules are named here rather than imported, so the runner stays light: a stage's module is
loaded only inside the worker processes that measure it.
"""

from __future__ import annotations

import importlib

from benchmarks.stages.base import Stage

MODULES: dict[str, str] = {  # stage name -> module in this package
    "import": "importing",
    "search": "search",
    "nlp": "nlp",
    "themes": "themes",
    "codes": "codes",
    "evaluate": "demo_evaluate",
    "report": "report",
    "tui-keys": "tui_keys",
    "tui": "tui",
    "bomb": "bomb",
    "big-import": "big_import",
    "bulk-codings": "exchange",
    "speakers": "speakers",
}
NAMES: tuple[str, ...] = tuple(MODULES)


def load(name: str) -> Stage:
    module = importlib.import_module(f"benchmarks.stages.{MODULES[name]}")
    stage: Stage = module.STAGE
    return stage
