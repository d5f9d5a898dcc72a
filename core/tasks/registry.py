"""The registry of tasks that the command line, `fit` and checkpoints read. A new task is a `Task` subclass
that builds its own model, one line in `TASKS` and its name in `core.config.TASK_NAMES`."""
from torch import nn

from core.config import ModelConfig
from core.tasks.base import Task
from core.tasks.caption.task import CaptionTask
from core.tasks.classify.task import ClassifyTask
from core.tasks.forecast.task import ForecastTask
from core.tasks.lm import LanguageModelTask
from core.tasks.tag.task import TagTask
from core.tasks.translate.task import TranslateTask

TASKS: dict[str, Task] = {task.name: task for task in (
    LanguageModelTask(),
    ClassifyTask(),
    TagTask(),
    CaptionTask(),
    TranslateTask(),
    ForecastTask(),
)}


def build_model(cfg: ModelConfig) -> nn.Module:
    """The network that `cfg` describes, as its task builds it."""
    return TASKS[cfg.task].build_model(cfg)

