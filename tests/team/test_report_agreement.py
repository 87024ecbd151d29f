"""The report's method states the inter-coder agreement when asked."""

from __future__ import annotations

from pathlib import Path

import docx

from qualcode.cli import main
from qualcode.services.agreement import agreement
from qualcode.services.merge import merge_project
from qualcode.store import Store


def test_method_states_agreement_when_asked(ana_and_ben: tuple[Path, Path],
                                            tmp_path: Path) -> None:
    ana, ben = ana_and_ben
    with Store.open(ana) as store:
        merge_project(store, ben, coder="ana")
        kappa = agreement(store, coders=["ana", "ben"]).overall.kappa
    with_it, without = tmp_path / "with.docx", tmp_path / "without.docx"
    assert main(["--project", str(ana), "report", str(with_it), "--agreement"]) == 0
    assert main(["--project", str(ana), "report", str(without)]) == 0
    text = "\n".join(p.text for p in docx.Document(str(with_it)).paragraphs)
    assert f"Cohen's kappa {kappa:.2f}" in text and "coded independently" in text
    assert "Cohen's kappa" not in "\n".join(
        p.text for p in docx.Document(str(without)).paragraphs)
