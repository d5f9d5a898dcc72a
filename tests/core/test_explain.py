"""The classifier's explanations: probability over time and per-token saliency."""
import pytest
import torch

from core.config import ModelConfig
from core.errors import DataError
from core.tasks.base import Bundle
from core.tasks.classify.explain import encode, over_time, saliency, trace
from core.tasks.registry import TASKS, build_model
from core.text.vocab import Vocab

WORDS = ["<pad>", "<unk>", "not", "bad", "at", "all", "good", "great", "movie"]


def classifier(cell="lstm", bidirectional=False, pooling="max", embed=8, layers=1, seed=0) -> Bundle:
    torch.manual_seed(seed)
    cfg = ModelConfig(task="classify", cell=cell, tokenizer="word", embed_size=embed, hidden_size=12,
                      num_layers=layers, bidirectional=bidirectional, pooling=pooling,
                      vocab_size=len(WORDS), num_labels=3)
    return Bundle(build_model(cfg).eval(), Vocab(WORDS), Vocab(["neg", "neu", "pos"], specials=False))


CASES = [("lstm", False, "max", 8, 1), ("gru", False, "mean", 8, 2), ("rnn", False, "last", 0, 1),
         ("lstm", True, "max", 8, 1), ("gru", True, "last", 8, 1), ("rnn", True, "mean", 8, 2)]


@pytest.mark.parametrize("cell,bidirectional,pooling,embed,layers", CASES)
def test_over_time_rows_are_each_prefixs_prediction(cell, bidirectional, pooling, embed, layers):
    bundle = classifier(cell, bidirectional, pooling, embed, layers)
    text = "not bad at all , a great movie"
    tokens, ids, cut = encode(bundle, text)
    assert tokens == ["not", "bad", "at", "all", ",", "a", "great", "movie"] and not cut
    probs = over_time(bundle, ids)
    assert probs.shape == (len(tokens), 3)
    torch.testing.assert_close(probs.sum(-1), torch.ones(len(tokens)))
    # the last point is the model's answer for the whole text
    answer = TASKS["classify"].predict(bundle, text)
    torch.testing.assert_close(probs[-1], torch.tensor([answer[c] for c in bundle.labels.itos]), atol=1e-5, rtol=0)
    # and every point is the model's answer for that prefix, computed from scratch
    for t in (0, 3, 5):
        prefix = TASKS["classify"].predict(bundle, " ".join(tokens[: t + 1]))
        torch.testing.assert_close(probs[t], torch.tensor([prefix[c] for c in bundle.labels.itos]),
                                   atol=1e-5, rtol=0)


def test_encode_cuts_long_texts_and_refuses_empty_ones():
    bundle = classifier()
    tokens, ids, cut = encode(bundle, "good " * 50, max_tokens=20)
    assert len(tokens) == 20 and ids.shape == (20,) and cut
    assert ids.tolist() == [WORDS.index("good")] * 20
    for empty in ("", "   \n\t"):
        with pytest.raises(DataError, match="type some text"):
            encode(bundle, empty)
    _, ids, _ = encode(bundle, "🙂🙂 ¿qué tal?")  # unknown words become <unk>, not an error
    assert set(ids.tolist()) == {1}


@pytest.mark.parametrize("cell,bidirectional,pooling,embed,layers", CASES)
def test_gradient_saliency_is_gradient_times_input(cell, bidirectional, pooling, embed, layers):
    bundle = classifier(cell, bidirectional, pooling, embed, layers)
    _, ids, _ = encode(bundle, "not bad at all great movie")
    scores = saliency(bundle, ids, target=2)
    assert scores.shape == (6,) and torch.isfinite(scores).all() and scores.abs().sum() > 0
    # reference: autograd through the whole model, input vectors made leaves by a hook
    model = bundle.model
    x = model.embed(ids[None]).detach().requires_grad_(True)
    logits = model.classify(x, torch.tensor([6]))
    torch.log_softmax(logits, -1)[0, 2].backward()
    torch.testing.assert_close(scores, (x.grad * x).sum(-1)[0])
    # a linear check: the class's log-probability moves by about the score when a token's input is scaled
    # by (1 + eps)
    eps = 1e-3
    scaled = x.detach().clone()
    scaled[0, 1] *= 1 + eps
    with torch.no_grad():
        before = torch.log_softmax(model.classify(x.detach(), torch.tensor([6])), -1)[0, 2]
        after = torch.log_softmax(model.classify(scaled, torch.tensor([6])), -1)[0, 2]
    assert float(after - before) == pytest.approx(eps * float(scores[1]), rel=0.05, abs=1e-7)


def test_leave_one_out_saliency_is_the_drop_without_each_token():
    bundle = classifier(bidirectional=True)
    text = "not bad at all"
    _, ids, _ = encode(bundle, text)
    predicted = max(range(3), key=lambda c: over_time(bundle, ids)[-1, c])
    scores = saliency(bundle, ids, method="leave-one-out")
    full = TASKS["classify"].predict(bundle, text)[bundle.labels.itos[predicted]]
    words = text.split()
    for t in range(4):
        without = TASKS["classify"].predict(bundle, " ".join(words[:t] + words[t + 1:]))
        assert float(scores[t]) == pytest.approx(full - without[bundle.labels.itos[predicted]], abs=1e-5)
    single = saliency(bundle, ids[:1], method="leave-one-out")
    assert single.shape == (1,)
    with pytest.raises(ValueError, match="saliency method"):
        saliency(bundle, ids, method="magic")


def test_trace_gives_heatmaps_for_every_token():
    bundle = classifier("lstm", bidirectional=True)
    _, ids, _ = encode(bundle, "a great movie")
    tr = trace(bundle, ids)
    assert tr.hidden.shape == (1, 1, 3, 24)
    assert set(tr.gates) == {"input", "forget", "candidate", "output"}


def test_explanations_refuse_models_that_are_not_classifiers():
    cfg = ModelConfig(task="lm", vocab_size=5, hidden_size=4)
    lm = Bundle(build_model(cfg).eval(), Vocab(list("abcde"), specials=False))
    with pytest.raises(DataError, match="classifiers"):
        encode(lm, "abc")
