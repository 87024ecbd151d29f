"""One attribute filter for `codings --where`, the retrieval screen and `suggest themes`."""

from __future__ import annotations

import datetime as dt

import pytest

from qualcode.core.attributes import attribute_filter, attribute_named, matches_filter
from qualcode.core.errors import QualcodeError

KNOWN = ["Country", "Peer group", "Founded", "Member"]
CASE = {"Country": "Moldova", "Founded": dt.date(2019, 5, 1), "Member": True,
        "Peer group": "NGO "}


def test_names_and_values_compare_ignoring_case_and_values_as_shown() -> None:
    wanted = attribute_filter({" country ": "MOLDOVA", "founded": "2019-05-01",
                               "member": "yes"}, KNOWN)
    assert wanted == {"country": "moldova", "founded": "2019-05-01", "member": "yes"}
    assert matches_filter(CASE, wanted)
    assert not matches_filter(CASE, attribute_filter({"country": "Serbia"}, KNOWN))


def test_a_case_without_the_attribute_does_not_match() -> None:
    wanted = attribute_filter({"country": "Moldova"}, KNOWN)
    assert not matches_filter({}, wanted)
    assert matches_filter({}, {})  # no filter keeps every case


def test_an_unknown_attribute_is_an_error_that_names_the_known_ones() -> None:
    # The copies disagreed: `codings --where` and the retrieval screen matched nothing,
    # `suggest themes --filter` refused. A typo must not look like an empty answer.
    with pytest.raises(QualcodeError, match="no case attribute named 'colour'.*country"):
        attribute_filter({"colour": "red"}, KNOWN)


def test_an_empty_value_asks_for_cases_whose_value_is_empty() -> None:
    wanted = attribute_filter({"country": ""}, KNOWN)
    assert not matches_filter(CASE, wanted)
    assert matches_filter({"Country": ""}, wanted)


def test_attribute_named_gives_the_project_spelling() -> None:
    assert attribute_named(" peer GROUP", KNOWN) == "Peer group"
    with pytest.raises(QualcodeError, match="no case attribute 'sector' .*Country"):
        attribute_named("sector", KNOWN)
