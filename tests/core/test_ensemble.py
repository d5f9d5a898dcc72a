"""Packing classifiers into one block-diagonal classifier: its logits are the mean of the members'."""
import json
import tempfile

import pytest
import torch

from core.checkpoint import load_checkpoint, save_checkpoint, to_bytes
from core.cli import main
from core.config import ModelConfig
from core.errors import RNNLabError
from core.tasks.base import Bundle, pad
from core.tasks.classify import explain
from core.tasks.classify.ensemble import pack, shift, threshold
from core.tasks.classify.mixture import MixedVocab, Mixture
from core.tasks.registry import TASKS, build_model
from core.text.vocab import Vocab

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
    assert main(["ensemble", *map(str, paths), "--out", str(out), "--valid", str(tmp_path / "valid.tsv"), "--half"]) == 0
    packed = load_checkpoint(out, task="classify")
    assert packed.cfg.hidden_size == 10 and 0 <= packed.info["valid"]["accuracy"] <= 1
    assert main(["ensemble", str(paths[0]), str(tmp_path / "missing.safetensors"), "--out", str(out)]) == 2
    assert "error:" in capsys.readouterr().err


WORDS = Vocab(["<pad>", "<unk>", "win", "£", "1", "now", "!", "a", "bad", "cab", "ab"])


def word_member(seed: int, **kw) -> Bundle:
    torch.manual_seed(100 + seed)
    cfg = ModelConfig(task="classify", tokenizer="word", vocab_size=len(WORDS), num_labels=2, embed_size=3,
                      hidden_size=6, **kw)
    model = build_model(cfg)
    with torch.no_grad():
        for p in model.parameters():
            p.normal_(0, 0.5)
    return Bundle(model.eval(), WORDS, LABELS, info={"minutes": 2.0})


MIXED_TEXTS = ["WIN £1 now!", "a bad cab", "Win", "eddie ab AB ab  ab ab!!", "!!!", "   "]


def member_logits(bundle: Bundle, text: str) -> torch.Tensor:
    tokens = TASKS["classify"].tokens(bundle.cfg, text) or ["<unk>"]  # no words: one unknown word, as the mixture
    ids = torch.tensor([bundle.vocab.encode(tokens)])
    return bundle.model(ids)[0][0]


@pytest.mark.parametrize("kw", [dict(cell="gru", bidirectional=True), dict(cell="lstm", num_layers=2, pooling="last")])
def test_character_and_word_members_pack_into_one_mixture(kw):
    members = [member(0, **kw), member(1, **kw), word_member(0, **kw), word_member(1, **kw), word_member(2, **kw)]
    packed = pack(members)
    assert isinstance(packed.model, Mixture) and isinstance(packed.vocab, MixedVocab)
    assert packed.cfg.tokenizer == "char" and packed.cfg.hidden_size == 10 and packed.cfg.word_hidden_size == 18
    again = load_checkpoint(to_bytes(packed), task="classify")  # round trip: one file
    assert isinstance(again.vocab, MixedVocab) and again.vocab.words.itos == WORDS.itos
    assert again.info["minutes"] == 8.0 and len(again.info["ensemble"]) == 5
    task = TASKS["classify"]
    ids = [packed.vocab.encode(task.tokens(packed.cfg, t)) for t in MIXED_TEXTS]
    lengths = torch.tensor([len(s) for s in ids])
    with torch.no_grad():
        want = torch.stack([torch.stack([member_logits(m, t) for m in members]).mean(0) for t in MIXED_TEXTS])
        for bundle in (packed, again):
            got = bundle.model(pad(ids), lengths=lengths)[0]  # (B, C), a ragged batch
            torch.testing.assert_close(got, want, atol=1e-5, rtol=1e-5)
            traced, trace = bundle.model.trace(pad(ids), lengths=lengths)
            torch.testing.assert_close(traced, want, atol=1e-5, rtol=1e-5)
            assert trace.hidden.shape[-1] == (2 if kw.get("bidirectional") else 1) * 10  # the character members'
    probs = task.predict(again, MIXED_TEXTS[0])
    torch.testing.assert_close(torch.tensor(probs["spam"]), torch.softmax(want[0], -1)[1], atol=1e-5, rtol=1e-5)


def test_the_words_of_a_mixture_start_at_their_first_character():
    packed = pack([member(0, cell="gru"), word_member(0, cell="gru")])
    C = len(CHARS)
    ids = packed.vocab.encode(list("WIN a  Ab!"))
    words = [i // C for i in ids]
    assert words == [WORDS.stoi["win"], 0, 0, 0, WORDS.stoi["a"], 0, 0, WORDS.stoi["ab"], 0, WORDS.stoi["!"]]
    assert [i % C for i in ids] == CHARS.encode(list("WIN a  Ab!"))


def test_explanations_of_a_mixture():
    packed = pack([member(0, cell="gru", bidirectional=True), word_member(0, cell="gru", bidirectional=True)])
    text = "WIN £1 now!"
    tokens, ids, _ = explain.encode(packed, text)
    assert tokens == list(text)
    over = explain.over_time(packed, ids)  # (T, C): the last row is the answer
    probs = TASKS["classify"].predict(packed, text)
    torch.testing.assert_close(over[-1], torch.tensor([probs[c] for c in LABELS.itos]), atol=1e-5, rtol=1e-5)
    for method in explain.SALIENCY_METHODS:
        scores = explain.saliency(packed, ids, method=method)
        assert scores.shape == (len(tokens),) and torch.isfinite(scores).all() and scores.abs().sum() > 0
    assert explain.trace(packed, ids).hidden.shape == (1, 1, len(tokens), 10)  # the character member: 2 x 5


def test_members_of_both_tokenizers_must_agree_on_labels_and_shape():
    other = word_member(0, cell="gru")
    other.labels = Vocab(["neg", "pos"], specials=False)
    with pytest.raises(RNNLabError, match="labels"):
        pack([member(0, cell="gru"), other])
    with pytest.raises(RNNLabError, match="same cell"):
        pack([member(0, cell="gru"), word_member(0, cell="lstm")])


def test_the_threshold_is_the_cut_right_most_often_and_nearest_zero():
    assert threshold([-3.0, -1.0, 2.0, 4.0], [0, 0, 1, 1]) == 0.0  # every cut in (-1, 2) is right: 0 is nearest
    assert threshold([-3.0, 1.0, 2.0, 4.0], [0, 0, 1, 1]) == 1.5  # moves only to mend a mistake
    assert threshold([-3.0, -2.0, -1.5, 4.0], [0, 0, 1, 1]) == -1.75


def test_a_shifted_mixture_moves_its_decision_by_the_cut():
    packed = pack([member(0, cell="gru"), word_member(0, cell="gru")])
    ids = pad([packed.vocab.encode(list(t)) for t in MIXED_TEXTS])
    with torch.no_grad():
        before = packed.model(ids)[0]
        shift(packed, 0.75)
        after = packed.model(ids)[0]
    torch.testing.assert_close(after[:, 1] - after[:, 0], before[:, 1] - before[:, 0] - 0.75)
    assert load_checkpoint(to_bytes(packed)).info["threshold"] == 0.75


def test_command_line_packs_both_tokenizers_with_a_threshold(tmp_path):
    paths = [tmp_path / "c.safetensors", tmp_path / "w.safetensors"]
    save_checkpoint(member(0, cell="gru", bidirectional=True), paths[0])
    save_checkpoint(word_member(0, cell="gru", bidirectional=True), paths[1])
    (tmp_path / "valid.tsv").write_text("spam\tWIN £1 now!\nham\ta bad cab\nham\tab ab\n")
    accuracy = {}
    for extra in ([], ["--threshold"]):
        out = tmp_path / f"mixed{len(extra)}.safetensors"
        assert main(["ensemble", *map(str, paths), "--out", str(out), "--valid", str(tmp_path / "valid.tsv"), "--half", *extra]) == 0
        mixed = load_checkpoint(out, task="classify")
        assert isinstance(mixed.model, Mixture) and ("threshold" in mixed.info) == bool(extra)
        accuracy[bool(extra)] = mixed.info["valid"]["accuracy"]
    assert accuracy[True] >= accuracy[False]  # the cut is chosen on these messages: never worse on them


def test_a_mixture_file_without_its_words_is_refused():
    from safetensors import safe_open
    from safetensors.torch import save

    from core.errors import CheckpointError
    packed = pack([member(0, cell="gru"), word_member(0, cell="gru")])
    data = to_bytes(packed)
    with tempfile.NamedTemporaryFile(suffix=".safetensors") as f:
        f.write(data)
        f.flush()
        with safe_open(f.name, framework="pt") as st:
            meta, tensors = st.metadata(), {k: st.get_tensor(k) for k in st.keys()}
    for words in (None, Vocab(["<pad>", "<unk>", "win"])):  # missing, or not the size the model reads
        forged = {k: v for k, v in meta.items() if k != "words"}
        if words is not None:
            forged["words"] = json.dumps(words.to_dict())
        with pytest.raises(CheckpointError, match="lacks its words|vocabulary does not match"):
            load_checkpoint(save(tensors, metadata=forged))
