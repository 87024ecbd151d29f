"""Reading valid YAML codebooks."""

from __future__ import annotations

import textwrap
from pathlib import Path

from qualcode.codebook import Codebook, CodebookEntry, read_codebook


def read(tmp_path: Path, text: str, name: str = "study.yml") -> Codebook:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return read_codebook(path)


def test_fields_paths_and_lines(tmp_path: Path) -> None:
    codebook = read(
        tmp_path,
        """\
        codebook: ChildHub benchmarking
        description: |
          Codes for the study.
        codes:
          - name: Governance
            guid: 3F2C9B1E-8A4D-4C2E-9F1A-0B5D6E7C8F90
            definition: How decisions are made.
            inclusion: Boards, steering groups.
            exclusion: Money matters; use Finance.
            example: "We meet twice a year."
            colour: "#1F77B4"
            shortcut: g
            codes:
              - name: Steering groups
                colour: "#abc"
              - name: National ownership
          - name: Finance
        """,
    )
    assert codebook.name == "ChildHub benchmarking"
    assert codebook.description == "Codes for the study."
    assert [e.path for e in codebook.entries] == [
        ("Governance",),
        ("Governance", "Steering groups"),
        ("Governance", "National ownership"),
        ("Finance",),
    ]
    governance = codebook.entries[0]
    assert governance == CodebookEntry(
        path=("Governance",),
        guid="3f2c9b1e-8a4d-4c2e-9f1a-0b5d6e7c8f90",
        definition="How decisions are made.",
        inclusion="Boards, steering groups.",
        exclusion="Money matters; use Finance.",
        example="We meet twice a year.",
        colour="#1f77b4",
        shortcut="g",
    )
    assert governance.name == "Governance"
    assert governance.parent_path == ()
    assert codebook.entries[1].parent_path == ("Governance",)
    assert codebook.entries[1].colour == "#aabbcc"
    assert [e.line for e in codebook.entries] == [5, 14, 16, 17]
    assert codebook.entries[3].guid is None


def test_synonyms_examples_list_and_colour_names(tmp_path: Path) -> None:
    codebook = read(
        tmp_path,
        """\
        codebook: x
        codes:
          - name: A
            color: Navy
            examples:
              - First quote.
              - |
                Second quote,
                over two lines.
          - name: B
            colour: grey
            examples: Just one.
        """,
    )
    a, b = codebook.entries
    assert a.colour == "#000080"
    assert a.example == "First quote.\n\nSecond quote,\nover two lines."
    assert b.colour == "#808080"
    assert b.example == "Just one."


def test_scalars_are_taken_as_typed(tmp_path: Path) -> None:
    # YAML 1.1 would make these a boolean, a number and a date; a code wants the text.
    codebook = read(
        tmp_path,
        """\
        codebook: 2020
        codes:
          - name: No
            shortcut: 1
            definition: 3.10
          - name: 2020-11-09
            definition: ~
            inclusion:
        """,
    )
    first, second = codebook.entries
    assert codebook.name == "2020"
    assert (first.name, first.shortcut, first.definition) == ("No", "1", "3.10")
    assert (second.name, second.definition, second.inclusion) == ("2020-11-09", "", "")


def test_name_defaults_to_the_file_stem_and_empty_lists_are_fine(tmp_path: Path) -> None:
    codebook = read(tmp_path, "codes: []\n", name="pilot-codes.yaml")
    assert codebook == Codebook(name="pilot-codes", description="", entries=[])
    codebook = read(tmp_path, "codebook: x\ncodes:\n  - name: A\n    codes:\n")
    assert [e.path for e in codebook.entries] == [("A",)]


def test_text_is_stripped_and_line_endings_normalised(tmp_path: Path) -> None:
    path = tmp_path / "crlf.yml"
    path.write_bytes(
        b'\xef\xbb\xbfcodebook: x\r\ncodes:\r\n  - name: "  Spaced  "\r\n'
        b'    definition: "one\\r\\ntwo  "\r\n'
    )
    (entry,) = read_codebook(path).entries
    assert entry.name == "Spaced"
    assert entry.definition == "one\ntwo"


def test_aliases_are_followed(tmp_path: Path) -> None:
    codebook = read(
        tmp_path,
        """\
        codebook: x
        codes:
          - name: A
            exclusion: &see-b Use B instead.
          - name: B
            exclusion: *see-b
        """,
    )
    assert [e.exclusion for e in codebook.entries] == ["Use B instead.", "Use B instead."]
