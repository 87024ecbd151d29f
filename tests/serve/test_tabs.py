"""Several browser tabs are several workbench processes on one project file: each tab's
acknowledged coding is in the file at once, neither tab loses the other's, and stopping the
server leaves the file whole. Driven over the page's websocket (no browser needed)."""

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest

from qualcode.core.model import Role
from qualcode.core.spans import sentences
from qualcode.store import Store
from tests.serve.helpers import CODER, ENTER, RIGHT, Tab, is_alive, open_tab, start_serve

pytestmark = pytest.mark.asyncio


def nth_answer_sentence(reader: Store, document: int, answer: int) -> str:
    """The second sentence of a document's ``answer``-th respondent turn (1-based)."""
    doc = reader.documents.all()[document]
    turn = [t for t in reader.turns.all(doc.id or 0) if t.role is Role.RESPONDENT][answer - 1]
    start, end = sentences(doc.text, turn.text_start, turn.text_end)[1]
    return doc.text[start:end]


async def code_sentence(tab: Tab, answers: int, query: str) -> None:
    """Open the highlighted document, go to its ``answers``-th answer's second sentence and
    code it through the picker; returns when the tab says it is coded."""
    await tab.press(ENTER, "turn")
    for _ in range(answers):
        await tab.press("J", "turn")
    await tab.press(RIGHT, "turn")
    await tab.press("c", "Enter pick")
    await tab.press(query, query)
    await tab.press(ENTER, "Coded")


def web_codings(reader: Store) -> dict[str, str]:
    names = {c.id: c.name for c in reader.codes.all()}
    return {c.text: names[c.code_id] for c in reader.codings.all() if c.coder == CODER}


async def test_two_tabs_code_one_project(demo_project: Path) -> None:
    with Store.open(demo_project) as reader:
        first = nth_answer_sentence(reader, 0, 3)
        second = nth_answer_sentence(reader, 0, 2)  # the same document, another answer
        before = len(reader.codings.all())
    served = start_serve(demo_project)
    try:
        async with aiohttp.ClientSession() as session:
            tab_a = await open_tab(session, served.url)
            tab_b = await open_tab(session, served.url)
            workbenches = served.children()
            assert len(set(workbenches)) == 2  # one process, one connection, per tab

            await code_sentence(tab_a, 3, "peer-to")
            await code_sentence(tab_b, 2, "governance")

            # Both acknowledged codings are in the file while both tabs are still open.
            with Store.open(demo_project) as reader:
                assert web_codings(reader) == {first: "Peer-to-peer support",
                                               second: "Governance"}
                assert len(reader.codings.all()) == before + 2
            await tab_a.ws.close()
            await tab_b.ws.close()
    finally:
        assert served.stop() == 0, served.output
    assert not any(is_alive(pid) for pid in workbenches)
    with Store.open(demo_project) as reader:
        assert reader.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert web_codings(reader) == {first: "Peer-to-peer support", second: "Governance"}
