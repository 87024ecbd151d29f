"""Every fixture's speakers, roles and turn boundaries match its sidecar (fictional data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.speaker_fixtures import FIXTURES, score_fixture, sidecars, table

SIDECARS = sidecars()


def test_there_is_a_fixture_per_convention() -> None:
    names = {path.name.removesuffix(".expected.yml") for path in SIDECARS}
    assert len(names) >= 20
    assert {"otter", "otter.docx", "moderator_only", "numbered_roles", "teams.vtt",
            "zoom.vtt", "maxqda", "nvivo", "rev"} <= names
    for path in SIDECARS:  # every sidecar names a file that exists and says it is fictional
        source = next(line for line in path.read_text("utf-8").splitlines()
                      if line.startswith("file:")).split(":", 1)[1].strip()
        assert "fictional" in (FIXTURES / source).read_text("utf-8").casefold()


@pytest.mark.parametrize("sidecar", SIDECARS, ids=lambda p: Path(p).name.split(".exp")[0])
def test_fixture_speakers_roles_and_turns(sidecar: Path) -> None:
    score = score_fixture(sidecar)
    assert score.problems == []
    assert score.f1 == 1.0 and score.role_accuracy == 1.0


def test_print_f1_and_role_accuracy_per_convention(capsys: pytest.CaptureFixture[str]) -> None:
    scores = [score_fixture(path) for path in SIDECARS]
    with capsys.disabled():
        print("\nspeaker fixtures: turn-boundary F1 and role accuracy\n" + table(scores))
    assert min(s.f1 for s in scores) > 0.0
