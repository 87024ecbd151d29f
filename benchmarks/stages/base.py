"""What a stage is: a feature check, the stage's own work and its ceiling.

The runner starts a fresh process for the stage and another for its ceiling, so each one's
peak memory is its own. Both get the same ``Context`` (the same corpus and project) and return
a ``Timing``: the headline seconds plus any extra figures worth reporting.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

Extra = dict[str, float | int | str]


@dataclass(frozen=True)
class Context:
    interviews: int  # corpus size; 0 for stages that bring their own data
    words: int
    corpus: Path  # folder of generated interviews (with its manifest)
    project: Path  # the corpus imported, with cases, a codebook and codings; never modified
    scratch: Path  # this stage's own folder: copies of the project, outputs
    shared: Path  # shared by the stages of one size (e.g. a project already parsed)
    seed: int

    def save(self, path: Path) -> None:
        data = {k: str(v) if isinstance(v, Path) else v for k, v in asdict(self).items()}
        path.write_text(json.dumps(data), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Context:
        data = json.loads(path.read_text(encoding="utf-8"))
        for key in ("corpus", "project", "scratch", "shared"):
            data[key] = Path(data[key])
        return cls(**data)


@dataclass
class Timing:
    seconds: float  # the headline figure (a total time, or a p95 latency)
    extra: Extra = field(default_factory=dict)


Work = Callable[[Context], Timing]


@dataclass(frozen=True)
class Stage:
    name: str
    title: str
    ceiling_title: str
    missing: Callable[[], str | None]  # what is not there yet, or None when it has landed
    measure: Work
    ceiling: Work
    sized: bool = True  # False: measured once, on data of its own, not at every corpus size
    metric: str = "time"  # what ``Timing.seconds`` is, e.g. "p95 latency"
    own_words: int = 0  # for stages that are not sized: how many words their data holds
    # each side measured this many times, alternately, each time in a fresh process; the
    # fastest is kept (as timeit does: slower runs are the machine's noise, not the code's)
    repeats: int = 1


def missing_modules(*names: str) -> str | None:
    """The first of ``names`` that cannot be imported, without importing it."""
    for name in names:
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):  # a parent package is missing or broken
            found = False
        if not found:
            return f"module {name}"
    return None


def missing_attributes(module: str, *attributes: str) -> str | None:
    """``module`` must exist and define every one of ``attributes``."""
    absent = missing_modules(module)
    if absent:
        return absent
    try:
        loaded = importlib.import_module(module)
    except Exception as err:  # a module half-written by someone else right now
        return f"module {module} does not import ({type(err).__name__}: {err})"
    for attribute in attributes:
        if not hasattr(loaded, attribute):
            return f"{module}.{attribute}"
    return None


def first_missing(*checks: Callable[[], str | None]) -> str | None:
    for check in checks:
        problem = check()
        if problem:
            return problem
    return None
