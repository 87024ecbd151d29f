"""Atomic writes: the target holds the old file or the whole new one, never a part, and every
failure is one line naming the file."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from qualcode.core import files
from qualcode.core.errors import QualcodeError
from qualcode.core.files import atomic_path, atomic_write, copy_atomic


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_atomic_write_writes_the_whole_file(tmp_path: Path) -> None:
    dest = tmp_path / "out.txt"
    with atomic_write(dest, encoding="utf-8") as out:
        out.write("Čačak, Đakovica\n")
        assert not dest.exists()  # nothing at the target until the block succeeds
    assert dest.read_text(encoding="utf-8") == "Čačak, Đakovica\n"
    assert leftovers(tmp_path) == []


def test_a_failing_writer_leaves_the_previous_file(tmp_path: Path) -> None:
    dest = tmp_path / "report.docx"
    dest.write_bytes(b"previous report")
    with pytest.raises(RuntimeError), atomic_path(dest) as tmp:
        tmp.write_bytes(b"half a rep")
        raise RuntimeError("the writer crashed")
    assert dest.read_bytes() == b"previous report"
    assert leftovers(tmp_path) == []


def test_a_full_disk_is_one_line_and_the_previous_file_survives(tmp_path: Path) -> None:
    dest = tmp_path / "segments.csv"
    dest.write_text("previous\n")
    with pytest.raises(QualcodeError) as caught, atomic_write(dest) as out:
        out.write("new rows\n")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert str(caught.value) == f"{dest}: cannot write: no space left on the disk"
    assert dest.read_text() == "previous\n"
    assert leftovers(tmp_path) == []


def test_a_failing_fsync_is_one_line_and_the_previous_file_survives(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dest = tmp_path / "codebook.yml"
    dest.write_text("previous\n")

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", no_space)
    with pytest.raises(QualcodeError, match="no space left on the disk"), \
            atomic_write(dest) as out:
        out.write("new\n")
    assert dest.read_text() == "previous\n"
    assert leftovers(tmp_path) == []


def test_a_missing_folder_is_one_line_unless_asked_to_create_it(tmp_path: Path) -> None:
    dest = tmp_path / "missing" / "out.csv"
    with pytest.raises(QualcodeError) as caught, atomic_write(dest) as out:
        out.write("x")
    assert str(caught.value) == f"{dest}: cannot write: the folder does not exist"
    with atomic_write(dest, parents=True) as out:
        out.write("x")
    assert dest.read_text() == "x"


def test_a_folder_as_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(QualcodeError, match="the target is a folder"), atomic_write(tmp_path):
        pass


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_a_read_only_folder_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "report.docx").write_bytes(b"previous")
    folder.chmod(0o555)
    try:
        with pytest.raises(QualcodeError, match="permission denied"), \
                atomic_write(folder / "report.docx", "wb") as out:
            out.write(b"new")
    finally:
        folder.chmod(0o755)
    assert (folder / "report.docx").read_bytes() == b"previous"


def test_a_replaced_file_keeps_its_mode_and_a_new_one_follows_the_umask(tmp_path: Path) -> None:
    kept = tmp_path / "kept.csv"
    kept.write_text("old")
    kept.chmod(0o640)
    with atomic_write(kept) as out:
        out.write("new")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    umask = os.umask(0o027)
    try:
        with atomic_write(tmp_path / "new.csv") as out:
            out.write("new")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o640


def test_writing_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    with atomic_write(link) as out:
        out.write("new")
    assert link.is_symlink()
    assert real.read_text() == "new"


def test_copy_atomic_copies_whole_and_names_an_unreadable_source(tmp_path: Path) -> None:
    source = tmp_path / "p.qualcode"
    source.write_bytes(os.urandom(3 * 1024 * 1024))
    copy_atomic(source, tmp_path / "p.qualcode.bak-v3")
    assert (tmp_path / "p.qualcode.bak-v3").read_bytes() == source.read_bytes()
    with pytest.raises(QualcodeError, match=r"missing\.qualcode: cannot read"):
        copy_atomic(tmp_path / "missing.qualcode", tmp_path / "x.bak")
    assert not (tmp_path / "x.bak").exists()
    assert leftovers(tmp_path) == []


def test_a_copy_onto_a_full_disk_leaves_no_truncated_backup(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "p.qualcode"
    source.write_bytes(b"x" * 100_000)
    written = 0
    real_copy = files.shutil.copyfileobj

    def fills_up(src: object, dst: object, length: int = 0) -> None:
        nonlocal written
        real_copy(src, dst, 1000)  # type: ignore[arg-type]
        written += 1
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.shutil, "copyfileobj", fills_up)
    with pytest.raises(QualcodeError, match="bak-v2: cannot write: no space left"):
        copy_atomic(source, tmp_path / "p.qualcode.bak-v2")
    assert written == 1
    assert not (tmp_path / "p.qualcode.bak-v2").exists()
    assert leftovers(tmp_path) == []
