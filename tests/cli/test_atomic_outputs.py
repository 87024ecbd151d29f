"""Every file qualcode writes appears whole or not at all: `kill -9` in the middle of
`qualcode report` leaves the previous report, and a read-only or full target is one line and
exit 1 with the previous file intact (issue 9)."""

from __future__ import annotations

import contextlib
import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from qualcode.cli import main
from qualcode.core import files
from tests.cli.helpers import qualcode_process
from tests.conftest import CODEBOOK, TRANSCRIPTS

TRIALS = 6  # each is one `qualcode report` process (~2-3 s on a loaded 2-core machine)
OUTPUTS = [  # (command, file name) for every command that writes a file
    (("report",), "report.docx"),
    (("export", "segments"), "segments.csv"),
    (("export", "segments"), "segments.xlsx"),
    (("export", "codebook"), "codebook.docx"),
    (("codebook", "export"), "codebook.yml"),
]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("atomic") / "p.qualcode"
    for args in (["init"], ["import", str(TRANSCRIPTS / "ca01-moldova.txt"),
                            str(TRANSCRIPTS / "ca05-romania.txt")],
                 ["codebook", "load", str(CODEBOOK)]):
        assert main(["--project", str(path), *args]) == 0
    return path


def _parts(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.part"))


def _has_part(folder: Path) -> bool:
    return any(name.endswith(".part") for name in os.listdir(folder))


def _is_whole_docx(path: Path) -> bool:
    try:
        return bool(docx.Document(str(path)).paragraphs)
    except Exception:
        return False


def _kill_while_writing(project: Path, out: Path, delay: float) -> bool:
    """Start `qualcode report`, kill -9 it ``delay`` s after its temporary file appears.
    Returns whether it was killed before the rename (its temporary file is left)."""
    env = {**os.environ, "QUALCODE_CODER": "tester"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "qualcode.cli", "--project", str(project), "report", str(out)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 120
    # polled without sleeping: on a quiet machine the whole write, fsync and rename can take
    # less than a sleep's granularity, and a trial that misses it proves nothing
    while proc.poll() is None and not _has_part(out.parent) and time.monotonic() < deadline:
        pass
    time.sleep(delay)
    with contextlib.suppress(ProcessLookupError):
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return bool(_parts(out.parent))


@pytest.mark.slow
def test_kill_9_during_report_never_leaves_a_truncated_file(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.docx"
    qualcode_process(project, "report", str(out), check=True)
    previous = out.read_bytes()
    rng = random.Random(9)
    mid_write = 0
    for trial in range(TRIALS):
        # The first trials kill as soon as the temporary file appears (surely mid-write, even
        # on a slow machine); the others at a random moment in the next 10 ms.
        if _kill_while_writing(project, out, 0.0 if trial < 2 else rng.uniform(0, 0.01)):
            mid_write += 1
            assert out.read_bytes() == previous  # the previous report survives, byte for byte
            for part in _parts(tmp_path):
                part.unlink()
        else:  # finished before the kill: the new report is whole
            assert _is_whole_docx(out)
            previous = out.read_bytes()
    assert mid_write >= 1, "no trial was killed while writing; the test proved nothing"
    assert _is_whole_docx(out)


def test_a_full_disk_is_one_line_in_process(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    for command, name in OUTPUTS:
        out = tmp_path / name
        out.write_bytes(b"previous")
        monkeypatch.setattr(files.os, "fsync", no_space)
        capsys.readouterr()
        assert main(["--project", str(project), *command, str(out)]) == 1
        monkeypatch.undo()
        assert capsys.readouterr().err == (
            f"qualcode: error: {out}: cannot write: no space left on the disk\n")
        assert out.read_bytes() == b"previous"
        assert _parts(tmp_path) == []


@contextlib.contextmanager
def _tmpfs(folder: Path, size_kb: int) -> Iterator[Path]:
    """A small RAM disk at ``folder`` (needs root and mount rights; skips otherwise)."""
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs",
                           str(folder)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _one_line_and_intact(project: Path, folder: Path, problem: str,
                         capsys: pytest.CaptureFixture[str]) -> None:
    """Every writing command in-process, and `qualcode report` as a real process too."""
    for command, name in OUTPUTS:
        out = folder / name
        before = out.read_bytes()
        capsys.readouterr()
        assert main(["--project", str(project), *command, str(out)]) == 1
        assert capsys.readouterr().err == f"qualcode: error: {out}: cannot write: {problem}\n"
        assert out.read_bytes() == before
        assert _parts(folder) == []
    out = folder / "report.docx"
    done = qualcode_process(project, "report", str(out))
    assert (done.returncode, done.stderr) == (
        1, f"qualcode: error: {out}: cannot write: {problem}\n")
    assert out.read_bytes() == b"previous report.docx"


def _previous_outputs(folder: Path) -> None:
    for _, name in OUTPUTS:
        (folder / name).write_bytes(f"previous {name}".encode())


@pytest.mark.slow
def test_a_full_disk_is_one_line_and_exit_1(project: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    with _tmpfs(tmp_path / "small", 64) as folder:
        _previous_outputs(folder)
        filler = folder / "filler"
        with contextlib.suppress(OSError), open(filler, "wb") as out:
            out.write(b"\0" * (64 * 1024))  # fills the disk to the last block
        _one_line_and_intact(project, folder, "no space left on the disk", capsys)


@pytest.mark.slow
def test_a_read_only_folder_is_one_line_and_exit_1(project: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    if os.geteuid() != 0:
        folder = tmp_path / "ro"
        folder.mkdir()
        _previous_outputs(folder)
        folder.chmod(0o555)
        try:
            _one_line_and_intact(project, folder, "permission denied", capsys)
        finally:
            folder.chmod(0o755)
        return
    with _tmpfs(tmp_path / "ro", 1024) as folder:  # root ignores permissions: a read-only mount
        _previous_outputs(folder)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        _one_line_and_intact(project, folder, "the folder is on a read-only file system",
                             capsys)
