"""Every long job reports progress in one shape, ``progress(stage, done, total)``
(core.progress.Progress), so one progress bar can follow import, parsing and suggestions."""

from __future__ import annotations

from pathlib import Path

from qualcode.core.progress import Progress, step
from qualcode.nlp import BLANK
from qualcode.nlp.parse import parse_texts
from qualcode.services import importing
from qualcode.store import Store


class Seen:
    """A Progress that records what it is told."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int, int]] = []

    def __call__(self, stage: str, done: int, total: int, /) -> None:
        self.calls.append((stage, done, total))


def test_import_reports_the_file_it_starts_and_how_many_are_done(store: Store,
                                                                  tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"Interviewer: Hello.\nAna: This is {name}.\n")
    seen = Seen()
    importing.import_paths(store, [tmp_path / "a.txt", tmp_path / "b.txt"], progress=seen)
    assert seen.calls == [("importing a.txt", 0, 2), ("importing b.txt", 1, 2)]


def test_parsing_reports_in_the_same_order() -> None:
    seen = Seen()
    parse_texts(["One.", "Two.", "Three."], BLANK, progress=seen)
    assert seen.calls == [("parsing", 3, 3)]


def test_step_tells_a_progress_if_there_is_one() -> None:
    recorder = Seen()
    progress: Progress = recorder  # a class with __call__ fits the protocol
    step(progress, "scoring", 1, 2)
    step(None, "scoring", 2, 2)  # no progress: nothing to tell, no error
    assert recorder.calls == [("scoring", 1, 2)]
