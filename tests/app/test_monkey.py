"""Every page of the navigation used at random, as a restless person would (tests/app/monkey.py): a fixed
seed in CI; RNNLAB_MONKEY_SEED (one seed or a comma-separated list) and RNNLAB_MONKEY_ACTIONS for more.

    RNNLAB_MONKEY_SEED=1,2,3 RNNLAB_MONKEY_ACTIONS=300 python -m pytest -q tests/app/test_monkey.py
"""
import os

import pytest

from monkey import REPO, Monkey, navigation

SEEDS = [int(s) for s in os.environ.get("RNNLAB_MONKEY_SEED", "0").split(",") if s.strip()]
ACTIONS = int(os.environ.get("RNNLAB_MONKEY_ACTIONS", "100"))
PAGES = [p for p in navigation() if (REPO / p).is_file()]  # a page joins once its file exists


@pytest.fixture
def tiny_training(monkeypatch):
    """Train buttons start real runs, capped to a blink: one at a time, 2 seconds, small models."""
    for name, value in (("MAX_SECONDS", "2"), ("MAX_HIDDEN", "32"), ("MAX_LAYERS", "1"),
                        ("MAX_TRAINING_JOBS", "1")):
        monkeypatch.setenv("RNNLAB_" + name, value)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("page", PAGES)
def test_a_restless_visitor_meets_no_error(page, seed, tiny_training):
    monkey = Monkey(page, seed).play(ACTIONS)
    assert len(monkey.log) >= ACTIONS
