"""`Recurrent`: the one recurrent engine behind every task.

`forward` runs torch's fused kernels (cuDNN on GPU, oneDNN on CPU) for training
and prediction; `trace` replays the same recurrence step by step, from the same
parameters, and records every hidden state, cell state and gate.
"""
from dataclasses import dataclass

import torch
from torch import Tensor, nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from .cells import GATES, STEPS

FUSED = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}

State = Tensor | tuple[Tensor, Tensor]  # h, or (h, c) for LSTM; each (L*D, B, H) as in torch


@dataclass
class Trace:
    """Everything a step-by-step run saw. L layers, D directions, H hidden units."""

    outputs: Tensor  # (B, T, D*H): the top layer's h_t, equal to forward's outputs
    hidden: Tensor  # (L, B, T, D*H): every layer's h_t
    cell: Tensor | None  # (L, B, T, D*H) for LSTM, else None
    gates: dict[str, Tensor]  # name -> (L, B, T, D*H)
    state: State  # the final state, as forward returns it


class Recurrent(nn.Module):
    def __init__(self, cell: str, input_size: int, hidden_size: int, num_layers: int = 1,
                 bidirectional: bool = False, dropout: float = 0.0):
        super().__init__()
        if cell not in FUSED:
            raise ValueError(f"cell must be one of {', '.join(FUSED)}, not {cell!r}")
        self.cell = cell
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.num_directions = 2 if bidirectional else 1
        self.fused = FUSED[cell](input_size, hidden_size, num_layers, batch_first=True,
                                 bidirectional=bidirectional, dropout=dropout if num_layers > 1 else 0.0)

    @property
    def output_size(self) -> int:
        return self.num_directions * self.hidden_size

    def forward(self, x: Tensor, state: State | None = None, lengths: Tensor | None = None):
        """x (B, T, I) -> outputs (B, T, D*H), final state. Padding (t >= lengths) gives zero outputs
        and never enters the state."""
        if lengths is None:
            return self.fused(x, state)
        T = x.size(1)
        packed = pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)
        outputs, state = self.fused(packed, state)
        outputs, _ = pad_packed_sequence(outputs, batch_first=True, total_length=T)
        return outputs, state

    def trace(self, x: Tensor, state: State | None = None, lengths: Tensor | None = None) -> Trace:
        """Replay forward one time step at a time and record what happened (no dropout: use in eval)."""
        B, T, _ = x.shape
        L, D, H = self.num_layers, self.num_directions, self.hidden_size
        step = STEPS[self.cell]
        is_lstm = self.cell == "lstm"
        if state is None:
            zeros = x.new_zeros(L * D, B, H)
            state = (zeros, zeros) if is_lstm else zeros
        h0, c0 = state if is_lstm else (state, None)
        padded = lengths is not None and bool((lengths < T).any())
        if padded:
            valid = (torch.arange(T)[None, :] < lengths.cpu()[:, None]).to(x.device)  # (B, T)

        layer_in = x
        hidden, cells, gates, final_h, final_c = [], [], {g: [] for g in GATES[self.cell]}, [], []
        for layer in range(L):
            dir_h, dir_c, dir_gates = [], [], {g: [] for g in GATES[self.cell]}
            for d in range(D):
                suffix = f"_l{layer}" + ("_reverse" if d else "")
                w_ih, w_hh = getattr(self.fused, "weight_ih" + suffix), getattr(self.fused, "weight_hh" + suffix)
                b_ih, b_hh = getattr(self.fused, "bias_ih" + suffix), getattr(self.fused, "bias_hh" + suffix)
                xw = layer_in @ w_ih.T + b_ih  # (B, T, G*H): the input's share, for all steps at once
                k = layer * D + d
                s = (h0[k], c0[k]) if is_lstm else (h0[k],)
                hs, cs, gs = [None] * T, [None] * T, {g: [None] * T for g in dir_gates}
                for t in (range(T - 1, -1, -1) if d else range(T)):
                    new, gate = step(xw[:, t], s, w_hh, b_hh)
                    if padded:  # padded steps leave the state untouched and record zeros
                        m = valid[:, t, None]  # (B, 1)
                        new = tuple(torch.where(m, n, o) for n, o in zip(new, s))
                        gate = {g: v * m for g, v in gate.items()}
                        hs[t] = new[0] * m
                    else:
                        hs[t] = new[0]
                    s = new
                    if is_lstm:
                        cs[t] = s[1] * m if padded else s[1]
                    for g, v in gate.items():
                        gs[g][t] = v
                dir_h.append(torch.stack(hs, 1))  # (B, T, H)
                if is_lstm:
                    dir_c.append(torch.stack(cs, 1))
                for g in dir_gates:
                    dir_gates[g].append(torch.stack(gs[g], 1))
                final_h.append(s[0])
                if is_lstm:
                    final_c.append(s[1])
            layer_out = torch.cat(dir_h, -1)  # (B, T, D*H)
            hidden.append(layer_out)
            if is_lstm:
                cells.append(torch.cat(dir_c, -1))
            for g in gates:
                gates[g].append(torch.cat(dir_gates[g], -1))
            layer_in = layer_out

        final = torch.stack(final_h)  # (L*D, B, H)
        return Trace(
            outputs=hidden[-1],
            hidden=torch.stack(hidden),
            cell=torch.stack(cells) if is_lstm else None,
            gates={g: torch.stack(v) for g, v in gates.items()},
            state=(final, torch.stack(final_c)) if is_lstm else final,
        )
