"""Single-byte code pages told apart by the language of the text, and UTF-16 without a BOM.

Every sample is FICTIONAL, written for these tests, saved the way Windows Notepad and older
word processors save it (CRLF line ends, the code page of the writer's locale).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.ingest import read_transcript
from qualcode.ingest.charsets import readings

SERBIAN = ("FICTIONAL TRANSCRIPT\n"
           "Intervjuer: Kako je mreža počela da radi u Čačku?\n"
           "Milica Đorđević: Najviše smo učili od kolega iz Đakovice. Ćutali smo dugo, "
           "ali sad šaljemo izveštaje svakog meseca. Žene iz centra su bile ključne.\n")
ROMANIAN_CP1250 = ("FICTIONAL TRANSCRIPT\n"
                   "Intervievator: Cum aţi ajuns în reţea?\n"
                   "Ioana Mureşan: Prin şcoala de vară din Iaşi. Protecţia copilului înseamnă "
                   "muncă în echipă; am învăţat să cerem sprijin.\n")
ROMANIAN_COMMA = ROMANIAN_CP1250.translate(str.maketrans("şţŞŢ", "șțȘȚ"))
POLISH = ("FICTIONAL TRANSCRIPT\nWywiad: Jak działa sieć w Łodzi?\n"
          "Zofia Wójcik: Źródłem wiedzy są spotkania; każdy uczy się od siebie.\n")
CZECH = ("FICTIONAL TRANSCRIPT\nTazatel: Jak funguje síť v Ústí?\n"
         "Jiří Šťastný: Řekněme, že děti a rodiny potřebují víc než jednu službu.\n")
HUNGARIAN = ("FICTIONAL TRANSCRIPT\nKérdező: Hogyan működik a hálózat Győrben?\n"
             "Szőke Anna: Az együttműködés erősödött, bár a források szűkösek.\n")
RUSSIAN = ("FICTIONAL TRANSCRIPT\nИнтервьюер: Как работает сеть защиты детей?\n"
           "Ольга: Мы обмениваемся опытом и проводим вебинары каждый месяц.\n")
SERBIAN_CYRILLIC = ("FICTIONAL TRANSCRIPT\nИнтервјуер: Како је мрежа почела у Чачку?\n"
                    "Милица Ђорђевић: Највише смо учили од колега; њихов рад је кључан.\n")
ENGLISH = ("FICTIONAL TRANSCRIPT\nInterviewer: How do members share what works?\n"
           "Ana: Mostly in the forum – and we’re running “peer visits” now, €200 each.\n")


def _import(tmp_path: Path, text: str, encoding: str, name: str = "t.txt"):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return read_transcript(path)


@pytest.mark.parametrize(("text", "encoding", "language"), [
    (SERBIAN, "cp1250", "Serbian/Croatian/Bosnian"),
    (SERBIAN, "iso8859_2", "Serbian/Croatian/Bosnian"),
    (ROMANIAN_CP1250, "cp1250", "Romanian"),
    (POLISH, "cp1250", "Polish"),
    (POLISH, "iso8859_2", "Polish"),
    (CZECH, "cp1250", "Czech"),
    (HUNGARIAN, "cp1250", "Hungarian"),
    (RUSSIAN, "cp1251", "Russian"),
    (RUSSIAN, "koi8_r", "Russian"),
    (SERBIAN_CYRILLIC, "cp1251", "Serbian (Cyrillic)"),
], ids=lambda v: v if isinstance(v, str) and len(v) < 12 else None)
def test_the_code_page_is_found_and_the_text_round_trips(
        tmp_path: Path, text: str, encoding: str, language: str) -> None:
    parsed = _import(tmp_path, text, encoding)
    assert parsed.text == text
    assert parsed.encoding == encoding
    assert parsed.notes[0].startswith(f"decoded as {encoding} (not UTF-8; "
                                      f"its letters fit {language}")


def test_serbian_cp1250_is_not_read_as_cp1252(tmp_path: Path) -> None:
    # The reported bug: "Čačak, Đakovica" became "Èaèak, Ðakovica".
    parsed = _import(tmp_path, "Intervjuer: Čačak, Đakovica\n", "cp1250")
    assert parsed.text == "Intervjuer: Čačak, Đakovica\n"
    assert parsed.encoding == "cp1250"


def test_western_text_stays_cp1252(tmp_path: Path) -> None:
    text = ENGLISH + "Zoë Müller: déjà vu, naïve – très bien.\n"
    parsed = _import(tmp_path, text, "cp1252")
    assert parsed.text == text
    assert parsed.encoding == "cp1252"
    assert not any("unsure" in note for note in parsed.notes)


def test_an_ambiguous_name_says_it_is_unsure(tmp_path: Path) -> None:
    # One č in English text reads as è in cp1252 just as well: the note says so.
    parsed = _import(tmp_path, "Interviewer: Marta Kovač asked about it.\n", "cp1250")
    assert parsed.encoding == "cp1252"
    assert "unsure: could also be cp1250 ('Kovaè' / 'Kovač')" in parsed.notes[0]


def test_romanian_with_commas_below_reads_as_the_cedilla_forms(tmp_path: Path) -> None:
    # ISO-8859-16 puts ș ț where cp1250 has ş ţ: the bytes cannot tell, so it says it is unsure.
    parsed = _import(tmp_path, ROMANIAN_COMMA, "iso8859_16")
    assert parsed.text == ROMANIAN_CP1250
    assert "unsure: could also be iso8859_16" in parsed.notes[0]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [ENGLISH, SERBIAN, RUSSIAN], ids=["en", "sr", "ru"])
def test_utf16_without_a_bom_is_text(tmp_path: Path, codec: str, text: str) -> None:
    parsed = _import(tmp_path, text, codec)
    assert parsed.text == text
    assert parsed.encoding == codec
    assert parsed.notes == [f"decoded as {codec} (not UTF-8; no byte-order mark)"]
    assert [t.speaker for t in parsed.turns if t.speaker][:1] in (
        ["Interviewer"], ["Intervjuer"], ["Интервьюер"])


def test_scoring_prefers_a_single_language() -> None:
    data = "Čačak, Đakovica".encode("cp1250")
    best, *others = readings(data)
    assert (best.encoding, best.text, best.fit) == ("cp1250", "Čačak, Đakovica", 1.0)
    cp1252 = next(r for r in others if r.encoding == "cp1252")
    assert cp1252.text == "Èaèak, Ðakovica" and cp1252.fit < 1.0


def test_multi_byte_encodings_are_left_to_charset_normalizer(tmp_path: Path) -> None:
    text = ("FICTIONAL TRANSCRIPT\nインタビュアー: ネットワークについて教えてください。\n"
            "回答者: 毎月ウェビナーを開いています。\n") * 3
    parsed = _import(tmp_path, text, "shift_jis")
    assert parsed.text == text
    assert parsed.encoding == "cp932"  # Windows' Shift-JIS, a superset
    assert "unsure: guessed by charset-normalizer" in parsed.notes[0]
