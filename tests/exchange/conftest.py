"""Exchange tests: schemas, fixture archives and small projects."""

from __future__ import annotations

from pathlib import Path

import pytest
import xmlschema

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def project_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(FIXTURES / "Project.xsd")


@pytest.fixture(scope="session")
def codebook_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(FIXTURES / "Codebook.xsd")


def schema_errors(schema: xmlschema.XMLSchema, data: bytes) -> list[str]:
    return [f"{e.reason} at {e.path}" for e in schema.iter_errors(data.decode("utf-8"))]
