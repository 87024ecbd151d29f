"""A small project with cases, attributes and codings, for synthesis tests."""

from __future__ import annotations

import pytest

from qualcode.core.model import AttributeType
from qualcode.services import coding
from qualcode.services.codes import find_code
from qualcode.store import Store


@pytest.fixture
def project(seeded: Store) -> Store:
    """``seeded`` with cases CA-01 (a.txt) and PO-01 (b.txt) and four codings."""
    with seeded.action("cases", undoable=False):
        seeded.attributes.define("role", AttributeType.TEXT)
        seeded.attributes.define("country", AttributeType.TEXT)
        for name, doc, role, country in (("CA-01", "a.txt", "country associate", "Moldova"),
                                         ("PO-01", "b.txt", "network coordinator", "Global")):
            case_id = seeded.cases.id_for(name, create=True)
            seeded.documents.set_case(seeded.documents.id_by_name(doc) or 0, case_id)
            seeded.cases.set_attribute(case_id, "role", role)
            seeded.cases.set_attribute(case_id, "country", country)
    a, b = seeded.documents.find("a.txt"), seeded.documents.find("b.txt")
    boards = find_code(seeded, "Steering groups")
    sharing = find_code(seeded, "Knowledge sharing")
    for doc, code, quote, important in (
            (a, boards, "A steering group of five countries decides.", True),
            (a, sharing, "Mostly in the forum. We also run webinars every month.", False),
            (b, boards, "A steering group of five countries decides.", False),
            (b, sharing, "People like them.", False)):
        start, end = coding.resolve_span(seeded, doc, coding.SpanRef(quote=quote))
        coding.apply_code(seeded, doc, code, start, end, coder="tester", important=important)
    return seeded
