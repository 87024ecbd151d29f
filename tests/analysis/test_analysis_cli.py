"""`qualcode frequencies` and `qualcode cooccurrence` in their three formats."""

from __future__ import annotations

import csv
import io
import json

import pytest

from qualcode.cli import main
from qualcode.core.model import AttributeType
from qualcode.services import coding
from qualcode.services.codes import find_code
from qualcode.store import Store


@pytest.fixture
def path(seeded: Store) -> str:
    with seeded.action("cases", undoable=False):
        seeded.attributes.define("type", AttributeType.TEXT)
        for name, doc, kind in (("A", "a.txt", "NGO"), ("B", "b.txt", "network")):
            case_id = seeded.cases.id_for(name, create=True)
            seeded.documents.set_case(seeded.documents.id_by_name(doc) or 0, case_id)
            seeded.cases.set_attribute(case_id, "type", kind)
    a = seeded.documents.find("a.txt")
    boards, sharing = find_code(seeded, "Steering groups"), find_code(seeded, "Knowledge sharing")
    turn = seeded.turns.all(a.id or 0)[4]  # "A steering group ... donors, sadly."
    coding.apply_code(seeded, a, boards, turn.text_start, turn.text_end, coder="me")
    coding.apply_code(seeded, a, sharing, turn.text_start, turn.text_start + 20, coder="me")
    coding.apply_code(seeded, a, sharing, turn.text_end - 10, turn.text_end, coder="me")
    b = seeded.documents.find("b.txt")
    coding.apply_code(seeded, b, sharing, 0, 10, coder="me")
    return str(seeded.path)


def run(path: str, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["--project", path, *args]) == 0
    return capsys.readouterr().out


def test_frequencies_overall_as_json(path: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = json.loads(run(path, capsys, "frequencies", "--format", "json"))
    by_code = {r["code"]: r for r in rows}
    assert by_code["Knowledge sharing"] == {"code": "Knowledge sharing", "segments": 3,
                                            "documents": 2, "cases": 2}
    assert by_code["Governance > Steering groups"]["segments"] == 1
    assert by_code["Governance"]["segments"] == 0
    rolled = json.loads(run(path, capsys, "frequencies", "--rollup", "--format", "json"))
    assert {r["code"]: r["segments"] for r in rolled}["Governance"] == 1


def test_frequencies_by_attribute_as_csv(path: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = run(path, capsys, "frequencies", "--by", "TYPE", "--count", "segments",
              "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["code", "network (n=1)", "NGO (n=1)", "all"]
    sharing = next(r for r in rows if r["code"] == "Knowledge sharing")
    assert (sharing["network (n=1)"], sharing["NGO (n=1)"], sharing["all"]) == ("1", "2", "3")
    assert "Knowledge sharing" in run(path, capsys, "frequencies", "--by", "type")


def test_unknown_attribute_is_one_clear_line(path: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", path, "frequencies", "--by", "colour"]) == 1
    err = capsys.readouterr().err
    assert "no case attribute 'colour'" in err and "type" in err


def test_cooccurrence_overlap_and_same_turn(path: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    rows = json.loads(run(path, capsys, "cooccurrence", "--format", "json"))
    assert rows == [{"code": "Governance > Steering groups", "with": "Knowledge sharing",
                     "count": 2}]
    rows = json.loads(run(path, capsys, "cooccurrence", "--same-turn", "--format", "json"))
    assert rows == [{"code": "Governance > Steering groups", "with": "Knowledge sharing",
                     "count": 1}]
    assert json.loads(run(path, capsys, "cooccurrence", "--min", "3", "--format", "json")) == []
