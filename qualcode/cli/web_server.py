"""Running textual-serve on a socket we bound, and stopping it cleanly.

textual-serve starts one workbench process per browser tab (the command it is given) and
pipes the terminal to the page over a websocket. Each tab is therefore a separate process with
its own connection to the project file, exactly like several terminals: every action is its
own committed transaction, so tabs never lose each other's work (``qualcode serve`` opens the
project once first, so a migration runs once, not in several tabs at the same time).

We bind the socket ourselves, so a free port (0) is chosen by the OS without a race and the
URL printed is the one really listened on. On ctrl+c or SIGTERM every open tab's workbench is
asked to quit and waited for (qualcode.cli.web_sessions) before the server exits.
Imported only by ``qualcode serve``: textual-serve and aiohttp stay out of ``qualcode --help``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import mimetypes
import os
import re
import secrets
import signal
import socket
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import aiohttp_jinja2
import jinja2
from aiohttp import web
from aiohttp.typedefs import Handler, Middleware
from textual_serve.server import Server

from qualcode.cli.web_sessions import Sessions, run_session
from qualcode.core import download_links


class WorkbenchServer(Server):
    """textual-serve's Server, quiet (qualcode prints its own one line), tracking tabs and
    serving the files a tab signed a link for (the report)."""

    def __init__(self, command: str, title: str) -> None:
        super().__init__(command, title=title)
        self.sessions = Sessions()
        self.download_key = secrets.token_bytes(32)

    async def handle_file(self, request: web.Request) -> web.StreamResponse:
        path = download_links.verify(self.download_key, request.query)
        if path is None:
            raise web.HTTPForbidden(text="qualcode serve: not a download link (or it expired)")
        if not path.is_file():
            raise web.HTTPNotFound(text=f"qualcode serve: {path.name} is no longer there")
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return web.FileResponse(path, headers={
            "Content-Type": kind, "Cache-Control": "no-store",
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(path.name)}"})

    async def on_startup(self, app: web.Application) -> None:
        """No logo: ``qualcode serve`` says where it listens itself."""

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        # The page connects back to the address it was loaded from (the Host header was
        # checked by same_origin_only), so it works whichever name the browser used.
        self.public_url = f"{request.scheme}://{request.host}"
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        return await run_session(self, self.sessions, request)


# textual-serve's page loads its font from a font CDN; nothing may leave the machine, and
# textual-serve ships the same font, so the page uses that copy instead.
LOCAL_FONT = """<style>
      @font-face {
        font-family: "Roboto Mono";
        src: url("{{ config.static.url }}fonts/RobotoMono-VariableFont_wght.ttf")
          format("truetype");
        font-weight: 100 700;
      }
    </style>"""
REMOTE_LINK = re.compile(r"<link\b[^>]*\bhref=\"(?:https?:)?//[^\"]*\"[^>]*>", re.IGNORECASE)


def offline_page(templates_path: Path) -> jinja2.BaseLoader:
    """textual-serve's page template with every remote stylesheet replaced by the local font."""
    html = (templates_path / "app_index.html").read_text(encoding="utf-8")
    return jinja2.DictLoader({"app_index.html": REMOTE_LINK.sub(LOCAL_FONT, html)})


def same_origin_only(allowed_hosts: frozenset[str] | None) -> Middleware:
    """Refuse other web sites' pages: a page anywhere may open a websocket to 127.0.0.1, and
    a DNS-rebinding page reaches a loopback server under its own name. So the Host must be
    one we listen as (when known) and any Origin must be that same host."""

    @web.middleware
    async def check(request: web.Request, handler: Handler) -> web.StreamResponse:
        if allowed_hosts is not None and request.host.lower() not in allowed_hosts:
            raise web.HTTPForbidden(text=f"qualcode serve: unknown host {request.host!r}")
        origin = request.headers.get("Origin")
        if origin is not None and origin.lower() != f"{request.scheme}://{request.host}".lower():
            raise web.HTTPForbidden(text=f"qualcode serve: refused a page from {origin}")
        return await handler(request)

    return check


def loopback_hosts(sock: socket.socket) -> frozenset[str]:
    """The Host headers a browser on this machine sends for our loopback server."""
    port = sock.getsockname()[1]
    names = {"127.0.0.1", "localhost", "[::1]", url_of(sock).split("//")[1].rsplit(":", 1)[0]}
    return frozenset(f"{name}:{port}" for name in names)


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``; port 0 lets the OS choose a free one."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    return socket.create_server((host, port), family=family, reuse_port=False)


def serve(command: str, title: str, sock: socket.socket, ready: Callable[[str], None],
          allowed_hosts: frozenset[str] | None) -> None:
    """Serve ``command`` (one process per tab) on ``sock`` until ctrl+c or SIGTERM.

    ``allowed_hosts``: the Host headers to accept (None: any, when listening beyond loopback).
    """
    logging.basicConfig(level=logging.WARNING, format="qualcode serve: %(message)s")
    server = WorkbenchServer(command, title=title)
    server.public_url = url_of(sock)
    # Each tab's workbench inherits this environment: it signs its download links with it.
    os.environ[download_links.KEY_ENV] = server.download_key.hex()
    asyncio.run(_run(server, sock, ready, same_origin_only(allowed_hosts)))


async def _run(server: WorkbenchServer, sock: socket.socket, ready: Callable[[str], None],
               guard: Middleware) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    app = await server._make_app()  # textual-serve's routes: page, websocket, downloads
    app.router.add_get(download_links.ROUTE, server.handle_file)
    app.middlewares.append(guard)
    aiohttp_jinja2.setup(app, loader=offline_page(Path(server.templates_path)))
    runner = web.AppRunner(app, handle_signals=False, access_log=None)
    await runner.setup()
    try:
        await web.SockSite(runner, sock).start()
        ready(server.public_url)
        await stop.wait()
        await server.sessions.close_all()
    finally:
        with contextlib.suppress(asyncio.CancelledError):
            await runner.cleanup()
