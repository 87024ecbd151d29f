"""Parsing to plain data: blank pipeline for most tests, the trained one where it matters."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

import pytest

from qualcode.nlp import BLANK, ParsedText, choose_model, text_key
from qualcode.nlp.packed import decode
from qualcode.nlp.parse import iter_parse_stored, parse_data, parse_texts

TEXT = "The children were running to school. Social workers visit families!\n\nYes."


def test_blank_parse_is_plain_data_with_sentences_and_no_noun_chunks() -> None:
    [parsed] = parse_texts([TEXT], BLANK)
    words = [TEXT[t.start:t.end] for t in parsed.tokens]
    assert words[:3] == ["The", "children", "were"]
    assert parsed.tokens[1].lemma == "children"  # no lemmatizer: the word, lower-cased
    assert parsed.tokens[0].is_stop and parsed.tokens[1].is_alpha
    assert [TEXT[s:e] for s, e in parsed.sentences] == [
        "The children were running to school.", "Social workers visit families!", "Yes."]
    assert parsed.noun_chunks == () and parsed.entities == ()


def test_json_round_trip_and_text_key() -> None:
    [parsed] = parse_texts([TEXT], BLANK)
    assert ParsedText.from_json(parsed.to_json()) == parsed
    assert text_key(TEXT) == text_key(str(TEXT)) != text_key(TEXT + " ")


def test_progress_reaches_the_end() -> None:
    seen: list[tuple[int, int]] = []
    parse_texts([f"Text number {i}." for i in range(70)], BLANK,
                progress=lambda stage, done, total: seen.append((done, total)))
    assert seen[-1] == (70, 70)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_parsing_in_a_worker_process_gives_the_same_parses() -> None:
    texts = [f"Members post question {i}. The facilitator answers." for i in range(100)]
    seen: list[tuple[int, int]] = []
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        remote = [decode(s).to_data() for s in iter_parse_stored(
            texts, BLANK, executor=pool,
            progress=lambda stage, done, total: seen.append((done, total)))]
    assert remote == parse_data(texts, BLANK)
    assert seen[-1] == (100, 100)


@pytest.mark.model
def test_trained_pipeline_gives_lemmas_tags_noun_chunks_and_entities_on_request() -> None:
    name = choose_model().name
    [parsed] = parse_texts(["The social workers met their colleagues in Serbia."], name)
    lemmas = [t.lemma for t in parsed.tokens]
    assert "worker" in lemmas and "meet" in lemmas
    assert {t.pos for t in parsed.tokens} >= {"NOUN", "VERB"}
    assert parsed.noun_chunks and parsed.entities == ()
    [with_entities] = parse_texts(["The social workers met colleagues in Serbia."], name,
                                  entities=True)
    assert any(label == "GPE" for _, _, label in with_entities.entities)


def test_parsing_on_several_processes_gives_the_same_parses_in_order() -> None:
    from qualcode.nlp.parse import MIN_TEXTS_FOR_PROCESSES

    texts = [f"Text number {i}. The children were running!" for i in
             range(MIN_TEXTS_FOR_PROCESSES + 5)]
    seen: list[int] = []
    stored = list(iter_parse_stored(texts, BLANK, processes=2,
                                    progress=lambda stage, done, total: seen.append(done)))
    assert [decode(s).to_data() for s in stored] == parse_data(texts, BLANK)
    assert seen[-1] == len(texts) and seen == sorted(seen) and len(seen) > 1
