"""How much data the suggesters need: known without importing scikit-learn, so a service can
decide (or reuse a stored result) before paying for the import."""

from __future__ import annotations

MIN_SEGMENTS = 10  # coded passages before cross-validation means anything
