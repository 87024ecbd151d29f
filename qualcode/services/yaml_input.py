"""Reading the project's readable YAML inputs (demo coding, demo synthesis, privacy
decisions): the data and its node tree (for line numbers), or one line naming the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from qualcode.core.errors import InputError


def load_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    """The file's data and its composed node tree (None for an empty file)."""
    try:
        text = path.read_text(encoding="utf-8")
        return yaml.safe_load(text), yaml.compose(text, Loader=yaml.SafeLoader)
    except OSError as err:
        raise InputError(path, f"cannot read file ({err.strerror})") from None
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise InputError(path, f"not valid YAML ({getattr(err, 'problem', err)})",
                         line=mark.line + 1 if mark else None) from None
