"""The lecture path: its stops, in the lecture's order. key -> (English, Korean)."""
STRINGS: dict[str, tuple[str, str]] = {}
