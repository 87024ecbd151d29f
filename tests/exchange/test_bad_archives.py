"""Bad archives are refused in one line, and the project is left exactly as it was."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from qualcode.cli import main
from qualcode.store import Store
from tests.conftest import SAMPLE_TURNS, make_document
from tests.exchange.dialects import DIALECTS, SOURCE, project_qde, qdpx, source_bytes

GOOD = project_qde(DIALECTS["qualcoder"])


def _zip(members: dict[str, bytes | str], compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compress) as out:
        for name, data in members.items():
            out.writestr(name, data)
    return buf.getvalue()


def _with_qde(qde: str) -> bytes:
    return _zip({"project.qde": qde,
                 f"sources/{SOURCE}.txt": source_bytes(DIALECTS["qualcoder"])})


XXE = ('<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
       '<Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;"/>')

CASES = {
    "zip slip": (_zip({"project.qde": GOOD, "../../evil.txt": "x"}), "points outside"),
    "absolute member": (_zip({"project.qde": GOOD, "/etc/evil.txt": "x"}), "points outside"),
    "zip bomb": (_zip({"project.qde": GOOD, "sources/bomb.txt": b"\0" * (3 * 1024 * 1024)}),
                 "zip bomb"),
    "xxe": (_with_qde(XXE), "entities or a DTD"),
    "missing project.qde": (_zip({"sources/a.txt": "hello"}), "no project.qde"),
    "wrong namespace": (_with_qde(GOOD.replace("urn:QDA-XML:project:1.0", "urn:other:1.0")),
                        "not a REFI-QDA file"),
    "malformed xml": (_with_qde(GOOD.replace("</Sources>", "</Source>")), "malformed XML"),
    "coding to a missing code": (_with_qde(GOOD.replace(
        'CodeRef targetGUID="0b6a1a58-1d9e-4c41-9d2b-6f2a0c3e9a01"',
        'CodeRef targetGUID="0b6a1a58-1d9e-4c41-9d2b-6f2a0c3e9aff"')),
        "not in the codebook"),
    "case to a missing source": (_with_qde(GOOD.replace(
        f'SourceRef targetGUID="{SOURCE}"',
        'SourceRef targetGUID="5c1d7a70-3b1e-4f7e-8a55-0d9b7f1e2cff"')),
        "not in the project"),
    "missing source text": (_zip({"project.qde": GOOD}), "missing from the archive"),
    "relative path above the project": (_with_qde(GOOD.replace(
        f'plainTextPath="internal://{SOURCE}.txt"',
        'plainTextPath="relative://../../etc/passwd"')), "points outside the project"),
    "not a zip": (b"PK\x03\x04 this is not really a zip", "not a valid"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_archive_is_one_line_and_changes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    data, expected = CASES[case]
    project = tmp_path / "p.qualcode"
    with Store.open(project, create=True) as store, store.action("seed", undoable=False):
        doc, turns = make_document("a.txt", SAMPLE_TURNS)
        store.documents.add(doc, turns)
    with Store.open(project) as store:
        before = store.overview.snapshot(), store.history(1000)
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(data)
    code = main(["--project", str(project), "import", str(bad)])
    err = capsys.readouterr().err.strip()
    assert code == 1
    assert len(err.splitlines()) == 1, err
    assert str(bad) in err and expected in err, err
    assert "Traceback" not in err
    with Store.open(project) as store:
        assert (store.overview.snapshot(), store.history(1000)) == before


def test_malformed_xml_names_the_member_and_line(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(CASES["malformed xml"][0])
    assert main(["--project", str(tmp_path / "p.qualcode"), "init"]) == 0
    assert main(["--project", str(tmp_path / "p.qualcode"), "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "(project.qde):2: malformed XML (mismatched tag)" in err


def test_failing_import_in_the_middle_rolls_back(tmp_path: Path, store: Store) -> None:
    """A file that fails after documents and codes were written leaves nothing behind."""
    from qualcode.core.errors import QualcodeError
    from qualcode.services import exchange

    qde = GOOD.replace('typeOfVariable="Integer"', 'typeOfVariable="Text"')
    # The attribute "Staff" already exists as a number: defining it as text fails late.
    from qualcode.core.model import AttributeType

    with store.action("seed", undoable=False):
        store.attributes.define("Staff", AttributeType.NUMBER)
    before = store.overview.snapshot()
    path = tmp_path / "late.qdpx"
    path.write_bytes(_with_qde(qde))
    with pytest.raises(QualcodeError, match=r"late\.qdpx: attribute 'Staff' is of type "
                                            r"number, not text; nothing was imported"):
        exchange.import_project_file(store, path)
    assert store.overview.snapshot() == before


def test_good_archive_still_imports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.qdpx"
    good.write_bytes(qdpx("qualcoder"))
    assert main(["--project", str(tmp_path / "p.qualcode"), "init"]) == 0
    assert main(["--project", str(tmp_path / "p.qualcode"), "import", str(good)]) == 0
    assert "3 codings added" in capsys.readouterr().out


def test_bare_qde_reads_sources_beside_it(tmp_path: Path, store: Store) -> None:
    from qualcode.services import exchange

    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_bytes(source_bytes(DIALECTS["qualcoder"]))
    qde = tmp_path / "project.qde"
    qde.write_text(GOOD.replace(f'plainTextPath="internal://{SOURCE}.txt"',
                                'plainTextPath="relative://texts/a.txt"'), encoding="utf-8")
    report = exchange.import_project_file(store, qde)
    assert report.counts["codings added"] == 3
