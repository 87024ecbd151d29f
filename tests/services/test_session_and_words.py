"""Session restore per coder (store, service); the core parts are in
tests/core/test_session_and_words.py."""

from __future__ import annotations

from pathlib import Path

from qualcode.core.session import Place, Session
from qualcode.services.session import load_session, project_stamp, save_session
from qualcode.store import Store


def test_session_round_trip_per_coder(tmp_path: Path) -> None:
    path = tmp_path / "p.qualcode"
    with Store.open(path, create=True) as store:
        assert load_session(store, "ana") == Session()
        session = Session(area="synthesis", filter_code=7)
        session.remember(Place(3, 10, 20))
        session.remember(Place(4, 0, 5))
        save_session(store, "ana", session)
        stamp = project_stamp(store)
    with Store.open(path) as store:  # another process, later
        again = load_session(store, "ana")
        assert again == session and again.position_in(3) == Place(3, 10, 20)
        assert load_session(store, "ben") == Session()
        assert project_stamp(store) == stamp  # saving a session is no change to the data
        assert not store.can_undo()
