"""Searching the whole project (SQLite full-text search over turns) and jumping to a hit."""

from __future__ import annotations

import re

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Input, OptionList
from textual.widgets.option_list import Option

from qualcode.core.textmatch import find_text, nfc, whole_words
from qualcode.core.views import SearchHit
from qualcode.core.wording import plural
from qualcode.tui.context import Location, focus_now, project_of
from qualcode.tui.screens.type_ahead import TypeAhead
from qualcode.tui.widgets.key_footer import KeyFooter

_MARKED = re.compile(r"\[([^\]]+)\]")


def snippet_text(snippet: str) -> Text:
    """The FTS snippet with its [matches] shown in bold instead of brackets."""
    text = Text()
    cursor = 0
    for match in _MARKED.finditer(snippet):
        text.append(snippet[cursor:match.start()].replace("\n", " "))
        text.append(match.group(1), style="bold reverse")
        cursor = match.end()
    text.append(snippet[cursor:].replace("\n", " "))
    return text


def hit_location(hit: SearchHit, document_text: str, query: str = "") -> Location:
    """Where to jump: the words as typed if the turn has them, else the first matched word,
    else the whole turn; always whole words (``translat*`` selects "translation"), matched
    whatever the case or Unicode composition (NFC)."""
    phrase = " ".join(query.replace('"', " ").replace("*", " ").split())
    for term in [phrase, *_MARKED.findall(hit.snippet)]:
        found = find_text(document_text, term, hit.start, hit.end) if term else None
        if found is not None:
            start, end = whole_words(document_text, *found, lo=hit.start, hi=hit.end)
            return Location(hit.document_id, start, end)
    return Location(hit.document_id, hit.start, hit.end)


class SearchScreen(TypeAhead[Location | None], Screen[Location | None]):
    TYPE_AHEAD = "#search-query"
    CSS_PATH = "search.tcss"
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Back", tooltip="Back to the workbench"),
        Binding("down", "focus_hits", "Hits", show=False),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query
        self.hits: list[SearchHit] = []
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Input(self.initial, placeholder='words, "a phrase", prefix*, a OR b',
                    id="search-query")
        yield OptionList(id="search-hits")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Search"
        self.query_one("#search-hits").border_title = "Hits"
        self.query_one("#search-query", Input).focus()
        if self.initial:
            self.run_search()

    @on(Input.Changed, "#search-query")
    def _changed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(0.25, self.run_search)

    @on(Input.Submitted, "#search-query")
    def _submitted(self) -> None:
        self.run_search()
        if self.hits:
            self.action_focus_hits()

    def action_focus_hits(self) -> None:
        hits = self.query_one("#search-hits", OptionList)
        if hits.option_count:
            focus_now(hits)

    def run_search(self) -> None:
        query = nfc(self.query_one("#search-query", Input).value.strip())
        self.hits = project_of(self).store.overview.search(query, limit=200) if query else []
        hits = self.query_one("#search-hits", OptionList)
        hits.clear_options()
        for i, hit in enumerate(self.hits):
            if i:
                hits.add_option(None)  # a rule between hits
            prompt = Text()
            prompt.append(f"{hit.document_name} · turn {hit.turn_index}", style="bold")
            if hit.speaker:
                prompt.append(f" · {hit.speaker}", style="dim")
            prompt.append("\n")
            prompt.append_text(snippet_text(hit.snippet))
            hits.add_option(Option(prompt, id=str(i)))
        if self.hits:
            hits.highlighted = 0
        hits.border_title = plural(len(self.hits), "hit") if query else "Hits"

    @on(OptionList.OptionSelected, "#search-hits")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits[int(event.option.id or 0)]
        text = project_of(self).store.documents.get(hit.document_id).text
        query = self.query_one("#search-query", Input).value
        self.dismiss(hit_location(hit, text, query))
