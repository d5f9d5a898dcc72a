"""Language model (one-to-many, many-to-many generation): plain text in, the next token's logits out."""
from collections.abc import Iterator

import torch
from torch import Tensor, nn

from core.config import ModelConfig, TrainConfig
from core.errors import DataError
from core.nn.layers import cross_entropy, embedding
from core.nn.rnn import Recurrent, Trace
from core.readers.text import read_text
from core.tasks import base
from core.tasks.base import Bundle, Task
from core.text.vocab import Vocab, tokenize
from core.training.metrics import lm_metrics


class LanguageModel(nn.Module):
    """Next-token logits at every step: (B, T) -> (B, T, V)."""

    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.cfg = cfg
        self.embed = embedding(cfg.vocab_size, cfg.embed_size)
        self.rnn = Recurrent(cfg.cell, cfg.embed_size or cfg.vocab_size, cfg.hidden_size, cfg.num_layers,
                             dropout=cfg.dropout)
        self.drop = nn.Dropout(cfg.dropout)
        self.head = nn.Linear(cfg.hidden_size, cfg.vocab_size, bias=cfg.output_bias)

    def forward(self, ids, targets=None, lengths=None):
        logits, _ = self.step(ids, lengths=lengths)
        return logits, cross_entropy(logits, targets)

    def step(self, ids: Tensor, state=None, lengths=None):
        """Logits and the state after ids (B, T): carry the state to continue from there."""
        out, state = self.rnn(self.drop(self.embed(ids)), state, lengths)  # (B, T, H)
        return self.head(self.drop(out)), state

    def trace(self, ids, state=None, lengths=None) -> tuple[Tensor, Trace]:
        trace = self.rnn.trace(self.embed(ids), state, lengths)
        return self.head(trace.outputs), trace


class LanguageModelTask(Task):
    name, title, key, maximize, model = "lm", "a language model", "loss", False, LanguageModel
    help = "language model on plain text"
    has_labels, default_tokenizer = False, "char"

    def read(self, source, name=None) -> str:
        text = read_text(source, name)
        if len(text) < 2:
            raise DataError(f"{name or 'the text'} is too short to learn from: give it at least a few words")
        return text

    def split(self, text: str, fraction: float, seed: int) -> tuple[str, str]:
        """The last `fraction` of the text validates (the nanoGPT convention)."""
        cut = int(len(text) * (1 - fraction))
        return text[:cut], text[cut:]

    def build(self, train: str, valid: str, cfg: ModelConfig) -> Bundle:
        kind = cfg.tokenizer
        if kind == "char":  # every character of both parts, so validation never meets an unknown one
            chars = set(train) | set(valid)
            if len(chars) > base.MAX_VOCAB:
                raise DataError(f"the text has {len(chars):,} different characters; a character model takes at "
                                f"most {base.MAX_VOCAB:,}")
            vocab = Vocab(sorted(chars), specials=False)
        else:
            vocab = Vocab.build([tokenize(train, kind)], specials=True, min_count=2, max_size=base.MAX_VOCAB)
        cfg.vocab_size = len(vocab)
        return Bundle(self.build_model(cfg), vocab)

    def encode(self, bundle: Bundle, text: str) -> torch.Tensor:
        tokens = tokenize(text, bundle.cfg.tokenizer)
        unknown = bundle.vocab.unknown(tokens) if not bundle.vocab.specials else []
        if unknown:
            raise DataError(f"the text has characters the model never saw: {', '.join(map(repr, unknown[:10]))}")
        return torch.tensor(bundle.vocab.encode(tokens), dtype=torch.long)

    def batches(self, bundle: Bundle, text: str, cfg: TrainConfig, seed: int) -> tuple[Iterator[dict], int]:
        ids = self.encode(bundle, text)
        T = min(cfg.seq_len, len(ids) - 1)
        if T < 1:
            raise DataError("the training text is too short")
        gen = torch.Generator().manual_seed(seed)

        def windows():
            while True:
                start = torch.randint(len(ids) - T, (cfg.batch_size,), generator=gen)  # (B,)
                offsets = start[:, None] + torch.arange(T + 1)  # (B, T+1)
                chunk = ids[offsets]
                yield {"ids": chunk[:, :-1], "targets": chunk[:, 1:]}

        return windows(), max(1, len(ids) // (cfg.batch_size * T))

    def evaluate(self, bundle: Bundle, text: str, seq_len: int = 256, batch_size: int = 64) -> dict:
        """Mean loss over every position of the text, read in windows of seq_len (each from a zero state)."""
        ids = self.encode(bundle, text)
        if len(ids) < 2:
            raise DataError("the validation text is too short (it needs at least 2 characters)")
        T = min(seq_len, len(ids) - 1)
        n = (len(ids) - 1) // T
        x = ids[: n * T].view(n, T)  # (N, T)
        y = ids[1: n * T + 1].view(n, T)
        model, device = bundle.model, bundle.device
        total = 0.0
        with torch.no_grad():
            for i in range(0, n, batch_size):
                logits, loss = model(x[i:i + batch_size].to(device), y[i:i + batch_size].to(device))
                total += float(loss) * y[i:i + batch_size].numel()
        return lm_metrics(total / y.numel())

    def predict(self, bundle: Bundle, text: str, k: int = 5) -> list[tuple[str, float]]:
        """The k most likely next tokens after `text`, with their probabilities."""
        ids = self.encode(bundle, text)
        if len(ids) == 0:
            raise DataError("type some text first")
        with torch.no_grad():
            logits, _ = bundle.model(ids[None].to(bundle.device))
        probs = torch.softmax(logits[0, -1].float(), -1).cpu()
        top = torch.topk(probs, min(k, len(probs)))
        return [(bundle.vocab.itos[i], float(p)) for p, i in zip(top.values, top.indices)]

    def show(self, text: str, result) -> str:
        return text + " -> " + ", ".join(f"{t!r} {p:.3f}" for t, p in result)

