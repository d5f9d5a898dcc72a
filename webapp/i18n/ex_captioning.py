"""Exercises on the captioning page. key -> (English, Korean); keys start with ex.captioning.."""
STRINGS: dict[str, tuple[str, str]] = {}
