"""Every problem in a YAML codebook is one InputError naming the file and the line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from qualcode.codebook import read_codebook
from qualcode.core.errors import InputError


def problem(tmp_path: Path, text: str) -> InputError:
    path = tmp_path / "book.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_codebook(path)
    err = caught.value
    assert err.path == str(path)
    assert str(err).startswith(f"{path}:{err.line}: " if err.line else f"{path}: ")
    assert "\n" not in str(err)
    return err


CASES = {
    "duplicate name ignoring case": (
        """\
        codebook: x
        codes:
          - name: Governance
            codes:
              - name: Boards
              - name: boards
        """,
        6,
        "duplicate code 'boards' under 'Governance'",
    ),
    "duplicate top-level name": (
        """\
        codebook: x
        codes:
          - name: Governance
          - name: GOVERNANCE
        """,
        4,
        "duplicate code 'GOVERNANCE' at the top",
    ),
    "bad colour": (
        """\
        codebook: x
        codes:
          - name: A
            colour: blu
        """,
        4,
        "colour 'blu' is not a colour; use #rgb, #rrggbb or one of aqua, black",
    ),
    "colour without #": (
        """\
        codebook: x
        codes:
          - name: A
            color: 1f77b4
        """,
        4,
        "did you mean '#1f77b4'?",
    ),
    "unquoted colour is a comment": (
        """\
        codebook: x
        codes:
          - name: A
            colour: #1f77b4
        """,
        4,
        'put the colour in quotes, e.g. colour: "#1f77b4"',
    ),
    "unknown field": (
        """\
        codebook: x
        codes:
          - name: A
            colur: red
        """,
        4,
        "unknown field 'colur' in a code (did you mean 'colour'?); allowed: name, guid, "
        "definition, inclusion, exclusion, example, examples, colour, color, shortcut, codes",
    ),
    "unknown top-level field": (
        """\
        codebook: x
        version: 2
        codes: []
        """,
        2,
        "unknown field 'version' in the top of the codebook; allowed: codebook, description",
    ),
    "missing name": (
        """\
        codebook: x
        codes:
          - name: A
          - definition: no name here
            colour: red
        """,
        4,
        "a code has no 'name'",
    ),
    "empty name": (
        """\
        codebook: x
        codes:
          - name: "  "
        """,
        3,
        "a code has an empty name",
    ),
    "null name": (
        """\
        codebook: x
        codes:
          - name:
            definition: d
        """,
        3,
        "a code has an empty name",
    ),
    "name with the path separator": (
        """\
        codebook: x
        codes:
          - name: Governance > Boards
        """,
        3,
        "code name 'Governance > Boards' contains ' > '",
    ),
    "name ending with ' >'": (
        """\
        codebook: x
        codes:
          - name: Governance >
        """,
        3,
        "code name 'Governance >' contains ' > ' (or ends with ' >')",
    ),
    "codes not a list": (
        """\
        codebook: x
        codes:
          - name: A
            codes: B
        """,
        4,
        "'codes' of code 'A' must be a list of codes, found the text 'B'",
    ),
    "top-level codes not a list": (
        """\
        codebook: x
        codes:
          name: A
        """,
        3,
        "'codes' must be a list of codes, found a mapping",
    ),
    "code that is only a name": (
        """\
        codebook: x
        codes:
          - Governance
        """,
        3,
        "a code must be a mapping with a 'name', found the text 'Governance' (write '- name: ...')",
    ),
    "definition not text": (
        """\
        codebook: x
        codes:
          - name: A
            definition:
              - one
        """,
        5,
        "field 'definition' of code 'A' must be text, found a list",
    ),
    "name not text": (
        """\
        codebook: x
        codes:
          - name: [A, B]
        """,
        3,
        "a code's name must be text, found a list",
    ),
    "examples not a list of texts": (
        """\
        codebook: x
        codes:
          - name: A
            examples:
              - one
              - {two: 2}
        """,
        6,
        "each of field 'examples' of code 'A' must be text, found a mapping",
    ),
    "duplicate guid": (
        """\
        codebook: x
        codes:
          - name: A
            guid: 3f2c9b1e-8a4d-4c2e-9f1a-0b5d6e7c8f90
          - name: B
            guid: "{3F2C9B1E-8A4D-4C2E-9F1A-0B5D6E7C8F90}"
        """,
        6,
        "code 'B': guid '3f2c9b1e-8a4d-4c2e-9f1a-0b5d6e7c8f90' is already used by code 'A'",
    ),
    "duplicate guid, later one earlier in the tree": (
        # The parent's guid comes after its child's in the file: the parent is the repeat.
        """\
        codebook: x
        codes:
          - name: A
            codes:
              - name: B
                guid: 3f2c9b1e-8a4d-4c2e-9f1a-0b5d6e7c8f90
            guid: 3f2c9b1e-8a4d-4c2e-9f1a-0b5d6e7c8f90
        """,
        7,
        "code 'A': guid '3f2c9b1e-8a4d-4c2e-9f1a-0b5d6e7c8f90' is already used by code 'A > B'",
    ),
    "guid not a UUID": (
        """\
        codebook: x
        codes:
          - name: A
            guid: 1234
        """,
        4,
        "code 'A': guid '1234' is not a UUID",
    ),
    "duplicate shortcut": (
        """\
        codebook: x
        codes:
          - name: A
            shortcut: 1
            codes:
              - name: B
                shortcut: "1"
        """,
        7,
        "code 'A > B': shortcut '1' is already used by code 'A'",
    ),
    "shortcut longer than a key": (
        """\
        codebook: x
        codes:
          - name: A
            shortcut: ctrl+g
        """,
        4,
        "shortcut 'ctrl+g' must be a single key",
    ),
    "malformed YAML": (
        """\
        codebook: x
        codes:
          - name: A
           definition: misaligned
        """,
        4,
        "malformed YAML:",
    ),
    "tab indentation": (
        "codebook: x\ncodes:\n  - name: A\n\tdefinition: tab\n",
        4,
        "malformed YAML:",
    ),
    "unclosed quote": (
        """\
        codebook: x
        codes:
          - name: "A
          - name: B
        """,
        5,
        "malformed YAML:",
    ),
    "arbitrary tag": (
        """\
        codebook: x
        codes:
          - name: A
            definition: !!python/object:os.system echo
        """,
        4,
        "unsupported YAML tag 'tag:yaml.org,2002:python/object:os.system'",
    ),
    "field given twice": (
        """\
        codebook: x
        codes:
          - name: A
            definition: one
            definition: two
        """,
        5,
        "field 'definition' is given twice in a code",
    ),
    "colour and color": (
        """\
        codebook: x
        codes:
          - name: A
            colour: red
            color: blue
        """,
        5,
        "give either 'colour' or 'color' in a code, not both",
    ),
    "example and examples": (
        """\
        codebook: x
        codes:
          - name: A
            examples: [one]
            example: two
        """,
        5,
        "give either 'examples' or 'example' in a code, not both",
    ),
    "empty file": ("# nothing\n", 1, "the file is empty"),
    "top level is a list": (
        "- name: A\n",
        1,
        "expected a mapping with 'codebook', 'description' and 'codes' at the top, found a list",
    ),
    "no codes": ("codebook: x\ndescription: y\n", 1, "the codebook has no 'codes' list"),
    "two documents": ("codebook: x\ncodes: []\n---\ncodebook: y\n", 3, "malformed YAML:"),
    "recursive alias": (
        """\
        codebook: x
        codes: &all
          - name: A
            codes: *all
        """,
        4,
        "'codes' of code 'A' repeats codes from line 2 through a YAML alias; write each code once",
    ),
    "codes repeated by an alias": (
        """\
        codebook: x
        codes:
          - name: A
            codes: &same
              - name: Yes
              - name: No
          - name: B
            codes: *same
        """,
        8,
        "'codes' of code 'B' repeats codes from line 4 through a YAML alias",
    ),
    "one code repeated by an alias": (
        """\
        codebook: x
        codes:
          - &a
            name: A
          - name: B
            codes:
              - *a
        """,
        6,
        "'codes' of code 'B' repeats codes from line 3 through a YAML alias",
    ),
}


@pytest.mark.parametrize(("text", "line", "says"), CASES.values(), ids=CASES.keys())
def test_problem_names_its_line(tmp_path: Path, text: str, line: int, says: str) -> None:
    err = problem(tmp_path, text)
    assert err.line == line
    assert says in err.problem


def test_the_first_problem_in_file_order_is_reported(tmp_path: Path) -> None:
    text = """\
        codebook: x
        codes:
          - name: A
            colour: "#12"
            codes:
              - name: B
                shortcut: too long
          - name: a
          - colr: red
        """
    err = problem(tmp_path, text)
    assert (err.line, err.problem.split(":")[0]) == (4, "code 'A'")
    # Mend each problem in turn: the next one in the file comes up.
    text = text.replace('"#12"', '"#123"')
    assert problem(tmp_path, text).line == 7
    text = text.replace("too long", "t")
    assert problem(tmp_path, text).line == 8
    text = text.replace("name: a\n", "name: C\n")
    assert "unknown field 'colr'" in problem(tmp_path, text).problem


def test_a_child_error_before_its_parents_later_field(tmp_path: Path) -> None:
    err = problem(
        tmp_path,
        """\
        codebook: x
        codes:
          - name: A
            codes:
              - name: B
                colour: nope
            colour: nope either
        """,
    )
    assert err.line == 6


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yml"
    path.write_bytes("codebook: x\ncodes:\n  - name: Gesundheitsförderung\n".encode("latin-1"))
    with pytest.raises(InputError) as caught:
        read_codebook(path)
    assert caught.value.line == 3
    assert "not UTF-8 text (byte 0xf6" in caught.value.problem


def test_utf16_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "wide.yml"
    path.write_bytes("codebook: x\ncodes: []\n".encode("utf-16"))
    with pytest.raises(InputError, match="UTF-16 text; save it as UTF-8"):
        read_codebook(path)


def test_control_character_is_malformed_yaml(tmp_path: Path) -> None:
    err = problem(tmp_path, "codebook: x\ncodes:\n  - name: A\x07\n")
    assert err.line == 3
    assert "U+0007" in err.problem


def test_missing_file_and_unknown_suffix(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_codebook(tmp_path / "absent.yml")
    other = tmp_path / "codes.txt"
    other.write_text("codes: []\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"unknown codebook format '\.txt'"):
        read_codebook(other)
