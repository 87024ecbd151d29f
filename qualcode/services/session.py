"""Session restore per coder: where they were (area, document, selection, filter) when they
left, read back when they open the project again."""

from __future__ import annotations

from qualcode.core.session import Session
from qualcode.store import Store
from qualcode.store import session as table


def load_session(store: Store, coder: str) -> Session:
    """The coder's last session (empty for a first visit or an unreadable one)."""
    return Session.from_json(table.load(store, coder))


def save_session(store: Store, coder: str, session: Session) -> None:
    table.save(store, coder, session.to_json())


def project_stamp(store: Store) -> int:
    """Moves whenever any process changes the project (a screen showing older data reloads)."""
    return table.latest_action(store)
