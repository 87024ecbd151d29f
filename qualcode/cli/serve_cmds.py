"""``qualcode serve``: the same workbench in a browser, through textual-serve.

Listens on 127.0.0.1 only, unless ``--host`` asks for more (then one warning line). Each browser
tab runs its own ``qualcode tui`` process on the project (see qualcode.cli.web_server).
"""

from __future__ import annotations

import ipaddress
import os
import shlex
import socket
import sys
from pathlib import Path

import click

from qualcode.cli.app import Context, cli, pass_ctx
from qualcode.core.errors import QualcodeError

LOOPBACK = "127.0.0.1"


def resolve_host(host: str) -> str:
    """The address ``host`` names (a literal address, or a name from this machine's resolver)."""
    try:
        found = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise QualcodeError(f"--host {host}: not an address this machine can listen on "
                            f"({getattr(err, 'strerror', None) or err})") from None
    return str(found[0][4][0])


def is_loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address.split("%")[0]).is_loopback
    except ValueError:
        return False


def require_loopback(address: str, explicit_host: bool) -> None:
    """Refuse to listen beyond this machine unless the user asked for it with ``--host``."""
    if not explicit_host and not is_loopback(address):
        raise QualcodeError(f"refusing to listen on {address}: it is not this machine's "
                            f"loopback address; pass --host {address} to allow it")


def listen(host: str | None, port: int) -> socket.socket:
    """The listening socket: loopback by default, ``host`` only when given."""
    address = LOOPBACK if host is None else resolve_host(host)
    require_loopback(address, explicit_host=host is not None)
    try:
        sock = _bind(address, port)
    except OSError as err:
        reason = os.strerror(err.errno) if err.errno else str(err)
        raise QualcodeError(f"cannot listen on {address} port {port}: {reason}") from None
    require_loopback(sock.getsockname()[0], explicit_host=host is not None)
    return sock


def _bind(address: str, port: int) -> socket.socket:
    from qualcode.cli.web_server import bind

    return bind(address, port)


def session_command(project: Path, coder: str) -> str:
    """What textual-serve runs for each tab: this qualcode's workbench on the project."""
    argv = [sys.executable, "-m", "qualcode.cli", "--project", str(project), "--coder", coder,
            "tui"]
    return "exec " + shlex.join(argv)  # exec: the tab's process is the workbench itself


def check_project(path: Path) -> None:
    """Open the project once here: a missing or foreign file is one line now, not an error in
    every tab, and an older project is migrated once, before several tabs can open it."""
    from qualcode.services.project import open_project

    if not path.is_file():
        raise QualcodeError(f"{path}: no such project (run `qualcode init` first)")
    open_project(path).close()


@cli.command("serve")
@click.argument("project_file", required=False, type=click.Path(path_type=Path))
@click.option("--host", metavar="ADDRESS", default=None,
              help="Listen on this address instead of 127.0.0.1 (e.g. 0.0.0.0 for every "
                   "network interface). Anyone who can reach the port can edit the project.")
@click.option("--port", type=click.IntRange(0, 65535), default=0, show_default=True,
              help="Port to listen on (0: a free one).")
@pass_ctx
def serve(ctx: Context, project_file: Path | None, host: str | None, port: int) -> None:
    """Serve the workbench to a web browser (each tab is a session on the project).

    Prints the address to open; opens nothing by itself. ctrl+c stops the server and
    closes every tab's session. Every change is saved as it is made, as in the terminal.

    \b
    Example:
      qualcode serve demo.qualcode
      qualcode serve demo.qualcode --port 8000
    """
    if project_file is not None:
        ctx.project_option = str(project_file)
    path = ctx.path.resolve()
    check_project(path)
    sock = listen(host, port)
    from qualcode.cli.web_server import loopback_hosts, url_of
    from qualcode.cli.web_server import serve as run_server

    bound = sock.getsockname()[0]
    if not is_loopback(bound):
        click.echo(f"qualcode: warning: listening on {url_of(sock)}: anyone who can reach "
                   f"this port can read and edit {path.name}", err=True)

    def ready(url: str) -> None:
        click.echo(f"qualcode: serving {path.name} at {url}")
        click.echo("open that address in a browser; each tab is its own session; "
                   "ctrl+c stops")

    allowed = loopback_hosts(sock) if is_loopback(bound) else None
    run_server(session_command(path, ctx.coder), f"qualcode: {path.name}", sock, ready,
               allowed)
    click.echo("qualcode: stopped serving; every change is saved")
