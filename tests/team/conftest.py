"""Two fictional coders' projects of two demo interviews, built from readable files."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.services import cases, codes, demo_coding, importing
from qualcode.store import Store
from tests.conftest import CODEBOOK, TRANSCRIPTS

FIXTURES = Path(__file__).parent / "fixtures"
DOCUMENTS = ("ca01-moldova.txt", "po04-practice-connect.txt")


def build_coder_project(path: Path, coder: str) -> Path:
    with Store.open(path, create=True) as store:
        importing.import_paths(store, [TRANSCRIPTS / name for name in DOCUMENTS], coder=coder)
        lines = (TRANSCRIPTS / "cases.csv").read_text(encoding="utf-8").splitlines(True)
        table = path.with_suffix(".csv")
        table.write_text("".join([lines[0], *(line for line in lines[1:]
                                              if line.split(",")[0] in DOCUMENTS)]),
                         encoding="utf-8")
        cases.import_attributes(store, table, coder=coder)
        codes.load_codebook(store, CODEBOOK, coder=coder)
        demo_coding.apply_demo_coding(store, FIXTURES / f"{coder}.yml", coder=coder)
    return path


@pytest.fixture(scope="session")
def coder_projects(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("coders")
    return (build_coder_project(folder / "ana.qualcode", "ana"),
            build_coder_project(folder / "ben.qualcode", "ben"))


@pytest.fixture
def ana_and_ben(coder_projects: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    """Fresh copies for each test (merging changes the first)."""
    ana, ben = (tmp_path / p.name for p in coder_projects)
    for source, target in zip(coder_projects, (ana, ben), strict=True):
        target.write_bytes(source.read_bytes())
    return ana, ben
