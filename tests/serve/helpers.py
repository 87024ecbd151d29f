"""Running the real ``qualcode serve`` in a subprocess, and talking to its tabs.

A tab is driven either by a browser (test_browser) or, without one, straight over the
websocket that textual-serve's page uses (``["stdin", keys]`` in, the terminal stream out),
which is what the page's JavaScript does. What the workbench draws is read from that stream.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

CODER = "web-tester"
START_SECONDS = 60.0  # the machine may be busy: generous, never a timing assertion
SCREEN_SECONDS = 90.0

# Keys as a terminal sends them (what the browser page sends for the same keys).
ENTER, DOWN, RIGHT = "\r", "\x1b[B", "\x1b[C"

# Records the terminal stream a page receives, so a browser test can wait for what is drawn.
SCREEN_TAP_JS = """
(() => {
  const Native = window.WebSocket;
  const tap = { text: "", decoder: new TextDecoder() };
  window.__qualcodeScreen = tap;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (event.data instanceof ArrayBuffer) {
          tap.text += tap.decoder.decode(event.data, { stream: true });
        }
      });
    }
  };
})();
"""


@dataclass
class Served:
    """A running ``qualcode serve`` and everything it has printed so far."""

    proc: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)
    url: str = ""

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def children(self) -> list[int]:
        """The processes the server started: one workbench per open tab."""
        path = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        try:
            return [int(pid) for pid in path.read_text().split()]
        except OSError:
            return []

    def stop(self, signum: int = signal.SIGINT, timeout: float = 60.0) -> int:
        """Send ``signum`` to the server alone (not its tabs) and wait for it to exit."""
        if self.proc.poll() is None:
            self.proc.send_signal(signum)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)  # its own session: only what it started
            self.proc.wait()
            raise


def start_serve(project: Path, *args: str, coder: str = CODER) -> Served:
    """Start ``qualcode serve PROJECT ARGS`` and wait for the address it prints."""
    command = [sys.executable, "-m", "qualcode.cli", "--coder", coder, "serve", str(project),
               *args]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)
    served = Served(proc)
    threading.Thread(target=_collect, args=(proc, served.lines), daemon=True).start()
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline and proc.poll() is None:
        found = re.search(r"at (http://\S+)", served.output)
        if found:
            served.url = found.group(1)
            return served
        time.sleep(0.1)
    if proc.poll() is None:
        served.stop(signal.SIGKILL)
    raise AssertionError(f"qualcode serve did not start:\n{served.output}")


def _collect(proc: subprocess.Popen[str], lines: list[str]) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        lines.append(line)


def is_alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


class Tab:
    """One browser tab's session, spoken to over the page's websocket."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.screen = ""
        self._decode = codecs.getincrementaldecoder("utf-8")("replace").decode

    async def wait_for(self, needle: str, since: int = 0,
                       timeout: float = SCREEN_SECONDS) -> None:
        """Wait until ``needle`` is drawn (after ``since``). Textual redraws only what
        changed, so a needle longer than a word or two may be split by cursor moves."""
        deadline = time.monotonic() + timeout
        while needle not in self.screen[since:]:
            left = deadline - time.monotonic()
            try:
                if left <= 0:
                    raise TimeoutError
                message = await self.ws.receive(timeout=left)
            except TimeoutError:
                raise AssertionError(f"{needle!r} never drawn; last screen bytes:\n"
                                     f"{self.screen[-2000:]!r}") from None
            if message.type == aiohttp.WSMsgType.BINARY:
                self.screen += self._decode(message.data)
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED,
                                  aiohttp.WSMsgType.ERROR):
                raise AssertionError(f"the tab closed while waiting for {needle!r}")

    async def drain(self) -> aiohttp.WSMsgType:
        """Read until the server closes the tab; the closing message's type."""
        while True:
            message = await self.ws.receive()
            if message.type not in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT):
                return message.type

    async def press(self, keys: str, then: str) -> None:
        """Send keys and wait until ``then`` is drawn after them."""
        mark = len(self.screen)
        await self.ws.send_str(json.dumps(["stdin", keys]))
        await self.wait_for(then, mark)


async def open_tab(session: aiohttp.ClientSession, url: str,
                   size: tuple[int, int] = (160, 50)) -> Tab:
    ws = await session.ws_connect(f"{url}/ws?width={size[0]}&height={size[1]}",
                                  origin=url, max_msg_size=0)
    tab = Tab(ws)
    await tab.wait_for("No document open")
    return tab
