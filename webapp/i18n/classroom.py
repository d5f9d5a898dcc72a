"""A teacher's class: starting one, the two links, the live counts. key -> (English, Korean)."""
STRINGS: dict[str, tuple[str, str]] = {}
