"""The lecture's example, small enough to show every number: a vanilla RNN language model with one-hot
inputs and y_t = W_hy h_t, trained on a single word ("hello": input "hell", targets "ello") by plain
gradient descent, W <- W - lr * dL/dW, with L = sum_t L_t; and backpropagation through time written out,
every number of it (tested equal to torch.autograd)."""
import math
import threading
from dataclasses import dataclass, field

import numpy as np
import torch

from core.config import ModelConfig
from core.errors import DataError
from core.tasks.lm import LanguageModel

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

    @property
    def target_ids(self) -> np.ndarray:
        return np.array([self.vocab.index(c) for c in self.targets])


@dataclass
class Backward:
    """Backpropagation through time on the word, for L = sum_t L_t (L_t: step t's cross-entropy), written out
    as in the lecture, going from the last step back to the first. Shapes as in Snapshot."""

    dy: np.ndarray  # (T, V) dL/dy_t = softmax(y_t) - onehot(target_t)
    from_output: np.ndarray  # (T, H) W_hy^T dL/dy_t
    from_future: np.ndarray  # (T, H) W_hh^T (delta_{t+1} * (1 - h_{t+1}^2)); zero at the last step
    delta: np.ndarray  # (T, H) delta_t = dL/dh_t, the sum of the two above
    local: np.ndarray  # (T, H) delta_t * (1 - h_t^2) = dL/da_t, a_t the sum inside the tanh
    grads: dict[str, np.ndarray]  # "W_xh", "W_hh", "W_hy", "b": dL/dW, summed over the steps
    loss: float  # L = sum_t L_t
    snap: Snapshot = field(repr=False)  # the forward pass it goes back through

    @property
    def norms(self) -> np.ndarray:
        """(T,) ||delta_t||: how much error reaches each step's hidden state."""
        return np.linalg.norm(self.delta, axis=-1)

    def terms(self, t: int) -> dict[str, np.ndarray]:
        """What step t (0-based) adds to each weight's gradient: W_hy dy_t h_t^T, W_hh local_t h_{t-1}^T, ..."""
        s = self.snap
        return {"W_hy": np.outer(self.dy[t], s.h[t]), "W_hh": np.outer(self.local[t], s.h_prev[t]),
                "W_xh": np.outer(self.local[t], s.x[t]), "b": self.local[t]}


def backward(snap: Snapshot) -> Backward:
    """BPTT from a snapshot's numbers (in float64), the lecture's equations and nothing else."""
    T, H = snap.h.shape
    p, h, h_prev, x = (a.astype(np.float64) for a in (snap.probs, snap.h, snap.h_prev, snap.x))
    W_hh, W_hy = snap.W_hh.astype(np.float64), snap.W_hy.astype(np.float64)
    dy = p.copy()
    dy[np.arange(T), snap.target_ids] -= 1  # softmax(y_t) - onehot(target_t)
    from_output, from_future = dy @ W_hy, np.zeros((T, H))  # rows: W_hy^T dy_t
    delta, local = np.zeros((T, H)), np.zeros((T, H))
    for t in range(T - 1, -1, -1):
        if t < T - 1:
            from_future[t] = W_hh.T @ local[t + 1]
        delta[t] = from_output[t] + from_future[t]
        local[t] = delta[t] * (1 - h[t] ** 2)  # through the tanh
    grads = {"W_xh": local.T @ x, "W_hh": local.T @ h_prev, "W_hy": dy.T @ h, "b": local.sum(0)}
    y = snap.logits.astype(np.float64)  # the loss from the logits (log-softmax): a probability that rounds to 0
    top = y.max(-1)  # in float32 would make it infinite
    loss = float((top + np.log(np.exp(y - top[:, None]).sum(-1)) - y[np.arange(T), snap.target_ids]).sum())
    return Backward(dy, from_output, from_future, delta, local, grads, loss, snap)


LEARNING_RATES = (0.01, 0.03, 0.1, 0.3, 1.0)


class HelloRNN:
    """A one-hot vanilla RNN on one word, trained full-batch by plain gradient descent on L = sum_t L_t:
    each step is W <- W - lr * dL/dW, nothing more (no momentum, no clipping), so a step can be checked by
    hand. The vocabulary is the word's characters in order of appearance ("hello" -> h, e, l, o, as on
    the slide)."""

    def __init__(self, word: str = "hello", hidden_size: int = 3, seed: int = 0, lr: float = 0.1):
        if len(word) < 2:
            raise DataError("the word needs at least 2 characters: one to read and one to predict")
        if len(word) > MAX_WORD:
            raise DataError(f"keep the word to {MAX_WORD} characters or fewer, so every number fits on the page")
        if not 1 <= hidden_size <= 16:
            raise DataError("the hidden size must be between 1 and 16")
        self.word, self.hidden_size, self.seed = word, hidden_size, seed
        self.vocab = list(dict.fromkeys(word))
        stoi = {c: i for i, c in enumerate(self.vocab)}
        ids = torch.tensor([stoi[c] for c in word])
        self.x, self.y = ids[None, :-1], ids[None, 1:]  # (1, T): "hell" -> "ello"
        cfg = ModelConfig(task="lm", cell="rnn", vocab_size=len(self.vocab), embed_size=0, hidden_size=hidden_size,
                          output_bias=False)
        with torch.device("meta"):  # shapes only: nothing drawn from the global RNG, which other threads share
            self.model = LanguageModel(cfg).to_empty(device="cpu")
        # The same seed, the same start, drawn from a generator of its own (other visitors' networks and
        # trainings draw from the global one at the same time): every weight ~ U(-1/sqrt(H), 1/sqrt(H)) in
        # torch's own order, which is torch's RNN and Linear initialisation exactly.
        generator, bound = torch.Generator().manual_seed(seed), 1 / math.sqrt(hidden_size)
        with torch.no_grad():
            for w in self.model.parameters():
                w.uniform_(-bound, bound, generator=generator)
        rnn = self.model.rnn.fused
        with torch.no_grad():  # the lecture has one hidden bias b: torch's two (b_ih + b_hh) folded into b_ih
            rnn.bias_ih_l0 += rnn.bias_hh_l0
            rnn.bias_hh_l0.zero_()
        rnn.bias_hh_l0.requires_grad_(False)
        self.lr = lr
        self.steps = 0
        self.segments: list[tuple[int, float]] = []  # (steps, lr) in the order trained: the whole training
        self.losses: list[tuple[int, float]] = [(0, self._loss())]  # (step, mean loss per letter): every step
        self.lock = threading.Lock()  # one training at a time: a second call waits, then trains its own steps

    @property
    def settings(self) -> tuple[str, int, int]:
        """(word, hidden size, seed): what the network starts from."""
        return self.word, self.hidden_size, self.seed

    def _loss(self) -> float:
        with torch.no_grad():
            return float(self.model(self.x, self.y)[1])

    def total_loss(self) -> torch.Tensor:
        """L = sum_t L_t, the loss gradient descent follows (the model's own loss is the mean, L / T)."""
        return self.model(self.x, self.y)[1] * self.x.size(1)

    def train(self, steps: int, lr: float | None = None) -> float:
        """`steps` gradient-descent steps on the word, W <- W - lr * dL/dW (lr: this network's unless given);
        returns the mean loss per letter after them. Every step's loss is recorded. Calls from two threads (a
        visitor's rapid clicks) run one after the other, each its own `steps`, recorded in `segments`."""
        if lr is not None and not 0 < lr <= 10:
            raise DataError("the learning rate must be above 0 and at most 10")
        if steps < 0:
            raise DataError("the number of steps cannot be negative")
        with self.lock:
            self.lr = lr if lr is not None else self.lr
            self.model.train()
            params = [w for w in self.model.parameters() if w.requires_grad]
            for _ in range(steps):
                loss = self.total_loss()
                grads = torch.autograd.grad(loss, params)
                with torch.no_grad():
                    for w, g in zip(params, grads):
                        w -= self.lr * g
                self.steps += 1
                self.losses.append((self.steps, self._loss()))
            self._record(steps)
            self.model.eval()
            return self.losses[-1][1]

    def _record(self, steps: int):
        """Add `steps` at the current rate to `segments` (at the last segment's rate: that segment, longer)."""
        if steps and self.segments and self.segments[-1][1] == self.lr:
            self.segments[-1] = (self.segments[-1][0] + steps, self.lr)
        elif steps:
            self.segments.append((steps, self.lr))

    def snapshot(self) -> Snapshot:
        rnn = self.model.rnn.fused
        with self.lock, torch.no_grad():  # never half-way through a training
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
