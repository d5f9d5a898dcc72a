"""The trace, its step-by-step reference (replay) and the one-step path must all replay torch's fused
kernels exactly (as micrograd tests against torch)."""
import pytest
import torch

from core.nn.rnn import Recurrent

SHAPES = [(cell, layers, bi) for cell in ("rnn", "lstm", "gru") for layers in (1, 2) for bi in (False, True)]


def make(cell, layers, bi, device, input_size=5, hidden=7):
    torch.manual_seed(0)
    return Recurrent(cell, input_size, hidden, layers, bi).to(device).eval()


@pytest.mark.parametrize("cell,layers,bi", SHAPES)
@pytest.mark.parametrize("ragged", [False, True])
@pytest.mark.parametrize("method", ["trace", "replay"])
def test_trace_equals_fused_forward(cell, layers, bi, ragged, method, device):
    rnn = make(cell, layers, bi, device)
    x = torch.randn(3, 6, 5, device=device)
    lengths = torch.tensor([6, 2, 4]) if ragged else None
    with torch.no_grad():
        outputs, state = rnn(x, lengths=lengths)
        trace = getattr(rnn, method)(x, lengths=lengths)
    D = 2 if bi else 1
    assert outputs.shape == trace.outputs.shape == (3, 6, D * 7)
    assert trace.hidden.shape == (layers, 3, 6, D * 7)
    torch.testing.assert_close(trace.outputs, outputs, atol=1e-5, rtol=0)
    torch.testing.assert_close(trace.hidden[-1], outputs, atol=1e-5, rtol=0)
    if cell == "lstm":
        torch.testing.assert_close(trace.state[0], state[0], atol=1e-5, rtol=0)
        torch.testing.assert_close(trace.state[1], state[1], atol=1e-5, rtol=0)
        assert trace.cell.shape == trace.hidden.shape
    else:
        torch.testing.assert_close(trace.state, state, atol=1e-5, rtol=0)
        assert trace.cell is None


def random_state(cell, layers, directions, batch, device, hidden=7):
    h = torch.randn(layers * directions, batch, hidden, device=device)
    return (h, torch.randn_like(h) * 2) if cell == "lstm" else h


@pytest.mark.parametrize("cell,layers,bi", SHAPES)
@pytest.mark.parametrize("lengths", [None, [6, 6, 6, 6], [6, 2, 4, 1]])
def test_trace_equals_its_step_by_step_reference(cell, layers, bi, lengths, device):
    """Every hidden state, cell state and gate, from a given start state, on ragged batches too."""
    rnn = make(cell, layers, bi, device)
    x = torch.randn(4, 6, 5, device=device) * 2
    state = random_state(cell, layers, 2 if bi else 1, 4, device)
    lengths = torch.tensor(lengths) if lengths else None
    with torch.no_grad():
        fast, slow = rnn.trace(x, state, lengths), rnn.replay(x, state, lengths)
        outputs, final = rnn(x, state, lengths)
    close = lambda a, b: torch.testing.assert_close(a, b, atol=1e-5, rtol=0)  # noqa: E731
    close(fast.hidden, slow.hidden)
    close(fast.outputs, outputs)
    assert set(fast.gates) == set(slow.gates)
    for name in fast.gates:
        close(fast.gates[name], slow.gates[name])
    if cell == "lstm":
        close(fast.cell, slow.cell)
        for a, b, c in zip(fast.state, slow.state, final):
            close(a, b)
            close(a, c)
    else:
        assert fast.cell is None
        close(fast.state, slow.state)
        close(fast.state, final)
    if lengths is not None and (lengths < 6).any():  # padding records zeros
        pad = torch.arange(6)[None, :] >= lengths[:, None]  # (B, T)
        for values in [fast.hidden, *fast.gates.values()] + ([fast.cell] if cell == "lstm" else []):
            assert values[:, pad.to(device)].abs().max() == 0


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
@pytest.mark.parametrize("layers", [1, 2])
@pytest.mark.parametrize("start", [False, True])
def test_one_step_at_a_time_equals_the_fused_kernel(cell, layers, start, device):
    """The path sampling takes: one time step per call, the state carried, from the same weights."""
    rnn = make(cell, layers, False, device)
    x = torch.randn(2, 6, 5, device=device)
    state = random_state(cell, layers, 1, 2, device) if start else None
    with torch.no_grad():
        outputs, final = rnn(x, state)
        step = rnn.stepper(state)
        steps = torch.stack([step(step.input_share(x[:, t])) for t in range(6)], 1)  # (B, T, H)
    torch.testing.assert_close(steps, outputs, atol=1e-5, rtol=0)
    for a, b in zip(step.state, final) if cell == "lstm" else [(step.state, final)]:
        torch.testing.assert_close(a, b, atol=1e-5, rtol=0)


def test_one_step_at_a_time_reads_the_weights_as_they_are_and_refuses_two_way_networks():
    rnn = make("lstm", 1, False, "cpu")
    x = torch.randn(1, 5)
    step = rnn.stepper()
    before = step(step.input_share(x))
    with torch.no_grad():
        rnn.fused.weight_ih_l0.mul_(2)
    step = rnn.stepper()
    assert not torch.allclose(step(step.input_share(x)), before)
    with pytest.raises(ValueError, match="two-way"):
        make("gru", 1, True, "cpu").stepper()


@pytest.mark.parametrize("cell,names", [("rnn", set()), ("lstm", {"input", "forget", "candidate", "output"}),
                                        ("gru", {"reset", "update", "candidate"})])
def test_gates_have_their_names_shapes_and_ranges(cell, names, device):
    rnn = make(cell, 2, True, device)
    with torch.no_grad():
        trace = rnn.trace(torch.randn(2, 9, 5, device=device) * 3)
    assert set(trace.gates) == names
    for name, values in trace.gates.items():
        assert values.shape == (2, 2, 9, 14)
        low = -1 if name == "candidate" else 0  # candidates are tanh, gates are sigmoids
        assert values.min() >= low and values.max() <= 1


def test_padding_never_leaks_into_outputs_or_state(device):
    """A sequence in a padded batch gives the same outputs and final state as on its own."""
    rnn = make("lstm", 2, True, device)
    short = torch.randn(1, 3, 5, device=device)
    batch = torch.cat([short, torch.full((1, 4, 5), 99.0, device=device)], 1)  # padded with garbage
    batch = torch.cat([batch, torch.randn(1, 7, 5, device=device)])  # (2, 7, 5)
    with torch.no_grad():
        alone, (h_alone, _) = rnn(short)
        padded, (h_padded, _) = rnn(batch, lengths=torch.tensor([3, 7]))
        traced = rnn.trace(batch, lengths=torch.tensor([3, 7]))
    torch.testing.assert_close(padded[0, :3], alone[0], atol=1e-5, rtol=0)
    assert padded[0, 3:].abs().max() == 0
    torch.testing.assert_close(h_padded[:, 0], h_alone[:, 0], atol=1e-5, rtol=0)
    torch.testing.assert_close(traced.outputs[0, :3], alone[0], atol=1e-5, rtol=0)


def test_trace_uses_the_same_parameters_not_a_copy():
    rnn = make("gru", 1, False, "cpu")
    x = torch.randn(1, 4, 5)
    before = rnn.trace(x).outputs
    with torch.no_grad():
        rnn.fused.weight_hh_l0.mul_(2)
    after, _ = rnn(x)
    torch.testing.assert_close(rnn.trace(x).outputs, after, atol=1e-5, rtol=0)
    assert not torch.allclose(before, after)


def test_unknown_cell_is_refused():
    with pytest.raises(ValueError, match="cell must be one of"):
        Recurrent("transformer", 3, 3)
