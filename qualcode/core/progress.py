"""How long work says how far it has got: one call shape for every layer.

Import, parsing and the suggesters take a ``progress`` callable, so that the CLI's progress
bar and the TUI's progress line can follow any of them without adapters. There is one
argument order everywhere: what is being done, how much of it is done, how much in all.
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """``progress(stage, done, total)``: ``done`` of ``total`` steps of ``stage`` are done."""

    def __call__(self, stage: str, done: int, total: int, /) -> None: ...


def step(progress: Progress | None, stage: str, done: int, total: int) -> None:
    """Tell ``progress``, if there is one."""
    if progress is not None:
        progress(stage, done, total)
