"""A REFI-QDA project as it may leave the machine: every text through the identifier
register, with each coding's positions carried onto the pseudonymised text."""

from __future__ import annotations

from dataclasses import replace

from qualcode.analysis.identifiers import Replacer
from qualcode.exchange.model import XProject


def pseudonymised_project(project: XProject, swap: Replacer) -> XProject:
    if not swap:
        return project
    sources = []
    for source in project.sources:
        text, offsets = swap.apply(source.text)
        codings = [replace(c, start=offsets.start(c.start), end=offsets.end(c.end))
                   for c in source.codings]
        sources.append(replace(source, name=swap(source.name), text=text, codings=codings,
                               description=swap(source.description),
                               values=_values(source.values, swap)))
    return replace(
        project, sources=sources, description=swap(project.description),
        notes=[replace(n, name=swap(n.name), text=swap(n.text)) for n in project.notes],
        codes=[replace(c, description=swap(c.description)) for c in project.codes],
        cases=[replace(c, name=swap(c.name), description=swap(c.description),
                       values=_values(c.values, swap)) for c in project.cases],
        sets=[replace(s, description=swap(s.description)) for s in project.sets])


def _values(values: dict, swap: Replacer) -> dict:
    return {k: swap(v) if isinstance(v, str) else v for k, v in values.items()}
