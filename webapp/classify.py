"""Classifier helpers the page needs around core: a person's labelled table (any CSV/TSV, columns
detected or chosen), settings from widget values, a training run with its validation examples kept,
the report after training, and the answer plus its explanation for one text. No Streamlit here."""
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import torch

from core.config import ModelConfig, TrainConfig
from core.errors import DataError
from core.readers import table as tables
from core.readers.table import LABEL_HEADERS, TEXT_HEADERS
from core.tasks.base import Bundle
from core.tasks.classify import explain
from core.tasks.registry import TASKS

from .inside import states_of
from .runner import OwnRun, Start, TrainingRun

MAX_UPLOAD_MB = 16  # bigger uploads are refused by the uploader itself (as .streamlit/config.toml)
MAX_ROWS = 100_000  # longer tables are cut (with a note)
MAX_CLASSES = 100  # more distinct labels than this is almost surely not a label column
MIN_EXAMPLES = 10
MAX_TEXT_CHARS = 50_000  # the text box's limit; the prediction reads all of it
UNKNOWN_WARNING = 0.5  # warn when more than this share of the tokens is unknown to the model
SPAM_TASK, SENTIMENT_TASK = "spam", "sentiment"


# ---------------------------------------------------------------- a person's table


@dataclass
class Table:
    name: str
    columns: list[str]
    rows: list[list[str]]
    text_col: int  # detected; the person may pick others
    label_col: int
    notes: list[tuple[str, dict]] = field(default_factory=list)  # i18n key + values: what was done to the file


def read_table(data: bytes, name: str = "the upload") -> Table:
    """A CSV/TSV (comma, tab or semicolon) with or without a header, as rows of cells: read by
    `core.readers.table`, as the command line reads it."""
    table = tables.read_table(bytes(data), name)
    notes = [] if table.encoding == "utf-8" else [("clf.data.latin1", {})]
    rows, header = table.rows, table.header
    named = any(h in TEXT_HEADERS or h in LABEL_HEADERS for h in header)
    if named:
        columns, rows = [c.strip() or f"column {i + 1}" for i, c in enumerate(rows[0])], rows[1:]
    else:
        columns = [f"column {i + 1}" for i in range(len(rows[0]))]
    width = len(columns)
    if width < 2:
        raise DataError(f"{name} has a single column: it needs a text column and a label column "
                        f"(separated by commas or tabs)")
    kept = [r for r in rows if len(r) == width]
    if len(kept) < len(rows):
        notes.append(("clf.data.ragged", {"n": f"{len(rows) - len(kept):,}", "width": width}))
    if not kept:
        raise DataError(f"{name} has a header but no rows")
    if len(kept) > MAX_ROWS:
        notes.append(("clf.data.cut", {"n": f"{len(kept):,}", "kept": f"{MAX_ROWS:,}"}))
        kept = kept[:MAX_ROWS]
    text_col, label_col = detect_columns(header if named else [], kept)
    return Table(name, columns, kept, text_col, label_col, notes)


def detect_columns(header: list[str], rows: list[list[str]]) -> tuple[int, int]:
    """(text column, label column): by header name, else the longest cells are the text and the column
    with the fewest distinct values (of the rest) the label."""
    width = len(rows[0])
    text_col = next((i for i, h in enumerate(header) if h in TEXT_HEADERS), None)
    label_col = next((i for i, h in enumerate(header) if h in LABEL_HEADERS), None)
    sample = rows[:2000]
    if text_col is None:
        lengths = [np.mean([len(r[i]) for r in sample]) for i in range(width)]
        text_col = int(np.argmax([-1 if i == label_col else n for i, n in enumerate(lengths)]))
    if label_col is None:
        distinct = [len({r[i].strip() for r in sample}) if i != text_col else float("inf") for i in range(width)]
        label_col = int(np.argmin(distinct))
    return text_col, label_col


def examples(table: Table, text_col: int, label_col: int) -> tuple[list[tuple[str, str]], list[tuple[str, dict]]]:
    """(text, label) pairs from the chosen columns, or a DataError that says what is wrong with them."""
    if text_col == label_col:
        raise DataError("the text column and the label column are the same column: pick two different ones")
    pairs = [(r[text_col].strip(), r[label_col].strip()) for r in table.rows]
    kept = [(x, y) for x, y in pairs if x and y]
    notes = [("clf.data.blank", {"n": f"{len(pairs) - len(kept):,}"})] if len(kept) < len(pairs) else []
    classes = Counter(y for _, y in kept)
    label_name = table.columns[label_col]
    if len(kept) < MIN_EXAMPLES:
        raise DataError(f"{len(kept)} usable rows: a classifier needs at least {MIN_EXAMPLES} "
                        f"(rows need both a text and a label)")
    if len(classes) < 2:
        raise DataError(f"every row of column '{label_name}' has the same label ({next(iter(classes))!r}): "
                        f"a classifier needs two classes or more")
    if len(classes) > MAX_CLASSES:
        raise DataError(f"column '{label_name}' has {len(classes):,} different labels (at most {MAX_CLASSES} "
                        f"here): is it really the label column? Pick another one")
    rare = [c for c, n in classes.items() if n < 2]
    if rare:
        notes.append(("clf.data.rare", {"n": len(rare), "examples": ", ".join(map(str, rare[:5]))}))
    return kept, notes


def same_labels(train: list[tuple[str, str]], valid: list[tuple[str, str]]):
    """A separate validation file must use the training file's labels (not 0/1 in one and neg/pos in the other)."""
    known, seen = {y for _, y in train}, {y for _, y in valid}
    if not seen <= known:
        raise DataError(f"the validation file's labels ({', '.join(sorted(seen)[:6])}) are not the training "
                        f"file's ({', '.join(sorted(known)[:6])}): both files must name the classes the same way")


# ---------------------------------------------------------------- training


def configs(cell: str = "lstm", hidden: int = 64, tokenizer: str = "word", seconds: float = 30,
            bidirectional: bool = True, seed: int = 0, device: str | None = None) -> tuple[ModelConfig, TrainConfig]:
    model_cfg = ModelConfig(task="classify", cell=cell, tokenizer=tokenizer, embed_size=64 if tokenizer == "word" else 32,
                            hidden_size=hidden, bidirectional=bidirectional, dropout=0.2, pooling="max",
                            word_dropout=0.1 if tokenizer == "word" else 0.0)
    train_cfg = TrainConfig(lr=3e-3, batch_size=32, minutes=seconds / 60, seed=seed, device=device,
                            warmup_steps=20, eval_every=0.1)
    return model_cfg, train_cfg


def start_training(train: list[tuple[str, str]], valid: list[tuple[str, str]] | None, model_cfg: ModelConfig,
                   train_cfg: TrainConfig, start: Start | None = None, **facts) -> OwnRun:
    """Hold out a seeded 10% when there is no validation file; build now (bad data raises DataError at
    once), train in the background. `start`: the saved model to go on training instead of a new one."""
    task = TASKS["classify"]
    if valid is None:
        train, valid = task.split(train, train_cfg.valid_fraction, train_cfg.seed)
    else:
        same_labels(train, valid)
    run = TrainingRun.prepare("classify", train, valid, model_cfg, train_cfg, start=start, **facts)
    return OwnRun(run.start(), valid)


def report(bundle: Bundle, valid: list[tuple[str, str]], n_wrong: int = 10) -> dict:
    """Accuracy, macro-F1, per-class F1 and the confusion matrix on the held-out examples, and the
    n examples the model got most wrong (lowest probability for the right class)."""
    task = TASKS["classify"]
    valid = [(x, y) for x, y in valid if y in bundle.labels and task.tokens(bundle.cfg, x)]
    if not valid:
        raise DataError("no held-out example to score the model on")
    metrics = task.evaluate(bundle, valid)
    ids, gold = task.encode(bundle, valid)
    probs = task.probabilities(bundle, ids)  # (N, C)
    p_gold = probs[torch.arange(len(gold)), torch.tensor(gold)]
    wrong = [i for i in torch.argsort(p_gold).tolist() if probs[i].argmax() != gold[i]][:n_wrong]
    metrics["wrong"] = [{"text": valid[i][0], "label": valid[i][1],
                         "predicted": bundle.labels.itos[int(probs[i].argmax())], "p_label": float(p_gold[i])}
                        for i in wrong]
    metrics["n"] = len(valid)
    return metrics


# ---------------------------------------------------------------- one text, explained


@dataclass
class Answer:
    probs: dict[str, float]  # class -> probability over the whole text, most likely first
    tokens: list[str]  # what the explanations show (the first explain.MAX_EXPLAIN_TOKENS tokens)
    over_time: np.ndarray  # (T, C): class probabilities after each token
    saliency: np.ndarray  # (T,): for the predicted class
    states: dict[str, np.ndarray]  # "hidden", "cell", gates -> (L, T, D*H)
    unknown: float  # share of the tokens the model never saw
    cut: bool  # the explanations show only the beginning

    @property
    def label(self) -> str:
        return next(iter(self.probs))


def answer(bundle: Bundle, text: str, method: str = "gradient") -> Answer:
    """The prediction for the whole text and how it formed; DataError for a text with nothing to read."""
    if len(text) > MAX_TEXT_CHARS:
        raise DataError(f"the text has {len(text):,} characters; at most {MAX_TEXT_CHARS:,} are read here")
    task = TASKS["classify"]
    all_tokens = task.tokens(bundle.cfg, text)
    tokens, ids, cut = explain.encode(bundle, text)
    probs = task.predict(bundle, text)
    target = bundle.labels.stoi[next(iter(probs))]
    unknown = sum(t not in bundle.vocab for t in all_tokens) / len(all_tokens)
    return Answer(probs=probs, tokens=tokens, over_time=explain.over_time(bundle, ids).numpy(),
                  saliency=explain.saliency(bundle, ids, target, method).numpy(),
                  states=states_of(explain.trace(bundle, ids)), unknown=unknown, cut=cut)


def shown_tokens(bundle: Bundle, tokens: list[str]) -> list[str]:
    """Tokens as they read in coloured text: words with a space after them, characters as they are."""
    return [t + " " for t in tokens] if bundle.cfg.tokenizer == "word" else list(tokens)
