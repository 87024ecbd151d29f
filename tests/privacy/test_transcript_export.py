"""Pseudonymised transcripts for archiving: no identifier left, every coding still exact."""

from __future__ import annotations

import csv
from pathlib import Path

from qualcode.cli import main
from qualcode.core.model import Code
from qualcode.services import coding, importing, pseudonyms
from qualcode.services.codes import find_code
from qualcode.store import Store
from qualcode.store.identifiers import identifiers
from tests.privacy.test_register import project  # noqa: F401  (the fixture)


def test_pseudonymised_copies_reimport_with_every_coding_exact(
        project: Store, tmp_path: Path) -> None:  # noqa: F811
    with project.action("codes", undoable=False):
        project.codes.add(Code(name="Help", guid="h"))
    doc = project.documents.all()[0]
    help_code = find_code(project, "Help")
    turn = project.turns.all(doc.id or 0)[2]  # Vesna's answer naming Marko and his contacts
    coding.apply_code(project, doc, help_code, turn.text_start, turn.text_end, coder="me")
    said = doc.text.index("ChildHub helped")
    coding.apply_code(project, doc, help_code, said, said + len("ChildHub helped"),
                      coder="me")
    pseudonyms.scan(project, coder="me", entities=False)
    replaced = [e.text for e in identifiers(project) if pseudonyms.replaces(e)]

    out = tmp_path / "archive"
    assert main(["--project", str(project.path), "export", "transcripts", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == ["README.txt", "codings.csv", "document-01.txt"]
    every_byte = "".join(p.read_text(encoding="utf-8") for p in out.iterdir())
    for text in replaced:
        assert text not in every_byte, text

    # The copies import into a new project, and `codings import` puts every coding back
    # exactly where codings.csv says, on its text (no re-anchoring needed).
    fresh = tmp_path / "fresh.qualcode"
    with Store.open(fresh, create=True) as store:
        importing.import_paths(store, [out / "document-01.txt"], coder="me")
        with store.action("codes", undoable=False):
            store.codes.add(Code(name="Help", guid="h"))
    assert main(["--project", str(fresh), "codings", "import", str(out / "codings.csv")]) == 0
    rows = list(csv.DictReader((out / "codings.csv").open(encoding="utf-8")))
    with Store.open(fresh) as store:
        copy = store.documents.find("document-01.txt")
        placed = {(c.start, c.end, c.text) for c in store.codings.all()}
    assert len(rows) == 2
    assert placed == {(int(r["start"]), int(r["end"]), r["text"]) for r in rows}
    for row in rows:
        assert copy.text[int(row["start"]):int(row["end"])] == row["text"]
    assert rows[1]["text"] == "ChildHub helped"
    assert "[Person" in rows[0]["text"] and "Marko" not in rows[0]["text"]
