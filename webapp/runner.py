"""A training run in a background thread: core's Trainer, watched through its callbacks.

The page keeps a `TrainingRun` in `st.session_state` and polls `snapshot()` from an
`st.fragment(run_every=...)`; `stop()` is safe from any thread and the Trainer honours it after the
current step. No Streamlit here: the run knows nothing of pages.
"""
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

from torch import nn

from core import fit
from core.checkpoint import to_bytes
from core.config import ModelConfig, TrainConfig
from core.errors import RNNLabError
from core.tasks import Bundle
from core.train import Progress, Trainer

READY, RUNNING, STOPPING, DONE, STOPPED, FAILED = "ready", "running", "stopping", "done", "stopped", "failed"


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

    @property
    def active(self) -> bool:
        return self.state in (RUNNING, STOPPING)

    @property
    def finished(self) -> bool:
        return self.state in (DONE, STOPPED, FAILED)


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
        self._bytes: bytes | None = None
        self.acknowledged = False  # set by the page once it has reacted to the end of the run
        trainer.callbacks.append(self._on_progress)

    @classmethod
    def prepare(cls, task: str, train, valid, model_cfg: ModelConfig, train_cfg: TrainConfig,
                probe: Callable[[Bundle], str] | None = None, probe_every: float = 3.0, **facts) -> "TrainingRun":
        """Build the vocabulary and model now (so bad data is reported at once), train later in start()."""
        bundle, trainer = fit.prepare(task, train, valid, model_cfg, train_cfg)
        return cls(bundle, trainer, probe, probe_every, facts)

    # ------------------------------------------------------------ control (any thread)

    def start(self) -> "TrainingRun":
        with self._lock:
            if self._snap.state != READY:
                raise RuntimeError("a run starts once")
            self._snap.state = RUNNING
        self._thread = threading.Thread(target=self._work, name="rnnlab-training", daemon=True)
        self._thread.start()
        return self

    def stop(self):
        """Ask the run to end after the current step; the best model so far is kept."""
        self.trainer.stop()
        with self._lock:
            if self._snap.state == RUNNING:
                self._snap.state = STOPPING

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the thread; True once it has ended."""
        if self._thread is not None:
            self._thread.join(timeout)
        return self._thread is None or not self._thread.is_alive()

    def snapshot(self) -> Snapshot:
        with self._lock:
            s = self._snap
            return Snapshot(s.state, s.step, s.fraction, s.elapsed, s.tokens_per_s, list(s.losses), list(s.valid),
                            s.best, list(s.samples), s.error)

    @property
    def model(self) -> nn.Module:
        return self.bundle.model

    def checkpoint(self) -> bytes:
        """The trained model as a .safetensors file (made once, after the run has ended)."""
        if self._thread is not None and self._thread.is_alive():
            raise RuntimeError("the run is still going")
        if self._bytes is None:
            self._bytes = to_bytes(self.bundle)
        return self._bytes

    # ------------------------------------------------------------ the training thread

    def _work(self):
        state, error = DONE, None
        try:
            fit.run(self.bundle, self.trainer, **self.facts)
        except RNNLabError as e:
            state, error = FAILED, str(e)
        except Exception as e:  # noqa: BLE001 - shown to the person instead of dying silently in a thread
            traceback.print_exc()
            state, error = FAILED, f"training failed: {type(e).__name__}: {e}"
        self.bundle.model.eval()
        if self.probe is not None and state != FAILED:
            self._run_probe(force=True)
        with self._lock:
            if state == DONE and self.trainer.stopped:
                state = STOPPED
            self._snap.state, self._snap.error = state, error

    def _on_progress(self, p: Progress):
        with self._lock:
            s = self._snap
            s.step, s.fraction, s.elapsed = p.step, p.fraction, p.elapsed
            if p.tokens_per_s:
                s.tokens_per_s = p.tokens_per_s
            if p.loss == p.loss:  # not NaN (the final report may have no fresh training loss)
                s.losses.append((p.step, p.loss))
            if p.metrics is not None:
                s.valid.append((p.step, p.metrics))
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
