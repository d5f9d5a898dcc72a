"""What every task shares: the `Bundle` (a model with the vocabularies around it), the `Task` interface
the command line and `fit` speak to, and the batching helpers."""
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

import torch
from torch import nn

from core.config import ModelConfig, TrainConfig
from core.errors import DataError
from core.text.vocab import Vocab

MAX_TOKENS = 1000  # longer training examples are cut (the recurrence still sees 1,000 steps)
MAX_WORD_CHARS = 20  # characters of a word the tagger's character RNN reads
MAX_VOCAB = 50_000  # the most frequent tokens kept (the rest read as <unk>): a huge upload makes no huge model


@dataclass
class Bundle:
    model: nn.Module
    vocab: Vocab  # input tokens
    labels: Vocab | None = None  # classify: classes; tag: tags; a second vocabulary for tasks that write text
    chars: Vocab | None = None  # tag: the characters of words
    info: dict = field(default_factory=dict)  # how it was trained, and its validation scores
    optimizer: dict | None = None  # AdamW's state, "<parameter>.<name>" -> tensor, if the checkpoint kept it
    memory: object | None = None  # translate (a reranking chatbot): its `core.tasks.translate.retrieve.Memory` of training pairs

    @property
    def cfg(self) -> ModelConfig:
        return self.model.cfg

    @property
    def device(self) -> torch.device:
        return next(self.model.parameters()).device


class Task:
    """One use of a recurrent network, from data to batches, scores and predictions. A subclass sets the
    class attributes and defines read / split / build / batches / evaluate / predict; the hooks below are
    optional and let a task bring its own command-line options without touching `core/cli.py`."""

    name: str  # the registry key, `python -m core train NAME`
    title: str  # what a checkpoint of this task holds, in a sentence: "a language model"
    help: str  # one line for `train --help`
    key: str  # the validation metric that picks the best model
    maximize: bool
    model: type[nn.Module]  # built from a ModelConfig
    has_labels = True  # the checkpoint keeps a second vocabulary (`Bundle.labels`)
    default_tokenizer = "word"

    def build_model(self, cfg: ModelConfig) -> nn.Module:
        """This task's network for `cfg` (a checkpoint's settings say which, when a task has several)."""
        return self.model(cfg)

    def split(self, items, fraction: float, seed: int):
        return split(items, fraction, seed)

    # ---- optional command-line hooks
    def add_arguments(self, command: str, parser):
        """Add this task's own options to the `train`, `evaluate` or `predict` parser (shared by all tasks:
        name them so the help says which task reads them)."""

    def configure(self, cfg: ModelConfig, args) -> None:
        """`train`: copy this task's options from the parsed `args` into the model settings."""

    def read_options(self, args, cfg: ModelConfig | None = None) -> dict:
        """Keyword arguments for `read` from the parsed `args` (say, which columns of a table); `cfg`: the
        settings of the model that will read the data (a new one's, a resumed or evaluated one's own)."""
        return {}

    def evaluate_options(self, args) -> dict:
        """Keyword arguments for `evaluate` from the parsed `evaluate` args."""
        return {}

    def configure_training(self, cfg: TrainConfig, args, train) -> None:
        """`train`: the training settings that depend on the data read (`train`), such as a short series' steps."""

    def finish(self, bundle: Bundle, trainer, train, args, retrain) -> tuple[Bundle, object]:
        """`train`, after the run: the model to save and the trainer whose optimizer goes with it (forecast:
        trained again on all the data by `retrain`, which is `core.fit.retrain`, its band calibrated)."""
        return bundle, trainer

    def predict_options(self, args) -> dict:
        """Keyword arguments for `predict` from the parsed `predict` args (the same for every input)."""
        return {}

    def show(self, text: str, result) -> str:
        """One line of `predict` output for one input."""
        return str(result)


def option_adder(parser):
    """parser.add_argument for an option several tasks may add (--attention, --decoding...): the first task
    adds it; a later one adding the same option widens its choices, if it has any."""
    def add(flag, **kwargs):
        action = parser._option_string_actions.get(flag)
        if action is None:
            parser.add_argument(flag, **kwargs)
        elif action.choices is not None and kwargs.get("choices") is not None:
            action.choices = tuple(dict.fromkeys((*action.choices, *kwargs["choices"])))
    return add


def pad(seqs: list[list[int]], value: int = 0) -> torch.Tensor:
    """Ragged lists -> (B, T_max) long tensor."""
    out = torch.full((len(seqs), max(len(s) for s in seqs)), value, dtype=torch.long)
    for i, s in enumerate(seqs):
        out[i, : len(s)] = torch.tensor(s, dtype=torch.long)
    return out


def bucketed(lengths: list[int], batch_size: int, rng: random.Random) -> Iterator[list[int]]:
    """Endless batches of example indices: shuffled each epoch, similar lengths batched together."""
    while True:
        order = list(range(len(lengths)))
        rng.shuffle(order)
        chunk = batch_size * 50
        batches = []
        for i in range(0, len(order), chunk):
            part = sorted(order[i:i + chunk], key=lengths.__getitem__)
            batches += [part[j:j + batch_size] for j in range(0, len(part), batch_size)]
        rng.shuffle(batches)
        yield from batches


def split(items: list, fraction: float, seed: int) -> tuple[list, list]:
    """A seeded random `fraction` of the items for validation, the rest for training."""
    if len(items) < 2:
        raise DataError(f"need at least 2 examples to hold some out for validation, got {len(items)}")
    order = list(range(len(items)))
    random.Random(seed).shuffle(order)
    n_valid = max(1, round(len(items) * fraction))
    return [items[i] for i in order[n_valid:]], [items[i] for i in order[:n_valid]]


__all__ = ["Bundle", "Task", "TrainConfig", "pad", "bucketed", "split", "MAX_TOKENS", "MAX_WORD_CHARS", "MAX_VOCAB"]
