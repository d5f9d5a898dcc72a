"""The step equations of the three cells, written out as in the lecture.

Each function takes the input projection `xw = W_x x_t + b_x` (precomputed for
all time steps at once, since it does not depend on the state), the previous
state and the hidden weights, and returns the new state and the gate values.
Weights follow PyTorch's layout (`nn.RNN`/`nn.LSTM`/`nn.GRU`), so these
functions replay the fused kernels from the very same parameters.

The gates depend only on x_t and h_{t-1}, so `lstm_gates` and `gru_gates` also
take many steps at once: rows of `xw` and `h` are (batch, time) pairs.
"""
import torch
from torch import Tensor


def rnn_step(xw: Tensor, state: tuple[Tensor], w_hh: Tensor, b_hh: Tensor):
    """h_t = tanh(W_hh h_{t-1} + W_xh x_t + b)"""
    (h,) = state
    h = torch.tanh(torch.addmm(b_hh, h, w_hh.T) + xw)
    return (h,), {}


def lstm_gates(xw: Tensor, h: Tensor, w_hh: Tensor, b_hh: Tensor) -> tuple[Tensor, Tensor, Tensor, Tensor]:
    """i, f, g, o = σ, σ, tanh, σ of (W_h h_{t-1} + W_x x_t + b); xw (N, 4H), h (N, H) -> four (N, H)"""
    i, f, g, o = (torch.addmm(b_hh, h, w_hh.T) + xw).chunk(4, dim=-1)  # PyTorch's order: i, f, g, o
    return torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)


def lstm_step(xw: Tensor, state: tuple[Tensor, Tensor], w_hh: Tensor, b_hh: Tensor):
    """gates as in lstm_gates;  c_t = f c_{t-1} + i g;  h_t = o tanh(c_t)"""
    h, c = state
    i, f, g, o = lstm_gates(xw, h, w_hh, b_hh)
    c = f * c + i * g
    h = o * torch.tanh(c)
    return (h, c), {"input": i, "forget": f, "candidate": g, "output": o}


def gru_gates(xw: Tensor, h: Tensor, w_hh: Tensor, b_hh: Tensor) -> tuple[Tensor, Tensor, Tensor]:
    """r, z = σ(...);  n = tanh(W_xn x_t + b_xn + r ⊙ (W_hn h_{t-1} + b_hn)); xw (N, 3H), h (N, H) -> three (N, H)"""
    x_r, x_z, x_n = xw.chunk(3, dim=-1)  # PyTorch's order: r, z, n
    h_r, h_z, h_n = torch.addmm(b_hh, h, w_hh.T).chunk(3, dim=-1)
    r = torch.sigmoid(x_r + h_r)
    z = torch.sigmoid(x_z + h_z)
    n = torch.tanh(x_n + r * h_n)  # the reset gate acts after the hidden matmul
    return r, z, n


def gru_step(xw: Tensor, state: tuple[Tensor], w_hh: Tensor, b_hh: Tensor):
    """gates as in gru_gates;  h_t = (1 - z) n + z h_{t-1}"""
    (h,) = state
    r, z, n = gru_gates(xw, h, w_hh, b_hh)
    h = (1 - z) * n + z * h
    return (h,), {"reset": r, "update": z, "candidate": n}


STEPS = {"rnn": rnn_step, "lstm": lstm_step, "gru": gru_step}
GATES = {"rnn": (), "lstm": ("input", "forget", "candidate", "output"), "gru": ("reset", "update", "candidate")}
GATE_FUNCTIONS = {"lstm": lstm_gates, "gru": gru_gates}  # each returns its gates in GATES' order
