"""The YAML codebook format (see codebooks/FORMAT.md): reading with line numbers, and writing.

The file is composed into YAML nodes rather than loaded, so every problem can name its line.
Only plain YAML is read (the tags ``yaml.safe_load`` knows); a scalar is taken as the text the
user typed, so ``shortcut: 1`` is "1" and ``name: No`` is "No", not a number or a boolean.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from qualcode.codebook.entry import TEXT_FIELDS, Codebook
from qualcode.codebook.source import read_text
from qualcode.codebook.validate import Draft, Problems, build_entries, checked_entries, clean_text
from qualcode.core.errors import InputError

TOP_FIELDS = ("codebook", "description", "codes")
CODE_FIELDS = (
    "name",
    "guid",
    "definition",
    "inclusion",
    "exclusion",
    "example",
    "examples",
    "colour",
    "color",
    "shortcut",
    "codes",
)
# Two spellings of one field: a code may use either, not both.
_SYNONYMS = {"color": "colour", "examples": "example"}

_STD = "tag:yaml.org,2002:"
_NULL = _STD + "null"
_SAFE_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
# "colour: #1f77b4" unquoted: YAML reads the rest of the line as a comment.
_COMMENTED_COLOUR = re.compile(r"[ \t]*:[ \t]+#(\S*)")


def read_yaml(path: Path) -> Codebook:
    return codebook_from_yaml(read_text(path), source=path, default_name=path.stem)


def codebook_from_yaml(text: str, source: object = "<yaml>", default_name: str = "") -> Codebook:
    """Parse a YAML codebook; ``default_name`` is used when the file has no ``codebook`` key."""
    root = _compose(text, source)
    reader = _Reader(text, Problems(source))
    name, description = reader.read_top(root, default_name)
    entries = build_entries(reader.drafts, reader.problems)
    return Codebook(name=name, description=description, entries=entries)


def _compose(text: str, source: object) -> Node | None:
    try:
        loader = yaml.SafeLoader(text)
        try:
            return loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        said = "; ".join(part for part in (err.context, err.problem) if part)
        line = mark.line + 1 if mark else None
        raise InputError(source, f"malformed YAML: {said}", line=line) from None
    except yaml.reader.ReaderError as err:
        line = text.count("\n", 0, err.position) + 1
        char = err.character if isinstance(err.character, str) else chr(err.character)
        raise InputError(
            source, f"malformed YAML: character U+{ord(char):04X} is not allowed", line=line
        ) from None
    except yaml.YAMLError as err:
        raise InputError(source, f"malformed YAML: {err}") from None


def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return "nothing" if node.tag == _NULL else f"the text {node.value!r}"


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == _NULL


def _unknown(key: str, allowed: tuple[str, ...], where: str) -> str:
    close = difflib.get_close_matches(key.lower(), allowed, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown field {key!r} in {where}{hint}; allowed: {', '.join(allowed)}"


class _Reader:
    """Walks the composed document, collecting drafts and problems in file order."""

    def __init__(self, text: str, problems: Problems) -> None:
        self.text = text
        self.problems = problems
        self.drafts: list[Draft] = []
        self.read_nodes: set[int] = set()  # ids of the code lists and codes read so far

    def read_top(self, root: Node | None, default_name: str) -> tuple[str, str]:
        if root is None:
            self.problems.add(1, "the file is empty; expected 'codebook', 'description', 'codes'")
            return default_name, ""
        self._check_tags(root, set())
        if not isinstance(root, MappingNode):
            self.problems.add(
                _line(root),
                "expected a mapping with 'codebook', 'description' and 'codes' at the top, "
                f"found {_kind(root)}",
            )
            return default_name, ""
        fields = self._fields(root, TOP_FIELDS, "the top of the codebook")
        name = default_name
        if "codebook" in fields:
            name = clean_text(self._text(fields["codebook"], "'codebook' (its name)"))
        description = ""
        if "description" in fields:
            description = clean_text(self._text(fields["description"], "'description'"))
        if "codes" in fields:
            self._read_codes(fields["codes"], (), "'codes'")
        else:
            self.problems.add(_line(root), "the codebook has no 'codes' list")
        return name, description

    def _check_tags(self, node: Node, seen: set[int]) -> None:
        """Refuse what ``yaml.safe_load`` would refuse: tags other than plain YAML's."""
        if id(node) in seen:
            return
        seen.add(id(node))
        if node.tag not in _SAFE_TAGS:
            self.problems.add(
                _line(node), f"unsupported YAML tag {node.tag!r}; codebooks are plain YAML"
            )
        if isinstance(node, SequenceNode):
            for item in node.value:
                self._check_tags(item, seen)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                self._check_tags(key, seen)
                self._check_tags(value, seen)

    def _fields(
        self, node: MappingNode, allowed: tuple[str, ...], where: str
    ) -> dict[str, tuple[ScalarNode, Node]]:
        """The mapping's known fields by name (key node, value node); reports the others."""
        found: dict[str, tuple[ScalarNode, Node]] = {}
        for key_node, value in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problems.add(_line(key_node), f"a field name in {where} must be text")
                continue
            key = key_node.value
            if key not in allowed:
                self.problems.add(_line(key_node), _unknown(key, allowed, where))
                continue
            canonical = _SYNONYMS.get(key, key)
            twin = next((k for k in found if _SYNONYMS.get(k, k) == canonical), None)
            if twin == key:
                self.problems.add(_line(key_node), f"field {key!r} is given twice in {where}")
                continue
            if twin is not None:
                self.problems.add(
                    _line(key_node), f"give either {twin!r} or {key!r} in {where}, not both"
                )
                continue
            found[key] = (key_node, value)
        return found

    def _text(self, field: tuple[ScalarNode, Node], what: str) -> str:
        value = field[1]
        if isinstance(value, ScalarNode):
            return "" if value.tag == _NULL else value.value
        self.problems.add(_line(value), f"{what} must be text, found {_kind(value)}")
        return ""

    def _read_codes(
        self, field: tuple[ScalarNode, Node], parent: tuple[str, ...], what: str
    ) -> None:
        key, node = field
        if _is_null(node):
            return
        if not isinstance(node, SequenceNode):
            self.problems.add(_line(node), f"{what} must be a list of codes, found {_kind(node)}")
            return
        for seen in (node, *node.value):
            # An alias would repeat codes (or loop forever): each code is written once.
            if id(seen) in self.read_nodes:
                self.problems.add(
                    _line(key),
                    f"{what} repeats codes from line {_line(seen)} through a YAML alias; "
                    "write each code once",
                )
                return
        self.read_nodes.add(id(node))
        for item in node.value:
            self._read_code(item, parent)

    def _read_code(self, node: Node, parent: tuple[str, ...]) -> None:
        self.read_nodes.add(id(node))
        if not isinstance(node, MappingNode):
            hint = " (write '- name: ...')" if isinstance(node, ScalarNode) else ""
            self.problems.add(
                _line(node), f"a code must be a mapping with a 'name', found {_kind(node)}{hint}"
            )
            return
        fields = self._fields(node, CODE_FIELDS, "a code")
        if "name" not in fields:
            self.problems.add(_line(node), "a code has no 'name'")
            return
        name_node = fields["name"][1]
        if not isinstance(name_node, ScalarNode):
            self.problems.add(
                _line(name_node), f"a code's name must be text, found {_kind(name_node)}"
            )
            return
        name = "" if name_node.tag == _NULL else name_node.value.strip()
        path = (*parent, name)
        label = repr(" > ".join(path))
        draft = Draft(path=path, line=_line(node), name_line=_line(name_node))
        for key, field in fields.items():
            if key in ("name", "codes"):
                continue
            what = f"field {key!r} of code {label}"
            read = self._examples if key == "examples" else self._text
            text = read(field, what)
            if _SYNONYMS.get(key, key) == "colour" and _is_null(field[1]):
                self._check_commented_colour(field[0], key)
            draft.values[_SYNONYMS.get(key, key)] = (text, _line(field[1]))
        self.drafts.append(draft)
        if "codes" in fields:
            self._read_codes(fields["codes"], path, f"'codes' of code {label}")

    def _examples(self, field: tuple[ScalarNode, Node], what: str) -> str:
        node = field[1]
        if isinstance(node, ScalarNode):
            return "" if node.tag == _NULL else node.value
        if not isinstance(node, SequenceNode):
            self.problems.add(_line(node), f"{what} must be a list of texts, found {_kind(node)}")
            return ""
        texts = []
        for item in node.value:
            if not isinstance(item, ScalarNode):
                self.problems.add(_line(item), f"each of {what} must be text, found {_kind(item)}")
            elif item.tag != _NULL and item.value.strip():
                texts.append(clean_text(item.value))
        return "\n\n".join(texts)

    def _check_commented_colour(self, key_node: ScalarNode, key: str) -> None:
        start = key_node.end_mark.index
        end = self.text.find("\n", start)
        match = _COMMENTED_COLOUR.match(self.text[start : end if end >= 0 else None])
        if match:
            self.problems.add(
                _line(key_node),
                f'put the {key} in quotes, e.g. {key}: "#{match.group(1)}" '
                "(an unquoted # starts a YAML comment)",
            )


# Writing ------------------------------------------------------------------------------------


_WIDTH = 88  # PyYAML breaks at the first space after this column
_FOLD_LONGER_THAN = 60


class _Dumper(yaml.SafeDumper):
    """Indents lists under their key (as people write them) rather than flush with it."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    # Keep long texts readable and easy to edit: "|" keeps line breaks, ">" folds long lines.
    # PyYAML falls back to a quoted style when a block style cannot hold the text exactly.
    style = "|" if "\n" in data else ">" if len(data) > _FOLD_LONGER_THAN else None
    return dumper.represent_scalar(_STD + "str", data, style=style)


_Dumper.add_representer(str, _represent_str)


def codebook_to_yaml(codebook: Codebook, target: object = "<yaml>") -> str:
    """The codebook as YAML text; raises ``InputError`` naming ``target`` if it would not read
    back (e.g. a name containing " > " or a duplicate shortcut)."""
    entries = checked_entries(codebook, target)
    top: list[dict[str, object]] = []
    children: dict[tuple[str, ...], list[dict[str, object]]] = {(): top}
    for entry in entries:
        code: dict[str, object] = {"name": entry.name}
        if entry.guid:
            code["guid"] = entry.guid
        for field in TEXT_FIELDS:
            if getattr(entry, field):
                code[field] = getattr(entry, field)
        if entry.colour:
            code["colour"] = entry.colour
        if entry.shortcut:
            code["shortcut"] = entry.shortcut
        siblings = children[entry.parent_path]
        siblings.append(code)
        kids: list[dict[str, object]] = []
        children[entry.path] = kids
        code["codes"] = kids
    for codes in children.values():
        for code in codes:
            if not code["codes"]:
                del code["codes"]
    document: dict[str, object] = {"codebook": clean_text(codebook.name)}
    if clean_text(codebook.description):
        document["description"] = clean_text(codebook.description)
    document["codes"] = top
    return yaml.dump(
        document,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=_WIDTH,
    )
