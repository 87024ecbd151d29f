"""Projects the stages start from: fresh copies, so no stage sees another's results."""

from __future__ import annotations

from pathlib import Path

from benchmarks.project import copy_project
from benchmarks.stages.base import Context

PARSED = "parsed.qualcode"


def fresh_copy(ctx: Context, name: str) -> Path:
    """A copy of the prepared project (imported and coded, nothing parsed)."""
    return copy_project(ctx.project, ctx.scratch / name)


def parsed_copy(ctx: Context, name: str) -> Path:
    """A copy of the project with every turn's parse cached: the one the NLP stage left, or
    (if it did not run) one parsed here, outside any clock."""
    shared = ctx.shared / PARSED
    if not shared.exists():
        from qualcode.services.suggest_corpus import load_corpus
        from qualcode.store import Store

        copy = copy_project(ctx.project, ctx.scratch / f"parsing-{name}")
        with Store.open(copy) as store:
            load_corpus(store)
        copy_project(copy, shared)
    return copy_project(shared, ctx.scratch / name)


def keep_parsed(ctx: Context, project: Path) -> None:
    """Offer a parsed project to the stages after this one."""
    copy_project(project, ctx.shared / PARSED)
