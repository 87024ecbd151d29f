"""The identifier register on a small fictional project: scan, defaults, decisions, undo."""

from __future__ import annotations

import pytest

from qualcode.cli import main
from qualcode.core.model import AttributeType
from qualcode.services import pseudonyms
from qualcode.services.privacy import reidentification
from qualcode.store import Store
from qualcode.store.identifiers import identifiers
from tests.conftest import make_document

# Fictional people, contacts and places.
TURNS = [
    (None, "FICTIONAL TRANSCRIPT for tests."),
    ("Interviewer", "Who helped you most?"),
    ("Vesna Petrović", "My colleague Marko Ilić did, write to marko.ilic@example.org or call "
                       "+381 11 555 0101. Our office is at 7 Kralja Petra Street."),
    ("Interviewer", "And Vesna, what about the network?"),
    ("Vesna Petrović", "ChildHub helped. Petrović is my family name, by the way."),
]


@pytest.fixture
def project(store: Store) -> Store:
    with store.action("seed", undoable=False):
        doc, turns = make_document("vesna-petrovic.txt", TURNS)
        store.documents.add(doc, turns)
    pseudonyms.add_listed(store, pseudonyms.NAMES_SETTING, ["Marko Ilić"], coder="me")
    return store


def by_text(store: Store) -> dict[str, pseudonyms.Identifier]:
    return {e.text: e for e in identifiers(store)}


def test_scan_registers_speakers_listed_names_and_contacts(project: Store) -> None:
    report = pseudonyms.scan(project, coder="me", entities=False)
    found = by_text(project)
    assert found["Vesna Petrović"].kind == "person"
    assert found["Marko Ilić"].kind == "person"
    assert found["marko.ilic@example.org"].kind == "email"
    assert found["+381 11 555 0101"].kind == "phone"
    assert found["7 Kralja Petra Street"].kind == "address"
    assert found["vesna-petrovic.txt"].kind == "file"
    assert report.new["person"] >= 2 and report.occurrences > 0
    # A name's parts share its pseudonym.
    assert found["Vesna"].pseudonym == found["Vesna Petrović"].pseudonym
    assert found["Petrović"].pseudonym == found["Vesna Petrović"].pseudonym
    # Scanning again adds nothing and leaves no history entry.
    history = len(project.history())
    again = pseudonyms.scan(project, coder="me", entities=False)
    assert not again.new and again.occurrences == 0 and len(project.history()) == history


def test_outputs_replace_people_and_contacts_by_default(project: Store) -> None:
    pseudonyms.scan(project, coder="me", entities=False)
    replace = pseudonyms.replacer(project)
    text = project.documents.all()[0].text
    out = replace(text)
    for leak in ("Vesna", "Petrović", "Petrovic", "Marko", "Ilić", "marko.ilic@example.org",
                 "+381 11 555 0101", "Kralja Petra"):
        assert leak not in out, leak
    assert "ChildHub" in out and "[Person A]" in out
    assert replace("file vesna-petrovic.txt") == "file [Document 1]"


def test_decisions_keep_generalise_and_undo(project: Store) -> None:
    pseudonyms.scan(project, coder="me", entities=False)
    address = pseudonyms.find(project, "7 kralja petra street")
    pseudonyms.set_decision(project, [address], "generalise", coder="me",
                            replacement="an office in Belgrade")
    assert "[an office in Belgrade]" in pseudonyms.replacer(project)(
        "at 7 Kralja Petra Street.")
    email = pseudonyms.find(project, "marko.ilic@example.org")
    pseudonyms.set_decision(project, [email], "keep", coder="me")
    assert "marko.ilic@example.org" in pseudonyms.replacer(project)("marko.ilic@example.org")
    project.undo()
    assert "marko.ilic@example.org" not in pseudonyms.replacer(project)(
        "marko.ilic@example.org")
    with pytest.raises(Exception, match="wording"):
        pseudonyms.set_decision(project, [address], "generalise", coder="me")


def test_cli_list_and_set_by_kind(project: Store, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--project", str(project.path), "--coder", "me", "pseudonyms"]
    assert main([*args, "scan", "--no-entities"]) == 0
    assert "scanned 1 documents" in capsys.readouterr().out
    assert main([*args, "set", "--kind", "person", "--keep"]) == 0
    assert main([*args, "list", "--kind", "person", "--format", "csv"]) == 0
    rows = capsys.readouterr().out.strip().splitlines()[2:]
    assert rows and all(",keep," in row for row in rows)
    assert main([*args, "set", "nobody-here", "--keep"]) == 1


def test_reidentification_names_the_combination(project: Store) -> None:
    with project.action("cases", undoable=False):
        project.attributes.define("role", AttributeType.TEXT)
        project.attributes.define("country", AttributeType.TEXT)
        for name, role, country in (("A", "associate", "Serbia"), ("B", "associate", "Serbia"),
                                    ("C", "associate", "Moldova"), ("D", "staff", "Moldova")):
            case_id = project.cases.id_for(name, create=True)
            project.cases.set_attribute(case_id, "role", role)
            project.cases.set_attribute(case_id, "country", country)
    risk = reidentification(project, ["role", "country"])
    assert set(risk.singled_out) == {"C", "D"}
    assert reidentification(project, ["role"]).singled_out == {"D": ("staff",)}
    assert reidentification(project, ["country"]).safe
    assert risk.drop_suggestions[0] == ("role", 0)
