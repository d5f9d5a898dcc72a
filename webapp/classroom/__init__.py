"""A teacher's class: answers to exercises from the students' links, counted for the teacher's view."""


def record(page: str, exercise: str, fingerprint: str, answer: str, right: bool) -> None:
    """An answer checked in this session. Kept only when the visitor came by a class link (not yet built)."""


def teacher_panel(page: str, exercises) -> None:
    """Under a page's exercises: start a class on this view (not yet built)."""
