"""The lecture's Hello RNN: its numbers follow the slide's equations, and it learns "hello"."""
import numpy as np
import pytest

from core.errors import DataError
from core.lecture import HelloRNN


def test_the_snapshot_follows_the_lecture_equations():
    snap = HelloRNN("hello", hidden_size=3, seed=0).snapshot()
    assert snap.vocab == ["h", "e", "l", "o"] and snap.inputs == list("hell") and snap.targets == list("ello")
    assert np.array_equal(snap.x, np.eye(4)[[0, 1, 2, 2]])  # one-hot inputs
    h = np.zeros(3)
    for t in range(4):  # h_t = tanh(W_hh h_{t-1} + W_xh x_t + b);  y_t = W_hy h_t
        assert np.allclose(snap.h_prev[t], h, atol=1e-6)
        h = np.tanh(snap.W_hh @ h + snap.W_xh @ snap.x[t] + snap.b)
        assert np.allclose(snap.h[t], h, atol=1e-5)
        assert np.allclose(snap.logits[t], snap.W_hy @ h, atol=1e-5)
        parts = snap.parts(t)
        assert np.allclose(np.tanh(parts["sum"]), parts["h"], atol=1e-5)
    e = np.exp(snap.logits - snap.logits.max(-1, keepdims=True))
    assert np.allclose(snap.probs, e / e.sum(-1, keepdims=True), atol=1e-6)
    loss = -np.mean(np.log(snap.probs[np.arange(4), [1, 2, 2, 3]]))
    assert snap.loss == pytest.approx(loss, abs=1e-5)


def test_it_learns_to_say_ello():
    net = HelloRNN("hello", hidden_size=3, seed=0)
    start = net.losses[0][1]
    net.train(200)
    assert net.steps == 200 and net.losses[-1][1] < start / 20
    assert net.snapshot().predicted == list("ello")


def test_the_same_seed_gives_the_same_start_and_leaves_the_global_rng_alone():
    import torch
    torch.manual_seed(123)
    before = torch.rand(1)
    torch.manual_seed(123)
    a = HelloRNN("hello", seed=7).snapshot()
    after = torch.rand(1)
    assert torch.equal(before, after)
    assert np.array_equal(a.W_hh, HelloRNN("hello", seed=7).snapshot().W_hh)
    assert not np.array_equal(a.W_hh, HelloRNN("hello", seed=8).snapshot().W_hh)


@pytest.mark.parametrize("word, message", [("h", "at least 2"), ("x" * 25, "24 characters")])
def test_bad_words_say_why(word, message):
    with pytest.raises(DataError, match=message):
        HelloRNN(word)
