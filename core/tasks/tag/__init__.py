"""Tagging (many-to-many, aligned): the task and its model."""
