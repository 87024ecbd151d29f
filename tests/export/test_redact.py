"""Pseudonymisation: names and their parts replaced; role labels left alone."""

from __future__ import annotations

from dataclasses import dataclass

from qualcode.export.redact import REPLACEMENT, Redactor, is_role_label, name_variants, redact


def test_role_labels_are_not_names() -> None:
    for label in ("Interviewer", "Researcher", "Moderator", "Q", "I", "P1", "R", "Speaker 2",
                  "Participant 3", "INT"):
        assert is_role_label(label), label
    for name in ("Irina Ceban", "Jo", "Marta Kovač", "Dr. Tomasz Wójcik"):
        assert not is_role_label(name), name


def test_a_name_yields_its_parts_without_titles_and_without_accents() -> None:
    assert name_variants("Dr. Tomasz Wójcik") >= {"Tomasz", "Wójcik", "Wojcik", "Tomasz Wójcik",
                                                  "Dr. Tomasz Wójcik"}
    assert "Dr" not in name_variants("Dr. Tomasz Wójcik")
    assert {"Irina", "Ceban"} <= name_variants("IRINA CEBAN")


def test_names_are_replaced_as_whole_words_only() -> None:
    redactor = Redactor(["Marta Kovač", "Interviewer", "Ana Lucía Torres"])
    text = ("Marta Kovač met Marta, then Kovac; Ana's team and Torres. Interviewer: "
            "Martina, analysis, Banana.")
    assert redactor(text) == (f"{REPLACEMENT} met {REPLACEMENT}, then {REPLACEMENT}; "
                              f"{REPLACEMENT}'s team and {REPLACEMENT}. Interviewer: "
                              "Martina, analysis, Banana.")
    assert Redactor([])("Marta") == "Marta"


@dataclass(frozen=True)
class Inner:
    text: str
    count: int


@dataclass(frozen=True)
class Outer:
    title: str
    items: tuple[Inner, ...]
    labels: dict[str, str]
    notes: list[str]


def test_redact_reaches_every_string_in_nested_data() -> None:
    data = Outer("About Irina", (Inner("Irina said", 3),), {"Irina": "Ceban"}, ["Ceban"])
    clean = redact(data, Redactor(["Irina Ceban"]))
    assert clean == Outer(f"About {REPLACEMENT}", (Inner(f"{REPLACEMENT} said", 3),),
                          {REPLACEMENT: REPLACEMENT}, [REPLACEMENT])
