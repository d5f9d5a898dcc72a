"""The server's warm-up: every shipped model loaded once into the shared cache; a bad file is skipped."""
import logging

import pytest

from core.checkpoint import save_checkpoint
from core.config import ModelConfig, TrainConfig
from core.fit import prepare
from webapp import loading, warmup


@pytest.fixture
def models(tmp_path, monkeypatch):
    bundle, _ = prepare("lm", "hello world " * 20, "hello world " * 4, ModelConfig(hidden_size=8, embed_size=8),
                        TrainConfig(max_steps=1, batch_size=2, device="cpu"))
    save_checkpoint(bundle, tmp_path / "tiny-lm.safetensors")
    (tmp_path / "broken.safetensors").write_bytes(b"\\x00" * 16)
    monkeypatch.setenv("RNNLAB_MODELS", str(tmp_path))
    loading._load.clear()
    yield tmp_path
    loading._load.clear()


def test_warm_loads_every_model_once_and_skips_a_bad_file(models, caplog):
    with caplog.at_level(logging.INFO):
        warmup.warm()
        warmup.warm()  # again: served from the cache
    loads = [r for r in caplog.records if "loaded tiny-lm.safetensors" in r.getMessage()]
    assert len(loads) == 1
    assert any("warm-up skipped broken.safetensors" in r.getMessage() for r in caplog.records)
    assert loading.shipped("tiny-lm.safetensors", "lm").bundle is not None


def test_no_warm_up_outside_a_server_or_when_switched_off(monkeypatch):
    assert warmup.start() is None  # no Streamlit runtime here
    monkeypatch.setenv("RNNLAB_WARMUP", "0")
    assert warmup.start() is None
