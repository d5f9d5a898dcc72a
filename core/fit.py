"""From data and settings to a Trainer ready to run: the one path the command line and the app share."""
import time

import torch

from .config import ModelConfig, TrainConfig
from .device import pick_device
from .tasks import TASKS, Bundle
from .train import Trainer


def prepare(task: str, train, valid, model_cfg: ModelConfig, train_cfg: TrainConfig,
            callbacks=()) -> tuple[Bundle, Trainer]:
    """`train`/`valid` as the task's `read` gives them; without `valid`, part of `train` is held out
    (the last 10% of a text; a seeded 10% of examples)."""
    spec = TASKS[task]
    model_cfg.task = task
    if valid is None:
        train, valid = spec.split(train, train_cfg.valid_fraction, train_cfg.seed)
    torch.manual_seed(train_cfg.seed)
    bundle = spec.build(train, valid, model_cfg)
    device = pick_device(train_cfg.device)
    batches, steps_per_epoch = spec.batches(bundle, train, train_cfg, train_cfg.seed)
    trainer = Trainer(bundle.model, train_cfg, batches, steps_per_epoch,
                      evaluate=lambda model: spec.evaluate(bundle, valid), key=spec.key, maximize=spec.maximize,
                      device=device, callbacks=callbacks)
    bundle.info = {"train": train_cfg.to_dict(), "device": str(device)}
    return bundle, trainer


def run(bundle: Bundle, trainer: Trainer, **facts) -> dict:
    """Train, and record in the bundle's info what came of it (kept in the checkpoint)."""
    start = time.perf_counter()
    try:
        best = trainer.run()
    finally:
        bundle.info.update(facts, steps=trainer.step, minutes=round((time.perf_counter() - start) / 60, 2),
                           valid=trainer.best)
    return best
