"""Hyperparameters: the single source of every number a model or a training run uses."""
from dataclasses import asdict, dataclass, fields

from .errors import CheckpointError

CELLS = ("rnn", "lstm", "gru")


@dataclass
class ModelConfig:
    task: str = "lm"  # "lm" (one/many-to-many generation), "classify" (many-to-one), "tag" (many-to-many)
    cell: str = "lstm"  # "rnn", "lstm" or "gru"
    tokenizer: str = "char"  # "char" or "word"
    vocab_size: int = 0  # set from the vocabulary
    num_labels: int = 0  # classify: classes; tag: tags
    embed_size: int = 64  # 0: one-hot input vectors, as in the lecture
    hidden_size: int = 256
    num_layers: int = 1
    bidirectional: bool = False
    dropout: float = 0.0
    output_bias: bool = True  # False gives the lecture's y_t = W_hy h_t
    pooling: str = "max"  # classify: "last", "mean" or "max" over the real time steps
    char_vocab_size: int = 0  # tag: set from the character vocabulary (0: no character features)
    char_embed_size: int = 32
    char_hidden_size: int = 32  # tag: 0 turns the character features off
    word_dropout: float = 0.0  # tag/classify: chance a training word is replaced by <unk>
    tag_column: str = "upos"  # tag: the CoNLL-U column the tags come from, "upos" or "xpos" (CoNLL files: the last)
    word_buckets: int = 0  # classify, characters: also embed the word each character is in, hashed into
    # this many rows (0: off)
    attention: str = "additive"  # caption (and translate): the decoder's attention, "additive", "general" or "none"
    min_count: int = 1  # caption: words seen fewer times in the training captions read as <unk>

    def __post_init__(self):
        from .tasks import TASKS  # the registry of tasks imports this module: look it up at call time
        checks = {
            "task": self.task in TASKS,
            "cell": self.cell in CELLS,
            "tokenizer": self.tokenizer in ("char", "word"),
            "pooling": self.pooling in ("last", "mean", "max"),
            "hidden_size": 1 <= self.hidden_size <= 8192,
            "num_layers": 1 <= self.num_layers <= 16,
            "embed_size": 0 <= self.embed_size <= 8192,
            "dropout": 0 <= self.dropout < 1,
            "word_dropout": 0 <= self.word_dropout < 1,
            "tag_column": self.tag_column in ("upos", "xpos"),
            "vocab_size": 0 <= self.vocab_size <= 2_000_000,
            "num_labels": 0 <= self.num_labels <= 100_000,
            "char_vocab_size": 0 <= self.char_vocab_size <= 100_000,
            "char_embed_size": 1 <= self.char_embed_size <= 1024,
            "char_hidden_size": 0 <= self.char_hidden_size <= 1024,
            "word_buckets": self.word_buckets == 0 or (2 <= self.word_buckets <= 1_000_000
                                                       and self.tokenizer == "char" and self.embed_size > 0),
            "attention": self.attention in ("additive", "general", "none"),
            "min_count": 1 <= self.min_count <= 1_000_000,
        }
        bad = [name for name, ok in checks.items() if not ok]
        if bad:
            raise ValueError(f"invalid model setting: {', '.join(f'{n}={getattr(self, n)!r}' for n in bad)}")

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "ModelConfig":
        known = {f.name for f in fields(cls)}
        if not isinstance(d, dict) or not set(d) <= known:
            raise CheckpointError("the checkpoint's model settings are not ones RNN Lab knows")
        try:
            return cls(**d)
        except (TypeError, ValueError) as e:
            raise CheckpointError(f"the checkpoint's model settings are invalid ({e})") from None


@dataclass
class TrainConfig:
    lr: float = 3e-3
    weight_decay: float = 0.01
    batch_size: int = 32
    seq_len: int = 128  # lm: characters per training window
    epochs: float | None = None  # stop after this many passes over the data ...
    minutes: float | None = None  # ... or after this much time (whichever comes first)
    max_steps: int | None = None  # ... or after this many steps
    warmup_steps: int = 50
    clip: float = 1.0  # gradient norm clipping
    seed: int = 0
    device: str | None = None  # None: cuda, else mps, else cpu
    eval_every: float = 0.1  # evaluate on validation data every this fraction of the run
    valid_fraction: float = 0.1  # held out when no validation file is given
    ema: float | None = None  # decay of an exponential moving average of the weights (say 0.999): when set,
    # the average is what is validated, kept and saved instead of the last step's weights

    def __post_init__(self):
        if self.epochs is None and self.minutes is None and self.max_steps is None:
            self.epochs = 1.0
        for name in ("lr", "batch_size", "seq_len"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be positive, not {getattr(self, name)}")
        for name in ("epochs", "minutes", "max_steps"):
            value = getattr(self, name)
            if value is not None and not value > 0:
                raise ValueError(f"{name} must be positive, not {value}")
        if self.ema is not None and not 0 < self.ema < 1:
            raise ValueError(f"ema must lie between 0 and 1, not {self.ema}")
        if not 0 < self.valid_fraction < 1:
            raise ValueError(f"valid_fraction must lie between 0 and 1, not {self.valid_fraction}")

    def to_dict(self) -> dict:
        return asdict(self)
