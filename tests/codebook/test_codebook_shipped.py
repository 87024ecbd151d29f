"""The ChildHub benchmarking codebook shipped in codebooks/ loads and is complete."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qualcode.codebook import Codebook, codebook_to_csv, read_codebook

CODEBOOKS = Path(__file__).resolve().parents[2] / "codebooks"
YAML = CODEBOOKS / "childhub-benchmarking.yml"
CSV = CODEBOOKS / "childhub-benchmarking.csv"

DIMENSIONS = [
    "CoP facilitation and management",
    "Member engagement and motivation",
    "Knowledge sharing",
    "Peer-to-peer support",
    "Governance",
    "Organisational sustainability",
    "Financial sustainability and income models",
    "Partnerships",
    "Perceived added value of ChildHub",
    "Good practices",
    "Challenges",
    "Recommendations",
    "Criteria for impact evaluation",
]


@pytest.fixture(scope="module")
def codebook() -> Codebook:
    return read_codebook(YAML)


def children(codebook: Codebook, parent: str) -> list[str]:
    return [e.name for e in codebook.entries if e.parent_path == (parent,)]


def test_top_level_codes_are_the_benchmarking_dimensions(codebook: Codebook) -> None:
    assert codebook.name == "ChildHub benchmarking"
    assert [e.name for e in codebook.entries if len(e.path) == 1] == DIMENSIONS
    sub_codes = [e for e in codebook.entries if len(e.path) > 1]
    assert 30 <= len(sub_codes) <= 45
    assert all(len(e.path) == 2 for e in sub_codes)


def test_income_models_and_partners_have_their_sub_codes(codebook: Codebook) -> None:
    assert children(codebook, "Financial sustainability and income models") == [
        "For-profit enterprise",
        "Earned income reinvested (non-profit)",
        "Government contract",
        "Membership",
        "Donor funding",
        "Mixed model",
    ]
    assert children(codebook, "Partnerships") == [
        "Government",
        "Other NGOs and networks",
        "Academia",
        "Private sector",
    ]
    assert {"Steering groups and boards", "Member participation in decisions"} <= set(
        children(codebook, "Governance")
    )


def test_every_code_is_fully_described(codebook: Codebook) -> None:
    for entry in codebook.entries:
        texts = (entry.definition, entry.inclusion, entry.exclusion, entry.example)
        assert all(texts), f"{entry.label} lacks a text"
        assert entry.guid is not None, entry.label
        assert entry.colour, entry.label
    colours = [e.colour for e in codebook.entries]
    assert len(set(colours)) == len(colours)


def test_top_level_shortcuts_are_digits(codebook: Codebook) -> None:
    shortcuts = {e.name: e.shortcut for e in codebook.entries if e.shortcut}
    assert shortcuts == {name: str(n) for n, name in enumerate(DIMENSIONS[:9], start=1)}


def test_exclusion_notes_point_to_codes_that_exist(codebook: Codebook) -> None:
    paths = {e.path for e in codebook.entries}
    for entry in codebook.entries:
        # Code names are quoted: 'Governance > National ownership' (not an apostrophe's).
        named = re.findall(r"(?<!\w)'([A-Z][^']*)'", entry.exclusion)
        assert named, f"{entry.label}: exclusion names no other code"
        for label in named:
            path = tuple(label.split(" > "))
            # A full path, or a sibling, or a child of this code.
            candidates = {path, (*entry.parent_path, *path), (*entry.path, *path)}
            assert candidates & paths, f"{entry.label}: no code {label!r}"


def test_the_csv_export_is_the_writers_output_of_the_yaml(codebook: Codebook) -> None:
    regenerate = "regenerate it as codebooks/FORMAT.md says"
    assert read_codebook(CSV).entries == codebook.entries, regenerate
    assert CSV.read_text(encoding="utf-8-sig") == codebook_to_csv(codebook), regenerate


def fenced(language: str) -> str:
    text = (CODEBOOKS / "FORMAT.md").read_text(encoding="utf-8")
    return re.search(rf"```{language}\n(.*?)```", text, re.DOTALL).group(1)


def test_the_examples_in_format_md_read(tmp_path: Path) -> None:
    yaml_path, csv_path = tmp_path / "example.yml", tmp_path / "example.csv"
    yaml_path.write_text(fenced("yaml"), encoding="utf-8")
    csv_path.write_text(fenced("csv"), encoding="utf-8")
    from_yaml, from_csv = read_codebook(yaml_path), read_codebook(csv_path)
    assert [e.label for e in from_yaml.entries] == [
        "Governance",
        "Governance > Steering groups and boards",
        "Financial sustainability",
    ]
    assert from_yaml.entries[1].example.count("\n\n") == 1
    assert from_yaml.entries[1].colour == "#800080"
    assert [e.label for e in from_csv.entries] == [
        "Governance",
        "Governance > Steering groups and boards",
        "Financial sustainability",
        "Financial sustainability > Donor funding",
    ]
