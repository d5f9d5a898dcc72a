"""`Trainer`: task-agnostic training. It knows only that a model maps a batch to (logits, loss);
it speaks through callbacks, can be stopped from another thread, and keeps the best model."""
import copy
import gc
import math
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import torch
from torch import nn
from torch.optim.swa_utils import AveragedModel, get_ema_multi_avg_fn

from core.config import TrainConfig
from core.errors import TrainingError
from core.training.distributed import Group


@dataclass
class Progress:
    step: int
    epoch: float
    loss: float  # mean training loss since the last report
    tokens_per_s: float
    elapsed: float  # seconds
    fraction: float  # of the run done, 0..1
    lr: float
    metrics: dict | None = None  # validation metrics, on the reports right after an evaluation
    best: dict | None = None  # the best validation metrics so far
    history: list = field(default_factory=list)  # every validation result: (step, metrics)


def lr_at(cfg: TrainConfig, step: int, fraction: float) -> float:
    """Linear warm-up, then cosine decay to a tenth of the peak over the run."""
    if step < cfg.warmup_steps:
        return cfg.lr * (step + 1) / cfg.warmup_steps
    return cfg.lr * (0.1 + 0.45 * (1 + math.cos(math.pi * min(fraction, 1.0))))


class Trainer:
    """model(**batch) -> (logits, loss). `batches` yields dicts of CPU tensors forever; `evaluate(model)`
    returns validation metrics, of which `key` picks the best model (`maximize` or not). Under torchrun
    (`group`), the model is wrapped in DistributedDataParallel and the ranks take every decision together
    (stop, evaluate, report, keep as best), so they stay in step and end with the same weights.
    `validate_first`: score the model before the first step too (going on from a trained model, the run
    then never ends worse than it began)."""

    def __init__(self, model: nn.Module, cfg: TrainConfig, batches: Iterator[dict], steps_per_epoch: int,
                 evaluate: Callable[[nn.Module], dict], key: str = "loss", maximize: bool = False,
                 device: torch.device | str = "cpu", callbacks: tuple[Callable[[Progress], None], ...] = (),
                 group: Group | None = None, validate_first: bool = False):
        self.model, self.cfg, self.batches = model.to(device), cfg, batches
        self.group = group
        self.forward = model if group is None else torch.nn.parallel.DistributedDataParallel(
            model, device_ids=[device] if torch.device(device).type == "cuda" else None)
        self.steps_per_epoch = max(1, steps_per_epoch)
        self.evaluate, self.key, self.maximize = evaluate, key, maximize
        self.device = torch.device(device)
        self.callbacks = list(callbacks)
        self.optimizer = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay,
                                           betas=(0.9, 0.99))
        self.averaged = AveragedModel(model, multi_avg_fn=get_ema_multi_avg_fn(cfg.ema), use_buffers=True) \
            if cfg.ema else None  # the weights' moving average, if asked for: validated and kept instead
        self.best: dict | None = None
        self.history: list = []
        self.step = 0
        self._best_state = None
        self._stop = threading.Event()
        self.validate_first = validate_first

    def resume_optimizer(self, state: dict[str, torch.Tensor]):
        """Carry on from a checkpoint's AdamW state ("<parameter>.<name>" -> tensor)."""
        for name, p in self.model.named_parameters():
            self.optimizer.state[p] = {k: state[f"{name}.{k}"].to(p.device if k != "step" else "cpu", torch.float32)
                                       for k in ("step", "exp_avg", "exp_avg_sq")}

    def stop(self):
        """Ask the run to end after the current step (safe from any thread)."""
        self._stop.set()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def total_steps(self) -> int | None:
        limits = [self.cfg.max_steps]
        if self.cfg.epochs is not None:
            limits.append(math.ceil(self.cfg.epochs * self.steps_per_epoch))
        limits = [n for n in limits if n is not None]
        return min(limits) if limits else None

    def fraction(self, elapsed: float) -> float:
        parts = []
        if (total := self.total_steps()) is not None:
            parts.append(self.step / total)
        if self.cfg.minutes is not None:
            parts.append(elapsed / (60 * self.cfg.minutes))
        return min(1.0, max(parts))

    def run(self) -> dict:
        """Train until the step, epoch or time budget is spent or stop() is called; leave the model at its
        best validation result and return that result."""
        cfg, model = self.cfg, self.model
        start = last_report = time.perf_counter()
        next_eval, loss_sum, loss_n, tokens = cfg.eval_every, torch.zeros((), device=self.device), 0, 0
        last_loss = float("nan")
        if self.validate_first:
            self._validate()
        model.train()
        while True:
            fraction = self.fraction(time.perf_counter() - start)
            if self._agree(fraction >= 1.0 or self._stop.is_set())[0]:
                break
            lr = lr_at(cfg, self.step, fraction)
            for group in self.optimizer.param_groups:
                group["lr"] = lr
            batch = {k: v.to(self.device, non_blocking=True) for k, v in next(self.batches).items()}
            _, loss = self.forward(**batch)
            self.optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), cfg.clip)
            self.optimizer.step()
            if self.averaged is not None:
                self.averaged.update_parameters(model)
            self.step += 1
            loss_sum += loss.detach()
            loss_n += 1
            tokens += int(batch["lengths"].sum()) if "lengths" in batch else batch["ids"].numel()

            now = time.perf_counter()
            metrics = None
            evaluate, report = self._agree(self.fraction(now - start) >= next_eval, now - last_report >= 0.25)
            if evaluate:
                metrics = self._validate()
                next_eval = self.fraction(time.perf_counter() - start) + cfg.eval_every
            if report or evaluate:
                total, n, tokens = self.group.sum(float(loss_sum), loss_n, tokens) if self.group else \
                    (float(loss_sum), loss_n, tokens)  # the mean loss, and tokens/s, over all ranks
                mean_loss = total / n
                if not math.isfinite(mean_loss):
                    self._restore_best()
                    raise TrainingError(f"the loss became {mean_loss} at step {self.step}: lower the learning "
                                        f"rate and try again" + (" (the best model so far is kept)" if self.best else ""))
                self._report(now - start, mean_loss, tokens / (now - last_report), lr, metrics)
                last_report, loss_sum, loss_n, tokens = now, torch.zeros((), device=self.device), 0, 0
                last_loss = mean_loss

        if self.best is None or self.history[-1][0] != self.step:
            metrics = self._validate()
            elapsed = time.perf_counter() - start
            self._report(elapsed, float(loss_sum) / loss_n if loss_n else last_loss, 0.0, 0.0, metrics)
        self._restore_best()
        self._release()
        return self.best

    def _release(self):
        """Let go of DistributedDataParallel while the process group lives: destroyed after the group,
        it aborts the process (gloo)."""
        if self.forward is not self.model:
            self.forward = self.model
            gc.collect()

    def _validate(self) -> dict:
        scored = self.model if self.averaged is None or self.averaged.n_averaged == 0 else self.averaged.module
        scored.eval()
        with torch.no_grad():
            metrics = self.evaluate(scored)
        self.model.train()
        self.history.append((self.step, metrics))
        better = self.best is None or self._better(metrics, self.best)
        if self.group is not None:
            better = self.group.from_main(better)  # rank 0 decides, so every rank keeps the same weights
        if better:
            self.best = metrics
            self._best_state = copy.deepcopy({k: v.detach().cpu() for k, v in scored.state_dict().items()})
        return metrics

    def _agree(self, *flags: bool) -> list[bool]:
        return self.group.any(*flags) if self.group else list(flags)

    def _better(self, new: dict, old: dict) -> bool:
        """By the key; on a tie (say, both 100% accurate), by the lower loss."""
        sign = 1 if self.maximize else -1
        return (sign * new[self.key], -new["loss"]) > (sign * old[self.key], -old["loss"])

    def _restore_best(self):
        if self._best_state is not None:
            self.model.load_state_dict(self._best_state)
        self.model.eval()

    def _report(self, elapsed, loss, tokens_per_s, lr, metrics):
        progress = Progress(step=self.step, epoch=self.step / self.steps_per_epoch, loss=loss,
                            tokens_per_s=tokens_per_s, elapsed=elapsed, fraction=self.fraction(elapsed), lr=lr,
                            metrics=metrics, best=self.best, history=list(self.history))
        for callback in self.callbacks:
            callback(progress)
