"""The browser tabs of ``qualcode serve``: one workbench process per tab, and its end.

textual-serve's AppService starts a tab's process and pipes it to the websocket; stopping it
asks the workbench to quit but does not wait for the process. A workbench closes the project
on its way out, so here stopping waits for the process to end (and ends it if it does not
quit in time), and the server keeps the open tabs so that ctrl+c can close every one.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

log = logging.getLogger("qualcode.serve")

# How long a tab's workbench gets to quit (it saves nothing then: every action is already
# committed; it closes the project) before it is terminated.
QUIT_SECONDS = 10.0


class WorkbenchSession(AppService):
    """One tab's workbench process."""

    async def stop(self) -> None:
        await super().stop()  # asks the workbench to quit, reads its output to the end
        process = self._process
        if process is None or process.returncode is not None:
            return
        try:
            await asyncio.wait_for(process.wait(), QUIT_SECONDS)
        except TimeoutError:
            process.terminate()  # Textual exits cleanly on SIGTERM too
            try:
                await asyncio.wait_for(process.wait(), QUIT_SECONDS / 2)
            except TimeoutError:
                process.kill()
                await process.wait()


@dataclass
class Sessions:
    """The open tabs' websocket handlers, so that shutdown can close each one."""

    tasks: set[asyncio.Task[object]] = field(default_factory=set)

    async def close_all(self) -> None:
        # Cancelling a handler stops its session (see run_session's finally clause).
        pending = [task for task in self.tasks if not task.done()]
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending, timeout=QUIT_SECONDS * 2)


async def run_session(server: Server, sessions: Sessions,
                      request: web.Request) -> web.WebSocketResponse:
    """A tab: start its workbench, pass the page's keys, mouse and size to it until the tab
    or the server closes, then stop the workbench and wait for it."""
    websocket = web.WebSocketResponse(heartbeat=15)
    width = to_int(request.query.get("width", "80"), 80)
    height = to_int(request.query.get("height", "24"), 24)
    await websocket.prepare(request)

    async def close() -> None:  # the session wants no result back from closing
        await websocket.close()

    session = WorkbenchSession(
        server.command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
        close=close, download_manager=server.download_manager, debug=server.debug)
    task = asyncio.current_task()
    assert task is not None
    sessions.tasks.add(task)
    try:
        await session.start(width, height)
        await server._process_messages(websocket, session)  # textual-serve's message loop
    except asyncio.CancelledError:
        pass  # the server is stopping
    except Exception:
        log.exception("a browser tab failed")
    finally:
        await session.stop()
        with contextlib.suppress(Exception):
            await websocket.close()
        sessions.tasks.discard(task)
    return websocket
