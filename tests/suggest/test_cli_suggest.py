"""The `qualcode suggest` commands, run as a user would (in a subprocess)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from qualcode.store import Store
from tests.cli.helpers import qualcode
from tests.suggest.conftest import add_topic_documents, code_first_answers

pytestmark = pytest.mark.slow


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "p.qualcode"
    with Store.open(path, create=True) as store:
        add_topic_documents(store, documents=6)
        code_first_answers(store, documents=4)
    return path


def test_themes_evaluate_codes_accept_reject_list_and_undo(project: Path) -> None:
    themes = qualcode(project, "suggest", "themes", "--k", "3", check=True)
    assert "theme run 1" in themes.stdout and "T1 " in themes.stdout
    assert "keywords:" in themes.stdout and "parsed" in themes.stderr
    again = qualcode(project, "suggest", "themes", "--k", "3", check=True)
    assert "0 text(s) parsed" in again.stderr and "unchanged" in again.stdout

    evaluation = qualcode(project, "suggest", "evaluate", "--format", "json", check=True)
    document = json.loads(evaluation.stdout)  # one object, figures as numbers
    assert [m["method"] for m in document["methods"]] == [
        "suggester", "most frequent code", "definition similarity"]
    assert all(isinstance(m["top3"], float) and 0 <= m["top3"] <= 1
               for m in document["methods"])
    assert document["passages"] == 12 and document["reliability"]
    assert sum(b["suggestions"] for b in document["reliability"]) == 2 * 12  # best two each
    assert {c["code"] for c in document["codes"]} == {"Funding", "Moderation",
                                                      "Steering groups"}
    table = list(csv.DictReader(io.StringIO(qualcode(
        project, "suggest", "evaluate", "--format", "csv", check=True).stdout)))
    assert {row["table"] for row in table} == {"method", "reliability", "left out", "code"}
    assert float(next(r for r in table if r["name"] == "suggester")["top3"]) == \
        document["methods"][0]["top3"]

    codes = qualcode(project, "suggest", "codes", "--min-confidence", "0", "--format", "json",
                     check=True)
    found = json.loads(codes.stdout)
    assert found and all("of" in row["cross-validation"] for row in found)
    first, second = found[0]["id"], found[1]["id"]
    accepted = qualcode(project, "suggest", "accept", str(first), check=True)
    assert accepted.stdout.startswith("coding ")
    assert qualcode(project, "suggest", "reject", str(second), check=True).stdout.strip() == \
        f"rejected {second}"
    listed = json.loads(qualcode(project, "suggest", "list", "--status", "all", "--format",
                                 "json", check=True).stdout)
    statuses = {row["id"]: row["status"] for row in listed}
    assert statuses[first] == "accepted" and statuses[second] == "rejected"

    theme = qualcode(project, "suggest", "accept", "T1", "--name", "Found theme", check=True)
    assert "is now code" in theme.stdout and "'Found theme'" in theme.stdout
    assert "undid: accept theme" in qualcode(project, "undo", check=True).stdout
    above = qualcode(project, "suggest", "accept", "--above", "0", check=True)
    assert above.stdout.startswith("accepted ")


def test_usage_and_reference_errors_are_one_line(project: Path) -> None:
    neither = qualcode(project, "suggest", "accept")
    assert neither.returncode == 2 and "give a suggestion id" in neither.stderr
    bad = qualcode(project, "suggest", "reject", "abc")
    assert bad.returncode == 1
    assert bad.stderr.strip() == ("qualcode: error: 'abc' is neither a suggestion id nor a "
                                  "theme T<id>")
    missing = qualcode(project, "suggest", "accept", "T99")
    assert missing.returncode == 1 and "no theme T99" in missing.stderr
    filtered = qualcode(project, "suggest", "themes", "--filter", "nonsense")
    assert filtered.returncode == 1 and "key=value" in filtered.stderr
