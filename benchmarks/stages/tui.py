"""The TUI, headless with Pilot: opening a 60,000-word transcript holding 2,000 codings, and
the latency of applying a pinned code (p50, p95 over 200 key presses), against an empty
Textual app's frame time measured the same way (a key whose action updates one widget).

A "frame" is timed from sending the key until every widget has handled the messages it caused
and the screen has been laid out and rendered. ``pilot.press`` and ``pilot.pause`` are not
used for the clock because each waits for the CPU to go idle in 20 ms sleeps, which would
swamp the figure; both sides are measured with the same ``frame`` below.
"""

from __future__ import annotations

import asyncio
import random
import time
from pathlib import Path
from typing import Any

from benchmarks.measure import percentile
from benchmarks.stages.base import (
    Context,
    Stage,
    Timing,
    first_missing,
    missing_attributes,
)

LONG_WORDS = 60_000
CODINGS = 2_000
PRESSES = 200
SIZE = (120, 40)
CODER = "tui-benchmark"
PIN = "1"
MAX_ROUNDS = 100  # message rounds a key may cause (key, action, messages bubbling up)


def build_long_project(ctx: Context) -> tuple[Path, int]:
    """One long interview with ``CODINGS`` codings (some spans with two codes) and a code
    pinned to key 1. Returns the project and the transcript's word count."""
    from benchmarks import corpus
    from benchmarks.project import CODER as PREPARED_BY
    from benchmarks.project import add_codebook
    from qualcode.core import spans
    from qualcode.core.model import Coding, Role
    from qualcode.services.importing import import_paths
    from qualcode.store import Store

    ctx.corpus.mkdir(parents=True, exist_ok=True)
    item = corpus.interview(0, seed=ctx.seed + 1, words=LONG_WORDS)
    path = ctx.corpus / "long-interview.txt"
    corpus.write_interview(item, path)
    ctx.project.unlink(missing_ok=True)
    with Store.open(ctx.project, create=True) as store:
        report = import_paths(store, [path])
        if report.errors:
            raise RuntimeError("; ".join(report.errors))
        codes = list(add_codebook(store).values())
        doc = store.documents.all()[0]
        places = [s for t in store.turns.all(doc.id or 0) if t.role is Role.RESPONDENT
                  for s in spans.sentences(doc.text, t.text_start, t.text_end)]
        rng = random.Random(f"{ctx.seed}:tui")
        chosen = sorted(rng.sample(places, min(len(places), CODINGS * 9 // 10)))
        chosen += rng.sample(chosen, CODINGS - len(chosen))  # a second code on some spans
        with store.action("code", coder=PREPARED_BY):
            used: set[tuple[int, int, int]] = set()
            for start, end in chosen:
                code = rng.choice([c for c in codes if (c.id, start, end) not in used])
                used.add((code.id or 0, start, end))
                store.codings.add(Coding(document_id=doc.id or 0, code_id=code.id or 0,
                                         start=start, end=end, text=doc.text[start:end],
                                         coder=PREPARED_BY))
        with store.action("pin", coder=PREPARED_BY):
            store.codes.update(codes[0].id or 0, shortcut=PIN)
    return ctx.project, item.words


async def frame(pilot: Any, key: str) -> float:
    """Seconds from sending ``key`` to the rendered result (see the module docstring)."""
    from textual import events

    app = pilot.app
    start = time.perf_counter()
    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    app._driver.send_message(event)
    await settle(pilot)
    app.screen._on_timer_update()  # lay out and render the frame now
    return time.perf_counter() - start


async def settle(pilot: Any) -> None:
    """Until no widget has a message waiting: each round lets every widget handle what was
    queued when it began (a message bubbling up takes one round per level)."""
    app = pilot.app
    for _ in range(MAX_ROUNDS):
        await pilot._wait_for_screen()
        pumps = [app, *app.screen.walk_children(with_self=True)]
        if not any(pump.message_queue_size for pump in pumps):
            return


def _figures(times: list[float]) -> dict[str, float]:
    return {"p50_ms": round(percentile(times, 50) * 1000, 2),
            "p95_ms": round(percentile(times, 95) * 1000, 2)}


async def _drive_workbench(project: Path) -> dict[str, Any]:
    from qualcode.tui.app import create_app

    app = create_app(project, CODER)
    started = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        startup = time.perf_counter() - started
        screen = app.screen
        opening = await frame(pilot, "enter")  # the documents list has the one document
        await pilot.pause()
        if getattr(screen, "document", None) is None:
            raise RuntimeError("Enter on the documents list did not open the transcript")
        times = []
        for _ in range(PRESSES):
            await frame(pilot, "right")  # the next sentence (not timed)
            times.append(await frame(pilot, PIN))
        await pilot.pause()
        applied = sum(1 for c in app.project.store.codings.all() if c.coder == CODER)
    return {"open": opening, "startup": startup, "times": times, "applied": applied}


def measure(ctx: Context) -> Timing:
    project, words = build_long_project(ctx)
    found = asyncio.run(_drive_workbench(project))
    figures = _figures(found["times"])
    return Timing(percentile(found["times"], 95), {
        "open_ms": round(found["open"] * 1000, 1), "apply_p50_ms": figures["p50_ms"],
        "apply_p95_ms": figures["p95_ms"], "applied": found["applied"], "presses": PRESSES,
        "codings": CODINGS, "transcript_words": words,
        "startup_ms": round(found["startup"] * 1000)})


async def _drive_empty() -> list[float]:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Empty(App[None]):
        BINDINGS = [(PIN, "bump", "Bump")]
        count = 0

        def compose(self) -> ComposeResult:
            yield Static("0", id="count")

        def action_bump(self) -> None:
            self.count += 1
            self.query_one("#count", Static).update(str(self.count))

    app = Empty()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        times = [await frame(pilot, PIN) for _ in range(PRESSES)]
        await pilot.pause()
    return times


def ceiling(ctx: Context) -> Timing:
    times = asyncio.run(_drive_empty())
    return Timing(percentile(times, 95), _figures(times))


STAGE = Stage(
    name="tui",
    title="TUI apply code (qualcode.tui.app via Pilot)",
    ceiling_title="an empty Textual app's frame time (key -> action -> widget update -> "
                  "render), p95 over the same number of presses",
    missing=lambda: first_missing(
        lambda: missing_attributes("qualcode.tui.app", "create_app"),
        lambda: missing_attributes("qualcode.tui.screens.workbench", "WorkbenchScreen")),
    measure=measure,
    ceiling=ceiling,
    sized=False,
    metric="p95 latency",
    own_words=LONG_WORDS,
)
