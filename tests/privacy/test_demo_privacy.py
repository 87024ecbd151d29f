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
        associates = {c.name for c in store.cases()
                      if c.attributes.get("role") == "country associate"}
    assert associates and associates <= set(risk.singled_out)
    # Without the country, the associates are one group of five.
    with Store.open(demo) as store:
        assert not associates & set(reidentification(store, ["role"]).singled_out)
    assert risk.drop_suggestions[0][0] == "country or region"
