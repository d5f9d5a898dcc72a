"""Exercises on the tagging page. key -> (English, Korean); keys start with ex.tagging.."""
STRINGS: dict[str, tuple[str, str]] = {}
