"""Going on training a saved model: AdamW's state travels in the checkpoint, and a resumed run never ends
worse than the model it started from."""
import os
import subprocess
import sys

import pytest
import torch
from safetensors import safe_open
from safetensors.torch import load_file, save_file

from core import fit
from core.checkpoint import OPTIMIZER, load_checkpoint, save_checkpoint
from core.config import ModelConfig, TrainConfig
from core.errors import CheckpointError, DataError

EXAMPLES = [(f"win cash prize {i} now", "spam") for i in range(20)] + [(f"see you at {i} ok", "ham") for i in range(20)]


def trained(steps=12, **train):
    bundle, trainer = fit.prepare("classify", EXAMPLES, None, ModelConfig(hidden_size=8, embed_size=8),
                                  TrainConfig(max_steps=steps, batch_size=8, **train))
    fit.run(bundle, trainer)
    return bundle, trainer


def test_the_optimizer_state_round_trips_and_carries_on(tmp_path):
    bundle, trainer = trained()
    save_checkpoint(bundle, tmp_path / "m.safetensors", optimizer=trainer.optimizer)
    start = load_checkpoint(tmp_path / "m.safetensors")
    assert len(start.optimizer) == 3 * len(list(bundle.model.parameters()))
    for name, p in bundle.model.named_parameters():
        for key, value in trainer.optimizer.state[p].items():
            assert torch.equal(start.optimizer[f"{name}.{key}"], value)

    _, again = fit.prepare("classify", EXAMPLES, None, ModelConfig(), TrainConfig(max_steps=5, batch_size=8),
                           start=start)
    assert again.cfg.warmup_steps == 0  # the moments are warm already
    again.run()
    steps = {float(state["step"]) for state in again.optimizer.state.values()}
    assert steps == {12 + 5}


def test_a_resumed_run_never_ends_worse_than_it_began():
    bundle, _ = trained(steps=40)
    before = fit.TASKS["classify"].evaluate(bundle, EXAMPLES)
    going_on, trainer = fit.prepare("classify", EXAMPLES, EXAMPLES, ModelConfig(),
                                    TrainConfig(max_steps=10, batch_size=8, lr=5.0), start=bundle)
    best = trainer.run()  # a learning rate that wrecks the model
    assert trainer.history[0][0] == 0  # the model as it came was scored first
    assert (best["accuracy"], -best["loss"]) >= (before["accuracy"], -before["loss"])


def test_a_model_of_another_task_or_unknown_labels_cannot_go_on():
    bundle, _ = trained(steps=2)
    with pytest.raises(ValueError, match="classify model cannot go on training as a tag"):
        fit.prepare("tag", [(["a"], ["O"])] * 4, None, ModelConfig(), TrainConfig(), start=bundle)
    with pytest.raises(DataError, match="labels the model does not know: eggs"):
        fit.prepare("classify", EXAMPLES + [("fried eggs", "eggs")], None, ModelConfig(), TrainConfig(), start=bundle)
    with pytest.raises(DataError, match="labels the model does not know: toast"):  # in the validation data only
        fit.prepare("classify", EXAMPLES, [("toast", "toast")], ModelConfig(), TrainConfig(), start=bundle)


def test_a_file_with_part_of_an_optimizer_state_is_refused(tmp_path):
    bundle, trainer = trained(steps=2)
    save_checkpoint(bundle, tmp_path / "m.safetensors", optimizer=trainer.optimizer)
    with safe_open(tmp_path / "m.safetensors", "pt") as f:
        meta = f.metadata()
    tensors = load_file(tmp_path / "m.safetensors")
    del tensors[next(k for k in tensors if k.startswith(OPTIMIZER))]
    save_file(tensors, tmp_path / "forged.safetensors", metadata=meta)
    with pytest.raises(CheckpointError, match="do not match"):
        load_checkpoint(tmp_path / "forged.safetensors")


def core(*args):
    return subprocess.run([sys.executable, "-m", "core", *map(str, args)], capture_output=True, text=True,
                          cwd=os.getcwd(), timeout=300)


@pytest.mark.slow
def test_the_command_line_resumes_a_model_from_its_file_alone(tmp_path):
    data = tmp_path / "sms.tsv"
    data.write_text("".join(f"{label}\t{text}\n" for text, label in EXAMPLES))
    model = tmp_path / "m.safetensors"
    assert core("train", "classify", "--data", data, "--out", model, "--max-steps", 10, "--hidden", 8).returncode == 0
    size = model.stat().st_size

    result = core("train", "--resume", model, "--max-steps", 5)  # task, data and output from the file
    assert result.returncode == 0, result.stderr
    assert "with its optimizer state" in result.stderr
    resumed = load_checkpoint(model)
    assert resumed.info["resumed"]["steps"] == 10 and resumed.info["steps"] == 5
    assert resumed.optimizer is not None

    shipped = tmp_path / "shipped.safetensors"
    assert core("train", "--resume", model, "--max-steps", 2, "--half", "--out", shipped).returncode == 0
    assert load_checkpoint(shipped).optimizer is None and shipped.stat().st_size < size / 4
    result = core("train", "--resume", shipped, "--max-steps", 2, "--out", tmp_path / "again.safetensors")
    assert result.returncode == 0 and "AdamW starts afresh" in result.stderr

    for args, message in [(["train", "lm", "--resume", model], "holds a classify model, not lm"),
                          (["train", "--data", data], "train needs a task, --data and --out")]:
        result = core(*args)
        assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
