"""The lecture's Hello RNN: its numbers follow the slide's equations, and it learns "hello"."""
import numpy as np
import pytest
import torch

from core.errors import DataError
from core.lessons.hello import HelloRNN, backward


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


def autograd_bptt(net: HelloRNN):
    """The same gradients by torch.autograd: dL/dW for every weight, and dL/dh_t (retained) for every step,
    replaying the recurrence one step at a time from the network's own weights."""
    import torch
    rnn = net.model.rnn.fused
    W_xh, W_hh, b_ih, b_hh = rnn.weight_ih_l0, rnn.weight_hh_l0, rnn.bias_ih_l0, rnn.bias_hh_l0
    x = net.model.embed(net.x)[0]  # (T, V)
    h, hs = torch.zeros(W_hh.size(0)), []
    for t in range(x.size(0)):
        h = torch.tanh(W_hh @ h + W_xh @ x[t] + b_ih + b_hh)
        h.retain_grad()
        hs.append(h)
    logits = torch.stack(hs) @ net.model.head.weight.T  # (T, V)
    loss = torch.nn.functional.cross_entropy(logits, net.y[0], reduction="sum")
    net.model.zero_grad()
    loss.backward()
    grads = {"W_xh": W_xh.grad, "W_hh": W_hh.grad, "W_hy": net.model.head.weight.grad, "b": b_ih.grad}
    return float(loss.detach()), {k: v.numpy().copy() for k, v in grads.items()}, np.stack([h.grad.numpy() for h in hs])


@pytest.mark.parametrize("word, hidden, seed, trained", [
    ("hello", 3, 0, 0), ("hello", 3, 1, 30), ("banana", 5, 2, 10), ("abcab", 1, 3, 0), ("안녕 🙂 안녕", 16, 4, 5),
    ("mississippi", 8, 5, 50)])
def test_backpropagation_through_time_equals_autograd(word, hidden, seed, trained):
    net = HelloRNN(word, hidden_size=hidden, seed=seed)
    net.train(trained)
    back = backward(net.snapshot())
    loss, grads, dh = autograd_bptt(net)
    assert back.loss == pytest.approx(loss, abs=1e-5)
    for name, g in grads.items():
        assert np.allclose(back.grads[name], g, atol=1e-6), name
    assert np.allclose(back.delta, dh, atol=1e-6)  # delta_t = dL/dh_t through the whole future
    assert np.allclose(back.delta[-1], back.from_output[-1]) and not back.from_future[-1].any()
    assert np.allclose(back.norms, np.linalg.norm(dh, axis=-1), atol=1e-6)
    T = len(word) - 1
    for name, g in back.grads.items():  # each weight's gradient is the sum of what every step adds
        assert np.allclose(sum(back.terms(t)[name] for t in range(T)), g)


def test_a_training_step_changes_every_weight_by_minus_lr_times_its_gradient():
    net = HelloRNN("hello", seed=0)
    net.train(3)
    before = net.snapshot()
    grads = backward(before).grads
    net.train(1, lr=0.3)
    after = net.snapshot()
    for name in ("W_xh", "W_hh", "W_hy", "b"):
        assert np.allclose(getattr(after, name), getattr(before, name) - 0.3 * grads[name], atol=1e-6), name
    assert net.lr == 0.3 and net.steps == 4


def test_every_step_is_on_the_loss_curve():
    net = HelloRNN("hello", seed=0)
    net.train(5)
    net.train(20)
    assert [s for s, _ in net.losses] == list(range(26))
    assert net.losses[-1][1] == pytest.approx(net.snapshot().loss)
    with pytest.raises(DataError, match="learning rate"):
        net.train(1, lr=0)


def test_a_confident_network_has_a_finite_loss_and_gradient():
    import torch
    net = HelloRNN("hello", seed=0)
    with torch.no_grad():
        net.model.head.weight.mul_(300)  # so confident that some targets' probabilities are 0 in float32
    assert net.snapshot().probs[np.arange(4), [1, 2, 2, 3]].min() == 0
    back = backward(net.snapshot())
    assert np.isfinite(back.loss) and all(np.isfinite(g).all() for g in back.grads.values())
    loss, grads, _ = autograd_bptt(net)
    assert back.loss == pytest.approx(loss, rel=1e-4, abs=1e-5)


def test_trainings_from_four_threads_at_once_run_one_after_the_other():
    """A visitor's four rapid clicks on Train: every call trains its own 20 steps, none breaks another."""
    import threading

    net = HelloRNN("hello", 3, seed=0)
    errors = []

    def click():
        try:
            net.train(20)
        except Exception as e:  # noqa: BLE001 - the test reports what went wrong
            errors.append(e)

    threads = [threading.Thread(target=click) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == [] and net.steps == 80
    assert [s for s, _ in net.losses] == list(range(81))
    alone = HelloRNN("hello", 3, seed=0)
    alone.train(80)
    assert net.losses[-1][1] == pytest.approx(alone.losses[-1][1])


def test_networks_built_in_many_threads_at_once_start_from_their_seed():
    """A class opening Hello RNN together: each visitor's network is the seed's, whatever the others do."""
    import threading

    alone = [HelloRNN("hello", 3, seed=s) for s in (0, 1)]
    built = {}

    def build(i):
        built[i] = HelloRNN("hello", 3, seed=i % 2)

    threads = [threading.Thread(target=build, args=(i,)) for i in range(16)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    for i, net in built.items():
        assert all(torch.equal(a, b) for a, b in zip(net.model.parameters(), alone[i % 2].model.parameters()))
