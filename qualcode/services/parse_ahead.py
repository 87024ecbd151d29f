"""Parsing ahead: a worker process that parses every document not parsed yet, then finds the
first themes, so the Suggestions area opens on results.

It runs in a process of its own (spaCy holds the GIL: a thread would freeze the interface)
on its own connection, storing parses every few seconds each in its own transaction, as
``qualcode parse`` does. It reports (:class:`AheadState`) through a pipe, and stops at the
next parse once asked to, storing every parse it finished. Textual-free: the interface
starts it (qualcode/tui/parse_ahead.py), and the child imports no more than it needs.
"""

from __future__ import annotations

import os
from contextlib import closing, suppress
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Protocol

from qualcode.core.errors import QualcodeError
from qualcode.core.wording import plural
from qualcode.services.parsing import ParsePlan, plan_parse, store_parses
from qualcode.store import Store

PARSING, THEMES, DONE, STOPPED, FAILED = "parsing", "themes", "done", "stopped", "failed"


class StopFlag(Protocol):
    def is_set(self) -> bool: ...


@dataclass(frozen=True)
class AheadState:
    """Where parsing ahead is: ``stage`` one of the names above; documents parsed of all."""

    stage: str
    done: int = 0
    total: int = 0
    message: str = ""

    @property
    def running(self) -> bool:
        return self.stage in (PARSING, THEMES)

    @property
    def words(self) -> str:
        """What the interface shows while it runs."""
        if self.stage == PARSING:
            return f"parsing {self.done} of {plural(self.total, 'document')}"
        return "finding themes" if self.stage == THEMES else self.message


def pending(store: Store) -> AheadState | None:
    """What parsing ahead would start from, or None when there is nothing to do: every
    document parsed and themes found (cheap: hashes the texts, loads no pipeline)."""
    from qualcode.services.suggest_themes import list_themes

    plan = plan_parse(store)
    if not plan.documents or (not plan.missing and list_themes(store) is not None):
        return None
    return AheadState(PARSING, plan.documents_done(0), plan.documents)


def worker(path: str, report: Connection, stop: StopFlag, coder: str = "") -> None:
    """The worker process's entry: :func:`run`, writing nothing on the terminal (the
    interface draws on it)."""
    _quiet()
    run(path, report, stop, coder)


def run(path: str, report: Connection, stop: StopFlag, coder: str = "") -> None:
    """Parse what is missing, then find themes if none were found yet; sends an
    :class:`AheadState` at each step, the last one DONE, STOPPED or FAILED."""
    try:
        with Store.open(Path(path)) as store:
            final = _parse_then_themes(store, report, stop, coder)
    except (QualcodeError, OSError) as err:
        final = AheadState(FAILED, message=f"Parsing ahead failed: {err}")
    except Exception as err:  # e.g. a broken pipeline: the interface says so and goes on
        final = AheadState(FAILED, message=f"Parsing ahead failed: {type(err).__name__}: {err}")
    _send(report, final)
    report.close()


def _parse_then_themes(store: Store, report: Connection, stop: StopFlag,
                       coder: str) -> AheadState:
    from qualcode.services.suggest_themes import list_themes, suggest_themes

    plan = plan_parse(store)
    if not parse_plan(store, plan, report, stop):
        return AheadState(STOPPED, plan.documents_done(0), plan.documents,
                          "Parsing stopped; what was parsed is kept.")
    if list_themes(store) is not None or not plan.documents:
        return AheadState(DONE, plan.documents, plan.documents,
                          f"{plural(plan.documents, 'document')} parsed")
    _send(report, AheadState(THEMES, plan.documents, plan.documents))
    try:
        found = suggest_themes(store, coder=coder)
    except QualcodeError as err:  # e.g. too few answers to cluster: nothing to show yet
        return AheadState(DONE, plan.documents, plan.documents, str(err))
    return AheadState(DONE, plan.documents, plan.documents,
                      f"{plural(len(found.run.themes), 'theme')} found")


def parse_plan(store: Store, plan: ParsePlan, report: Connection, stop: StopFlag) -> bool:
    """Parse ``plan`` on one core (the other stays with the interface), reporting each
    document finished; False when stopped first. Every finished parse is stored either way:
    ``store_parses`` stores what it holds when closed."""
    shown = plan.documents_done(0)
    _send(report, AheadState(PARSING, shown, plan.documents))
    made = store_parses(store, plan.missing, plan.choice, processes=1)
    with closing(made):
        for parsed, _ in enumerate(made, 1):
            if stop.is_set():
                return False
            done = plan.documents_done(parsed)
            if done != shown:
                shown = done
                _send(report, AheadState(PARSING, done, plan.documents))
    return not stop.is_set()


def _send(report: Connection, state: AheadState) -> None:
    with suppress(OSError):  # the interface has gone: the parses are stored anyway
        report.send(state)


def _quiet() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)
