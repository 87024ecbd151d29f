"""`qualcode synth ...`: findings, quotes, the matrix, from the command line."""

from __future__ import annotations

import json

import pytest

from qualcode.cli import main
from qualcode.store import Store


@pytest.fixture
def run(project: Store, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    path = str(project.path)

    def qualcode(*args: str) -> tuple[int, str, str]:
        code = main(["--project", path, "--coder", "ana", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return qualcode


def test_finding_quote_matrix_cell_and_show(run, project: Store) -> None:  # type: ignore[no-untyped-def]
    assert run("synth", "finding", "Governance", "Boards decide.")[0] == 0
    coding_id = str(next(c.id for c in project.codings.all() if not c.important))
    assert "now a key quote" in run("synth", "quote", "pick", coding_id)[1]
    assert "already" in run("synth", "quote", "pick", coding_id)[1]
    code, out, _ = run("synth", "matrix", "define", "--codes", "Governance,Knowledge sharing",
                       "--scale", "strong, partial,weak,absent")
    assert code == 0 and "2 column(s)" in out and "strong, partial, weak, absent" in out
    code, out, _ = run("synth", "cell", "CA-01", "Governance", "--draft", "--rating", "partial")
    assert code == 0
    assert out.splitlines() == ["CA-01 x Governance: partial",
                                "A steering group of five countries decides."]
    code, out, _ = run("synth", "show", "--format", "json")
    records = json.loads(out)
    assert {"kind": "finding", "code": "Governance", "case": "", "rating": "",
            "text": "Boards decide.", "key quotes": 0} in records
    cell = next(r for r in records if r["kind"] == "cell")
    assert (cell["case"], cell["code"], cell["rating"]) == ("CA-01", "Governance", "partial")
    assert "undid: matrix cell" in run("undo")[1]
    assert run("synth", "cell", "CA-01", "Governance")[1].strip() == "CA-01 x Governance: empty"


def test_errors_are_one_line(run) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("synth", "cell", "CA-01", "Governance", "--rating", "strong")
    assert code == 1 and err.count("\n") == 1 and "synth matrix define" in err
    run("synth", "matrix", "define", "--codes", "Governance", "--scale", "yes,no")
    code, _, err = run("synth", "cell", "CA-01", "Governance", "--rating", "maybe")
    assert code == 1 and "not on the scale" in err
    code, _, err = run("synth", "cell", "PO-01", "Governance", "--draft", "--summary", "x")
    assert code == 2
    code, _, err = run("synth", "quote", "pick", "9999")
    assert code == 1 and "no coding with id 9999" in err
