"""The ``qualcode`` command: thin commands over services.

Kept light to import: no Textual, spaCy or scikit-learn here (a test checks), so that
``qualcode --help`` and quick commands start fast. User errors are one line on stderr and
exit code 1 (2 for a bad command line), never a traceback.
"""

from __future__ import annotations

import sqlite3
import sys

import click

from qualcode.cli.app import cli
from qualcode.cli.output import shown
from qualcode.core.errors import QualcodeError

# Importing the modules registers their commands on ``cli``.
from qualcode.cli import codebook_cmds, coding_cmds, project_cmds  # noqa: E402,F401  isort:skip
from qualcode.cli import analysis_cmds, report_cmds, synth_cmds  # noqa: E402,F401  isort:skip
from qualcode.cli import suggest_cmds, suggest_evaluate  # noqa: E402,F401  isort:skip
from qualcode.cli import parse_cmds  # noqa: E402,F401  isort:skip
from qualcode.cli import team_cmds  # noqa: E402,F401  isort:skip
from qualcode.cli import privacy_cmds  # noqa: E402,F401  isort:skip
from qualcode.cli import exchange_cmds  # noqa: E402,F401  isort:skip
from qualcode.cli import speaker_cmds  # noqa: E402,F401  isort:skip
from qualcode.cli import section_cmds  # noqa: E402,F401  isort:skip
from qualcode.cli import serve_cmds  # noqa: E402,F401  isort:skip
from qualcode.cli import settings_cmds  # noqa: E402,F401  isort:skip


def main(argv: list[str] | None = None) -> int:
    try:
        # Without standalone mode click returns the code of an Exit instead of raising it.
        result = cli.main(args=argv, prog_name="qualcode", standalone_mode=False)
    except click.exceptions.Exit as done:
        return int(done.exit_code or 0)
    except click.Abort:
        click.echo("qualcode: interrupted", err=True)
        return 130
    except click.UsageError as err:
        hint = f" (see `{err.ctx.command_path} --help`)" if err.ctx else ""
        click.echo(shown(f"qualcode: error: {err.format_message()}{hint}"), err=True)
        return 2
    except click.ClickException as err:
        click.echo(shown(f"qualcode: error: {err.format_message()}"), err=True)
        return 1
    except QualcodeError as err:
        click.echo(shown(f"qualcode: error: {err}"), err=True)  # names may hold an ESC
        return 1
    except sqlite3.DatabaseError as err:
        click.echo(shown(f"qualcode: error: project file: {err}"), err=True)
        return 1
    except KeyboardInterrupt:
        click.echo("qualcode: interrupted", err=True)
        return 130
    except BrokenPipeError:
        return 0
    return result if isinstance(result, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
