"""A codebook as a file describes it, before its codes are stored in a project."""

from __future__ import annotations

from dataclasses import dataclass, field

from qualcode.core.codetree import PATH_SEPARATOR

TEXT_FIELDS = ("definition", "inclusion", "exclusion", "example")


@dataclass(frozen=True)
class CodebookEntry:
    """One code: where it sits in the tree, and what the file says about it."""

    path: tuple[str, ...]  # names from the root, e.g. ("Governance", "Steering groups")
    guid: str | None = None  # lower-case UUID if the file gives one, else None
    definition: str = ""
    inclusion: str = ""
    exclusion: str = ""
    example: str = ""
    colour: str = ""  # "#rrggbb" lower-case, or ""
    shortcut: str = ""  # one character, or ""
    # Where the code is in its source file, for messages; not part of what the code is.
    line: int | None = field(default=None, compare=False)

    @property
    def name(self) -> str:
        return self.path[-1]

    @property
    def parent_path(self) -> tuple[str, ...]:
        return self.path[:-1]

    @property
    def label(self) -> str:
        """The path as one string, as the CSV format writes it."""
        return PATH_SEPARATOR.join(self.path)


@dataclass(frozen=True)
class Codebook:
    name: str
    description: str = ""
    entries: list[CodebookEntry] = field(default_factory=list)  # parents before children
