"""The classifier page with a spam model of character and word members packed into one file
(`core.tasks.classify.ensemble.pack` -> `core.tasks.classify.mixture.Mixture`), as the shipped one: it answers, explains and draws its
heatmaps without an exception or an error box, shipped or uploaded."""
import pytest
from app_helpers import clean, open_app

from core import fit
from core.checkpoint import save_checkpoint, to_bytes
from core.config import ModelConfig, TrainConfig
from core.tasks.classify.ensemble import pack

PAGE = "pages/classifier.py"
TEXTS = [("ham", "are we still on for dinner tonight"), ("spam", "WINNER! call 0906 now to claim your prize"),
         ("ham", "sorry, i'll call later"), ("spam", "free entry: text WIN to 87121 now!")] * 6


@pytest.fixture(scope="module")
def mixture():
    examples = [(text, label) for label, text in TEXTS]
    members = []
    for tokenizer, seed in (("char", 0), ("word", 0), ("word", 1)):
        bundle, trainer = fit.prepare("classify", examples, examples[:4],
                                      ModelConfig(task="classify", cell="gru", tokenizer=tokenizer, embed_size=8,
                                                  hidden_size=8, bidirectional=True),
                                      TrainConfig(max_steps=4, batch_size=8, seed=seed))
        fit.run(bundle, trainer)
        members.append(bundle)
    return pack(members)


@pytest.mark.parametrize("method", ["gradient", "leave-one-out"])
def test_a_shipped_mixture_answers_and_explains(mixture, tmp_path, monkeypatch, method):
    save_checkpoint(mixture, tmp_path / "spam-sms.safetensors")
    monkeypatch.setenv("RNNLAB_MODELS", str(tmp_path))
    at = open_app(PAGE, model="spam", why=method)
    clean(at)
    assert any("characters + words" in c.value for c in at.caption)
    at.text_area(key="clf_text").set_value("WINNER!! Call now to claim").run()
    clean(at)
    assert at.metric[0].value in ("ham", "spam")
    saliency = [h for h in at.get("html") if "background:" in h.proto.body]
    assert len(saliency) == 1 and saliency[0].proto.body.count("<span") == len("WINNER!! Call now to claim")
    assert any("character members" in c.value for c in at.caption)  # the heatmaps say whose units they show


def test_an_uploaded_mixture_answers(mixture):
    at = open_app(PAGE, model="upload")
    at.file_uploader(key="clf_model_file").upload("mix.safetensors", to_bytes(mixture), "application/octet-stream").run()
    clean(at)
    at.text_area(key="clf_text").set_value("sorry, i'll call later").run()
    clean(at)
    assert at.metric[0].value in ("ham", "spam")
