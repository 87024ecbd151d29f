"""One very long plain-text transcript (e.g. 100 MB) for the import's memory benchmark: the
turns of a few synthetic interviews said over and over under one header, two speakers, as a
``Name: text`` transcript. Written in a stream, so making it never holds the file in memory."""

from __future__ import annotations

from pathlib import Path

from benchmarks.corpus import SEED, interview

MB = 1_000_000


def write_big_transcript(path: Path, megabytes: int, *, seed: int = SEED) -> Path:
    """``path``, about ``megabytes`` MB of UTF-8 text; the same bytes for the same seed."""
    source = [interview(n, seed=seed) for n in range(4)]
    first = source[0]
    target, written = megabytes * MB, 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        written += out.write(f"{first.header}\n\n")
        while written < target:
            for item in source:
                for turn in item.turns:
                    speaker = first.interviewer if turn.interviewer else first.respondent
                    head, *rest = turn.paragraphs
                    block = "\n\n".join([f"{speaker}: {head}", *rest]) + "\n\n"
                    written += len(block.encode("utf-8"))
                    out.write(block)
                    if written >= target:
                        return path
    return path
