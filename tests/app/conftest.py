"""AppTest fixtures: one torch thread, a tiny stand-in for the shipped model (helpers: app_helpers.py)."""
from pathlib import Path
from types import SimpleNamespace

import pytest
from app_helpers import REPO, open_app, texts  # noqa: F401 - older tests import these from here

from core import fit
from core.checkpoint import save_checkpoint
from core.config import ModelConfig, TrainConfig


@pytest.fixture(autouse=True)
def _single_thread(one_thread, monkeypatch):  # tests/conftest.py
    monkeypatch.setenv("RNNLAB_WARMUP", "0")  # AppTest has a runtime: no loading every shipped model behind a test
    yield


@pytest.fixture(scope="session")
def shipped_dir(tmp_path_factory) -> Path:
    """A folder holding a tiny stand-in for models/char-shakespeare.safetensors."""
    folder = tmp_path_factory.mktemp("models")
    text = "ROMEO: hello there, juliet.\nJULIET: hello, romeo! \"quoted\" (and bracketed).\n" * 20
    bundle, trainer = fit.prepare("lm", text, None, ModelConfig(cell="lstm", embed_size=8, hidden_size=16),
                                  TrainConfig(max_steps=20, batch_size=8, seq_len=32, seed=1))
    fit.run(bundle, trainer)
    save_checkpoint(bundle, folder / "char-shakespeare.safetensors")
    return folder


@pytest.fixture
def with_shipped(shipped_dir, monkeypatch):
    monkeypatch.setenv("RNNLAB_MODELS", str(shipped_dir))
    return shipped_dir


@pytest.fixture
def without_shipped(tmp_path, monkeypatch):
    monkeypatch.setenv("RNNLAB_MODELS", str(tmp_path))
    return tmp_path


@pytest.fixture
def no_pages_mode_rerun(monkeypatch):
    """AppTest puts Streamlit back in its old pages/ mode before every run, so webapp.nav.enter() reruns each
    time and a plain button's click is lost in that rerun; a real server leaves that mode once."""
    monkeypatch.setattr("webapp.nav.PagesManager", SimpleNamespace(uses_pages_directory=False))
