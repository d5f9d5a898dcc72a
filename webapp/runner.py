"""A training run in a background thread: core's Trainer, watched through its callbacks.

The page keeps a `TrainingRun` in `st.session_state` and polls `snapshot()` from an
`st.fragment(run_every=...)`; `stop()` is safe from any thread and the Trainer honours it after the
current step. A run waits (QUEUED) for one of the server's training slots (jobs.py) and gives it back
however it ends. No Streamlit here: the run knows nothing of pages.
"""
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

from torch import nn

from core import fit
from core.checkpoint import load_checkpoint, to_bytes
from core.config import ModelConfig, TrainConfig
from core.errors import RNNLabError
from core.tasks.base import Bundle
from core.training.trainer import Progress, Trainer

from . import jobs

READY, QUEUED, RUNNING, STOPPING = "ready", "queued", "running", "stopping"
DONE, STOPPED, FAILED, CANCELLED = "done", "stopped", "failed", "cancelled"  # cancelled: stopped while queued


@dataclass
class Snapshot:
    """A consistent copy of a run's state for drawing."""

    state: str
    step: int = 0
    fraction: float = 0.0
    elapsed: float = 0.0
    tokens_per_s: float = 0.0
    losses: list = field(default_factory=list)  # (step, training loss)
    valid: list = field(default_factory=list)  # (step, validation metrics)
    best: dict | None = None
    samples: list = field(default_factory=list)  # (step, text) from the probe
    error: str | None = None
    position: int = 0  # while queued: the place in the server's line (1: next to start)

    @property
    def active(self) -> bool:
        return self.state in (QUEUED, RUNNING, STOPPING)

    @property
    def finished(self) -> bool:
        return self.state in (DONE, STOPPED, FAILED, CANCELLED)


class TrainingRun:
    """One training job. `probe(bundle) -> str`, if given, is called in the training thread every
    `probe_every` seconds with the model in eval mode (for a language model: a short sample)."""

    def __init__(self, bundle: Bundle, trainer: Trainer, probe: Callable[[Bundle], str] | None = None,
                 probe_every: float = 3.0, facts: dict | None = None):
        self.bundle, self.trainer, self.probe, self.probe_every = bundle, trainer, probe, probe_every
        self.facts = facts or {}
        self._lock = threading.Lock()
        self._snap = Snapshot(READY)
        self._last_probe = 0.0
        self._thread: threading.Thread | None = None
        self._ticket: jobs.Ticket | None = None
        self._ended = threading.Event()
        self._bytes: bytes | None = None
        self.acknowledged = False  # set by the page once it has reacted to the end of the run
        trainer.callbacks.append(self._on_progress)

    @classmethod
    def prepare(cls, task: str, train, valid, model_cfg: ModelConfig, train_cfg: TrainConfig,
                probe: Callable[[Bundle], str] | None = None, probe_every: float = 3.0, start: "Start | None" = None,
                **facts) -> "TrainingRun":
        """Build the vocabulary and model now (so bad data is reported at once), train later in start().
        `start`: a saved model to go on training instead, loaded afresh for this run (`model_cfg` is then
        unused; see core.fit.prepare)."""
        bundle, trainer = fit.prepare(task, train, valid, model_cfg, train_cfg, start=start.load() if start is not None else None)
        return cls(bundle, trainer, probe, probe_every, facts)

    # ------------------------------------------------------------ control (any thread)

    def start(self, slots: jobs.Slots | None = None) -> "TrainingRun":
        """Join the line for a training slot (the server's, unless `slots` is given): training begins at
        once when one is free, else by itself when one frees. QueueFull when too many runs wait already."""
        with self._lock:
            if self._snap.state != READY:
                raise RuntimeError("a run starts once")
            self._snap.state = QUEUED
        try:
            self._ticket = (slots or jobs.server_slots()).join(self._begin)
        except jobs.QueueFull:
            with self._lock:
                self._snap.state = READY
            raise
        return self

    def stop(self):
        """Ask the run to end after the current step; the best model so far is kept. A queued run leaves the
        line and never trains (CANCELLED)."""
        if self._ticket is not None and self._ticket.cancel():
            with self._lock:
                self._snap.state = CANCELLED
            self._ended.set()
            return
        self.trainer.stop()
        with self._lock:
            if self._snap.state == RUNNING:
                self._snap.state = STOPPING

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the run to end (a queued one: to be trained, or cancelled); True once it has, or if it
        was never started."""
        if self._ticket is None:
            return True
        if not self._ended.wait(timeout):
            return False
        if self._thread is not None:
            self._thread.join()  # it has only its slot to give back
        return True

    def snapshot(self) -> Snapshot:
        ticket = self._ticket
        position = (ticket.position or 1) if ticket is not None else 0  # 0 (holding) too: the slot is on its way
        with self._lock:
            s = self._snap
            return Snapshot(s.state, s.step, s.fraction, s.elapsed, s.tokens_per_s, list(s.losses), list(s.valid),
                            s.best, list(s.samples), s.error, position if s.state == QUEUED else 0)

    @property
    def model(self) -> nn.Module:
        return self.bundle.model

    def checkpoint(self) -> bytes:
        """The trained model as a .safetensors file, with AdamW's state so that it can go on training (made
        once, after the run has ended)."""
        if self.snapshot().active:
            raise RuntimeError("the run is still going")
        if self._bytes is None:
            self._bytes = to_bytes(self.bundle, optimizer=self.trainer.optimizer)
        return self._bytes

    # ------------------------------------------------------------ the training thread

    def _begin(self, ticket: jobs.Ticket):
        """The slot is this run's (called by the slots, from start() or from the thread that freed it)."""
        with self._lock:
            self._snap.state = STOPPING if self.trainer.stopped else RUNNING
        self._thread = threading.Thread(target=self._work, args=(ticket,), name="rnnlab-training", daemon=True)
        try:
            self._thread.start()
        except RuntimeError as e:  # no thread to be had: nothing trains (the slots take the slot back)
            with self._lock:
                self._snap.state, self._snap.error = FAILED, f"training could not start: {e}"
            self._ended.set()
            raise

    def _work(self, ticket: jobs.Ticket):
        try:
            state, error = DONE, None
            try:
                fit.run(self.bundle, self.trainer, **self.facts)
                if self.probe is not None:
                    self.bundle.model.eval()
                    self._run_probe(force=True)
            except RNNLabError as e:  # a loss that blew up, say: a model validated before it is kept and usable
                state, error = (STOPPED if self.trainer.best is not None else FAILED), str(e)
            except Exception as e:  # noqa: BLE001 - shown to the person instead of dying silently in a thread
                traceback.print_exc()
                state, error = FAILED, f"training failed: {type(e).__name__}: {e}"
            self.bundle.model.eval()
            with self._lock:
                if state == DONE and self.trainer.stopped:
                    state = STOPPED
                self._snap.state, self._snap.error = state, error
        finally:
            ticket.release()  # however the run ended: the next in line begins
            self._ended.set()

    def _on_progress(self, p: Progress):
        with self._lock:
            s = self._snap
            s.step, s.fraction, s.elapsed = p.step, p.fraction, p.elapsed
            if p.tokens_per_s:
                s.tokens_per_s = p.tokens_per_s
            if p.loss == p.loss:  # not NaN (the final report may have no fresh training loss)
                s.losses.append((p.step, p.loss))
            s.valid = p.history  # every validation so far (going on, the first scores the model as it came)
            s.best = p.best
        if not self.trainer.stopped:
            self._run_probe()

    def _run_probe(self, force: bool = False):
        now = time.monotonic()
        if self.probe is None or (not force and now - self._last_probe < self.probe_every):
            return
        self._last_probe = now
        model = self.bundle.model
        was_training = model.training
        try:
            text = self.probe(self.bundle)
        except RNNLabError:
            text = None
        finally:
            model.train(was_training)
        if text is not None:
            with self._lock:
                self._snap.samples.append((self._snap.step, text))


@dataclass(frozen=True)
class Start:
    """A saved model to go on training, kept as its file: every run loads a copy of its own, so no run
    trains a model that another run, a page or another session holds."""

    name: str
    data: bytes
    task: str

    def load(self) -> Bundle:
        """A fresh copy of the model (CheckpointError if the file is not one of this task's)."""
        return load_checkpoint(self.data, self.task, name=self.name)


def steps_trained(info: dict) -> int:
    """The steps of every run a model went through (a run that went on keeps the one before in "resumed")."""
    steps = 0
    while isinstance(info, dict):
        steps += info["steps"] if type(info.get("steps")) is int else 0
        info = info.get("resumed")
    return steps


@dataclass
class OwnRun:
    """A person's training run, with the held-out examples it is scored on."""

    run: TrainingRun
    valid: list
    report: dict | None = None  # filled once, after the run

    def scored(self, score: Callable[[Bundle, list], dict]) -> dict:
        """`score(bundle, valid)`, computed once; {"error": message} when the data cannot be scored."""
        if self.report is None:
            try:
                self.report = score(self.run.bundle, self.valid)
            except RNNLabError as e:
                self.report = {"error": str(e)}
        return self.report
