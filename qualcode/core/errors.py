"""Errors a user can cause: the CLI prints them as one line and exits non-zero."""

from __future__ import annotations


class QualcodeError(Exception):
    """A user-facing error: ``str(err)`` is the one line shown."""


class InputError(QualcodeError):
    """A file the user gave us is unusable. Names the file and what is wrong."""

    def __init__(self, path: object, problem: str, line: int | None = None) -> None:
        self.path = str(path)
        self.problem = problem
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")


class NotFound(QualcodeError):
    """A named document, code, case or coding is not in the project."""
