"""The demo study: its one-associate-per-country cases are flagged before publication."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.services.demo import build_demo
from qualcode.services.privacy import reidentification
from qualcode.store import Store
from tests.conftest import CODEBOOK, TRANSCRIPTS


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("privacy-demo") / "demo.qualcode"
    build_demo(path, TRANSCRIPTS, CODEBOOK, coder="tester")
    return path


def test_role_and_country_single_out_every_country_associate(demo: Path) -> None:
    with Store.open(demo) as store:
        risk = reidentification(store, ["role", "country or region"])
        associates = {c.name for c in store.cases.all()
                      if c.attributes.get("role") == "country associate"}
    assert associates and associates <= set(risk.singled_out)
    # Without the country, the associates are one group of five.
    with Store.open(demo) as store:
        assert not associates & set(reidentification(store, ["role"]).singled_out)
    assert risk.drop_suggestions[0][0] == "country or region"


PLANTED = TRANSCRIPTS / "privacy.yml"


@pytest.mark.model
def test_recall_of_planted_identifiers_before_review(demo: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from qualcode.analysis.identifiers import register_key
    from qualcode.services import pseudonyms
    from qualcode.services.privacy_file import read_privacy_file

    planted = read_privacy_file(PLANTED).planted
    with Store.open(demo) as store:
        detected, warning = pseudonyms.detect(store, store.documents.all(), entities=True)
    found = {(f.kind, register_key(f.text)) for items in detected.values() for f in items}
    keys = {key for _kind, key in found}
    by_kind: dict[str, list[bool]] = {}
    for kind, text in planted:
        by_kind.setdefault(kind, []).append(register_key(text) in keys)
    with capsys.disabled():
        print(f"\nrecall of planted identifiers before review ({warning or 'with entities'}; "
              "found under any kind):")
        for kind, hits in sorted(by_kind.items()):
            print(f"  {kind:13} {sum(hits)}/{len(hits)}")
    assert planted and set(by_kind) >= {"person", "email", "phone", "address"}


def test_no_replaced_identifier_leaks_from_any_output(demo: Path, tmp_path: Path) -> None:
    import csv
    import re
    import zipfile

    from qualcode.core.names import fold
    from qualcode.services import exports, pseudonyms, report
    from qualcode.services.transcript_export import export_transcripts
    from qualcode.store.identifiers import identifiers

    with Store.open(demo) as store:
        replaced = [e.text for e in identifiers(store) if pseudonyms.replaces(e)]
        export_transcripts(store, tmp_path / "archive", pseudonymised=True)
        exports.export_segments(store, tmp_path / "segments.csv")
        exports.export_segments(store, tmp_path / "segments.xlsx")
        exports.export_codebook_docx(store, tmp_path / "codebook.docx")
        data = report.write_report(store, tmp_path / "report.docx",
                                   report.ReportOptions(pseudonymise=True))
    texts = [p.read_text(encoding="utf-8") for p in (tmp_path / "archive").iterdir()]
    texts.append((tmp_path / "segments.csv").read_text(encoding="utf-8-sig"))
    for packaged in ("segments.xlsx", "report.docx", "codebook.docx"):
        with zipfile.ZipFile(tmp_path / packaged) as package:  # every part, charts included
            texts += [package.read(name).decode("utf-8", "replace")
                      for name in package.namelist()]
    # One associate per country: the sample table leaves the country out, and says so.
    assert any("singled out" in w and "country or region" in w for w in data.warnings)
    everything = "\n".join(texts)
    assert len(list(csv.reader((tmp_path / "segments.csv").open(encoding="utf-8-sig")))) > 300
    leaks = sorted({t for t in replaced for form in (t, fold(t))
                    if re.search(rf"(?<!\w){re.escape(form)}(?!\w)", everything)})
    assert not leaks


def test_pseudonymised_qdpx_leaks_nothing_and_reimports_exactly(demo: Path,
                                                               tmp_path: Path) -> None:
    import re
    import zipfile

    from qualcode.core.names import fold
    from qualcode.services import exchange, pseudonyms
    from qualcode.store.identifiers import identifiers

    out = tmp_path / "client.qdpx"
    with Store.open(demo) as store:
        replaced = [e.text for e in identifiers(store) if pseudonyms.replaces(e)]
        codings = len(store.codings.all())
        exchange.export_project(store, out)
    with zipfile.ZipFile(out) as archive:
        everything = "\n".join(archive.read(n).decode("utf-8", "replace")
                               for n in archive.namelist())
    assert not sorted({t for t in replaced for f in (t, fold(t))
                       if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", everything)})
    fresh = tmp_path / "fresh.qualcode"
    with Store.open(fresh, create=True) as store:
        exchange.import_project_file(store, out, coder="archivist")
        assert len(store.codings.all()) == codings
        for coding in store.codings.all():
            assert store.documents.get(coding.document_id).text[coding.start:coding.end] == \
                coding.text
