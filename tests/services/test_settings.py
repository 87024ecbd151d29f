"""The settings a user chooses by hand: nlp_model and key_attributes."""

from __future__ import annotations

import pytest

from qualcode.core.errors import QualcodeError
from qualcode.core.model import AttributeType
from qualcode.nlp import BLANK
from qualcode.services import settings
from qualcode.store import Store
from qualcode.tui.describe import KEY_ATTRIBUTES_SETTING, key_attribute_names


def test_nlp_model_is_checked_stored_and_used(store: Store) -> None:
    with pytest.raises(QualcodeError, match="'xx_missing_model' is not installed"):
        settings.set_setting(store, "nlp_model", "xx_missing_model")
    assert store.settings.get("nlp_model") is None  # a refused value changes nothing
    assert settings.set_setting(store, " NLP_model ", BLANK, coder="ana") == BLANK
    assert settings.model_choice(store).name == BLANK
    assert settings.set_setting(store, "nlp_model", "") is None  # unset: the default again
    assert store.settings.get("nlp_model") is None


def test_key_attributes_take_the_project_spelling_and_reach_the_workbench(store: Store) -> None:
    with store.action("attrs", undoable=False):
        store.attributes.define("Country", AttributeType.TEXT)
        store.attributes.define("Organisation type", AttributeType.TEXT)
    stored = settings.set_setting(store, "key_attributes", "organisation TYPE, country")
    assert stored == ["Organisation type", "Country"]
    chosen = store.settings.get(KEY_ATTRIBUTES_SETTING)
    assert key_attribute_names([], store.attributes.types(), chosen) == stored
    with pytest.raises(QualcodeError, match="no case attribute 'region'"):
        settings.set_setting(store, "key_attributes", "country, region")


def test_only_listed_settings_and_the_history_keeps_the_old_value(store: Store) -> None:
    with pytest.raises(QualcodeError, match="no setting 'interviewer_names'"):
        settings.set_setting(store, "interviewer_names", "Ana")
    settings.set_setting(store, "nlp_model", BLANK, coder="ana")
    settings.set_setting(store, "nlp_model", "", coder="ana")
    details = [a.detail for a in store.history() if a.name == "set setting"]
    assert details == ["nlp_model: 'blank:en' -> None", "nlp_model: None -> 'blank:en'"]
    assert [s.key for s, _ in settings.current(store)] == ["nlp_model", "key_attributes"]
