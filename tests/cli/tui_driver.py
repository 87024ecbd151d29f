"""Drive the real workbench headless in its own process, coding with the keyboard.

``python -m tests.cli.tui_driver PROJECT CODER COUNT`` opens the app under Textual's Pilot,
then codes COUNT spans (next sentence, ``c``, a code name, enter). After each coding the app
has acknowledged (the coding service returned and the coding is in the project), it prints
``ACK document_id code_id start end`` and flushes, so a parent that kills the process knows
exactly which codings the user was told were saved.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from qualcode.tui.app import create_app
from qualcode.tui.widgets.transcript import TranscriptView
from tests.tui.helpers import type_text

CODES = ["Funding", "Governance", "Knowledge sharing"]


async def code_spans(project: Path, coder: str, count: int) -> None:
    app = create_app(project, coder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "J")
        print("READY", flush=True)
        for n in range(count):
            await pilot.press("l" if n % 2 else "J")
            view = app.screen.query_one(TranscriptView)
            selection = view.selection
            if selection is None or view.document is None:
                continue
            doc_id, start, end = view.document.id, selection.start, selection.end
            name = CODES[n % len(CODES)]
            await pilot.press("c")
            await type_text(pilot, name.lower())
            await pilot.press("enter")
            await pilot.pause()
            store = app.project.store
            code = next(c for c in store.codes.all() if c.name == name)
            if store.codings.find(doc_id or 0, code.id or 0, start, end, coder=coder):
                print(f"ACK {doc_id} {code.id} {start} {end}", flush=True)


if __name__ == "__main__":
    asyncio.run(code_spans(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])))
