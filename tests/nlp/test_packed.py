"""The parse cache's compact form: the same parse as the JSON form, read back either way."""

from __future__ import annotations

import pytest

from qualcode.nlp import BLANK
from qualcode.nlp.packed import PackedParse, decode, encode, pack, unpack
from qualcode.nlp.parse import parse_data
from qualcode.nlp.parsed import data_to_json
from qualcode.suggest.terms import ParseTerms

DATA = {  # a parse as a trained pipeline gives it (fictional words)
    "t": [[0, 3, "the", "DET", 1], [4, 10, "social", "ADJ", 2], [11, 18, "worker", "NOUN", 2],
          [19, 24, "visit", "VERB", 2], [25, 31, "serbia", "PROPN", 2], [31, 32, ".", "PUNCT", 0],
          [33, 37, "café", "NOUN", 2]],
    "nc": [[0, 3], [4, 5]],
    "s": [[0, 32], [33, 37]],
    "e": [[25, 31, "GPE"]],
}


def test_packed_round_trip_keeps_every_field() -> None:
    blob = pack(DATA)
    assert isinstance(blob, bytes)
    assert unpack(blob).to_data() == DATA
    assert decode(blob).to_data() == decode(data_to_json(DATA)).to_data() == DATA
    assert PackedParse.of(DATA).to_data() == DATA


def test_empty_parse_and_parse_without_entities() -> None:
    empty = {"t": [], "nc": [], "s": [], "e": []}
    assert unpack(encode(empty)).to_data() == empty  # type: ignore[arg-type]
    blank = parse_data(["Yes. No, thank you!\n\nThe children were running."], BLANK)[0]
    assert decode(encode(blank)).to_data() == blank


def test_a_string_with_nul_is_kept_as_json() -> None:
    odd = {"t": [[0, 3, "a\x00b", "X", 2]], "nc": [], "s": [[0, 3]], "e": []}
    assert pack(odd) is None
    stored = encode(odd)
    assert isinstance(stored, str) and decode(stored).to_data() == odd


@pytest.mark.parametrize("blob", [b"", b"QP1", b"XX1" + bytes(40),
                                  pack(DATA)[:-9], pack(DATA)[:30]])  # type: ignore[index]
def test_damaged_blobs_are_refused(blob: bytes) -> None:
    with pytest.raises((ValueError, IndexError)):
        unpack(blob)


def test_terms_are_the_same_from_either_form() -> None:
    from_json, from_packed = ParseTerms(decode(data_to_json(DATA))), ParseTerms(decode(
        encode(DATA)))
    for names in (False, True):
        assert from_json.terms(0, 40, names) == from_packed.terms(0, 40, names)
    assert ParseTerms(DATA).terms(0, 40, True) == from_packed.terms(0, 40, True)
    assert "serbia" in from_packed.terms(0, 40, True)
    assert "serbia" not in from_packed.terms(0, 40)
