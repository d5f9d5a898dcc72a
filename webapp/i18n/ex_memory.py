"""Exercises on the memory page. key -> (English, Korean); keys start with ex.memory.."""
STRINGS: dict[str, tuple[str, str]] = {}
