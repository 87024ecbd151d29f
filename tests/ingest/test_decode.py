from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from qualcode.core.errors import InputError
from qualcode.ingest import read_transcript
from qualcode.ingest.decode import decode_text

SAMPLE = "Interviewer: Ça va? Where’s the “café”?\nMaja: It costs €5 – naïve, no?\n"


def _write(tmp_path: Path, data: bytes, name: str = "t.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_plain_utf8(tmp_path: Path) -> None:
    parsed = read_transcript(_write(tmp_path, SAMPLE.encode()))
    assert parsed.text == SAMPLE
    assert parsed.encoding == "utf-8"
    assert parsed.notes == []
    assert parsed.format == "txt"


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    parsed = read_transcript(_write(tmp_path, codecs.BOM_UTF8 + SAMPLE.encode()))
    assert parsed.text == SAMPLE
    assert parsed.encoding == "utf-8-sig"
    assert parsed.notes == []


@pytest.mark.parametrize(
    ("bom", "codec", "name"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    ],
)
def test_utf16_with_bom(tmp_path: Path, bom: bytes, codec: str, name: str) -> None:
    data = bom + SAMPLE.replace("\n", "\r\n").encode(codec)
    parsed = read_transcript(_write(tmp_path, data))
    assert parsed.text == SAMPLE
    assert parsed.encoding == name
    assert parsed.notes == [f"decoded as {name} (not UTF-8)"]
    assert [t.speaker for t in parsed.turns] == ["Interviewer", "Maja"]


def test_cp1252_is_decoded_and_reported(tmp_path: Path) -> None:
    parsed = read_transcript(_write(tmp_path, SAMPLE.encode("cp1252")))
    assert parsed.text == SAMPLE
    assert "é" in parsed.text and "€" in parsed.text and "“café”" in parsed.text
    assert parsed.encoding == "cp1252"
    assert parsed.notes == ["decoded as cp1252 (not UTF-8; its letters fit French)"]


def test_longer_cp1252_transcript(tmp_path: Path) -> None:
    text = "".join(
        f"Interviewer: Question {n} – what about the “réseau”?\n"
        f"Zoë Müller: Well… it’s déjà vu, we paid €{n}00 for the café.\n"
        for n in range(40)
    )
    parsed = read_transcript(_write(tmp_path, text.encode("cp1252")))
    assert parsed.text == text
    assert parsed.encoding == "cp1252"


def test_cyrillic_single_byte_text_is_decoded(tmp_path: Path) -> None:
    russian = "Интервьюер: Расскажите о сети защиты детей, пожалуйста. Мы долго говорили.\n" * 5
    parsed = read_transcript(_write(tmp_path, russian.encode("cp1251")))
    assert parsed.text == russian
    assert parsed.notes == ["decoded as cp1251 (not UTF-8; its letters fit Russian)"]


def test_bytes_that_fit_no_language_are_refused(tmp_path: Path) -> None:
    rng = random.Random(1)  # letters and high bytes at random: no code page makes words of it
    data = bytes(rng.choice(range(0x80, 0x100)) if rng.random() < 0.5
                 else rng.choice(range(0x61, 0x7B)) for _ in range(3000))
    with pytest.raises(InputError, match="save the file as UTF-8"):
        read_transcript(_write(tmp_path, data))


def test_crlf_and_lone_cr_become_lf(tmp_path: Path) -> None:
    data = b"Interviewer: one\r\nMaja: two\rthree\r\n\r\nInterviewer: four"
    parsed = read_transcript(_write(tmp_path, data))
    assert parsed.text == "Interviewer: one\nMaja: two\nthree\n\nInterviewer: four"
    assert "\r" not in parsed.text


def test_nothing_else_is_touched(tmp_path: Path) -> None:
    # Leading/trailing white space, tabs and decomposed accents survive as written.
    text = "  \n\tInterviewer:  caf\u0065\u0301 \u00a0 \n\nMaja: x   \n\n\n"
    parsed = read_transcript(_write(tmp_path, text.encode()))
    assert parsed.text == text


@pytest.mark.parametrize(
    "data",
    [
        b"Interviewer: hi\x00\x00\x01 there",
        bytes(range(1, 32)) * 20,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    ],
)
def test_binary_is_refused(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path, data)
    with pytest.raises(InputError) as err:
        read_transcript(path)
    assert err.value.problem == "not a text file (binary data)"
    assert str(path) in str(err.value)


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t ", codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_empty_is_refused(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(InputError) as err:
        read_transcript(_write(tmp_path, data))
    assert err.value.problem == "empty file: no text to import"


def test_decode_text_reports_the_path() -> None:
    with pytest.raises(InputError, match=r"^where\.txt: empty file"):
        decode_text(b"", Path("where.txt"))


def test_broken_utf16_is_a_clear_error(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + "ok".encode("utf-16-le") + b"\x00\xd8"  # lone surrogate
    with pytest.raises(InputError, match="not valid utf-16-le text"):
        read_transcript(_write(tmp_path, data))
