"""Cases (the people or units interviewed) and their typed attributes."""

from __future__ import annotations

from qualcode.core.errors import NotFound, QualcodeError
from qualcode.core.model import AttributeType, AttributeValue, Case
from qualcode.store import convert
from qualcode.store.repository import Repository


class Attributes(Repository):
    def types(self) -> dict[str, AttributeType]:
        """Every attribute's type, in the order they were defined."""
        return {r["name"]: AttributeType(r["type"])
                for r in self.conn.execute("SELECT name, type FROM attributes ORDER BY id")}

    def define(self, name: str, kind: AttributeType) -> int:
        """The attribute's id, defining it if new; an existing one must be of ``kind``."""
        row = self.conn.execute("SELECT id, type FROM attributes WHERE name = ?",
                                (name,)).fetchone()
        if row is None:
            return self.log.insert("attributes", {"name": name, "type": kind.value})
        if row["type"] != kind.value:
            raise QualcodeError(
                f"attribute {name!r} is of type {row['type']}, not {kind.value}")
        return int(row["id"])


class Cases(Repository):
    def id_for(self, name: str, *, create: bool = False) -> int:
        """The id of case ``name``; with ``create``, added within the current action if new."""
        row = self.conn.execute("SELECT id FROM cases WHERE name = ?", (name,)).fetchone()
        if row is not None:
            return int(row["id"])
        if not create:
            raise NotFound(f"no case named {name!r}")
        return self.log.insert("cases", {"name": name})

    def all(self) -> list[Case]:
        """Every case with its attribute values, by name."""
        attrs: dict[int, dict[str, AttributeValue]] = {}
        for r in self.conn.execute("""
                SELECT ca.case_id, a.name, a.type, ca.value FROM case_attributes ca
                JOIN attributes a ON a.id = ca.attribute_id ORDER BY a.id"""):
            attrs.setdefault(r["case_id"], {})[r["name"]] = convert.attribute_from_text(
                AttributeType(r["type"]), r["value"])
        return [Case(name=r["name"], attributes=attrs.get(r["id"], {}), id=r["id"])
                for r in self.conn.execute("SELECT * FROM cases ORDER BY name")]

    def get(self, case_id: int) -> Case:
        for c in self.all():
            if c.id == case_id:
                return c
        raise NotFound(f"no case with id {case_id}")

    def set_attribute(self, case_id: int, name: str, value: AttributeValue) -> None:
        """A case's value of a defined attribute (within the current action)."""
        attributes = Attributes(self.conn, self.log)
        kind = attributes.types().get(name)
        if kind is None:
            raise NotFound(f"no attribute named {name!r}")
        attr_id = attributes.define(name, kind)
        text = convert.attribute_to_text(kind, value)
        row = self.conn.execute(
            "SELECT id FROM case_attributes WHERE case_id = ? AND attribute_id = ?",
            (case_id, attr_id)).fetchone()
        if row is None:
            self.log.insert("case_attributes",
                            {"case_id": case_id, "attribute_id": attr_id, "value": text})
        else:
            self.log.update("case_attributes", row["id"], {"value": text})
