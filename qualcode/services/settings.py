"""Project settings a user chooses: what each means, checking a new value, and writing it.

Settings live in the project file, so a choice travels with the project to a colleague. Only
the settings listed here can be set by hand (``qualcode settings set``); the others are
written by the commands that own them (``import --interviewer``, ``pseudonyms``, codebook
loading). A change is recorded in the history with the value it replaced, so nothing the user
chose is lost, but it is not undoable: it changes no coded data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qualcode.core.attributes import attribute_named
from qualcode.core.errors import QualcodeError
from qualcode.nlp import BLANK, ModelChoice, choose_model
from qualcode.nlp.pipeline import PREFERRED
from qualcode.store import Store

NLP_MODEL = "nlp_model"
KEY_ATTRIBUTES = "key_attributes"


@dataclass(frozen=True)
class Setting:
    key: str
    meaning: str
    default: str  # what applies while the setting is not set, in words
    is_list: bool = False  # given as comma-separated names, stored as a list


SETTINGS = {s.key: s for s in (
    Setting(NLP_MODEL, "spaCy pipeline for suggestions and for finding names in answers "
            f"(an installed package such as en_core_web_sm, or {BLANK})",
            "the best installed: " + ", then ".join(PREFERRED) + f", else {BLANK}"),
    Setting(KEY_ATTRIBUTES, "case attributes the workbench shows beside each document and "
            "segment (comma-separated, at most two shown)",
            "the short text attributes that tell the most cases apart", is_list=True),
)}


def model_choice(store: Store) -> ModelChoice:
    """The spaCy pipeline this project parses with (see ``nlp.choose_model``)."""
    return choose_model(store.settings.get(NLP_MODEL))


def current(store: Store) -> list[tuple[Setting, Any]]:
    """Every setting a user may set, with its value (None when not set)."""
    return [(s, store.settings.get(s.key)) for s in SETTINGS.values()]


def set_setting(store: Store, key: str, text: str, *, coder: str = "") -> Any:
    """Check ``text`` as a value of setting ``key`` and store it (an empty ``text`` unsets
    it); returns the value stored."""
    setting = SETTINGS.get(key.strip().lower())
    if setting is None:
        raise QualcodeError(f"no setting {key!r} (settings: {', '.join(SETTINGS)})")
    value = _checked(store, setting, text.strip()) if text.strip() else None
    before = store.settings.get(setting.key)
    with store.action("set setting", detail=f"{setting.key}: {before!r} -> {value!r}",
                      coder=coder, undoable=False):
        store.settings.set(setting.key, value)
    return value


def _checked(store: Store, setting: Setting, text: str) -> Any:
    if setting.key == NLP_MODEL:
        if text != BLANK and choose_model(text).name != text:
            installed = [name for name in PREFERRED if choose_model(name).name == name]
            raise QualcodeError(f"spaCy pipeline {text!r} is not installed (installed: "
                                f"{', '.join(installed) or 'none'}; or {BLANK})")
        return text
    names = [name.strip() for name in text.split(",") if name.strip()]
    return [attribute_named(name, store.attributes.types()) for name in names]
