"""Reading a file the user named: its bytes, or one line saying why it cannot be read.

Transcripts, codebooks, exchange files and report templates are all opened through
:func:`read_input`, so a missing file, a folder or a permission problem reads the same
whichever command met it.
"""

from __future__ import annotations

from pathlib import Path

from qualcode.core.errors import InputError


def read_input(path: Path, what: str = "file") -> bytes:
    """The bytes of ``path``; an InputError naming the file and the problem otherwise
    (``what`` names the kind of file expected, for "is a folder, not a <what>")."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "file not found") from None
    except IsADirectoryError:
        raise InputError(path, f"is a folder, not a {what}") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as err:
        raise InputError(path, f"cannot read file ({err.strerror or err})") from None
