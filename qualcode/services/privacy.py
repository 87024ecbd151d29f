"""Privacy checks over the project's cases before a pseudonymised output."""

from __future__ import annotations

from collections.abc import Sequence

from qualcode.analysis.reidentification import Risk, assess
from qualcode.core.attributes import attribute_named
from qualcode.store import Store


def reidentification(store: Store, attributes: Sequence[str] | None = None, *,
                     k: int = 2, within: str | None = None) -> Risk:
    """Which cases the shown ``attributes`` (default: all) single out; with ``within`` (the
    organisation attribute) only among cases of the same organisation."""
    known = list(store.attributes.types())
    chosen = list(attributes) if attributes else known
    chosen = [attribute_named(a, known) for a in chosen]
    cases = {c.name: dict(c.attributes) for c in store.cases.all()}
    return assess(cases, chosen, k, within)
