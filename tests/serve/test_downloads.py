"""A browser tab downloads the report it wrote, and nothing else: links the server signed."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient as Client
from aiohttp.test_utils import TestServer as AppServer

from qualcode.cli.web_server import WorkbenchServer
from qualcode.core import download_links
from qualcode.tui.web import offer_download

KEY = bytes(range(32))


def query_of(link: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(link).query))


def test_a_link_opens_its_file_only_until_it_expires(tmp_path: Path) -> None:
    report = tmp_path / "demo-report.docx"
    link = download_links.link(KEY, report, now=1_000)
    assert link.startswith(download_links.ROUTE + "?")
    query = query_of(link)
    assert download_links.verify(KEY, query, now=1_000) == report.resolve()
    late = 1_000 + download_links.LIFETIME_SECONDS + 1
    assert download_links.verify(KEY, query, now=late) is None
    assert download_links.verify(bytes(32), query, now=1_000) is None
    assert download_links.verify(KEY, {**query, "path": "/etc/passwd"}, now=1_000) is None
    assert download_links.verify(KEY, {**query, "expires": "soon"}, now=1_000) is None
    assert download_links.verify(KEY, {}, now=1_000) is None


class FakeApp:
    """What offer_download uses of a Textual app."""

    def __init__(self, is_web: bool) -> None:
        self.is_web = is_web
        self.opened: list[tuple[str, bool]] = []
        self.notes: list[str] = []

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        self.opened.append((url, new_tab))

    def notify(self, message: str, **_: object) -> None:
        self.notes.append(message)


def test_a_browser_tab_is_offered_the_report(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    report = tmp_path / "demo-report.docx"
    monkeypatch.setenv(download_links.KEY_ENV, KEY.hex())
    terminal, tab = FakeApp(is_web=False), FakeApp(is_web=True)
    assert not offer_download(terminal, report)  # type: ignore[arg-type]
    assert terminal.opened == []
    assert offer_download(tab, report)  # type: ignore[arg-type]
    [(url, new_tab)] = tab.opened
    assert not new_tab  # same tab: pop-up blockers stop tabs opened without a click
    assert download_links.verify(KEY, query_of(url)) == report.resolve()
    assert tab.notes == ["Your browser is downloading demo-report.docx."]

    monkeypatch.delenv(download_links.KEY_ENV)  # a tab not started by `qualcode serve`
    assert not offer_download(FakeApp(is_web=True), report)  # type: ignore[arg-type]


@pytest.mark.asyncio
async def test_the_server_sends_signed_files_as_attachments(tmp_path: Path) -> None:
    report = tmp_path / "ChildHub report é.docx"
    report.write_bytes(b"PK\x03\x04 a fictional report")
    server = WorkbenchServer("true", title="test")
    app = web.Application()
    app.router.add_get(download_links.ROUTE, server.handle_file)
    async with Client(AppServer(app)) as client:
        answer = await client.get(download_links.link(server.download_key, report))
        assert answer.status == 200
        assert await answer.read() == report.read_bytes()
        assert answer.headers["Content-Disposition"] == (
            "attachment; filename*=UTF-8''ChildHub%20report%20%C3%A9.docx")
        assert answer.headers["Content-Type"].startswith(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document")

        forged = await client.get(download_links.link(KEY, report))
        assert forged.status == 403
        gone = tmp_path / "gone.docx"
        missing = await client.get(download_links.link(server.download_key, gone))
        assert missing.status == 404
