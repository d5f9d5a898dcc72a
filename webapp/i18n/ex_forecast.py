"""Exercises on the forecast page. key -> (English, Korean); keys start with ex.forecast.."""
STRINGS: dict[str, tuple[str, str]] = {}
