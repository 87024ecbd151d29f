"""spaCy behind a small door: choose and load the pipeline once, parse to plain data.

The only package that imports spaCy, and only when a text actually has to be parsed.
"""

from qualcode.nlp.parsed import ParsedText, ParsedToken, text_key
from qualcode.nlp.pipeline import BLANK, ModelChoice, choose_model

__all__ = ["BLANK", "ModelChoice", "ParsedText", "ParsedToken", "choose_model", "text_key"]
