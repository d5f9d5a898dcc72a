import threading
import time

import pytest
import torch

from core.config import ModelConfig, TrainConfig
from core.errors import TrainingError
from core.fit import prepare
from core.tasks.registry import build_model

TEXT = "hello world, hello recurrent networks. " * 20
SMS = [("WIN a FREE prize now, txt 80082", "spam"), ("see you at lunch", "ham"), ("call me later", "ham"),
       ("URGENT! claim your cash prize", "spam")] * 10
SENTENCES = [(["Peter", "lives", "in", "Paris"], ["B-PER", "O", "O", "B-LOC"]),
             (["Acme", "Corp", "hired", "Anna"], ["B-ORG", "I-ORG", "O", "B-PER"])] * 10


@pytest.mark.parametrize("task,data,cfg", [
    ("lm", TEXT, ModelConfig(cell="gru", hidden_size=32, embed_size=16)),
    ("classify", SMS, ModelConfig(cell="lstm", hidden_size=16, embed_size=16, bidirectional=True)),
    ("tag", SENTENCES, ModelConfig(cell="rnn", hidden_size=16, embed_size=16, bidirectional=True)),
])
def test_every_task_trains_and_learns(task, data, cfg):
    bundle, trainer = prepare(task, data, data, cfg, TrainConfig(max_steps=60, batch_size=8, seq_len=16, lr=1e-2,
                                                                 warmup_steps=5))
    first = trainer.evaluate(bundle.model)
    best = trainer.run()
    assert trainer.step == 60
    assert best["loss"] < 0.6 * first["loss"]
    if task == "classify":
        assert best["accuracy"] == 1.0
    if task == "tag":
        assert best["f1"] == 1.0


def test_forward_contract_shapes():
    ids = torch.randint(2, 20, (3, 5))
    lengths = torch.tensor([5, 3, 1])
    lm = build_model(ModelConfig(task="lm", vocab_size=20, hidden_size=8))
    logits, loss = lm(ids, targets=ids)
    assert logits.shape == (3, 5, 20) and loss.ndim == 0
    clf = build_model(ModelConfig(task="classify", vocab_size=20, num_labels=4, hidden_size=8, bidirectional=True))
    for pooling in ("last", "mean", "max"):
        clf.cfg.pooling = pooling
        logits, loss = clf(ids, targets=torch.tensor([0, 1, 3]), lengths=lengths)
        assert logits.shape == (3, 4) and torch.isfinite(loss)
    tagger = build_model(ModelConfig(task="tag", vocab_size=20, num_labels=5, char_vocab_size=10, hidden_size=8))
    logits, _ = tagger(ids, lengths=lengths, chars=torch.randint(0, 10, (3, 5, 4)))
    assert logits.shape == (3, 5, 5)


def test_classifier_ignores_padding():
    """Pooling covers real steps only: padding a sequence does not change its prediction."""
    torch.manual_seed(0)
    for pooling in ("last", "mean", "max"):
        clf = build_model(ModelConfig(task="classify", vocab_size=20, num_labels=2, hidden_size=8,
                                      bidirectional=True, pooling=pooling)).eval()
        ids = torch.tensor([[4, 5, 6]])
        alone, _ = clf(ids, lengths=torch.tensor([3]))
        padded, _ = clf(torch.tensor([[4, 5, 6, 0, 0], [7, 8, 9, 10, 11]]), lengths=torch.tensor([3, 5]))
        torch.testing.assert_close(padded[:1], alone, atol=1e-5, rtol=0)


def test_same_seed_same_loss_twice():
    def once():
        bundle, trainer = prepare("lm", TEXT, None, ModelConfig(hidden_size=16, embed_size=8),
                                  TrainConfig(max_steps=15, batch_size=4, seq_len=16, seed=3))
        return trainer.run()["loss"]

    assert once() == once()


def test_stop_from_another_thread_ends_the_run_promptly():
    bundle, trainer = prepare("lm", TEXT * 10, None, ModelConfig(hidden_size=32),
                              TrainConfig(minutes=5, batch_size=4, seq_len=32))
    thread = threading.Thread(target=trainer.run)
    thread.start()
    time.sleep(0.5)
    asked = time.perf_counter()
    trainer.stop()
    thread.join(timeout=10)
    assert not thread.is_alive() and time.perf_counter() - asked < 3.0  # the step, then one validation
    assert trainer.best is not None  # a validation result even when stopped early


def test_time_budget_is_honoured():
    bundle, trainer = prepare("lm", TEXT, None, ModelConfig(hidden_size=16),
                              TrainConfig(minutes=0.02, batch_size=4, seq_len=16))
    start = time.perf_counter()
    trainer.run()
    assert time.perf_counter() - start < 0.02 * 60 + 5.0  # the budget, then one validation


def test_the_best_model_is_kept():
    """The trainer ends on the weights of its best validation result, not its last step."""
    bundle, trainer = prepare("lm", TEXT, None, ModelConfig(hidden_size=16),
                              TrainConfig(max_steps=40, batch_size=4, seq_len=16, eval_every=0.25))
    best = trainer.run()
    assert best["loss"] == min(m["loss"] for _, m in trainer.history)
    assert trainer.evaluate(bundle.model)["loss"] == pytest.approx(best["loss"], abs=1e-6)


def test_diverging_loss_stops_with_a_clear_message():
    bundle, trainer = prepare("lm", TEXT, None, ModelConfig(hidden_size=16),
                              TrainConfig(max_steps=200, batch_size=4, seq_len=16, lr=1e30, warmup_steps=1,
                                          clip=1e30))
    with pytest.raises(TrainingError, match="lower the learning rate"):
        trainer.run()


def test_a_loss_that_blows_up_mid_run_keeps_the_last_good_model():
    bundle, trainer = prepare("lm", TEXT, None, ModelConfig(hidden_size=16),
                              TrainConfig(max_steps=200, batch_size=4, seq_len=16, eval_every=0.1, clip=1e30))

    def blow_up(progress):  # after the first validation, a learning rate no model survives
        if progress.metrics is not None:
            trainer.cfg.lr = 1e30

    trainer.callbacks.append(blow_up)
    with pytest.raises(TrainingError, match="the best model so far is kept"):
        trainer.run()
    assert all(torch.isfinite(p).all() for p in bundle.model.parameters())
    assert trainer.evaluate(bundle.model)["loss"] == pytest.approx(trainer.best["loss"], abs=1e-6)


def test_with_ema_the_moving_average_is_what_is_scored_and_kept():
    def trained(ema):
        bundle, trainer = prepare("classify", SMS, None, ModelConfig(hidden_size=16),
                                  TrainConfig(max_steps=30, batch_size=8, eval_every=1.0, ema=ema))
        trainer.run()
        return bundle.model, trainer

    raw, _ = trained(None)  # the same seed walks the same path: these are the last step's weights
    kept, trainer = trained(0.9)
    average = dict(trainer.averaged.module.named_parameters())
    assert all(torch.equal(p, average[name]) for name, p in kept.named_parameters())
    assert not all(torch.equal(p, q) for p, q in zip(kept.parameters(), raw.parameters()))
    with pytest.raises(ValueError, match="ema must lie between 0 and 1"):
        TrainConfig(ema=1.5)


def test_vocabularies_keep_the_most_frequent_tokens_up_to_a_cap(monkeypatch):
    from core.errors import DataError
    from core.tasks import base
    monkeypatch.setattr(base, "MAX_VOCAB", 5)
    examples = [("common words here", "a"), ("common words there", "b")] * 3 + [(f"rare{i}", "a") for i in range(50)]
    bundle, _ = prepare("classify", examples, None, ModelConfig(hidden_size=8, tokenizer="word"),
                        TrainConfig(max_steps=1))
    assert len(bundle.vocab) == 2 + 5 and {"common", "words"} <= set(bundle.vocab.itos)
    with pytest.raises(DataError, match="6 different characters; a character model takes at most 5"):
        prepare("lm", "abcdef" * 10, None, ModelConfig(hidden_size=8), TrainConfig(max_steps=1))
