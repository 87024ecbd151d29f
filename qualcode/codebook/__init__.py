"""Codebook files: YAML and CSV formats, read into :class:`Codebook` and written back.

See codebooks/FORMAT.md for the formats.
"""

from qualcode.codebook.colours import BASIC_COLOURS, normalise_colour
from qualcode.codebook.csv_format import codebook_from_csv, codebook_to_csv
from qualcode.codebook.entry import PATH_SEPARATOR, Codebook, CodebookEntry
from qualcode.codebook.files import read_codebook, write_codebook
from qualcode.codebook.validate import name_problem, path_key
from qualcode.codebook.yaml_format import codebook_from_yaml, codebook_to_yaml

__all__ = [
    "BASIC_COLOURS",
    "PATH_SEPARATOR",
    "Codebook",
    "CodebookEntry",
    "codebook_from_csv",
    "codebook_from_yaml",
    "codebook_to_csv",
    "codebook_to_yaml",
    "name_problem",
    "normalise_colour",
    "path_key",
    "read_codebook",
    "write_codebook",
]
