"""Exercises on the char_lm page. key -> (English, Korean); keys start with ex.char_lm.."""
STRINGS: dict[str, tuple[str, str]] = {}
