"""The demo's hand-made coding: applied by the demo build, and its loader's errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.core.errors import InputError
from qualcode.core.model import Role
from qualcode.services.demo_coding import DEMO_CODER, apply_demo_coding, read_demo_coding
from qualcode.store import Store
from tests.conftest import TRANSCRIPTS


@pytest.mark.slow
def test_demo_build_codes_every_interview(demo_path: Path) -> None:
    with Store.open(demo_path) as store:
        codings = store.codings.all()
        documents = {c.document_id for c in codings}
        print(f"\ndemo coding: {len(codings)} codings, {len(documents)} documents, "
              f"{len({c.code_id for c in codings})} of {len(store.codes.all())} codes")
        assert len(codings) >= 150
        assert len(documents) == len(store.documents.all()) == 13  # a finished study
        # Six interviews are coded lightly, so suggestions still have text to work on.
        coverage = [i.coded_share for i in store.documents.infos()]
        assert sum(1 for share in coverage if share < 0.25) >= 6, coverage
        assert {c.coder for c in codings} == {DEMO_CODER}
        assert {c.origin for c in codings} == {"human"}
        assert len({c.code_id for c in codings}) >= 40  # across the codebook
        assert any(c.important for c in codings) and any(c.memo for c in codings)
        for c in codings:
            doc = store.documents.get(c.document_id)
            assert doc.text[c.start:c.end] == c.text
            assert any(t.text_start <= c.start and c.end <= t.text_end
                       and t.role is Role.RESPONDENT for t in store.turns.all(c.document_id))


def test_the_demo_coding_file_is_readable_data() -> None:
    entries = read_demo_coding(TRANSCRIPTS / "demo-coding.yml")
    assert len(entries) >= 150
    assert all(e.line > 0 and e.document and e.code and e.quote for e in entries)
    assert len({e.document for e in entries}) >= 6


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "coding.yml"
    path.write_text("# a comment\ncodings:\n" + body, encoding="utf-8")
    return path


GOOD = """  - document: a.txt
    code: Governance > Steering groups
    quote: >-
      A steering group of five
      countries decides.
    important: true
    memo: the core of it
"""


def test_a_good_entry_is_applied_with_its_memo(seeded: Store, tmp_path: Path) -> None:
    assert apply_demo_coding(seeded, write(tmp_path, GOOD)) == 1
    [coding] = seeded.codings.all()
    assert coding.text == "A steering group of five countries decides."
    assert coding.important and coding.memo == "the core of it"
    assert coding.coder == DEMO_CODER


@pytest.mark.parametrize(("body", "line", "problem"), ids=[
    "quote", "document", "code", "twice", "ambiguous", "interviewer", "field", "important",
], argvalues=[
    (GOOD + GOOD.replace("A steering group of five", "No such words"), 10, "quote not found"),
    (GOOD.replace("a.txt", "missing.txt"), 3, "no document named 'missing.txt'"),
    (GOOD.replace("Steering groups", "Nope"), 3, "no code 'Governance > Nope'"),
    (GOOD + GOOD, 10, "the same quote has this code twice"),
    (GOOD.replace("A steering group of five\n      countries decides.", "decides"), 3,
     "occurs 2 times"),
    (GOOD.replace("A steering group of five\n      countries decides.",
                  "And who decides priorities?"), 3, "not inside one respondent turn"),
    (GOOD.replace("    memo:", "    colour:"), 3, "unknown field(s): colour"),
    (GOOD.replace("important: true", "important: maybe"), 3, "must be true or false"),
])
def test_a_bad_entry_names_its_line_and_nothing_is_applied(
        seeded: Store, tmp_path: Path, body: str, line: int, problem: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(InputError) as err:
        apply_demo_coding(seeded, path)
    assert err.value.line == line and problem in err.value.problem, str(err.value)
    assert str(err.value).startswith(f"{path}:{line}: ")
    assert seeded.codings.all() == []


def test_a_file_without_a_codings_list_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(InputError, match="codings"):
        read_demo_coding(path)
