"""Parsing ahead (the worker the app starts): it parses what is missing and finds themes; when
asked to stop it stops at the next parse and keeps every parse it finished, so the next run
carries on from there."""

from __future__ import annotations

from multiprocessing import Pipe
from pathlib import Path

from qualcode.services import parse_ahead
from qualcode.services.parse_ahead import DONE, PARSING, STOPPED, THEMES, AheadState
from qualcode.services.parsing import plan_parse
from qualcode.services.suggest import list_themes
from qualcode.store import Store
from tests.suggest.conftest import add_topic_documents


class StopAfter:
    """A stop flag raised once the worker has asked ``calls`` times (after that many parses)."""

    def __init__(self, calls: int | None) -> None:
        self.calls, self.asked = calls, 0

    def is_set(self) -> bool:
        self.asked += 1
        return self.calls is not None and self.asked > self.calls


def run_worker(path: Path, stop: StopAfter) -> list[AheadState]:
    receiving, sending = Pipe(duplex=False)
    parse_ahead.run(str(path), sending, stop)
    states = []
    try:
        while True:
            states.append(receiving.recv())
    except EOFError:  # the worker closed its end: it said all it had to say
        return states


def cached_rows(path: Path) -> int:
    with Store.open(path) as store:
        return int(store.conn.execute("SELECT count(*) FROM parse_cache").fetchone()[0])


def test_it_parses_every_document_then_finds_themes(tmp_path: Path) -> None:
    path = tmp_path / "p.qualcode"
    with Store.open(path, create=True) as store:
        add_topic_documents(store, documents=6)
        assert parse_ahead.pending(store) == AheadState(PARSING, 0, 6)
    states = run_worker(path, StopAfter(None))
    parsing = [s for s in states if s.stage == PARSING]
    assert [s.done for s in parsing] == sorted({s.done for s in parsing})
    assert parsing[0].words == "parsing 0 of 6 documents" and parsing[-1].done == 6
    assert [s.stage for s in states[-2:]] == [THEMES, DONE]
    with Store.open(path) as store:
        assert not plan_parse(store).missing
        run = list_themes(store)
        assert run is not None and run.themes
        assert parse_ahead.pending(store) is None  # nothing left to do on the next opening


def test_stopping_mid_parse_keeps_what_was_parsed_and_the_next_run_carries_on(
        tmp_path: Path) -> None:
    path = tmp_path / "p.qualcode"
    with Store.open(path, create=True) as store:
        add_topic_documents(store, documents=6)
        total = len(plan_parse(store).missing)
    stop = StopAfter(5)
    states = run_worker(path, stop)
    assert states[-1].stage == STOPPED
    kept = cached_rows(path)
    assert kept == 6  # the five parses before the stop was asked for, and the one it ended on
    with Store.open(path) as store:
        assert list_themes(store) is None
        plan = plan_parse(store)
        assert len(plan.missing) == total - kept
        assert parse_ahead.pending(store) is not None
    again = run_worker(path, StopAfter(None))
    assert again[-1].stage == DONE
    assert cached_rows(path) == total
