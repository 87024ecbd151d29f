"""One reader per file format: ``read(data, path, rules) -> ParsedTranscript``."""
