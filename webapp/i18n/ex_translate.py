"""Exercises on the translate page. key -> (English, Korean); keys start with ex.translate.."""
STRINGS: dict[str, tuple[str, str]] = {}
