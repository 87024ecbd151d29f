"""A two-coder, document-level study brought in with `codings import` (a coder column, no
spans), and its per-code kappa through `agreement --unit document`, as a reader checks a
published table."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sklearn.metrics import cohen_kappa_score

from qualcode.cli import main
from qualcode.core.model import Code
from qualcode.store import Store
from tests.conftest import make_document

# Fictional: 30 interviews, two coders, three codes applied (or not) to each interview.
DOCS = 30


def decisions(seed: int, code: int) -> list[bool]:
    return [((i * 7 + seed * 3 + code * 5) % 11) < 4 + code for i in range(DOCS)]


@pytest.fixture
def study(store: Store, tmp_path: Path) -> tuple[Path, Path, dict[str, tuple[list, list]]]:
    with store.action("seed", undoable=False):
        for i in range(DOCS):
            doc, turns = make_document(f"int{i:02d}.txt", [("Ana", f"Answer number {i}.")])
            store.documents.add(doc, turns)
        for n, name in enumerate(("Access", "Trust", "Funding")):
            store.codes.add(Code(name=name, guid=f"c{n}", position=n))
    expected = {}
    rows = []
    for n, name in enumerate(("Access", "Trust", "Funding")):
        first = decisions(1, n)
        second = [v if i % 5 else not v for i, v in enumerate(decisions(1, n))]
        expected[name] = (first, second)
        for coder, values in (("rater1", first), ("rater2", second)):
            rows += [{"document": f"int{i:02d}.txt", "code": name, "coder": coder}
                     for i, v in enumerate(values) if v]
    table = tmp_path / "coding.csv"
    with table.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, ["document", "code", "coder"])
        writer.writeheader()
        writer.writerows(rows)
    return store.path, table, expected


def test_per_code_kappa_of_a_document_level_study(study, capsys) -> None:
    path, table, expected = study
    assert main(["--project", str(path), "codings", "import", str(table)]) == 0
    capsys.readouterr()
    assert main(["--project", str(path), "agreement", "--unit", "document",
                 "--coders", "rater1,rater2", "--format", "json"]) == 0
    got = {row["code"]: row for row in json.loads(capsys.readouterr().out)["codes"]}
    for name, (first, second) in expected.items():
        assert got[name]["kappa"] == pytest.approx(cohen_kappa_score(first, second), abs=1e-9)
        assert got[name]["units"] == DOCS
