"""`qualcode settings`: list the settings a user may choose, set and unset one."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.cli import main


def test_settings_show_set_and_unset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = ["--project", str(tmp_path / "p.qualcode"), "--coder", "tester"]
    assert main([*project, "init"]) == 0
    assert main([*project, "settings", "set", "nlp_model", "blank:en"]) == 0
    assert capsys.readouterr().out.endswith("nlp_model = blank:en\n")
    assert main([*project, "settings", "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0] == "setting,value,meaning,when unset"
    assert rows[1].startswith("nlp_model,blank:en,") and rows[2].startswith("key_attributes,")
    assert main([*project, "settings", "set", "key_attributes", "country"]) == 1
    assert "no case attribute 'country'" in capsys.readouterr().err
    assert main([*project, "settings", "set", "nlp_model", ""]) == 0
    assert "nlp_model = (not set)" in capsys.readouterr().out
