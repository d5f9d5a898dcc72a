import pytest
import torch

from core.config import ModelConfig, TrainConfig
from core.decoding import generate
from core.decoding.generate import sample
from core.errors import DataError
from core.fit import prepare
from core.tasks.registry import build_model
from core.text.vocab import PAD, UNK, Vocab

TEXT = "abc" * 200


@pytest.fixture(scope="module")
def lm():
    bundle, trainer = prepare("lm", TEXT, None, ModelConfig(hidden_size=32, embed_size=8),
                              TrainConfig(max_steps=150, batch_size=8, seq_len=24, lr=1e-2, warmup_steps=5))
    trainer.run()
    return bundle


def text(lm, seed, **kw):
    return "".join(sample(lm.model, lm.vocab, generator=torch.Generator().manual_seed(seed), **kw))


def test_a_trained_model_continues_the_pattern(lm):
    out = text(lm, 0, prime="abcab", length=12, temperature=0.1)
    assert out.startswith("cabc")


def test_same_generator_seed_same_sample_and_the_global_seed_does_not_matter(lm):
    torch.manual_seed(1)
    first = text(lm, 7, prime="a", length=40)
    torch.manual_seed(2)
    assert text(lm, 7, prime="a", length=40) == first
    assert len(first) == 40


def test_top_k_one_is_greedy(lm):
    assert text(lm, 1, prime="abc", length=20, top_k=1) == text(lm, 2, prime="abc", length=20, top_k=1)


def test_carried_state_equals_rerunning_the_whole_prefix(lm):
    """O(1) per token: the carried state gives the same next-token logits as the full prefix."""
    ids = torch.tensor([lm.vocab.encode("abcabca")])
    full, _ = lm.model.step(ids)
    logits, state = lm.model.step(ids[:, :4])
    for t in range(4, 7):
        logits, state = lm.model.step(ids[:, t:t + 1], state)
    torch.testing.assert_close(logits[0, -1], full[0, -1], atol=1e-5, rtol=0)


def test_unknown_priming_characters_and_bad_temperature(lm):
    with pytest.raises(DataError, match="never saw 'ж'"):
        text(lm, 0, prime="abж", length=5)
    with pytest.raises(DataError, match="temperature"):
        text(lm, 0, temperature=0, length=5)


def test_empty_prime_starts_anyway(lm):
    assert len(text(lm, 0, prime="", length=10)) == 10


@pytest.mark.parametrize("cell,embed,specials", [("rnn", 8, False), ("lstm", 0, False), ("gru", 8, True)])
@pytest.mark.parametrize("temperature,top_k,table", [(1.0, None, True), (0.6, 3, True), (1.5, None, False)])
def test_the_step_equations_sample_token_for_token_what_the_fused_kernel_samples(
        cell, embed, specials, temperature, top_k, table, device, one_thread, monkeypatch):
    """Sampled text does not change with the fast path: the same seed gives the same tokens as running
    the fused kernel one step at a time (rnn/lstm/gru, two layers, one-hot or embedded inputs, with the
    table of first-layer inputs or without)."""
    if not table:
        monkeypatch.setattr(generate, "TABLE_LIMIT", 0)
    vocab = Vocab(([PAD, UNK] if specials else []) + list("abcdefgh \n"), specials=specials)
    torch.manual_seed(3)
    model = build_model(ModelConfig(cell=cell, vocab_size=len(vocab), embed_size=embed, hidden_size=24,
                                    num_layers=2, dropout=0.1)).to(device)
    with torch.no_grad():
        for p in model.parameters():  # sharper than at initialisation, so the draws depend on the logits
            p.mul_(3)
    for seed in (0, 1):
        runs = ["".join(sample(model, vocab, "ab", 300, temperature, top_k,
                               torch.Generator().manual_seed(seed), fused=fused)) for fused in (False, True)]
        assert runs[0] == runs[1]
        assert len(set(runs[0])) > 3  # a real sample, not one token over and over
