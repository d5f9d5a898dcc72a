"""Hyperparameters: the single source of every number a model or a training run uses."""
from dataclasses import asdict, dataclass, fields

from core.errors import CheckpointError

CELLS = ("rnn", "lstm", "gru")
TASK_NAMES = ("lm", "classify", "tag", "caption", "translate", "forecast")  # core.tasks.TASKS, in this order


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
    horizon: int = 0  # forecast: steps forecast at once (the vocabulary names its input channels)
    context: int = 0  # forecast: past steps read before them
    season: int = 0  # forecast: steps in a season (24 for hourly, 12 for monthly; 1: none)
    frequency: str = ""  # forecast: "hourly", "daily", "weekly", "monthly", "quarterly" or "yearly"
    transform: str = ""  # forecast: "none", "log", "diff" (z_t - z_{t-season}) or "log+diff" ("auto" until built)
    target: str = ""  # forecast: the column forecast
    nonnegative: bool = False  # forecast: the training series has no negative value: forecasts clipped at 0
    band_low: float = 1.0  # forecast: conformal calibration of the 10-90% band (core.tasks.forecast.conformal): each side's
    band_high: float = 1.0  # distance from the median is multiplied by its factor (1: the band as trained)
    tag_column: str = "upos"  # tag: the CoNLL-U column the tags come from, "upos" or "xpos" (CoNLL files: the last)
    word_buckets: int = 0  # classify, characters: also embed the word each character is in, hashed into
    # this many rows (0: off)
    word_vocab_size: int = 0  # classify, characters: also word members, one model (core.tasks.classify.mixture): their vocabulary
    word_embed_size: int = 64  # classify: the mixture's word members' embedding and hidden sizes (packed)
    word_hidden_size: int = 128
    attention: str = "additive"  # caption (and translate): the decoder's attention, "additive", "general" or "none"
    min_count: int = 1  # caption: words seen fewer times in the training captions read as <unk>
    target_tokenizer: str = "word"  # translate: how the output is split, "char" or "word" (tokenizer: the input's)
    decoding: str = "beam"  # translate: how predict and evaluate write: beam, greedy, sample, rerank or channel
    beam_size: int = 5  # translate: hypotheses beam search keeps
    length_alpha: float = 0.6  # translate: beam search's length normalisation, ((5 + n) / 6) ** alpha
    temperature: float = 1.0  # translate: sampling's temperature
    top_k: int = 0  # translate: sample only among the k most probable tokens (0: all)
    label_smoothing: float = 0.0  # translate: of the training loss (the validation loss is plain cross-entropy)
    source_column: str = ""  # translate: the training file's source column, a name or a position from 1 ("": the
    target_column: str = ""  # reader's default); evaluate reads a file of the same shape the same way
    retrieve_k: int = 10  # translate, decoding "rerank" (chatbot): training answers retrieved as candidates
    rerank_weight: float = 1.0  # rerank: a candidate's score is the model's log p per token + this * TF-IDF cosine
    rerank_temperature: float = 0.0  # rerank: the reply is drawn with p ~ exp(score / this) (0: the best one)
    rerank_generated: str = "greedy,beam"  # rerank: the model's own replies among the candidates ("": none)
    rerank_mmi: float = 0.0  # rerank: minus this * the reply's log p per token given no question (generic replies)
    members: int = 1  # translate: Seq2Seq models combined as one (core.tasks.translate.ensemble); 1: a single model
    reverse_members: int = 0  # translate: models of the other direction in the file, for decoding "channel"
    channel_weight: float = 1.0  # channel: a hypothesis scores log p(y|x) / lp + this * log p(x|y) per token

    def __post_init__(self):
        checks = {
            "task": self.task in TASK_NAMES,
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
            "horizon": 0 <= self.horizon <= 10_000,
            "context": 0 <= self.context <= 100_000,
            "season": 0 <= self.season <= 10_000,
            "frequency": self.frequency in ("", "hourly", "daily", "weekly", "monthly", "quarterly", "yearly"),
            "transform": self.transform in ("", "auto", "none", "log", "diff", "log+diff"),
            "band_low": 0 <= self.band_low <= 1000,
            "band_high": 0 <= self.band_high <= 1000,
            "word_buckets": self.word_buckets == 0 or (2 <= self.word_buckets <= 1_000_000
                                                       and self.tokenizer == "char" and self.embed_size > 0),
            "word_vocab_size": self.word_vocab_size == 0 or (2 <= self.word_vocab_size <= 2_000_000
                                                             and self.tokenizer == "char" and self.embed_size > 0),
            "word_embed_size": 1 <= self.word_embed_size <= 8192,
            "word_hidden_size": 1 <= self.word_hidden_size <= 8192,
            "attention": self.attention in ("additive", "general", "none"),
            "min_count": 1 <= self.min_count <= 1_000_000,
            "target_tokenizer": self.target_tokenizer in ("char", "word"),
            "decoding": self.decoding in ("beam", "greedy", "sample", "rerank", "channel"),
            "beam_size": 1 <= self.beam_size <= 100,
            "length_alpha": 0 <= self.length_alpha <= 5,
            "temperature": 0 < self.temperature <= 100,
            "top_k": 0 <= self.top_k <= 1_000_000,
            "label_smoothing": 0 <= self.label_smoothing < 1,
            "retrieve_k": 1 <= self.retrieve_k <= 1000,
            "rerank_weight": 0 <= self.rerank_weight <= 1000,
            "rerank_temperature": 0 <= self.rerank_temperature <= 100,
            "rerank_generated": all(g in ("greedy", "beam") for g in self.rerank_generated.split(",") if g),
            "rerank_mmi": 0 <= self.rerank_mmi <= 10,
            "members": 1 <= self.members <= 16 and (self.members == 1 or self.task == "translate"),
            "reverse_members": 0 <= self.reverse_members <= 16
                               and (self.reverse_members == 0 or self.task == "translate"),
            "channel_weight": 0 <= self.channel_weight <= 100,
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
