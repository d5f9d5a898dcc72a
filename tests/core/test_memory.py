"""The memory lab's core: the task says what it claims, the gradient through time is autograd's, and every
cell learns the task when the delay is short."""
import numpy as np
import pytest
import torch

from core.errors import DataError
from core.lessons.gate_race import (
    FirstSymbol,
    Race,
    RaceConfig,
    build,
    grad_ratio,
    gradient_through_time,
    spectral_radius,
    step_through,
)


def test_the_answer_is_the_first_letter_and_only_it_is_marked():
    task = FirstSymbol(30, letters=4)
    ids, answers = task.batch(500, torch.Generator().manual_seed(0))
    assert ids.shape == (500, 30) and answers.shape == (500,)
    assert torch.equal(ids[:, 0] - 4, answers)  # the marked copy of the answer comes first
    assert bool((ids[:, 1:] < 4).all()) and bool((ids[:, 0] >= 4).all())  # nothing after it is marked
    assert set(answers.tolist()) == {0, 1, 2, 3} and set(ids[:, 1:].flatten().tolist()) == {0, 1, 2, 3}
    text, answer = task.example(seed=3)
    assert len(text) == 30 and text[0] == answer.upper() and text[1:].islower()
    x = build("rnn", task, 8).embed(ids[:2])  # one-hot letter + the mark bit
    assert x.shape == (2, 30, 5) and torch.equal(x[:, 0, 4], torch.ones(2)) and not x[:, 1:, 4].any()
    assert torch.equal(x[:, :, :4].argmax(-1) % 4, ids[:2] % 4)
    assert task.chance == 0.25


@pytest.mark.parametrize("delay", [1, 501])
def test_a_delay_out_of_range_says_so(delay):
    with pytest.raises(DataError, match="delay"):
        FirstSymbol(delay)


def reference_gradients(model, ids, answers) -> np.ndarray:
    """‖∂L_i/∂h_t‖ the long way: for every t, rerun the steps after t from h_t as a fresh leaf (the LSTM's
    c_t held as it was) and ask autograd for the gradient of the loss with respect to it."""
    from core.nn.cells import STEPS
    w_ih, w_hh, b_ih, b_hh = model.rnn.weights(0)
    xw = model.embed(ids) @ w_ih.T + b_ih
    B, T = ids.shape
    with torch.no_grad():
        h = torch.zeros(B, model.rnn.hidden_size)
        state, states = ((h, h) if model.rnn.cell == "lstm" else (h,)), []
        for t in range(T):
            state, _ = STEPS[model.rnn.cell](xw[:, t], state, w_hh, b_hh)
            states.append(state)
    norms = np.zeros((B, T))
    for t in range(T):
        leaf = states[t][0].clone().requires_grad_(True)
        state = (leaf, *states[t][1:])
        for u in range(t + 1, T):
            state, _ = STEPS[model.rnn.cell](xw[:, u], state, w_hh, b_hh)
        loss = torch.nn.functional.cross_entropy(model.head(state[0]), answers, reduction="sum")
        (grad,) = torch.autograd.grad(loss, leaf)
        norms[:, t] = grad.norm(dim=-1).numpy()
    return norms


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_the_gradient_through_time_is_autograds(cell):
    task = FirstSymbol(12, letters=3)
    model = build(cell, task, hidden=6, seed=1, rnn_radius=1.2, gate_bias=1.0)
    ids, answers = task.batch(5, torch.Generator().manual_seed(2))
    norms = gradient_through_time(model, ids, answers)
    assert norms.shape == (5, 12)
    assert np.allclose(norms, reference_gradients(model, ids, answers), rtol=1e-4, atol=1e-7)
    logits, hs = step_through(model, ids)  # the step-by-step path is the fused forward's
    assert torch.allclose(logits, model(ids)[0], atol=1e-5) and len(hs) == 12
    assert grad_ratio(norms) == pytest.approx(float(np.mean(norms[:, 0] / norms[:, -1])))
    assert all(p.grad is None for p in model.parameters())  # measuring leaves no gradient behind


def test_the_spectral_radius_lever_and_the_open_gates():
    task = FirstSymbol(10)
    for radius in (0.5, 1.0, 1.7):
        assert spectral_radius(build("rnn", task, 16, rnn_radius=radius).rnn.weights(0)[1]) == pytest.approx(radius, rel=1e-5)
    plain, opened = build("lstm", task, 8), build("lstm", task, 8, gate_bias=2.0)
    diff = opened.rnn.weights(0)[3] - plain.rnn.weights(0)[3]  # i, f, g, o
    assert torch.allclose(diff, torch.tensor([-2.0] * 8 + [2.0] * 8 + [0.0] * 16))
    with pytest.raises(DataError):
        build("rnn", task, 8, rnn_radius=0)


def test_at_a_short_delay_every_cell_learns():
    race = Race(RaceConfig(delay=5, hidden=16, max_steps=300, lr=1e-2, batch_size=32, eval_every=100,
                           eval_size=256, seed=0))
    race.run()
    results = race.results()
    assert race.step == 300 and [s for s, _ in race.history] == [0, 100, 200, 300]
    for cell, res in results.items():
        assert res["accuracy"] >= 0.9, (cell, res)
        assert res["diverged"] is None and np.isfinite(res["grad_ratio"])
    assert all(lane.grads_end.shape == (5,) for lane in race.lanes.values())


def test_a_race_can_be_stopped_and_reports_like_a_trainer():
    seen = []
    race = Race(RaceConfig(delay=8, cells=("rnn", "gru"), hidden=8, max_steps=None, seconds=600, eval_every=5,
                           eval_size=16), callbacks=(seen.append,))
    race.callbacks.append(lambda p: race.stop() if p.step >= 10 else None)
    race.run()
    assert 10 <= race.step < 20 and seen[-1].history[-1][0] == race.step
    assert set(seen[-1].history[-1][1]) == {"rnn", "gru"}
    with pytest.raises(DataError):
        RaceConfig(cells=("rnn", "rnn"))
    with pytest.raises(DataError):
        RaceConfig(max_steps=None, seconds=None)
