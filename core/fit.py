"""From data and settings to a Trainer ready to run: the one path the command line and the app share."""
import dataclasses
import time

import torch

from core.config import ModelConfig, TrainConfig
from core.tasks.base import Bundle
from core.tasks.registry import TASKS
from core.training.device import pick_device
from core.training.distributed import Group, shard
from core.training.trainer import Trainer


def prepare(task: str, train, valid, model_cfg: ModelConfig, train_cfg: TrainConfig,
            callbacks=(), group: Group | None = None, start: Bundle | None = None) -> tuple[Bundle, Trainer]:
    """`train`/`valid` as the task's `read` gives them; without `valid`, part of `train` is held out
    (the last 10% of a text; a seeded 10% of examples). With a torchrun `group`, each rank trains on its
    shard of the batches: the global batch is batch_size × world_size.
    `start`: a trained model to go on training (then `model_cfg` is ignored): its vocabularies stay, AdamW's
    state carries on if its checkpoint kept it (and the warm-up is skipped), and the model as it came is
    scored first, so the run never ends worse than it began."""
    spec = TASKS[task]
    if valid is None:
        train, valid = spec.split(train, train_cfg.valid_fraction, train_cfg.seed)
    torch.manual_seed(train_cfg.seed)
    if start is None:
        model_cfg.task = task
        bundle = spec.build(train, valid, model_cfg)
    elif start.cfg.task != task:
        raise ValueError(f"a {start.cfg.task} model cannot go on training as a {task} model")
    else:
        bundle = start
        spec.batches(bundle, valid, train_cfg, train_cfg.seed)  # can it read the validation data? Say so now
        if start.optimizer:
            train_cfg = dataclasses.replace(train_cfg, warmup_steps=0)
    device = group.device if group else pick_device(train_cfg.device)
    batches, steps_per_epoch = spec.batches(bundle, train, train_cfg, train_cfg.seed)
    world = group.world_size if group else 1
    trainer = Trainer(bundle.model, train_cfg, shard(batches, group), steps_per_epoch // world,
                      evaluate=lambda model: spec.evaluate(dataclasses.replace(bundle, model=model), valid), key=spec.key, maximize=spec.maximize,
                      device=device, callbacks=callbacks, group=group, validate_first=start is not None)
    if start is not None and start.optimizer:
        trainer.resume_optimizer(start.optimizer)
    previous = {"resumed": bundle.info} if start is not None else {}
    bundle.info = {"train": train_cfg.to_dict(), "device": str(device), **previous}
    return bundle, trainer


def run(bundle: Bundle, trainer: Trainer, **facts) -> dict:
    """Train, and record in the bundle's info what came of it (kept in the checkpoint)."""
    start = time.perf_counter()
    try:
        best = trainer.run()
    finally:
        bundle.info.update(facts, steps=trainer.step, minutes=round((time.perf_counter() - start) / 60, 3),
                           valid=trainer.best)
    return best


def retrain(task: str, train, valid, model_cfg: ModelConfig, train_cfg: TrainConfig) -> tuple[Bundle, Trainer]:
    """A fresh model prepared and run to the end: what a task's `finish` calls to refit (forecast)."""
    bundle, trainer = prepare(task, train, valid, model_cfg, train_cfg)
    run(bundle, trainer)
    return bundle, trainer
