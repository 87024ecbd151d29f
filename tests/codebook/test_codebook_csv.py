"""Reading CSV codebooks: paths, implicit parents, encodings and problems with their lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.codebook import Codebook, CodebookEntry, read_codebook
from qualcode.core.errors import InputError


def read(tmp_path: Path, text: str, name: str = "codes.csv") -> Codebook:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_codebook(path)


def problem(tmp_path: Path, text: str) -> InputError:
    with pytest.raises(InputError) as caught:
        read(tmp_path, text)
    assert caught.value.path == str(tmp_path / "codes.csv")
    return caught.value


def test_columns_paths_and_lines(tmp_path: Path) -> None:
    codebook = read(
        tmp_path,
        "Name,Description,inclusion,exclusion,example,colour,shortcut,guid\n"
        "Governance,How decisions are made.,Boards,Money: use Finance,We vote.,#ABC,g,"
        "3F2C9B1E-8A4D-4C2E-9F1A-0B5D6E7C8F90\n"
        'Governance > Steering groups,"Groups that steer,\nover two lines",,,,navy,,\n'
        "Governance > Steering groups > National,,,,,,,\n",
        name="pilot.csv",
    )
    assert codebook.name == "pilot"
    assert codebook.description == ""
    assert codebook.entries == [
        CodebookEntry(
            path=("Governance",),
            guid="3f2c9b1e-8a4d-4c2e-9f1a-0b5d6e7c8f90",
            definition="How decisions are made.",
            inclusion="Boards",
            exclusion="Money: use Finance",
            example="We vote.",
            colour="#aabbcc",
            shortcut="g",
        ),
        CodebookEntry(
            path=("Governance", "Steering groups"),
            definition="Groups that steer,\nover two lines",
            colour="#000080",
        ),
        CodebookEntry(path=("Governance", "Steering groups", "National")),
    ]
    assert [e.line for e in codebook.entries] == [2, 3, 5]


def test_only_name_is_required_and_definition_is_a_synonym(tmp_path: Path) -> None:
    codebook = read(tmp_path, "definition,name,color\nd,A,red\n")
    assert codebook.entries == [CodebookEntry(path=("A",), definition="d", colour="#ff0000")]
    codebook = read(tmp_path, "name\nA\nB\n")
    assert [e.path for e in codebook.entries] == [("A",), ("B",)]


def test_implicit_parents_are_created_before_their_child(tmp_path: Path) -> None:
    codebook = read(tmp_path, "name,description\nA,a\nB > C > D,d\nA > E,e\n")
    assert [(e.path, e.definition, e.line) for e in codebook.entries] == [
        (("A",), "a", 2),
        (("A", "E"), "e", 4),
        (("B",), "", 3),
        (("B", "C"), "", 3),
        (("B", "C", "D"), "d", 3),
    ]


def test_a_parent_defined_after_its_child_fills_the_implicit_one(tmp_path: Path) -> None:
    codebook = read(tmp_path, "name,description\nB > C,c\nX,x\nb,the parent\n")
    assert [(e.path, e.definition, e.line) for e in codebook.entries] == [
        (("B",), "the parent", 4),
        (("B", "C"), "c", 2),
        (("X",), "x", 3),
    ]


def test_parents_are_matched_ignoring_case_and_spacing(tmp_path: Path) -> None:
    codebook = read(tmp_path, "name\nGovernance\ngovernance  >  Boards\nGOVERNANCE > boards > x\n")
    assert [e.path for e in codebook.entries] == [
        ("Governance",),
        ("Governance", "Boards"),
        ("Governance", "Boards", "x"),
    ]


def test_children_are_grouped_under_their_parent(tmp_path: Path) -> None:
    codebook = read(tmp_path, "name\nA\nB\nA > C\nB > D\nA > E\n")
    assert [e.path for e in codebook.entries] == [
        ("A",),
        ("A", "C"),
        ("A", "E"),
        ("B",),
        ("B", "D"),
    ]


def test_bom_semicolons_and_blank_rows(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("name;description\r\nÄrzte;médecins\r\n;\r\n\r\nB;b\r\n".encode("utf-8-sig"))
    codebook = read_codebook(path)
    assert [(e.name, e.definition, e.line) for e in codebook.entries] == [
        ("Ärzte", "médecins", 2),
        ("B", "b", 5),
    ]


def test_missing_trailing_cells_are_empty(tmp_path: Path) -> None:
    codebook = read(tmp_path, "name,description,colour\nA\nB,b,,\n")
    assert [(e.name, e.definition, e.colour) for e in codebook.entries] == [
        ("A", "", ""),
        ("B", "b", ""),
    ]


CASES = {
    "unknown columns": (
        "name,notes,description,Coder\nA,,,\n",
        1,
        "unknown column(s) 'notes', 'Coder'; allowed: name, description, definition",
    ),
    "no name column": ("description,colour\nx,red\n", 1, "the header has no 'name' column"),
    "column twice": ("name,colour,Colour\nA,,\n", 1, "column 'colour' is given twice"),
    "colour and color": ("name,colour,color\nA,,\n", 1, "give either column 'colour' or 'color'"),
    "description and definition": (
        "name,description,definition\nA,,\n",
        1,
        "give either column 'description' or 'definition'",
    ),
    "no header": ("\nname\nA\n", 1, "line 1 must be a header naming the columns"),
    "empty file": ("", 1, "line 1 must be a header"),
    "duplicate name": ("name\nA\nB\na\n", 4, "duplicate code 'a' at the top"),
    "duplicate child": ("name\nA > B\nA > C\nA > b\n", 4, "duplicate code 'b' under 'A'"),
    "empty name": ("name,description\nA,a\n,orphan text\n", 3, "a code has an empty name"),
    "empty part of a path": ("name\nA >  > B\n", 2, "a code has an empty name"),
    "path ending in the separator": ("name\nA >\n", 2, "code name 'A >' contains ' > '"),
    "bad colour": ('name,colour\nA,#12345\n"B\nc",red\n', 2, "colour '#12345' is not a colour"),
    "bad colour after a multi-line cell": (
        'name,description,colour\nA,"one\ntwo\nthree",red\nB,,nope\n',
        5,
        "code 'B': colour 'nope' is not a colour",
    ),
    "duplicate guid": (
        "name,guid\nA,3f2c9b1e-8a4d-4c2e-9f1a-0b5d6e7c8f90\nB,3f2c9b1e-8a4d-4c2e-9f1a-0b5d6e7c8f90\n",
        3,
        "is already used by code 'A'",
    ),
    "bad guid": ("name,guid\nA,not-a-guid\n", 2, "guid 'not-a-guid' is not a UUID"),
    "duplicate shortcut": ("name,shortcut\nA,1\nA > B,1\n", 3, "shortcut '1' is already used"),
    "long shortcut": ("name,shortcut\nA,F1\n", 2, "shortcut 'F1' must be a single key"),
    "cell in an unnamed column": ("name,,description\nA,stray,a\n", 2, "no header"),
    "more cells than columns": ("name,description\nA,a,extra\n", 2, "no header"),
}


@pytest.mark.parametrize(("text", "line", "says"), CASES.values(), ids=CASES.keys())
def test_problem_names_its_line(tmp_path: Path, text: str, line: int, says: str) -> None:
    err = problem(tmp_path, text)
    assert err.line == line
    assert says in err.problem


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "codes.csv"
    path.write_bytes("name,description\nA,a\nB,Förderung\n".encode("cp1252"))
    with pytest.raises(InputError) as caught:
        read_codebook(path)
    assert caught.value.line == 3
    assert "not UTF-8 text" in caught.value.problem
    assert "save it as UTF-8" in caught.value.problem


def test_control_characters_in_names(tmp_path: Path) -> None:
    err = problem(tmp_path, "name\nA\nB\x00\n")
    assert (err.line, err.problem) == (
        3,
        "code name 'B\\x00' contains the control character U+0000",
    )
    err = problem(tmp_path, 'name\nA\n"B\nC"\n')
    assert (err.line, err.problem) == (3, "code name 'B\\nC' must be one line of text")
