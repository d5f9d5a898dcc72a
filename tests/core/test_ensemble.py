"""Packing classifiers into one block-diagonal classifier: its logits are the mean of the members'."""
import pytest
import torch

from core import ModelConfig
from core.checkpoint import load_checkpoint, save_checkpoint, to_bytes
from core.ensemble import main, pack
from core.errors import RNNLabError
from core.models import build_model
from core.tasks import Bundle
from core.tasks.base import pad
from core.vocab import Vocab

CHARS = Vocab(["<pad>", "<unk>", *"abcdeWIN win!£1"])
LABELS = Vocab(["ham", "spam"], specials=False)


def member(seed: int, **kw) -> Bundle:
    torch.manual_seed(seed)
    cfg = ModelConfig(task="classify", tokenizer="char", vocab_size=len(CHARS), num_labels=2, embed_size=4,
                      hidden_size=5, **kw)
    model = build_model(cfg)
    if cfg.word_buckets:
        model.embed.read_vocab(CHARS.itos)
    with torch.no_grad():  # biases and padding rows too, so that a misplaced one shows
        for p in model.parameters():
            p.normal_(0, 0.5)
    return Bundle(model.eval(), CHARS, LABELS, info={"minutes": 1.0})


CASES = [dict(cell="gru", bidirectional=True, word_buckets=16),
         dict(cell="lstm", bidirectional=True, num_layers=2, pooling="last"),
         dict(cell="rnn", num_layers=2, pooling="mean"),
         dict(cell="gru", bidirectional=True, num_layers=2, word_buckets=8)]


@pytest.mark.parametrize("kw", CASES)
def test_packed_logits_are_the_mean_of_the_members(kw):
    members = [member(seed, **kw) for seed in range(3)]
    packed = pack(members)
    assert packed.cfg.hidden_size == 15 and packed.cfg.embed_size == 12
    texts = ["WIN £1 now!", "a bad cab", "win", "eddie ab ab ab ab ab"]
    ids = pad([CHARS.encode(list(t)) for t in texts])
    lengths = torch.tensor([len(t) for t in texts])
    with torch.no_grad():
        want = torch.stack([m.model(ids, lengths=lengths)[0] for m in members]).mean(0)  # (B, C)
        got = packed.model(ids, lengths=lengths)[0]
        torch.testing.assert_close(got, want, atol=1e-5, rtol=1e-5)
        traced, _ = packed.model.trace(ids, lengths=lengths)
        torch.testing.assert_close(traced, want, atol=1e-5, rtol=1e-5)
    again = load_checkpoint(to_bytes(packed), task="classify")  # an ordinary classifier file
    with torch.no_grad():
        torch.testing.assert_close(again.model(ids, lengths=lengths)[0], want, atol=1e-5, rtol=1e-5)
    assert again.info["minutes"] == 3.0 and len(again.info["ensemble"]) == 3


def test_members_must_share_shape_and_vocabulary():
    with pytest.raises(RNNLabError, match="differ"):
        pack([member(0, cell="gru"), member(1, cell="lstm")])
    other = member(1, cell="gru")
    other.vocab = Vocab(["<pad>", "<unk>", *"abcdeWIN win!£2"])
    with pytest.raises(RNNLabError, match="differ"):
        pack([member(0, cell="gru"), other])


def test_command_line(tmp_path, capsys):
    paths = []
    for seed in range(2):
        paths.append(tmp_path / f"m{seed}.safetensors")
        save_checkpoint(member(seed, cell="gru", bidirectional=True), paths[-1])
    (tmp_path / "valid.tsv").write_text("spam\tWIN £1 now!\nham\ta bad cab\n")
    out = tmp_path / "packed.safetensors"
    assert main([*map(str, paths), "--out", str(out), "--valid", str(tmp_path / "valid.tsv"), "--half"]) == 0
    packed = load_checkpoint(out, task="classify")
    assert packed.cfg.hidden_size == 10 and 0 <= packed.info["valid"]["accuracy"] <= 1
    assert main([str(paths[0]), str(tmp_path / "missing.safetensors"), "--out", str(out)]) == 1
    assert "Error:" in capsys.readouterr().err
