"""``qualcode serve`` as a command: where it listens, what it refuses, how it stops."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import urllib.request
from pathlib import Path

import aiohttp
import pytest

from qualcode.cli.serve_cmds import listen, require_loopback
from qualcode.core.errors import QualcodeError
from qualcode.store import Store
from tests.cli.helpers import qualcode_process
from tests.serve.helpers import is_alive, open_tab, start_serve

CLOSED = (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSING, aiohttp.WSMsgType.CLOSED)


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on ``port`` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def test_listens_on_loopback_only_and_loads_nothing_from_outside(demo_project: Path) -> None:
    served = start_serve(demo_project)
    try:
        found = re.fullmatch(r"http://127\.0\.0\.1:(\d+)", served.url)
        assert found, served.url
        assert listening_addresses(int(found.group(1))) == {"0100007F"}  # 127.0.0.1 only
        assert "warning" not in served.output
        page = urllib.request.urlopen(served.url, timeout=30).read().decode()
        assert "textual-terminal" in page
        # Every address the page loads from is ours (the SVG namespace is a name, not a load).
        hosts = set(re.findall(r"""//([^/\s"')]+)""", page)) - {"www.w3.org"}
        assert hosts == {served.url.removeprefix("http://")}, hosts
    finally:
        assert served.stop() == 0, served.output


def test_host_listens_elsewhere_with_one_warning_line(demo_project: Path) -> None:
    served = start_serve(demo_project, "--host", "0.0.0.0")
    try:
        port = int(served.url.rsplit(":", 1)[1])
        assert listening_addresses(port) == {"00000000"}
        warnings = [line for line in served.output.splitlines() if "warning" in line]
        assert warnings == [f"qualcode: warning: listening on http://0.0.0.0:{port}: anyone "
                            "who can reach this port can read and edit demo.qualcode"]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as answer:
            assert answer.status == 200
    finally:
        assert served.stop() == 0, served.output


def test_a_non_loopback_address_needs_host() -> None:
    with pytest.raises(QualcodeError, match="pass --host 192.0.2.10 to allow it"):
        require_loopback("192.0.2.10", explicit_host=False)
    with pytest.raises(QualcodeError, match="--host"):
        require_loopback("0.0.0.0", explicit_host=False)
    require_loopback("192.0.2.10", explicit_host=True)
    for address in ("127.0.0.1", "127.0.1.1", "::1"):
        require_loopback(address, explicit_host=False)
    with listen(None, 0) as sock:
        assert sock.getsockname()[0] == "127.0.0.1"


def test_bad_command_lines_are_one_line(tmp_path: Path, demo_project: Path) -> None:
    missing = qualcode_process(tmp_path / "none.qualcode", "serve")
    assert missing.returncode == 1
    assert missing.stderr.strip().splitlines() == [
        f"qualcode: error: {tmp_path / 'none.qualcode'}: no such project "
        "(run `qualcode init` first)"]

    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        busy = qualcode_process(demo_project, "serve", "--port", str(port))
    assert busy.returncode == 1
    assert busy.stderr.strip().splitlines() == [
        f"qualcode: error: cannot listen on 127.0.0.1 port {port}: Address already in use"]

    bad_port = qualcode_process(demo_project, "serve", "--port", "70000")
    assert bad_port.returncode == 2 and "Traceback" not in bad_port.stderr

    notes = tmp_path / "notes.qualcode"
    notes.write_text("not a project\n")
    foreign = qualcode_process(notes, "serve")
    assert foreign.returncode == 1 and len(foreign.stderr.strip().splitlines()) == 1
    assert notes.read_text() == "not a project\n"


@pytest.mark.asyncio
@pytest.mark.parametrize("who", ["terminal", "server alone"])
async def test_ctrl_c_closes_every_tab_and_exits_cleanly(demo_project: Path, who: str) -> None:
    """ctrl+c in a terminal signals the server and the tabs' processes (its process group);
    a SIGINT to the server alone must close the tabs as well."""
    served = start_serve(demo_project)
    async with aiohttp.ClientSession() as session:
        tab = await open_tab(session, served.url)
        workbenches = served.children()
        assert len(workbenches) == 1 and is_alive(workbenches[0])
        # The client reads on meanwhile (as a page does), so it answers the tab's closing.
        closing = asyncio.create_task(tab.drain())
        if who == "terminal":
            os.killpg(served.proc.pid, signal.SIGINT)
        code = await asyncio.to_thread(served.stop, signal.SIGINT)
        assert (await asyncio.wait_for(closing, 30)) in CLOSED
    assert code == 0, served.output
    assert "stopped serving" in served.output
    assert "Traceback" not in served.output and "Error" not in served.output
    assert not is_alive(workbenches[0])
    with Store.open(demo_project) as reader:
        assert reader.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.asyncio
async def test_other_sites_pages_are_refused(demo_project: Path) -> None:
    served = start_serve(demo_project)
    port = served.url.rsplit(":", 1)[1]
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(served.url, headers={"Host": f"rebound.example:{port}"}) as r:
                assert r.status == 403
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(f"{served.url}/ws", origin="http://evil.example")
            assert refused.value.status == 403
            async with session.get(f"http://localhost:{port}/") as answer:
                assert answer.status == 200
            async with session.get(f"{served.url}/files?path=/etc/passwd&expires=9999999999"
                                   "&sig=00") as answer:
                assert answer.status == 403
        assert served.children() == []
    finally:
        assert served.stop() == 0, served.output
