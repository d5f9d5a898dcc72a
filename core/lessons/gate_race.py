"""Why gates: a long-range memory task, RNN / LSTM / GRU trained side by side on it, and the gradient
through time, ‖∂L/∂h_t‖ for every step t, measured with autograd.

The task ("which letter came first?"): a sequence of `delay` random letters, the first one marked; after
the last one the network must name the first letter. Only the first
step carries the answer, so the error signal must travel back `delay` steps to reach it: the plain RNN's
gradient shrinks (or explodes) by a factor of about W_hh's spectral radius × tanh' a step, the gated cells
can keep it (Hochreiter & Schmidhuber 1997).
"""
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor, nn

from core.config import CELLS
from core.errors import DataError
from core.nn.cells import STEPS
from core.nn.rnn import Recurrent
from core.training.trainer import Progress

MIN_DELAY, MAX_DELAY = 2, 500
LETTERS = "abcdefgh"


@dataclass(frozen=True)
class FirstSymbol:
    """"Which letter came first?": sequences of `delay` random letters (of `letters`); the first is marked
    (written as a capital) and is the answer. The network reads each letter as a one-hot vector plus one
    bit for the mark, so the noise letters after the first look just like it: a network cannot simply shut
    its input off for them, it must decide by the mark what to keep. Token ids: 0..K-1 the letters,
    K..2K-1 the same letters marked; answers 0..K-1."""

    delay: int
    letters: int = 4
    name = "first"

    def __post_init__(self):
        if not MIN_DELAY <= self.delay <= MAX_DELAY:
            raise DataError(f"the delay must be between {MIN_DELAY} and {MAX_DELAY} steps")
        if not 2 <= self.letters <= len(LETTERS):
            raise DataError(f"use 2 to {len(LETTERS)} letters")

    @property
    def vocab(self) -> list[str]:
        return list(LETTERS[:self.letters] + LETTERS[:self.letters].upper())

    @property
    def chance(self) -> float:
        return 1 / self.letters

    def batch(self, n: int, generator: torch.Generator) -> tuple[Tensor, Tensor]:
        """n fresh sequences -> ids (n, delay), answers (n,)."""
        ids = torch.randint(self.letters, (n, self.delay), generator=generator)
        answers = ids[:, 0].clone()
        ids[:, 0] += self.letters  # the first letter, marked
        return ids, answers

    def show(self, ids: Tensor) -> str:
        """One sequence as text: 'Cabdda...'."""
        return "".join(self.vocab[i] for i in ids.tolist())

    def example(self, seed: int = 0) -> tuple[str, str]:
        """One sequence as text, and its answer: ('Cabdda...', 'c')."""
        ids, answers = self.batch(1, torch.Generator().manual_seed(seed))
        return self.show(ids[0]), self.vocab[int(answers[0])]


class MarkedOneHot(nn.Module):
    """Token ids (B, T) -> (B, T, K + 1): the letter's one-hot vector and the mark bit."""

    def __init__(self, letters: int):
        super().__init__()
        self.letters = letters

    def forward(self, ids: Tensor) -> Tensor:
        letter = F.one_hot(ids % self.letters, self.letters).float()
        return torch.cat([letter, (ids >= self.letters).float()[..., None]], -1)


class MemoryNet(nn.Module):
    """Many-to-one over the one engine: x_t -> `Recurrent` -> the answer from the last state. The same
    forward(ids, targets) -> (logits, loss) as every model."""

    def __init__(self, cell: str, letters: int, hidden: int):
        super().__init__()
        self.embed = MarkedOneHot(letters)
        self.rnn = Recurrent(cell, letters + 1, hidden)
        self.head = nn.Linear(hidden, letters)

    def forward(self, ids: Tensor, targets: Tensor | None = None, lengths=None):
        out, _ = self.rnn(self.embed(ids))  # (B, T, H)
        logits = self.head(out[:, -1])  # (B, K)
        return logits, None if targets is None else F.cross_entropy(logits, targets)


def build(cell: str, task: FirstSymbol, hidden: int, seed: int = 0, rnn_radius: float | None = None,
          gate_bias: float = 0.0) -> MemoryNet:
    """A network for the task. `rnn_radius`: for the plain RNN, W_hh is rescaled at initialisation to this
    spectral radius (the lever between vanishing, below 1, and exploding, above 1). `gate_bias`: the gated
    cells' "keep" gate starts this open (added to the LSTM's forget-gate bias, taken from its input gate's,
    and added to the GRU's update-gate bias: at 2, sigmoid(2) = 0.88 of the state is kept a step and 0.12
    of the new input is written, at the start)."""
    if cell not in CELLS:
        raise DataError(f"the cell must be one of {', '.join(CELLS)}")
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = MemoryNet(cell, task.letters, hidden)
    if cell == "rnn" and rnn_radius is not None:
        set_radius(model.rnn.weights(0)[1], rnn_radius)
    if cell != "rnn" and gate_bias:
        b_hh = model.rnn.weights(0)[3]
        with torch.no_grad():  # LSTM chunks i, f, g, o; GRU r, z, n: the second is the one that keeps
            b_hh[hidden:2 * hidden] += gate_bias
            if cell == "lstm":  # and the LSTM's input gate starts as closed as its forget gate is open, as
                b_hh[:hidden] -= gate_bias  # the GRU's one update gate does both (Tallec & Ollivier 2018)
    return model


@torch.no_grad()
def set_radius(w_hh: Tensor, radius: float):
    """Scale W_hh (H, H) in place so that its spectral radius (largest |eigenvalue|) is `radius`."""
    if not 0 < radius <= 10:
        raise DataError("the spectral radius must be above 0 and at most 10")
    w_hh.mul_(radius / spectral_radius(w_hh))


def spectral_radius(w: Tensor) -> float:
    return float(torch.linalg.eigvals(w.detach().double()).abs().max())


def step_through(model: MemoryNet, ids: Tensor) -> tuple[Tensor, list[Tensor]]:
    """The network's recurrence one step at a time (the cells' step equations from its own weights, as
    `Recurrent.replay`), keeping every h_t in the graph: ids (B, T) -> logits (B, C), [h_t (B, H)] * T."""
    rnn = model.rnn
    if rnn.num_layers != 1 or rnn.num_directions != 1:
        raise ValueError("the gradient through time is measured on one-layer, one-way networks")
    w_ih, w_hh, b_ih, b_hh = rnn.weights(0)
    xw = model.embed(ids) @ w_ih.T + b_ih  # (B, T, G*H): the inputs' share, all steps at once
    h = xw.new_zeros(ids.size(0), rnn.hidden_size)
    state = (h, h) if rnn.cell == "lstm" else (h,)
    hs = []
    for t in range(ids.size(1)):
        state, _ = STEPS[rnn.cell](xw[:, t], state, w_hh, b_hh)
        hs.append(state[0])
    return model.head(hs[-1]), hs


def gradient_through_time(model: MemoryNet, ids: Tensor, answers: Tensor) -> np.ndarray:
    """‖∂L_i/∂h_t‖ for every sequence i and step t: (B, T), by autograd on the step-by-step path with each
    h_t's gradient retained. L_i is sequence i's own cross-entropy, so a row does not depend on the batch.
    For the LSTM this is the gradient through h_t alone (c_t, its other state, carries some more)."""
    with torch.enable_grad():
        logits, hs = step_through(model, ids)
        for h in hs:
            h.retain_grad()
        F.cross_entropy(logits, answers, reduction="sum").backward()
        norms = torch.stack([h.grad.norm(dim=-1) for h in hs], 1)  # (B, T)
    model.zero_grad(set_to_none=True)
    return norms.detach().numpy()


def grad_ratio(norms: np.ndarray) -> float:
    """‖∂L/∂h_1‖ / ‖∂L/∂h_T‖ averaged over the batch (norms (B, T)): how much of the error signal at the
    answer reaches the step that holds it."""
    return float(np.mean(norms[:, 0] / np.maximum(norms[:, -1], 1e-30)))


@torch.no_grad()
def accuracy(model: nn.Module, ids: Tensor, answers: Tensor) -> float:
    model.eval()
    logits, _ = model(ids)
    return float((logits.argmax(-1) == answers).float().mean())


@dataclass
class RaceConfig:
    """The settings every cell of a race shares."""

    delay: int = 50
    cells: tuple[str, ...] = CELLS
    hidden: int = 64
    lr: float = 3e-3
    batch_size: int = 64
    max_steps: int | None = 1000  # the budget: steps (the same for every cell) ...
    seconds: float | None = None  # ... or wall-clock time for the whole race, whichever ends first
    clip: float | None = 1.0  # gradient-norm clipping; None: off
    rnn_radius: float | None = None  # the plain RNN's initial W_hh spectral radius; None: torch's init
    gate_bias: float = 3.0  # the gated cells start with their keep gate this open (see build)
    seed: int = 0
    eval_every: int = 25  # steps between accuracy measurements
    eval_size: int = 512  # fresh validation sequences
    probe_size: int = 32  # sequences the gradient through time is averaged over

    def __post_init__(self):
        if not self.cells or any(c not in CELLS for c in self.cells) or len(set(self.cells)) != len(self.cells):
            raise DataError(f"pick one or more different cells of {', '.join(CELLS)}")
        if not 1 <= self.hidden <= 1024:
            raise DataError("the hidden size must be between 1 and 1024")
        if self.max_steps is None and self.seconds is None:
            raise DataError("give the race a budget: steps or seconds")
        if self.clip is not None and not self.clip > 0:
            raise DataError("the clipping norm must be above 0 (or None: off)")


@dataclass
class Lane:
    """One cell of the race."""

    model: MemoryNet
    optimizer: torch.optim.Optimizer
    diverged: str | None = None  # why it stopped early (a loss that blew up)
    grads_init: np.ndarray | None = None  # (T,) mean ‖∂L/∂h_t‖ over the probe batch
    grads_end: np.ndarray | None = None
    ratio_init: float = float("nan")
    ratio_end: float = float("nan")


class Race:
    """RNN, LSTM and GRU (any of them) trained side by side: each step draws one fresh batch and every cell
    takes one AdamW step on it, so all see the same data and the same number of steps. Speaks the Trainer's
    language (`run`, `stop`, `callbacks` of `Progress`), so the app's background runner can run it; each
    validation's metrics are {cell: accuracy}. Seeds: the same seed, the same data and initial weights."""

    def __init__(self, cfg: RaceConfig, callbacks: tuple[Callable[[Progress], None], ...] = ()):
        self.cfg = cfg
        self.task = FirstSymbol(cfg.delay)
        self.callbacks = list(callbacks)
        self.lanes = {}
        for i, cell in enumerate(cfg.cells):
            model = build(cell, self.task, cfg.hidden, cfg.seed + i, cfg.rnn_radius, cfg.gate_bias)
            self.lanes[cell] = Lane(model, torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=0.0))
        data = torch.Generator().manual_seed(cfg.seed)
        self.valid = self.task.batch(cfg.eval_size, torch.Generator().manual_seed(cfg.seed + 1000))
        self.probe = tuple(x[:cfg.probe_size] for x in self.valid)
        self._data = data
        self.step = 0
        self.history: list = []  # (step, {cell: accuracy})
        self.best: dict | None = None  # the latest accuracies (the runner shows it)
        self.optimizer = None  # the runner's checkpoint hook: a race is not saved
        self._stop = threading.Event()
        for lane in self.lanes.values():
            lane.grads_init, lane.ratio_init = self._gradients(lane)

    def stop(self):
        self._stop.set()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def _gradients(self, lane: Lane) -> tuple[np.ndarray, float]:
        norms = gradient_through_time(lane.model, *self.probe)
        return norms.mean(0), grad_ratio(norms)

    def _fraction(self, elapsed: float) -> float:
        parts = [self.step / self.cfg.max_steps] if self.cfg.max_steps else []
        if self.cfg.seconds:
            parts.append(elapsed / self.cfg.seconds)
        return min(1.0, max(parts))

    def _validate(self) -> dict:
        metrics = {cell: accuracy(lane.model, *self.valid) for cell, lane in self.lanes.items()}
        self.history.append((self.step, metrics))
        self.best = metrics
        return metrics

    def run(self) -> dict:
        """Race until the budget is spent, every cell has diverged, or stop(); returns the last accuracies."""
        cfg = self.cfg
        start = last = time.perf_counter()
        self._validate()
        self._report(0.0, float("nan"), 0.0, self.history[-1][1])
        losses, tokens = [], 0
        while self._fraction(time.perf_counter() - start) < 1.0 and not self.stopped:
            live = [lane for lane in self.lanes.values() if lane.diverged is None]
            if not live:
                break
            ids, answers = self.task.batch(cfg.batch_size, self._data)
            for lane in live:
                lane.model.train()
                _, loss = lane.model(ids, answers)
                lane.optimizer.zero_grad(set_to_none=True)
                loss.backward()
                if cfg.clip is not None:
                    nn.utils.clip_grad_norm_(lane.model.parameters(), cfg.clip)
                if not all(torch.isfinite(p.grad).all() for p in lane.model.parameters()) or not math.isfinite(loss.item()):
                    lane.diverged = f"the loss or gradient became infinite at step {self.step + 1}"
                    lane.optimizer.zero_grad(set_to_none=True)
                    continue
                lane.optimizer.step()
                losses.append(loss.item())
            self.step += 1
            tokens += ids.numel() * len(live)
            metrics = self._validate() if self.step % cfg.eval_every == 0 else None
            now = time.perf_counter()
            if metrics is not None or now - last >= 0.25:
                self._report(now - start, float(np.mean(losses)) if losses else float("nan"), tokens / (now - last), metrics)
                last, losses, tokens = now, [], 0
        if not self.history or self.history[-1][0] != self.step:
            self._validate()
        for lane in self.lanes.values():
            lane.model.eval()
            lane.grads_end, lane.ratio_end = self._gradients(lane)
        self._report(time.perf_counter() - start, float("nan"), 0.0, self.history[-1][1])
        return self.best

    def _report(self, elapsed: float, loss: float, tokens_per_s: float, metrics: dict | None):
        p = Progress(step=self.step, epoch=0.0, loss=loss, tokens_per_s=tokens_per_s, elapsed=elapsed,
                     fraction=self._fraction(elapsed), lr=self.cfg.lr, metrics=metrics, best=self.best,
                     history=list(self.history))
        for callback in self.callbacks:
            callback(p)

    def results(self) -> dict:
        """{cell: {"accuracy", "grad_ratio", "grad_ratio_init", "diverged"}} after the run."""
        last = self.history[-1][1] if self.history else {}
        return {cell: {"accuracy": last.get(cell, float("nan")), "grad_ratio": lane.ratio_end,
                       "grad_ratio_init": lane.ratio_init, "diverged": lane.diverged}
                for cell, lane in self.lanes.items()}

