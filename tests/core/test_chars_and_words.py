"""A character classifier that also reads words (ModelConfig.word_buckets): hashing, training, files,
explanations and the command line, on tiny data."""
import subprocess
import sys

import pytest
import torch

from core.checkpoint import load_checkpoint, to_bytes
from core.config import ModelConfig, TrainConfig
from core.fit import prepare
from core.tasks.base import pad
from core.tasks.classify.explain import encode, over_time, saliency
from core.tasks.classify.model import CharsAndWords
from core.tasks.registry import TASKS

SMS = [("WIN a FREE prize now, txt 80082", "spam"), ("see you at lunch", "ham"), ("call me later", "ham"),
       ("URGENT! claim your cash prize", "spam"), ("win tickets? call 0800 now", "spam"),
       ("are you free for lunch later", "ham")] * 6
ITOS = ["<pad>", "<unk>", *"abcdeABWINwin ,.!'£1"]


def embed(buckets=64) -> CharsAndWords:
    torch.manual_seed(0)
    m = CharsAndWords(len(ITOS), 4, buckets)
    m.read_vocab(ITOS)
    return m


def ids(text: str) -> list[int]:
    return [ITOS.index(c) if c in ITOS else 1 for c in text]


def test_letters_are_lower_cased_and_spaces_and_punctuation_are_off_words():
    m = embed()
    letter = dict(zip(ITOS, m.letter.tolist()))
    assert letter["A"] == letter["a"] == ITOS.index("a") and letter["B"] == ITOS.index("b")
    assert letter["w"] == ITOS.index("w") and letter["1"] == ITOS.index("1")
    assert letter["'"] and letter["£"]  # "don't", "£100" are words
    assert letter[" "] == letter[","] == letter["!"] == letter["."] == letter["<pad>"] == letter["<unk>"] == 0


def test_a_word_hashes_the_same_wherever_it_is_whatever_its_case():
    m = embed(buckets=1000)
    text = "win Win,a.WIN bad cab"
    rows = m.buckets(torch.tensor([ids(text)]))[0].tolist()
    word = lambda at, n: rows[at:at + n]  # noqa: E731
    win = word(0, 3)
    assert win == [win[0]] * 3 and win[0] != 0  # every letter of a word shares one row
    assert word(4, 3) == word(10, 3) == win
    assert [rows[i] for i, c in enumerate(text) if c in " ,."] == [0] * 5
    bad, cab = word(14, 3), word(18, 3)
    assert bad == [bad[0]] * 3 and cab == [cab[0]] * 3
    assert len({win[0], bad[0], cab[0], rows[8]}) == 4  # other words, other rows (the order of letters counts)


def test_padding_and_the_rest_of_the_batch_change_nothing():
    m = embed()
    texts = ["win a prize!", "see you", "abc abc abc abc"]
    batch = pad([ids(t) for t in texts])  # (3, T)
    together = m(batch)  # (3, T, 8)
    for i, text in enumerate(texts):
        alone = m(torch.tensor([ids(text)]))[0]
        torch.testing.assert_close(together[i, :len(text)], alone)
        assert (m.buckets(batch)[i, len(text):] == 0).all()


def test_trains_keeps_its_words_in_a_half_file_and_explains():
    cfg = ModelConfig(cell="gru", tokenizer="char", embed_size=8, hidden_size=12, bidirectional=True,
                      word_buckets=128)
    bundle, trainer = prepare("classify", SMS, SMS, cfg, TrainConfig(max_steps=40, batch_size=6, lr=1e-2,
                                                                     warmup_steps=5, seed=0))
    first = trainer.evaluate(bundle.model)
    best = trainer.run()
    assert best["loss"] < first["loss"] and best["accuracy"] == 1.0
    assert bundle.model.embed.letter.count_nonzero() > 10
    bundle.model.eval()
    loaded = load_checkpoint(to_bytes(bundle, dtype=torch.float16), task="classify")
    assert loaded.cfg.word_buckets == 128
    torch.testing.assert_close(loaded.model.embed.letter, bundle.model.embed.letter, rtol=0, atol=0)
    task = TASKS["classify"]
    text = "WIN cash now, txt"
    p, q = task.predict(bundle, text), task.predict(loaded, text)
    assert list(p) == list(q) and abs(p["spam"] - q["spam"]) < 0.01  # float16 weights, same answer
    tokens, x, _ = encode(loaded, text)
    probs = over_time(loaded, x)
    assert probs.shape == (len(tokens), 2)
    torch.testing.assert_close(probs[-1], torch.tensor([q[c] for c in loaded.labels.itos]), atol=1e-5, rtol=0)
    assert saliency(loaded, x).shape == (len(tokens),)
    assert saliency(loaded, x, method="leave-one-out").shape == (len(tokens),)


def test_needs_characters_and_embeddings():
    with pytest.raises(ValueError, match="word_buckets"):
        ModelConfig(tokenizer="word", word_buckets=64)
    with pytest.raises(ValueError, match="word_buckets"):
        ModelConfig(tokenizer="char", embed_size=0, word_buckets=64)


def test_command_line_option(tmp_path):
    data = tmp_path / "sms.tsv"
    data.write_text("".join(f"{label}\t{text}\n" for text, label in SMS))

    def train(*extra):
        return subprocess.run([str(a) for a in [sys.executable, "-m", "core", "train", "classify", "--data", data, "--out",
                               tmp_path / "m.safetensors", "--max-steps", 5, "--hidden", 8, "--embed", 8,
                               "--threads", 1, *extra]], capture_output=True, text=True, timeout=300)

    bad = train("--tokenizer", "word", "--word-buckets", 64)
    assert bad.returncode != 0 and "--word-buckets" in bad.stderr and "Traceback" not in bad.stderr
    good = train("--tokenizer", "char", "--word-buckets", 64)
    assert good.returncode == 0, good.stderr
    assert load_checkpoint(tmp_path / "m.safetensors").cfg.word_buckets == 64
