"""A model-based test of the whole store: two coders code, uncode, resize, write memos, mark
key quotes, edit the codebook, write findings, pick quotes, fill matrix cells, review
suggestions, import attributes and transcripts (not undoable), undo and redo, in any order.

After every step: offsets are exact; no foreign key is broken; a row id always names the same
thing (ids are never reused, so nothing inherits a deleted row's finding or quote pick);
findings and quote picks never dangle; an
undo or redo touches only its own coder's action and only that action's rows; a refused step
changes nothing; redo right after undo restores the project exactly.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from qualcode.core.errors import QualcodeError
from qualcode.core.model import Code, MemoTarget
from qualcode.core.suggestions import CodeSuggestion
from qualcode.services import codes as code_service
from qualcode.services import coding as coding_service
from qualcode.services import history, suggest_review
from qualcode.services import synthesis as synth
from qualcode.services.cases import import_attributes
from qualcode.services.importing import import_paths
from qualcode.store import Store
from qualcode.store.history import Conflict
from tests.conftest import SAMPLE_TURNS, make_document

CODER_OF = ("a", "b")
CODERS = st.sampled_from(CODER_OF)
# One number per step, decoded by each rule: few draws keep 300 steps within Hypothesis's
# buffer (it ends an example early when the buffer fills).
WIDE = st.integers(0, 2**16)
STEPS = 300
# Which columns say what a row *is*: they never change under the same id.
IDENTITY = {"codes": ("guid",), "codings": ("document_id", "coder_id", "created_at"),
            "cases": ("name",), "documents": ("sha256",), "findings": ("code_id",),
            "quote_picks": ("coding_id",), "memos": ("target", "target_id"),
            "code_suggestions": ("document_id", "start", "end", "code_id")}


class StoreMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="qualcode-model-"))
        self.store = Store.open(self.folder / "model.qualcode", create=True)
        self.identity: dict[tuple[str, int], tuple[Any, ...]] = {}
        self.imports = 0
        self.steps = -1  # the invariants also run once before the first step
        with self.store.action("seed", undoable=False):
            for name, turns in (("a.txt", SAMPLE_TURNS), ("b.txt", SAMPLE_TURNS[::-1])):
                doc, parsed = make_document(name, turns)
                self.store.documents.add(doc, parsed)
            for n, name in enumerate(["Governance", "Knowledge sharing", "Funding"]):
                self.store.codes.add(Code(name=name, guid=f"seed-{n}", position=n))
            self.store.cases.id_for("CA-01", create=True)
        synth.define_matrix(self.store, self.store.codes.all(), ["strong", "weak"], coder="a")

    def teardown(self) -> None:
        # Hypothesis runs the full stateful_step_count unless it is shrinking a failure.
        event(f"steps: {self.steps if self.steps < STEPS else '300 or more'}")
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- helpers --------------------------------------------------------------------------
    def pick(self, items: list[Any], n: int) -> Any:
        return items[n % len(items)] if items else None

    def attempt(self, call: Any) -> None:
        """Run one user action; a refusal (QualcodeError) must leave everything as it was."""
        before = self.store.overview.snapshot()
        try:
            call()
        except QualcodeError as err:
            event(f"refused: {str(err)[:25]}")
            assert self.store.overview.snapshot() == before

    # -- coding ---------------------------------------------------------------------------
    @rule(n=WIDE)
    def code(self, n: int) -> None:
        coder, n = CODER_OF[n % 2], n // 2
        d, k, start, length = n % 2, n // 2 % 7, n // 14 % 97, 1 + n // 1358 % 60
        doc, code = self.pick(self.store.documents.all(), d), self.pick(self.store.codes.all(), k)
        if code is None:
            return
        start = start % (len(doc.text) - 1)
        end = min(len(doc.text), start + length)
        self.attempt(lambda: coding_service.apply_code(self.store, doc, code, start, end,
                                                       coder=coder))

    @rule(n=WIDE)
    def uncode(self, n: int) -> None:
        coder, n = CODER_OF[n % 2], n // 2
        coding = self.pick(self.store.codings.all(), n)
        if coding is not None:
            self.attempt(lambda: coding_service.remove_coding(self.store, coding, coder=coder))

    @rule(n=WIDE)
    def resize(self, n: int) -> None:
        coder, n = CODER_OF[n % 2], n // 2
        n, grow = n // 11, n % 11 - 5
        coding = self.pick(self.store.codings.all(), n)
        if coding is not None:
            end = max(coding.start + 1, coding.end + grow)
            self.attempt(lambda: coding_service.resize_coding(self.store, coding, coding.start,
                                                              end, coder=coder))

    @rule(n=WIDE)
    def memo(self, n: int) -> None:
        coder, n = CODER_OF[n % 2], n // 2
        target = list(MemoTarget)[1:][n % 3]
        text = ["", "a fictional thought", "revised"][n // 3 % 3]
        n //= 9
        pool = {MemoTarget.DOCUMENT: self.store.documents.all,
                MemoTarget.CODE: self.store.codes.all,
                MemoTarget.CODING: self.store.codings.all}[target]()
        item = self.pick(pool, n)
        if item is not None:
            self.attempt(lambda: coding_service.set_memo(self.store, target, item.id, text,
                                                         coder=coder))

    @rule(n=WIDE)
    def important(self, n: int) -> None:
        coder, n = CODER_OF[n % 2], n // 2
        n, on = n // 2, bool(n % 2)
        coding = self.pick(self.store.codings.all(), n)
        if coding is not None:
            self.attempt(lambda: coding_service.set_important(self.store, coding, on,
                                                              coder=coder))

    # -- the codebook ---------------------------------------------------------------------
    @rule(n=WIDE)
    def add_code(self, n: int) -> None:
        coder, n = CODER_OF[n % 2], n // 2
        name = ["Trust", "Donors", "Webinars", "Forum"][n % 4]
        nested, parent = bool(n // 4 % 2), n // 8
        under = self.pick(self.store.codes.all(), parent) if nested else None
        self.attempt(lambda: code_service.add_code(self.store, name, parent=under,
                                                   coder=coder))

    @rule(n=WIDE)
    def rename_code(self, n: int) -> None:
        coder, n = CODER_OF[n % 2], n // 2
        n, name = n // 3, ["Renamed", "Other name", "Trust"][n % 3]
        code = self.pick(self.store.codes.all(), n)
        if code is not None:
            self.attempt(lambda: code_service.update_code(self.store, code, coder=coder,
                                                          name=name))

    @rule(n=WIDE)
    def move_code(self, n: int) -> None:
        coder, n = CODER_OF[n % 2], n // 2
        n, m = n % 16, n // 16
        codes = self.store.codes.all()
        code, parent = self.pick(codes, n), self.pick(codes, m)
        if code is not None:
            self.attempt(lambda: code_service.move_code(self.store, code, parent, coder=coder))

    @rule(n=WIDE)
    def merge_codes(self, n: int) -> None:
        coder, n = CODER_OF[n % 2], n // 2
        n, m = n % 16, n // 16
        codes = self.store.codes.all()
        source, target = self.pick(codes, n), self.pick(codes, m)
        if source is not None and len(codes) > 1:
            self.attempt(lambda: code_service.merge_codes(self.store, source, target,
                                                          coder=coder))

    @rule(n=WIDE)
    def delete_code(self, n: int) -> None:
        coder, n = CODER_OF[n % 2], n // 2
        code = self.pick(self.store.codes.all(), n)
        if code is not None and len(self.store.codes.all()) > 1:
            self.attempt(lambda: code_service.delete_code(self.store, code, coder=coder))

    # -- synthesis ------------------------------------------------------------------------
    @rule(n=WIDE)
    def finding(self, n: int) -> None:
        coder, n = CODER_OF[n % 2], n // 2
        n, text = n // 3, ["", "A fictional finding.", "Revised."][n % 3]
        code = self.pick(self.store.codes.all(), n)
        if code is not None:
            self.attempt(lambda: synth.set_finding(self.store, code, text, coder=coder))

    @rule(n=WIDE)
    def quote(self, n: int) -> None:
        coder, n = CODER_OF[n % 2], n // 2
        n, on = n // 2, bool(n % 2)
        coding = self.pick(self.store.codings.all(), n)
        if coding is not None:
            act = synth.pick_quote if on else synth.unpick_quote
            self.attempt(lambda: act(self.store, coding, coder=coder))

    @rule(n=WIDE)
    def cell(self, n: int) -> None:
        coder, n = CODER_OF[n % 2], n // 2
        rating, n, m = ["", "strong", "weak"][n % 3], n // 3 % 4, n // 12
        case, code = self.pick(self.store.cases.all(), n), self.pick(self.store.codes.all(), m)
        if case is not None and code is not None:
            self.attempt(lambda: synth.set_cell(self.store, case, code, coder=coder,
                                                summary=f"{rating} fictional", rating=rating))

    # -- suggestions and imports (not undoable) -------------------------------------------
    @rule(n=WIDE)
    def suggest(self, n: int) -> None:
        d, k, start = n % 2, n // 2 % 7, n // 14
        doc, code = self.pick(self.store.documents.all(), d), self.pick(self.store.codes.all(), k)
        if code is None:
            return
        start = start % (len(doc.text) - 10)
        with self.store.action("suggest codes", coder="a", undoable=False):
            self.store.suggestions.add_code_suggestion(CodeSuggestion(
                document_id=doc.id or 0, code_id=code.id or 0, start=start, end=start + 8,
                text=doc.text[start:start + 8], confidence=0.5, method="model",
                evidence=("fictional",), created_at=dt.datetime.now(dt.UTC).isoformat()))

    @rule(n=WIDE)
    def review(self, n: int) -> None:
        coder, n = CODER_OF[n % 2], n // 2
        n, accept = n // 2, bool(n % 2)
        pending = self.store.suggestions.code_suggestions()
        chosen = self.pick([s for s in pending if s.status.value == "pending"], n)
        if chosen is not None:
            act = suggest_review.accept_suggestion if accept else (
                suggest_review.reject_suggestion)
            self.attempt(lambda: act(self.store, chosen.id or 0, coder=coder))

    @rule(n=WIDE)
    def attributes(self, n: int) -> None:
        coder, n = CODER_OF[n % 2], n // 2
        case, value = ["CA-01", "CA-02", "CA-03"][n % 3], ["Serbia", "Romania"][n // 3 % 2]
        sheet = self.folder / "cases.csv"
        sheet.write_text(f"case,country\n{case},{value}\n", encoding="utf-8")
        self.attempt(lambda: import_attributes(self.store, sheet, coder=coder))

    @rule(n=WIDE)
    def import_transcript(self, n: int) -> None:
        coder, n = CODER_OF[n % 2], n // 2
        case = ["CA-01", "CA-04"][n % 2]
        if self.imports >= 4:
            return
        self.imports += 1
        path = self.folder / f"t{self.imports}.txt"
        path.write_text(f"FICTIONAL {self.imports}.\nInterviewer: Why?\nAna: Because {case}.\n",
                        encoding="utf-8")
        import_paths(self.store, [path], case=case, coder=coder)

    # -- history --------------------------------------------------------------------------
    @rule(coder=CODERS)
    def undo(self, coder: str) -> None:
        self.step(history.undo, coder)

    @rule(coder=CODERS)
    def redo(self, coder: str) -> None:
        self.step(history.redo, coder)

    @rule(coder=CODERS)
    def undo_then_redo(self, coder: str) -> None:
        before = self.store.overview.snapshot()
        if self.step(history.undo, coder):
            self.step(history.redo, coder)
            assert self.store.overview.snapshot() == before

    def step(self, call: Any, coder: str) -> bool:
        before = self.store.overview.snapshot()
        try:
            done = call(self.store, coder).action
        except Conflict as err:
            event("undo/redo refused: rows changed since")
            assert "\n" not in str(err)
            assert self.store.overview.snapshot() == before
            return False
        except QualcodeError:
            assert self.store.overview.snapshot() == before
            return False
        assert done.coder == coder
        event(f"{call.__name__} done")
        last = self.store.history(1)[0]
        touched = {(e["table_name"], e["row_id"]) for e in self.store.log.events(last.id)}
        own = {(e["table_name"], e["row_id"]) for e in self.store.log.events(done.id)}
        assert touched <= own
        return True

    # -- invariants -----------------------------------------------------------------------
    @invariant()
    def offsets_are_exact(self) -> None:
        self.steps += 1
        texts = {d.id: d.text for d in self.store.documents.all()}
        for c in self.store.codings.all():
            assert texts[c.document_id][c.start:c.end] == c.text

    @invariant()
    def codes_form_a_tree(self) -> None:
        listed = self.store.codes.all()  # walks down from the roots: a cycle would hide codes
        count = self.store.conn.execute("SELECT count(*) FROM codes").fetchone()[0]
        assert len(listed) == count

    @invariant()
    def no_broken_or_inherited_reference(self) -> None:
        conn = self.store.conn
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        for table, columns in IDENTITY.items():
            for row in conn.execute(f"SELECT id, {', '.join(map(repr, columns))} FROM {table}"):
                key, value = (table, row[0]), tuple(row[1:])
                assert self.identity.setdefault(key, value) == value, key
        # A pick's coding and a finding's code exist (they go with it, and an undo that
        # would leave them dangling is refused); their ids never named anything else.
        for table, ref, target in (("quote_picks", "coding_id", "codings"),
                                   ("findings", "code_id", "codes")):
            dangling = conn.execute(f"SELECT count(*) FROM {table} WHERE {ref} NOT IN "
                                    f"(SELECT id FROM {target})").fetchone()[0]
            assert dangling == 0, table


TestStoreModel = StoreMachine.TestCase
TestStoreModel.settings = settings(
    max_examples=8, stateful_step_count=STEPS, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.filter_too_much])
