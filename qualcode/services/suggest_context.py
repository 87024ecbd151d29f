"""Evidence an interview gives for free, beside a passage's own words: the interviewer's
question before it, where in the interview it was said, and the speaker's case attributes.

Each kind becomes terms with a prefix ("q:forum", "at:2", "case:peer group=associate") added
to a passage's own, so the suggester weighs them like words and an explanation can name them.
Which kinds are used is chosen by cross-validation on the project's codings (see
CONTEXT_FEATURES in services/suggest.py and benchmarks/suggest_features.py).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from qualcode.core.attributes import format_value
from qualcode.core.model import Role, TurnSpan
from qualcode.services.suggest_corpus import Corpus
from qualcode.store import Store
from qualcode.suggest.terms import Terms

QUESTION, POSITION, CASE = "question", "position", "case"
KINDS = (QUESTION, POSITION, CASE)
PREFIXES = {"q:": "asked", "at:": "part of the interview", "case:": "case"}
PARTS = 5  # the interview cut in fifths for the position
MAX_VALUE = 40  # longer case attribute values (free text) say nothing shared
AT = tuple(f"at:{part}" for part in range(1, PARTS + 1))  # the position terms, made once


class Context:
    """The context terms of any passage of the corpus, for the chosen kinds."""

    def __init__(self, store: Store, corpus: Corpus, kinds: Iterable[str]) -> None:
        self.kinds = frozenset(kinds)
        unknown = self.kinds - set(KINDS)
        if unknown:
            raise ValueError(f"unknown context features: {', '.join(sorted(unknown))}")
        self._corpus = corpus
        # asked once per passage (tens of thousands): the kinds and lengths looked up once
        self._asked, self._placed = QUESTION in self.kinds, POSITION in self.kinds
        self._length = {d: max(1, len(doc.text)) for d, doc in corpus.documents.items()}
        self._turns: dict[int, tuple[list[int], list[TurnSpan]]] = {}
        self._case: dict[int, Terms] = {}
        if CASE in self.kinds:
            cases = {c.id: c for c in store.cases.all()}
            for doc_id, case_id in corpus.case_of.items():
                case = cases.get(case_id)
                self._case[doc_id] = [] if case is None else [
                    f"case:{name.lower()}={format_value(value).lower()}"
                    for name, value in sorted(case.attributes.items())
                    if value is not None and len(format_value(value)) <= MAX_VALUE]

    def terms(self, document_id: int, start: int, end: int) -> Terms:
        found: Terms = []
        if self._asked:
            found += [f"q:{w}" for w in self._question(document_id, start)]
        if self._placed:
            found.append(AT[min(PARTS - 1, PARTS * start // self._length[document_id])])
        if self._case:
            found += self._case.get(document_id, [])
        return found

    def _question(self, document_id: int, offset: int) -> Terms:
        """The words of the last interviewer turn before the turn holding ``offset``."""
        if document_id not in self._turns:
            turns = sorted(self._corpus.turns[document_id], key=lambda t: t.start)
            self._turns[document_id] = ([t.start for t in turns], turns)
        starts, turns = self._turns[document_id]
        at = bisect_right(starts, offset) - 1
        for turn in reversed(turns[:max(at, 0)]):
            if turn.role is Role.INTERVIEWER and turn.text_end > turn.text_start:
                text = self._corpus.documents[document_id].text
                terms = self._corpus.terms[document_id]
                return [w for s, e in terms.content(text, turn.text_start, turn.text_end)
                        for w in terms.terms(s, e)]
        return []


def describe(term: str) -> str:
    """An evidence term as a reader should see it: "asked: forum", or the word itself."""
    for prefix, what in PREFIXES.items():
        if term.startswith(prefix):
            value = term[len(prefix):]
            return f"{what}: {value}" if prefix != "at:" else f"{what} {value}/{PARTS}"
    return term
