"""The lecture's example, small enough to show every number: a vanilla RNN language model with one-hot
inputs and y_t = W_hy h_t, trained on a single word ("hello": input "hell", targets "ello")."""
from dataclasses import dataclass

import numpy as np
import torch

from .config import ModelConfig
from .errors import DataError
from .models import LanguageModel

MAX_WORD = 24


@dataclass
class Snapshot:
    """Everything about the network on its word, as numpy arrays. V = vocabulary, H = hidden, T = steps."""

    vocab: list[str]
    inputs: list[str]  # (T,) x_t's characters
    targets: list[str]  # (T,)
    x: np.ndarray  # (T, V) one-hot input vectors
    h_prev: np.ndarray  # (T, H) h_{t-1}
    h: np.ndarray  # (T, H) h_t = tanh(W_hh h_{t-1} + W_xh x_t + b)
    logits: np.ndarray  # (T, V) y_t = W_hy h_t
    probs: np.ndarray  # (T, V) softmax(y_t)
    W_xh: np.ndarray  # (H, V)
    W_hh: np.ndarray  # (H, H)
    b: np.ndarray  # (H,) b_xh + b_hh
    W_hy: np.ndarray  # (V, H)
    loss: float

    def parts(self, t: int) -> dict[str, np.ndarray]:
        """The terms of h_t = tanh(W_hh h_{t-1} + W_xh x_t + b) at step t (0-based), each (H,)."""
        hh, xh = self.W_hh @ self.h_prev[t], self.W_xh @ self.x[t]
        return {"hh": hh, "xh": xh, "b": self.b, "sum": hh + xh + self.b, "h": self.h[t]}

    @property
    def predicted(self) -> list[str]:
        return [self.vocab[i] for i in self.probs.argmax(-1)]


class HelloRNN:
    """A one-hot vanilla RNN on one word, trained full-batch with Adam. The vocabulary is the word's
    characters in order of appearance ("hello" -> h, e, l, o, as on the slide)."""

    def __init__(self, word: str = "hello", hidden_size: int = 3, seed: int = 0, lr: float = 0.05):
        if len(word) < 2:
            raise DataError("the word needs at least 2 characters: one to read and one to predict")
        if len(word) > MAX_WORD:
            raise DataError(f"keep the word to {MAX_WORD} characters or fewer, so every number fits on the page")
        if not 1 <= hidden_size <= 16:
            raise DataError("the hidden size must be between 1 and 16")
        self.word, self.vocab = word, list(dict.fromkeys(word))
        stoi = {c: i for i, c in enumerate(self.vocab)}
        ids = torch.tensor([stoi[c] for c in word])
        self.x, self.y = ids[None, :-1], ids[None, 1:]  # (1, T): "hell" -> "ello"
        cfg = ModelConfig(task="lm", cell="rnn", vocab_size=len(self.vocab), embed_size=0, hidden_size=hidden_size,
                          output_bias=False)
        with torch.random.fork_rng(devices=[]):  # the same seed, the same start; the global RNG is left alone
            torch.manual_seed(seed)
            self.model = LanguageModel(cfg)
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=lr)
        self.steps = 0
        self.losses: list[tuple[int, float]] = [(0, self._loss())]

    def _loss(self) -> float:
        with torch.no_grad():
            return float(self.model(self.x, self.y)[1])

    def train(self, steps: int) -> float:
        """`steps` gradient steps on the word; returns the loss after them."""
        self.model.train()
        for _ in range(steps):
            _, loss = self.model(self.x, self.y)
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
            self.steps += 1
        self.model.eval()
        self.losses.append((self.steps, self._loss()))
        return self.losses[-1][1]

    def snapshot(self) -> Snapshot:
        rnn = self.model.rnn.fused
        with torch.no_grad():
            logits, trace = self.model.trace(self.x)
            h = trace.hidden[0, 0]  # (T, H)
            h_prev = torch.cat([torch.zeros_like(h[:1]), h[:-1]])
            probs = torch.softmax(logits[0], -1)
            return Snapshot(
                vocab=self.vocab, inputs=list(self.word[:-1]), targets=list(self.word[1:]),
                x=self.model.embed(self.x)[0].numpy(), h_prev=h_prev.numpy(), h=h.numpy(),
                logits=logits[0].numpy(), probs=probs.numpy(),
                W_xh=rnn.weight_ih_l0.numpy().copy(), W_hh=rnn.weight_hh_l0.numpy().copy(),
                b=(rnn.bias_ih_l0 + rnn.bias_hh_l0).numpy(), W_hy=self.model.head.weight.numpy().copy(),
                loss=self._loss())
