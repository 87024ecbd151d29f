"""The TUI over a working day, headless with Pilot: the latency (p50, p95) of switching areas,
opening the code picker, opening the help and undoing, on the demo project and on the
60,000-word benchmark transcript, against an empty Textual app's frame (the same ceiling and
the same clock as the ``tui`` stage: key sent -> messages handled -> frame rendered).

The clock stops when the screen is usable: after the frame, the callbacks that frame left
(a footer's new keys, an area's re-read) and any area read still running in a worker have
run, and the frame showing them is rendered (see ``usable``).

The first visit of each area (it mounts and reads the project) is reported apart, as
``first_visit_ms``: from then on the areas stay mounted.
"""

from __future__ import annotations

import asyncio
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.measure import percentile
from benchmarks.stages import tui
from benchmarks.stages.base import Context, Stage, Timing, first_missing, missing_attributes

ROUNDS = 40  # of each measured key
AREA_KEYS = ("f3", "f4", "f5", "f6", "f7", "f8", "f2")  # every area, back to the workbench
REPO = Path(__file__).resolve().parents[2]


def build_demo_project(ctx: Context) -> Path:
    from qualcode.services.demo import build_demo

    path = ctx.scratch / "demo.qualcode"
    if path.exists():
        path.unlink()
    build_demo(path, REPO / "transcripts", REPO / "codebooks" / "childhub-benchmarking.yml",
               coder=tui.CODER)
    return path


async def usable(pilot: Any, key: str) -> float:
    """Seconds from sending ``key`` until the screen is usable: the ``tui`` stage's frame,
    then whatever that frame left to do (callbacks after the refresh, e.g. a footer's new
    keys or an area's re-read; an area's read in a worker) and the frame that shows it."""
    from qualcode.tui.loading import READS

    app = pilot.app
    start = time.perf_counter()
    await tui.frame(pilot, key)
    for _ in range(tui.MAX_ROUNDS):
        screen = app.screen
        reads = [w for w in app.workers if w.group == READS and w.is_running]
        if not (reads or screen._callbacks or screen._layout_required
                or screen._repaint_required or screen._dirty_widgets):
            break
        if reads:
            await app.workers.wait_for_complete(reads)
        await screen._invoke_and_clear_callbacks()
        await tui.settle(pilot)
        screen._on_timer_update()
    return time.perf_counter() - start


CPU: dict[str, list[float]] = {}  # CPU seconds of this process per timed key, by action


async def _timed(pilot: Any, key: str, then: str | None = None) -> float:
    """Wall seconds until usable; the process's CPU seconds go to ``CPU[key]`` (on a shared
    machine the wall clock also counts the time other processes held the cores)."""
    cpu = time.process_time()
    seconds = await usable(pilot, key)
    CPU.setdefault(key, []).append(time.process_time() - cpu)
    if then is not None:
        await usable(pilot, then)  # back as it was (not timed)
    return seconds


async def _drive(project: Path) -> dict[str, Any]:
    from qualcode.tui.app import create_app

    app = create_app(project, tui.CODER)
    CPU.clear()
    found: dict[str, list[float]] = {"switch": [], "picker": [], "help": [], "undo": []}
    async with app.run_test(size=tui.SIZE) as pilot:
        await pilot.pause()
        await usable(pilot, "enter")  # open the first document
        await usable(pilot, "J")  # a respondent's turn
        first = [await _timed(pilot, key) for key in AREA_KEYS]
        for _ in range(ROUNDS // len(AREA_KEYS) + 1):
            found["switch"] += [await _timed(pilot, key) for key in AREA_KEYS]
        for _ in range(ROUNDS):
            found["picker"].append(await _timed(pilot, "c", "escape"))
            found["help"].append(await _timed(pilot, "question_mark", "escape"))
            await usable(pilot, "right")
            await usable(pilot, tui.PIN)  # a coding to undo (not timed)
            found["undo"].append(await _timed(pilot, "ctrl+z"))
        await pilot.pause()
    cpu = {"switch": [t for k in AREA_KEYS for t in CPU[k][1:]], "picker": CPU["c"],
           "help": CPU["question_mark"], "undo": CPU["ctrl+z"]}  # [1:]: not the first visit
    return {"first": first, **found, "cpu": cpu}


def _figures(prefix: str, found: dict[str, Any]) -> dict[str, float]:
    figures: dict[str, float] = {f"{prefix}first_visit_ms": round(max(found["first"]) * 1000, 1)}
    for what in ("switch", "picker", "help", "undo"):
        for q in (50, 95):
            figures[f"{prefix}{what}_p{q}_ms"] = round(percentile(found[what], q) * 1000, 2)
            figures[f"{prefix}{what}_cpu_ms_p{q}"] = round(
                percentile(found["cpu"][what], q) * 1000, 2)
    return figures


def measure(ctx: Context) -> Timing:
    ctx.scratch.mkdir(parents=True, exist_ok=True)
    extra: dict[str, float | int | str] = {}
    worst = 0.0
    builders: list[tuple[str, Callable[[Context], Path]]] = [
        ("demo_", build_demo_project), ("long_", lambda c: tui.build_long_project(c)[0])]
    for prefix, build in builders:
        project = build(ctx)
        found = asyncio.run(_drive(project))
        extra.update(_figures(prefix, found))
        worst = max([worst, *(percentile(found[w], 95)
                              for w in ("switch", "picker", "help", "undo"))])
        shutil.rmtree(project.with_suffix(".bak"), ignore_errors=True)
    extra["rounds"] = ROUNDS
    return Timing(worst, extra)


STAGE = Stage(
    name="tui-keys",
    title="TUI area switch, picker, help and undo (p95 of the worst; demo and long project)",
    ceiling_title="an empty Textual app's frame time (key -> action -> widget update -> "
                  "render), p95",
    missing=lambda: first_missing(
        lambda: missing_attributes("qualcode.tui.app", "create_app", "AREAS"),
        lambda: missing_attributes("qualcode.services.session", "load_session")),
    measure=measure,
    ceiling=tui.ceiling,
    sized=False,
    metric="p95 latency",
    own_words=tui.LONG_WORDS,
)
