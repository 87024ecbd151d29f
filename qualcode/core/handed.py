"""A large value passed on exactly once, so that its last holder can let it go.

A 100 MB transcript's text is stored by SQLite, which copies it (and copies it again into
the row it writes). Handed over instead of passed, the Python string has no other reference
once taken, and is freed as soon as SQLite has its copy: two copies alive, not three.
"""

from __future__ import annotations

from typing import Generic, TypeVar

T = TypeVar("T")


class Handed(Generic[T]):
    def __init__(self, value: T) -> None:
        self._box = [value]

    def peek(self) -> T:
        """The value, still held here (use it and let go; keep no reference)."""
        if not self._box:
            raise RuntimeError("the value was handed over already")
        return self._box[0]

    def take(self) -> T:
        """The value; from now on the caller holds the only reference."""
        if not self._box:
            raise RuntimeError("the value was handed over already")
        return self._box.pop()
