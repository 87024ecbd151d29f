"""Small projects for the suggesters: three clear topics, parsed with a blank pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.core.model import Code, Coding
from qualcode.nlp import BLANK
from qualcode.services import demo
from qualcode.store import Store
from tests.conftest import CODEBOOK, TRANSCRIPTS, make_document

TOPICS = {
    "money": [
        "The membership fee pays for the budget and the donor grant covers the rest.",
        "Our income comes from a grant, a membership fee and a small training budget.",
        "The donor cut the grant, so the budget now depends on the membership fee.",
        "We charge a fee for training and the income goes back into the budget.",
    ],
    "moderation": [
        "The facilitator moderates the forum and answers every question within a day.",
        "A moderator summarises the forum discussion and tags members who can answer.",
        "Our facilitator posts a weekly question in the forum and moderates replies.",
        "Without a facilitator the forum goes quiet and nobody answers a question.",
    ],
    "steering": [
        "The steering group decides the national plan and votes on the priorities.",
        "Seven members sit on the steering group, with a rotating chair and a vote.",
        "The board and the steering group approve the plan and the priorities each year.",
        "Members elect the steering group, which decides the plan by a vote.",
    ],
}
CODES = {"money": "Funding", "moderation": "Moderation", "steering": "Steering groups"}


def add_topic_documents(store: Store, documents: int = 4) -> None:
    """``documents`` interviews, each with one answer per topic (plus interviewer turns)."""
    with store.action("seed", undoable=False):
        store.settings.set("nlp_model", BLANK)
        for n in range(documents):
            turns: list[tuple[str | None, str]] = [(None, "FICTIONAL TRANSCRIPT for tests.")]
            for topic, answers in TOPICS.items():
                turns.append(("Interviewer", f"Could you tell me about {topic}?"))
                turns.append((f"Person{n}", answers[n % len(answers)]))
            doc, parsed_turns = make_document(f"interview{n}.txt", turns)
            store.documents.add(doc, parsed_turns)
        for position, (topic, name) in enumerate(CODES.items()):
            store.codes.add(Code(name=name, guid=f"guid-{topic}", position=position,
                                 definition=TOPICS[topic][0]))


def code_first_answers(store: Store, documents: int, coder: str = "human") -> None:
    """Code each topic's answer in the first ``documents`` interviews with its code."""
    codes = {c.name: c.id or 0 for c in store.codes.all()}
    with store.action("code", coder=coder):
        for doc in store.documents.all()[:documents]:
            for topic, name in CODES.items():
                for answer in TOPICS[topic]:
                    start = doc.text.find(answer)
                    if start >= 0:
                        store.codings.add(Coding(
                            document_id=doc.id or 0, code_id=codes[name], start=start,
                            end=start + len(answer), text=answer, coder=coder))


@pytest.fixture
def topics(store: Store) -> Store:
    add_topic_documents(store)
    return store


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo project with its coding, built once per module (a copy per test is cheap)."""
    path = tmp_path_factory.mktemp("demo") / "demo.qualcode"
    demo.build_demo(path, TRANSCRIPTS, CODEBOOK, coder="tester")
    return path
