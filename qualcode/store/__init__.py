"""The project file (SQLite via sqlite-utils): the only package that touches the database."""

from qualcode.store.store import Store

__all__ = ["Store"]
