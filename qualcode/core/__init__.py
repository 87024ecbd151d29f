"""The domain: plain dataclasses and pure rules. Standard library only."""
