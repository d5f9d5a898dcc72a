"""The tasks, one module each, and the registry that the command line, `fit` and checkpoints read.
A new task is a module with a `Task` subclass and one line in `TASKS`."""
from .base import Bundle, Task
from .caption import CaptionTask
from .classify import ClassifyTask
from .forecast import ForecastTask
from .lm import LanguageModelTask
from .tag import TagTask
from .translate import TranslateTask

TASKS: dict[str, Task] = {task.name: task for task in (
    LanguageModelTask(),
    ClassifyTask(),
    TagTask(),
    CaptionTask(),
    TranslateTask(),
    ForecastTask(),
)}

__all__ = ["TASKS", "Bundle", "Task"]
