"""Export tests share the small synthesis project."""

from tests.synthesis.conftest import project  # noqa: F401  (a fixture)
