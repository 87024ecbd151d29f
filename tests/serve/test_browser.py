"""The workbench in a real headless Chromium: ``qualcode serve`` on the demo project, the page
loaded, a document opened and a sentence coded with the keyboard, the coding found in the
project file. A screenshot of the page is kept (the test's tmp dir, and
$QUALCODE_TEST_ARTEFACTS when set).

Needs Playwright's Python package (a dev dependency) and Debian's chromium, which Playwright
drives as it is (no browser download); without a browser the test is skipped and says how to
install one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from qualcode.core.model import Role
from qualcode.core.spans import sentences
from qualcode.store import Store
from tests.serve.helpers import CODER, SCREEN_SECONDS, SCREEN_TAP_JS, start_serve

CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser"))), None)
# Root in a container, a closed network: no sandbox, no GPU, nothing fetched in the background.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
HOW_TO_INSTALL = ("no Chromium to drive: install Debian's with `apt-get install chromium` "
                  "(as .ci/run does), and Playwright with `pip install -e '.[dev]'`")

pytestmark = [pytest.mark.slow, pytest.mark.skipif(CHROMIUM is None, reason=HOW_TO_INSTALL)]
sync_api = pytest.importorskip("playwright.sync_api", reason=HOW_TO_INSTALL)


def expected_sentence(reader: Store) -> str:
    """Second sentence of the first document's third answer (Enter, J J J, right)."""
    doc = reader.documents.all()[0]
    third = [t for t in reader.turns.all(doc.id or 0) if t.role is Role.RESPONDENT][2]
    start, end = sentences(doc.text, third.text_start, third.text_end)[1]
    return doc.text[start:end]


def keep_screenshot(page: object, tmp_path: Path) -> Path:
    shot = tmp_path / "serve-browser.png"
    page.screenshot(path=str(shot))  # type: ignore[attr-defined]
    if os.environ.get("QUALCODE_TEST_ARTEFACTS"):
        folder = Path(os.environ["QUALCODE_TEST_ARTEFACTS"])
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, folder / shot.name)
    return shot


def test_code_a_sentence_in_the_browser(demo_project: Path, tmp_path: Path) -> None:
    assert CHROMIUM is not None
    with Store.open(demo_project) as reader:
        sentence = expected_sentence(reader)
    served = start_serve(demo_project)
    try:
        with sync_api.sync_playwright() as playwright, \
                tempfile.TemporaryDirectory() as profile:
            browser = playwright.chromium.launch_persistent_context(
                profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
                viewport={"width": 1400, "height": 900})
            browser.add_init_script(SCREEN_TAP_JS)
            page = browser.new_page()
            outside = []
            page.on("request", lambda r: None if r.url.startswith(served.url)
                    else outside.append(r.url))
            screen = Screen(page)
            page.goto(served.url)
            screen.wait_for("No document open", since=0)
            page.focus(".xterm-helper-textarea")  # the terminal takes the keys
            for key, drawn in [("Enter", "turn"), ("J", "turn"), ("J", "turn"),
                               ("J", "turn"), ("ArrowRight", "turn"), ("c", "Enter pick")]:
                screen.press(key, drawn)
            screen.type("peer-to")
            screen.press("Enter", "Coded")
            shot = keep_screenshot(page, tmp_path)
            browser.close()
    finally:
        assert served.stop() == 0, served.output
    assert shot.stat().st_size > 10_000
    assert outside == []
    with Store.open(demo_project) as reader:
        names = {c.id: c.name for c in reader.codes.all()}
        mine = [(c.text, names[c.code_id]) for c in reader.codings.all() if c.coder == CODER]
    assert mine == [(sentence, "Peer-to-peer support")]


class Screen:
    """What the page's terminal has drawn (from the websocket stream the tap records)."""

    def __init__(self, page: object) -> None:
        self.page = page

    def mark(self) -> int:
        return int(self.page.evaluate("window.__qualcodeScreen.text.length"))  # type: ignore

    def wait_for(self, needle: str, since: int) -> None:
        self.page.wait_for_function(  # type: ignore[attr-defined]
            "([needle, since]) => window.__qualcodeScreen.text.indexOf(needle, since) >= 0",
            arg=[needle, since], timeout=SCREEN_SECONDS * 1000)

    def press(self, key: str, then: str) -> None:
        since = self.mark()
        self.page.keyboard.press(key)  # type: ignore[attr-defined]
        self.wait_for(then, since)

    def type(self, text: str) -> None:
        since = self.mark()
        self.page.keyboard.type(text, delay=30)  # type: ignore[attr-defined]
        self.wait_for(text, since)
