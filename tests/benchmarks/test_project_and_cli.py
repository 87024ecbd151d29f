"""The prepared project the stages share, and ``python -m benchmarks`` end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import corpus, stages
from benchmarks.project import build_project, copy_project
from benchmarks.vocabulary import TOPICS
from qualcode.store import Store
from tests.conftest import REPO


def test_the_prepared_project_is_imported_cased_and_coded(tmp_path: Path) -> None:
    written = corpus.write_corpus(tmp_path / "corpus", 3, words=1_500, docx_every=3)
    with build_project(written, tmp_path / "p.qualcode") as store:
        stats = store.overview.stats()
        assert stats.documents == 3 and stats.cases == 3
        assert stats.codes == len(TOPICS) + len({t.group for t in TOPICS})
        codings = store.codings.all()
        assert codings and all(store.documents.get(c.document_id).text[c.start:c.end] == c.text
                               for c in codings)
        assert {"organisation type", "region"} <= set(store.attributes.types())
    copy = copy_project(tmp_path / "p.qualcode", tmp_path / "copy.qualcode")
    with Store.open(copy) as store:
        assert store.overview.stats().codings == len(codings)


@pytest.mark.slow
def test_python_m_benchmarks_writes_the_table_and_json(tmp_path: Path) -> None:
    out = tmp_path / "results"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--sizes", "1,2", "--words", "400",
         "--stages", "import,search", "--out", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    data = json.loads((out / "latest.json").read_text(encoding="utf-8"))
    assert [s["name"] for s in data["stages"]] == ["import", "search"]
    for stage in data["stages"]:
        assert stage["status"] == "measured", stage
        assert [r["interviews"] for r in stage["runs"]] == [1, 2]
        assert all(r["stage"] and r["ceiling"] and r["ratio"] for r in stage["runs"])
    table = (out / "latest.md").read_text(encoding="utf-8")
    assert "| Import (services.importing) | 1 |" in table


def test_bad_arguments_are_one_line_and_exit_2(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "benchmarks", "--stages", "nope"], cwd=REPO,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "python -m benchmarks: unknown stage(s) nope; choose from " + ", ".join(stages.NAMES)]
