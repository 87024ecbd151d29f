"""Speakers and roles on the fictional fixtures: turn-boundary F1 and role accuracy.

Each fixture in ``tests/ingest/fixtures/speakers`` has a sidecar naming its file, its
expected speakers with roles, and its turns as ``[speaker, first words]``. A predicted turn
counts as right when it starts where the expected words start and has the expected speaker.
Roles are those import would give a document on its own (the labels and the evidence within
it; no other documents). Used by ``tests/ingest/test_speaker_fixtures.py`` and by the
``speakers`` benchmark stage.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from qualcode.core.model import Role, Turn
from qualcode.ingest import SpeakerRules, read_transcript
from qualcode.ingest.inference import DocumentSpeakers, SpeakerStats, infer_roles

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "ingest" / "fixtures" / "speakers"
NOTE = "(note)"
_BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass
class Score:
    name: str
    convention: str
    f1: float
    role_accuracy: float
    problems: list[str] = field(default_factory=list)


def sidecars() -> list[Path]:
    return sorted(FIXTURES.glob("*.expected.yml"))


def score_fixture(sidecar: Path, rules: SpeakerRules | None = None) -> Score:
    expected = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
    rules = rules or SpeakerRules()
    text, turns = parse(FIXTURES / expected["file"], rules)
    roles = document_roles(text, turns, rules)
    name = sidecar.name.removesuffix(".expected.yml")
    problems: list[str] = []
    f1 = _boundary_f1(text, turns, expected["turns"], problems)
    wanted = {str(k): Role(v) for k, v in expected["speakers"].items()}
    right = sum(roles.get(speaker) is role for speaker, role in wanted.items())
    for speaker, role in wanted.items():
        if roles.get(speaker) is not role:
            problems.append(f"{speaker}: expected {role}, got {roles.get(speaker)}")
    extra = sorted(set(roles) - set(wanted))
    if extra:
        problems.append(f"unexpected speakers: {', '.join(extra)}")
    accuracy = right / (len(wanted) + len(extra)) if wanted or extra else 1.0
    return Score(name, expected.get("convention", ""), f1, accuracy, problems)


def parse(path: Path, rules: SpeakerRules) -> tuple[str, list[Turn]]:
    if path.name.endswith(".docx.txt"):
        with tempfile.TemporaryDirectory() as tmp:
            built = build_docx(path, Path(tmp) / path.name.removesuffix(".txt"))
            parsed = read_transcript(built, rules)
    else:
        parsed = read_transcript(path, rules)
    return parsed.text, parsed.turns


def build_docx(spec: Path, dest: Path) -> Path:
    """A .docx from a spec: one paragraph per line, ``**...**`` marks bold runs."""
    import docx

    document = docx.Document()
    for line in spec.read_text(encoding="utf-8").split("\n")[:-1]:
        paragraph = document.add_paragraph()
        for index, part in enumerate(_BOLD.split(line)):
            if part:
                paragraph.add_run(part).bold = True if index % 2 else None
    document.save(str(dest))
    return dest


def document_roles(text: str, turns: list[Turn], rules: SpeakerRules) -> dict[str, Role]:
    """Roles for one document's speakers as import infers them (no other documents)."""
    stats: dict[str, SpeakerStats] = {}
    for turn in turns:
        if turn.speaker is None:
            continue
        said = text[turn.text_start : turn.text_end]
        s = stats.setdefault(turn.speaker, SpeakerStats(turn.speaker, first=not stats,
                                                        role=turn.role))
        s.turns += 1
        s.words += len(said.split())
        s.questions += "?" in said
    header = text[turns[0].text_start : turns[0].text_end] if turns and (
        turns[0].speaker is None) else ""
    doc = DocumentSpeakers("doc", list(stats.values()), header)
    return {name: guess.role for (_, name), guess in infer_roles([doc], rules).items()}


def _boundary_f1(text: str, turns: list[Turn], expected: list[list[str]],
                 problems: list[str]) -> float:
    predicted = {(t.text_start, t.speaker or NOTE) for t in turns}
    cursor, hits = 0, 0
    for speaker, words in expected:
        position = text.find(words, cursor)
        if position < 0:
            problems.append(f"expected words not in the text: {words!r}")
            continue
        cursor = position + 1
        if (position, speaker) in predicted:
            hits += 1
        else:
            problems.append(f"missed turn: [{speaker}, {words}]")
    if not turns or not expected:
        return 0.0
    return 2 * hits / (len(turns) + len(expected))


def table(scores: list[Score]) -> str:
    lines = [f"{'fixture':<22} {'F1':>5} {'roles':>6}  convention"]
    for s in scores:
        lines.append(f"{s.name:<22} {s.f1:>5.2f} {s.role_accuracy:>6.0%}  {s.convention}")
    return "\n".join(lines)
