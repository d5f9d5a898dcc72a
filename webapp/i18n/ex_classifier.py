"""Exercises on the classifier page. key -> (English, Korean); keys start with ex.classifier.."""
STRINGS: dict[str, tuple[str, str]] = {}
