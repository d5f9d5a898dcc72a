"""Exercises on the hello page. key -> (English, Korean); keys start with ex.hello.."""
STRINGS: dict[str, tuple[str, str]] = {}
