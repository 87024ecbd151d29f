"""Where a coder was: the open area, document, selection and filter (restored next time), and
the jump list that goes back and forward between places visited by a jump.

Plain data and logic, no I/O: the store keeps a :class:`Session` per coder as JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

JUMPS_KEPT = 100  # places remembered each way; older ones fall off
PLACES_KEPT = 200  # documents whose last position is remembered


@dataclass(frozen=True)
class Place:
    """A selection in a document (offsets as everywhere: half-open code points)."""

    document_id: int
    start: int
    end: int


@dataclass
class Session:
    """What reopening the project restores for one coder."""

    area: str = ""
    place: Place | None = None
    filter_code: int | None = None
    # The last selection in each document, so reopening one goes back there, not to turn 0.
    positions: dict[int, tuple[int, int]] = field(default_factory=dict)

    def remember(self, place: Place) -> None:
        self.place = place
        self.positions.pop(place.document_id, None)  # most recent last
        self.positions[place.document_id] = (place.start, place.end)
        while len(self.positions) > PLACES_KEPT:
            del self.positions[next(iter(self.positions))]

    def position_in(self, document_id: int) -> Place | None:
        found = self.positions.get(document_id)
        return Place(document_id, *found) if found else None

    def to_json(self) -> dict[str, Any]:
        place = self.place
        return {"area": self.area, "filter_code": self.filter_code,
                "place": [place.document_id, place.start, place.end] if place else None,
                "positions": [[d, s, e] for d, (s, e) in self.positions.items()]}

    @classmethod
    def from_json(cls, data: object) -> Session:
        """Tolerant: a missing or malformed part is left out (it is only a convenience)."""
        session = cls()
        if not isinstance(data, dict):
            return session
        if isinstance(data.get("area"), str):
            session.area = data["area"]
        if isinstance(data.get("filter_code"), int):
            session.filter_code = data["filter_code"]
        session.place = _place(data.get("place"))
        for item in data.get("positions") or []:
            found = _place(item)
            if found is not None:
                session.positions[found.document_id] = (found.start, found.end)
        return session


def _place(item: object) -> Place | None:
    if (isinstance(item, list) and len(item) == 3 and all(isinstance(v, int) for v in item)
            and 0 <= item[1] <= item[2]):
        return Place(*item)
    return None


class JumpList:
    """Back and forward through the places left by a jump (a search hit, a retrieved
    segment, a suggestion's source, another document), as in a web browser."""

    def __init__(self) -> None:
        self.back: list[Place] = []
        self.forward: list[Place] = []

    def jumped(self, left: Place | None, to: Place | None = None) -> None:
        """A jump from ``left`` (to ``to``): back returns to ``left``; forward is forgotten."""
        if left is None or left == to:
            return
        if not self.back or self.back[-1] != left:
            self.back.append(left)
            del self.back[:-JUMPS_KEPT]
        self.forward.clear()

    def go_back(self, here: Place | None) -> Place | None:
        return self._step(self.back, self.forward, here)

    def go_forward(self, here: Place | None) -> Place | None:
        return self._step(self.forward, self.back, here)

    @staticmethod
    def _step(source: list[Place], other: list[Place], here: Place | None) -> Place | None:
        while source:
            target = source.pop()
            if target != here:
                if here is not None:
                    other.append(here)
                    del other[:-JUMPS_KEPT]
                return target
        return None
