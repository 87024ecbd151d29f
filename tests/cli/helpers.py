from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def qualcode(project: Path, *args: str, cwd: Path | None = None,
             check: bool = False) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a subprocess, as a user would."""
    env = {**os.environ, "QUALCODE_CODER": "tester", "COLUMNS": "200"}
    result = subprocess.run(
        [sys.executable, "-m", "qualcode.cli", "--project", str(project), *args],
        capture_output=True, text=True, env=env, cwd=cwd)
    if check and result.returncode != 0:
        raise AssertionError(f"qualcode {' '.join(args)} failed:\n{result.stderr}")
    return result
