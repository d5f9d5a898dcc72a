"""Every page of the navigation used at random, as a restless person would (tests/app/monkey.py): a fixed
seed in CI; RNNLAB_MONKEY_SEED (one seed or a comma-separated list) and RNNLAB_MONKEY_ACTIONS for more.

    RNNLAB_MONKEY_SEED=1,2,3 RNNLAB_MONKEY_ACTIONS=300 python -m pytest -q tests/app/test_monkey.py
"""
import os
import string

import pytest
from monkey import REPO, Monkey, navigation

from core import fit
from core.checkpoint import save_checkpoint
from core.config import ModelConfig, TrainConfig

SEEDS = [int(s) for s in os.environ.get("RNNLAB_MONKEY_SEED", "0").split(",") if s.strip()]
ACTIONS = int(os.environ.get("RNNLAB_MONKEY_ACTIONS", "100"))
PAGES = [p for p in navigation() if (REPO / p).is_file()]  # a page joins once its file exists


@pytest.fixture(scope="session")
def models(tmp_path_factory):
    """The shipped models, but a tiny stand-in for the character LM: the 2×512 LSTM sampling up to 2,000
    characters on every Again made that page the slowest by far, and labels break the same way on any
    model. The stand-in reads every printable ASCII character (as the shipped one reads English), so typed
    texts reach the look inside."""
    folder = tmp_path_factory.mktemp("monkey_models")
    text = ("ROMEO: hello there, juliet.\nJULIET: she said 'no' (twice)!\n" + string.printable) * 20
    bundle, trainer = fit.prepare("lm", text, None, ModelConfig(cell="lstm", embed_size=8, hidden_size=16),
                                  TrainConfig(max_steps=20, batch_size=8, seq_len=32, seed=1))
    fit.run(bundle, trainer)
    save_checkpoint(bundle, folder / "char-shakespeare.safetensors")
    for path in (REPO / "models").iterdir():
        if not (folder / path.name).exists():
            (folder / path.name).symlink_to(path)
    return folder


@pytest.fixture
def tiny_training(models, monkeypatch):
    """Train buttons start real runs, capped to a blink: one at a time, 2 seconds, small models."""
    for name, value in (("MAX_SECONDS", "2"), ("MAX_HIDDEN", "32"), ("MAX_LAYERS", "1"),
                        ("MAX_TRAINING_JOBS", "1"), ("MODELS", str(models))):
        monkeypatch.setenv("RNNLAB_" + name, value)


@pytest.mark.slow
@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("page", PAGES)
def test_a_restless_visitor_meets_no_error(page, seed, tiny_training):
    monkey = Monkey(page, seed).play(ACTIONS)
    assert len(monkey.log) >= ACTIONS
