"""The demo project -> .qdpx -> a new project: the same documents, codebook, codings, cases,
attributes and memos; the export is valid QDA-XML and deterministic."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from qualcode.core.model import MemoTarget
from qualcode.services import exchange
from qualcode.services.codes import code_paths
from qualcode.services.demo import build_demo
from qualcode.store import Store
from tests.conftest import CODEBOOK, TRANSCRIPTS
from tests.exchange.conftest import schema_errors
from tests.exchange.dialects import qdpx

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.qualcode"
    build_demo(path, TRANSCRIPTS, CODEBOOK, coder="tester")
    with Store.open(path) as store, store.action("memos", coder="tester"):
        docs = store.documents.all()
        code = store.codes.all()[1]
        coding = store.codings.all()[0]
        store.memos.set(MemoTarget.DOCUMENT, docs[0].id, "Cut short by a power cut.", "tester")
        store.memos.set(MemoTarget.CODE, code.id, "Watch the overlap with funding.", "tester")
        store.memos.set(MemoTarget.CODING, coding.id, "Contradicts CA-02 (fictional).", "tester")
        store.memos.add(MemoTarget.PROJECT, None, "Governance looks weaker.", "tester", "Hunch")
    return path


@pytest.fixture(scope="module")
def exported(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "demo.qdpx"
    with Store.open(demo) as store:
        exchange.export_project(store, out, pseudonymise=False)
    return out


def _content(store: Store) -> dict[str, Any]:
    docs = {d.id: d for d in store.documents.all()}
    paths = code_paths(store.codes.all())
    cases = {c.id: c.name for c in store.cases.all()}
    memo_key = {MemoTarget.DOCUMENT: lambda i: docs[i].name,
                MemoTarget.CODE: lambda i: paths[i], MemoTarget.PROJECT: lambda i: None}
    codings = {c.id: c for c in store.codings.all()}
    memo_key[MemoTarget.CODING] = lambda i: (docs[codings[i].document_id].name,
                                             paths[codings[i].code_id], codings[i].start)
    return {
        "documents": sorted((d.name, d.text, d.sha256, cases.get(d.case_id))
                            for d in docs.values()),
        "codebook": [(paths[c.id], c.guid, c.definition, c.inclusion, c.exclusion, c.example,
                      c.colour) for c in store.codes.all()],
        "codings": sorted((docs[c.document_id].name, paths[c.code_id], c.start, c.end, c.text,
                           c.coder) for c in codings.values()),
        "cases": sorted((c.name, sorted(c.attributes.items())) for c in store.cases.all()),
        "attributes": store.attributes.types(),
        "memos": sorted((m.target.value, str(memo_key[m.target](m.target_id)), m.title, m.text,
                         m.coder) for m in store.memos.all()),
    }


def test_round_trip_keeps_everything(demo: Path, exported: Path, tmp_path: Path) -> None:
    with Store.open(tmp_path / "new.qualcode", create=True) as new:
        report = exchange.import_project_file(new, exported, coder="someone else")
        assert not report.problems
        after = _content(new)
    with Store.open(demo) as store:
        before = _content(store)
    assert len(before["codings"]) > 100 and len(before["cases"]) > 5
    for key in before:
        assert after[key] == before[key], key


def test_export_is_valid_against_the_project_schema(exported: Path, project_schema) -> None:
    with zipfile.ZipFile(exported) as archive:
        qde = archive.read("project.qde")
        names = archive.namelist()
    assert schema_errors(project_schema, qde) == []
    assert all(n == "project.qde" or n.startswith("sources/") for n in names)


@pytest.mark.parametrize("target", ["nvivo", "atlasti", "maxqda"])
def test_exports_for_each_tool_are_valid_and_read_back(demo: Path, tmp_path: Path, target: str,
                                                       project_schema) -> None:
    out = tmp_path / f"{target}.qdpx"
    with Store.open(demo) as store:
        exchange.export_project(store, out, target=target, pseudonymise=False)
        expected = sorted((c.start, c.end, c.text) for c in store.codings.all())
    with zipfile.ZipFile(out) as archive:
        assert schema_errors(project_schema, archive.read("project.qde")) == []
        texts = [archive.read(n) for n in archive.namelist() if n.startswith("sources/")]
    assert all(b"\r\n" in t for t in texts if b"\n" in t)  # these tools want CRLF
    with Store.open(tmp_path / "back.qualcode", create=True) as back:
        exchange.import_project_file(back, out)
        assert sorted((c.start, c.end, c.text) for c in back.codings.all()) == expected


def test_export_is_deterministic(demo: Path, exported: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.qdpx"
    with Store.open(demo) as store:
        exchange.export_project(store, again, pseudonymise=False)
    assert again.read_bytes() == exported.read_bytes()


def test_guids_from_an_import_are_kept_on_export(tmp_path: Path, store: Store) -> None:
    source = tmp_path / "nvivo.qdpx"
    source.write_bytes(qdpx("nvivo"))
    exchange.import_project_file(store, source)
    out = tmp_path / "out.qdpx"
    exchange.export_project(store, out, pseudonymise=False)
    qde = zipfile.ZipFile(out).read("project.qde").decode()
    for guid in ("5c1d7a70-3b1e-4f7e-8a55-0d9b7f1e2c10",  # the source
                 "8b0c1d2e-3f4a-4b5c-9d6e-7f8a9b0c1d00",  # a coding
                 "0b6a1a58-1d9e-4c41-9d2b-6f2a0c3e9a01",  # a code
                 "3f4e5d6c-7b8a-4c9d-8e0f-1a2b3c4d5e60",  # the case
                 "7e2d9c10-5b4a-4d3c-8e1f-0a9b8c7d6e50"):  # the note
        assert guid in qde.lower()
