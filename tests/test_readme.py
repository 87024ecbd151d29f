"""The README's command reference is what the command line says (regenerate: `make docs`)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest
from cogapp import Cog

from qualcode.cli import cli
from tests.cli.helpers import qualcode
from tests.conftest import REPO

README = REPO / "README.md"


def cog_check(path: Path) -> int:
    """``cog --check`` on ``path``: 0 when every generated part is current, 5 when stale."""
    return Cog().main(["cog", "--check", "--diff", "--check-fail-msg", "run `make docs`",
                       str(path)])


def test_the_readme_command_reference_is_current(capsys: pytest.CaptureFixture[str]) -> None:
    assert cog_check(README) == 0, capsys.readouterr().out


def test_a_stale_reference_fails_the_check(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    stale = tmp_path / "README.md"
    stale.write_text(README.read_text(encoding="utf-8").replace(
        "qualcode stats [OPTIONS]\n", "qualcode statistics [OPTIONS]\n"), encoding="utf-8")
    assert cog_check(stale) == 5
    assert "+qualcode stats [OPTIONS]" in capsys.readouterr().out


def test_the_reference_is_the_real_help(tmp_path: Path) -> None:
    """The generated block is byte for byte what `qualcode --help` prints in a terminal."""
    shown = qualcode(tmp_path / "p.qualcode", "--help", check=True).stdout
    assert f"```text\n{shown}```\n" in README.read_text(encoding="utf-8")


def example_commands(text: str) -> list[list[str]]:
    """Every `qualcode ...` command in the README's ```sh blocks, as words (comments,
    redirections and line continuations taken out)."""
    found = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.replace("\\\n", " ").splitlines():
            for command in line.split(";"):
                words = shlex.split(command, comments=True)
                if words[:1] == ["qualcode"]:
                    found.append(words[1:words.index("<")] if "<" in words else words[1:])
    return found


def unknown_options(words: list[str]) -> list[str]:
    """The commands and options in ``words`` that the command line does not have."""
    command: click.Command = cli
    ctx = cli.make_context("qualcode", [], resilient_parsing=True)
    unknown = []
    rest = iter(words)
    for word in rest:
        if word == "--":  # only arguments after it
            break
        if word.startswith("-") and word != "-":
            params = {o: p for p in command.get_params(ctx) for o in p.opts + p.secondary_opts}
            param = params.get(word.split("=")[0])
            if param is None:  # and what follows cannot be told apart
                unknown.append(f"{ctx.command_path} {word}")
                break
            if "=" not in word and not getattr(param, "is_flag", False) \
                    and not getattr(param, "count", False):
                for _ in range(param.nargs):  # its value
                    next(rest, None)
        elif isinstance(command, click.Group):
            if word not in command.commands:
                unknown.append(f"{ctx.command_path} {word}")
                break
            command = command.commands[word]
            ctx = command.make_context(word, [], parent=ctx, resilient_parsing=True)
    return unknown


def test_the_readme_examples_use_real_commands_and_options() -> None:
    """The hand-written tour names only commands and options that exist."""
    examples = example_commands(README.read_text(encoding="utf-8"))
    assert len(examples) > 60
    assert [problem for words in examples for problem in unknown_options(words)] == []
    assert unknown_options(["codings", "--code", "X", "--colour", "red"]) == [
        "qualcode codings --colour"]
    assert unknown_options(["-p", "x.qualcode", "codebok", "show"]) == ["qualcode codebok"]
    # A text starting with a dash is read as an option: it fails in the shell as here.
    assert unknown_options(["synth", "section", "free", "- Reach"]) == [
        "qualcode synth section - Reach"]
