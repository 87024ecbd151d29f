"""Other tools' formats in and out: REFI-QDA projects (.qdpx) and codebooks (.qdc), QualCoder
projects, Taguette files and bulk codings.

This is the only package that converts offsets between qualcode's code points over
LF-normalised text and other tools' units (UTF-16 code units, CRLF counted as two, bytes), and
the only one that knows vendor dialects. Readers return the neutral :mod:`model`; the
services layer stores it.
"""
