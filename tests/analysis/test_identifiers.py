"""Detecting identifiers in fictional interview text, and replacing them consistently."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from qualcode.analysis.identifiers import (
    ADDRESS,
    EMAIL,
    ID_NUMBER,
    PHONE,
    URL,
    Found,
    Replacer,
    find_names,
    find_patterns,
    pseudonym,
    resolve_overlaps,
)

# Fictional: every name, number and address here is invented.
TEXT = (
    "You can write to me at irina.ceban@example.org or call +373 22 123 456, or my mobile "
    "069 123 456. Our office moved to 12 Stefan Cel Mare Street, next to Strada Mihai "
    "Viteazu nr. 5. The case file is MD-2019884 and the site is https://example.org/cop. "
    "In 2018-2019 we had 1,200 members; call 2020 a hard year."
)


def kinds(found: list[Found]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in resolve_overlaps(found):
        out.setdefault(f.kind, []).append(f.text)
    return out


def test_contacts_addresses_and_ids_are_found() -> None:
    found = kinds(find_patterns(TEXT))
    assert found[EMAIL] == ["irina.ceban@example.org"]
    assert found[PHONE] == ["+373 22 123 456", "069 123 456"]
    assert found[ADDRESS] == ["12 Stefan Cel Mare Street", "Strada Mihai Viteazu nr. 5"]
    assert found[ID_NUMBER] == ["MD-2019884"]
    assert found[URL] == ["https://example.org/cop"]


def test_years_counts_and_ranges_are_not_phones() -> None:
    found = kinds(find_patterns("From 2018-2019 to 2020, 1,200 members and 45 000 euro."))
    assert PHONE not in found and ID_NUMBER not in found


def test_names_by_parts_and_without_diacritics() -> None:
    text = "Marta Kovač said Marta would ask Kovac. Then Irina laughed."
    found = [f.text for f in find_names(text, ["Marta Kovač", "Interviewer", "Irina Ceban"])]
    assert found == ["Marta Kovač", "Marta", "Kovac", "Irina"]


def test_never_touch_words_are_left_alone() -> None:
    found = find_names("ChildHub and Irina", ["Irina", "ChildHub"])
    kept = resolve_overlaps(found, never=["childhub"])
    assert [f.text for f in kept] == ["Irina"]


def test_pseudonyms_are_letters_for_people_and_numbers_for_the_rest() -> None:
    assert [pseudonym("person", i) for i in (0, 1, 25, 26)] == [
        "[Person A]", "[Person B]", "[Person Z]", "[Person AA]"]
    assert pseudonym("place", 1) == "[Place 2]"


def test_replacer_is_consistent_and_maps_offsets() -> None:
    replace = Replacer({"Irina Ceban": "[Person A]", "Irina": "[Person A]",
                        "Chişinău": "[Place 1]"})
    text = "Irina Ceban lives in Chisinau. Irina works."
    new, offsets = replace.apply(text)
    assert new == "[Person A] lives in [Place 1]. [Person A] works."
    start = text.index("lives")
    assert new[offsets.start(start):offsets.end(start + 5)] == "lives"
    works = text.index("works")
    assert new[offsets.start(works):offsets.end(works + 5)] == "works"
    # A span that starts inside a replaced name grows to the whole pseudonym.
    assert new[offsets.start(2):offsets.end(11)] == "[Person A]"


@given(st.lists(st.sampled_from(["Ana", "Ben ", "x", " ", "Ana Lupu", ".", "Lupu"]),
                max_size=30))
def test_offsets_outside_replacements_keep_their_text(parts: list[str]) -> None:
    text = "".join(parts)
    new, offsets = Replacer({"Ana Lupu": "[Person A]", "Lupu": "[Person A]"}).apply(text)
    replaced = [(e[0], e[1]) for e in offsets.edits]
    for i in range(len(text)):
        if not any(a <= i < b for a, b in replaced):
            assert new[offsets.start(i)] == text[i]
