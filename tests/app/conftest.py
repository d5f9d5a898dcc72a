"""AppTest helpers: the whole app from its entry script, a tiny 'shipped' model in a folder of its own."""
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core import fit
from core.checkpoint import save_checkpoint
from core.config import ModelConfig, TrainConfig

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 60  # the first run imports torch


@pytest.fixture(autouse=True)
def _single_thread(one_thread):  # tests/conftest.py
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


def open_app(page: str | None = None, **query) -> AppTest:
    """The app, run once from streamlit_app.py, then on `page` (e.g. 'pages/char_lm.py'), with URL `query`."""
    at = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=TIMEOUT)
    at.query_params.update({k: str(v) for k, v in query.items()})
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(elements) -> list[str]:
    return [str(e.value) for e in elements]
