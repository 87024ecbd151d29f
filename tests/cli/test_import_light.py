"""`import qualcode.cli` stays light: the heavy libraries load only when a command needs them."""

from __future__ import annotations

import subprocess
import sys


def test_cli_import_loads_no_textual_spacy_or_sklearn() -> None:
    code = (
        "import sys, qualcode.cli\n"
        "heavy = [m for m in ('textual', 'spacy', 'sklearn', 'matplotlib', 'docx')"
        " if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""


def test_every_command_has_help_with_an_example() -> None:
    import click

    from qualcode.cli import cli

    def walk(group: click.Group, prefix: str) -> list[tuple[str, click.Command]]:
        found = []
        for name, command in group.commands.items():
            found.append((f"{prefix} {name}", command))
            if isinstance(command, click.Group):
                found += walk(command, f"{prefix} {name}")
        return found

    commands = walk(cli, "qualcode")
    assert len(commands) > 10
    for path, command in commands:
        if isinstance(command, click.Group):
            continue
        assert "Example" in (command.help or ""), f"{path} has no example in its help"
