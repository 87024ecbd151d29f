"""Writing a codebook and reading it back gives the same codebook, in YAML and in CSV."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qualcode.codebook import (
    Codebook,
    CodebookEntry,
    codebook_from_csv,
    codebook_from_yaml,
    codebook_to_csv,
    codebook_to_yaml,
    name_problem,
    read_codebook,
    write_codebook,
)
from qualcode.codebook.tree import tree_order
from qualcode.codebook.validate import clean_text
from qualcode.core.errors import InputError

SAMPLE = Codebook(
    name="ChildHub benchmarking",
    description="Codes for the study.\n\nSecond paragraph.",
    entries=[
        CodebookEntry(
            path=("Governance",),
            guid="3f2c9b1e-8a4d-4c2e-9f1a-0b5d6e7c8f90",
            definition="How decisions are made.",
            inclusion="Boards; steering groups.",
            exclusion="Money: use Finance.",
            example='"We meet twice a year," she said.\n\nAnother quote.',
            colour="#1f77b4",
            shortcut="1",
        ),
        CodebookEntry(path=("Governance", "Steering groups"), colour="#aec7e8", shortcut="#"),
        CodebookEntry(path=("Governance", "Steering groups", "National >x")),
        CodebookEntry(path=("Finance",), definition="Yes", example="No", shortcut="n"),
    ],
)


def test_yaml_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "book.yaml"
    write_codebook(SAMPLE, path)
    assert read_codebook(path) == SAMPLE
    assert path.read_text(encoding="utf-8").startswith("codebook: ChildHub benchmarking\n")


def test_csv_round_trip_keeps_the_codes(tmp_path: Path) -> None:
    path = tmp_path / "book.csv"
    write_codebook(SAMPLE, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfname,description,inclusion,exclusion,")
    back = read_codebook(path)
    # CSV has no place for the codebook's name and description: the file name stands in.
    assert back == Codebook(name="book", description="", entries=SAMPLE.entries)


def test_written_yaml_is_readable(tmp_path: Path) -> None:
    text = codebook_to_yaml(SAMPLE)
    assert "\n  - name: Governance\n    guid: 3f2c9b1e-" in text
    assert '    example: |-\n      "We meet twice a year," she said.\n\n      Another' in text
    assert "\n    codes:\n      - name: Steering groups\n" in text
    assert "shortcut: '1'" in text


def test_write_to_a_stream_needs_a_format() -> None:
    out = io.StringIO()
    write_codebook(SAMPLE, out, format="yaml")
    assert codebook_from_yaml(out.getvalue()) == SAMPLE
    out = io.StringIO()
    write_codebook(SAMPLE, out, format="CSV")
    assert not out.getvalue().startswith("\ufeff")
    assert codebook_from_csv(out.getvalue(), name=SAMPLE.name).entries == SAMPLE.entries
    with pytest.raises(ValueError, match="format="):
        write_codebook(SAMPLE, io.StringIO())
    with pytest.raises(ValueError, match="unknown codebook format 'qdc'"):
        write_codebook(SAMPLE, io.StringIO(), format="qdc")


def test_format_argument_overrides_the_suffix(tmp_path: Path) -> None:
    path = tmp_path / "book.txt"
    write_codebook(SAMPLE, path, format="csv")
    assert path.read_text(encoding="utf-8-sig").startswith("name,description,")


def test_writer_normalises_and_orders() -> None:
    messy = Codebook(
        name="  x  ",
        entries=[
            CodebookEntry(
                path=("B", "C"), colour="NAVY", guid="{3F2C9B1E-8A4D-4C2E-9F1A-0B5D6E7C8F90}"
            ),
            CodebookEntry(path=("A",), definition="a\r\nb  "),
            CodebookEntry(path=("B",), definition="b"),
        ],
    )
    back = codebook_from_yaml(codebook_to_yaml(messy))
    assert back == Codebook(
        name="x",
        entries=[
            CodebookEntry(path=("B",), definition="b"),
            CodebookEntry(
                path=("B", "C"), colour="#000080", guid="3f2c9b1e-8a4d-4c2e-9f1a-0b5d6e7c8f90"
            ),
            CodebookEntry(path=("A",), definition="a\nb"),
        ],
    )
    # A parent missing from the entries is written as an empty code.
    orphan = Codebook(name="x", entries=[CodebookEntry(path=("P", "Q"))])
    back_csv = codebook_from_csv(codebook_to_csv(orphan), name="x")
    assert [e.path for e in back_csv.entries] == [("P",), ("P", "Q")]


@pytest.mark.parametrize(
    ("entries", "says"),
    [
        ([CodebookEntry(path=("A > B",))], "contains ' > '"),
        ([CodebookEntry(path=("A",)), CodebookEntry(path=("a",))], "duplicate code 'a'"),
        ([CodebookEntry(path=("A",), colour="bleu")], "colour 'bleu' is not a colour"),
        ([CodebookEntry(path=("A",), shortcut="ab")], "must be a single key"),
        ([CodebookEntry(path=())], "a code has an empty path"),
        (
            [CodebookEntry(path=("A",), shortcut="1"), CodebookEntry(path=("B",), shortcut="1")],
            "shortcut '1' is already used by code 'A'",
        ),
    ],
)
def test_writer_refuses_what_would_not_read_back(
    tmp_path: Path, entries: list[CodebookEntry], says: str
) -> None:
    dest = tmp_path / "out.yml"
    with pytest.raises(InputError) as caught:
        write_codebook(Codebook(name="x", entries=entries), dest)
    assert caught.value.path == str(dest)
    assert caught.value.line is None
    assert caught.value.problem.startswith("cannot write the codebook: ")
    assert says in caught.value.problem
    assert not dest.exists()


def test_tree_order_places_parents_first() -> None:
    entries = [
        CodebookEntry(path=("A", "B")),
        CodebookEntry(path=("C",)),
        CodebookEntry(path=("A",), definition="a"),
        CodebookEntry(path=("A", "B", "D")),
        CodebookEntry(path=("C", "E")),
    ]
    assert [(e.path, e.definition) for e in tree_order(entries)] == [
        (("A",), "a"),
        (("A", "B"), ""),
        (("A", "B", "D"), ""),
        (("C",), ""),
        (("C", "E"), ""),
    ]


# Property: any valid codebook survives both formats. -----------------------------------------

_characters = st.characters(blacklist_categories=("Cs",))
_names = st.text(_characters, min_size=1, max_size=12).filter(lambda n: name_problem(n) is None)
_texts = st.text(_characters, max_size=40).map(clean_text)
_colours = st.just("") | st.from_regex(r"#[0-9a-f]{6}", fullmatch=True)
_shortcut_keys = st.characters(blacklist_categories=("Cs", "Cc", "Z")).filter(str.isprintable)


@st.composite
def codebooks(draw: st.DrawFn) -> Codebook:
    entries: list[CodebookEntry] = []
    used_guids: set[str] = set()
    used_keys: set[str] = set()

    def grow(parent: tuple[str, ...]) -> None:
        names = draw(st.lists(_names, max_size=4 - len(parent), unique_by=str.casefold))
        for name in names:
            guid = draw(st.none() | st.uuids().map(str))
            if guid in used_guids:
                guid = None
            shortcut = draw(st.just("") | _shortcut_keys)
            if shortcut in used_keys:
                shortcut = ""
            used_guids.add(guid or "")
            used_keys.add(shortcut)
            entries.append(
                CodebookEntry(
                    path=(*parent, name),
                    guid=guid,
                    definition=draw(_texts),
                    inclusion=draw(_texts),
                    exclusion=draw(_texts),
                    example=draw(_texts),
                    colour=draw(_colours),
                    shortcut=shortcut,
                )
            )
            if len(parent) < 2:
                grow((*parent, name))

    grow(())
    return Codebook(name=draw(_texts), description=draw(_texts), entries=entries)


_settings = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_settings
@given(codebooks())
def test_yaml_round_trip_property(codebook: Codebook) -> None:
    assert codebook_from_yaml(codebook_to_yaml(codebook)) == codebook


@_settings
@given(codebooks())
def test_csv_round_trip_property(codebook: Codebook) -> None:
    back = codebook_from_csv(codebook_to_csv(codebook), name=codebook.name)
    assert back.entries == codebook.entries


@_settings
@given(codebooks())
def test_yaml_to_csv_to_yaml_property(codebook: Codebook) -> None:
    via_csv = codebook_from_csv(codebook_to_csv(codebook), name=codebook.name)
    again = codebook_from_yaml(codebook_to_yaml(via_csv))
    assert again.entries == codebook.entries


# Long texts are written as folded blocks, which break lines at spaces: check those too.
_long_texts = st.text(
    st.sampled_from(list("ab  \n\t-:#'\">é")) | _characters, min_size=50, max_size=300
).map(clean_text)


@_settings
@given(_long_texts)
def test_long_text_round_trip_property(text: str) -> None:
    codebook = Codebook(name=text, description=text, entries=[CodebookEntry(("A",), example=text)])
    assert codebook_from_yaml(codebook_to_yaml(codebook)) == codebook
    assert codebook_from_csv(codebook_to_csv(codebook)).entries == codebook.entries
