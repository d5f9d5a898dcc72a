"""`Recurrent`: the one recurrent engine behind every task.

`forward` runs torch's fused kernels (cuDNN on GPU, oneDNN on CPU) for training
and prediction. `trace` records every hidden state, cell state and gate: it takes
each layer's h_t from the fused kernel and recomputes the gates for all steps at
once; `replay` is the readable reference it is tested against, the same
recurrence one time step at a time. `stepper` advances one step at a time, for
generating one token after another. All of them use the same parameters.
"""
import warnings
from dataclasses import dataclass

import torch
from torch import Tensor, nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from core.nn.cells import GATE_FUNCTIONS, GATES, STEPS

FUSED = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}
KERNELS = {"rnn": torch.rnn_tanh, "lstm": torch.lstm, "gru": torch.gru}  # what those modules call, one layer here

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

    def weights(self, layer: int, direction: int = 0) -> tuple[Tensor, Tensor, Tensor, Tensor]:
        """w_ih (G*H, I), w_hh (G*H, H), b_ih, b_hh (G*H,) of one layer and direction: the fused module's own."""
        suffix = f"_l{layer}" + ("_reverse" if direction else "")
        return tuple(getattr(self.fused, name + suffix) for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"))

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

    def _start(self, x: Tensor, state: State | None) -> tuple[Tensor, Tensor | None]:
        """h0 and c0 (None unless LSTM), each (L*D, B, H); zeros when no state is given."""
        if state is None:
            zeros = x.new_zeros(self.num_layers * self.num_directions, x.size(0), self.hidden_size)
            state = (zeros, zeros) if self.cell == "lstm" else zeros
        return state if self.cell == "lstm" else (state, None)

    def trace(self, x: Tensor, state: State | None = None, lengths: Tensor | None = None) -> Trace:
        """What forward did, step by step (no dropout: use in eval). Equal to `replay`, faster: each layer's
        h_t come from the fused kernel; the gates at step t depend only on x_t and h_{t-1}, so one batched
        matmul gives them for every step; the LSTM's cell state is an element-wise scan over time."""
        B, T, _ = x.shape
        L, D, H = self.num_layers, self.num_directions, self.hidden_size
        is_lstm = self.cell == "lstm"
        h0, c0 = self._start(x, state)
        if lengths is not None and bool((lengths < T).any()):
            lengths = lengths.cpu()
            valid = (torch.arange(T)[None, :] < lengths[:, None]).to(x.device)[..., None]  # (B, T, 1)
        else:
            lengths = valid = None

        layer_in, hidden, finals, seen = x, [], [], []  # seen: one dict a layer, of gates and "cell"
        for layer in range(L):
            k = slice(layer * D, layer * D + D)
            out, final = self._fused_layer(layer, layer_in, h0[k], c0[k] if is_lstm else None, lengths)
            parts = [self._inside(layer, d, layer_in, out[..., d * H:(d + 1) * H], h0[layer * D + d],
                                  c0[layer * D + d] if is_lstm else None, valid) for d in range(D)]
            seen.append({name: join([p[name] for p in parts]) for name in parts[0]})
            hidden.append(out)
            finals.append(final)
            layer_in = out

        final = [torch.cat(f) for f in zip(*finals)]  # h_n (and c_n), each (L*D, B, H)
        return Trace(
            outputs=hidden[-1],
            hidden=torch.stack(hidden),
            cell=torch.stack([s.pop("cell") for s in seen]) if is_lstm else None,
            gates={g: torch.stack([s[g] for s in seen]) for g in GATES[self.cell]},
            state=tuple(final) if is_lstm else final[0],
        )

    def _inside(self, layer: int, d: int, x: Tensor, h: Tensor, h0: Tensor, c0: Tensor | None,
                valid: Tensor | None) -> dict[str, Tensor]:
        """The gates (and the LSTM's "cell") of one layer and direction, for every step at once, from its
        input x (B, T, I) and the h (B, T, H) the fused kernel gave; each (B, T, H), zero on padding."""
        if self.cell == "rnn":
            return {}
        B, T, H = h.shape
        w_ih, w_hh, b_ih, b_hh = self.weights(layer, d)
        h_prev = previous(h, h0, valid, reverse=bool(d))  # (B, T, H): the state each step started from
        xw = torch.addmm(b_ih, x.flatten(0, 1), w_ih.T)  # (B*T, G*H)
        values = [v.view(B, T, H) for v in GATE_FUNCTIONS[self.cell](xw, h_prev.flatten(0, 1), w_hh, b_hh)]
        seen = dict(zip(GATES[self.cell], values if valid is None else [v * valid for v in values]))
        if self.cell == "lstm":
            i, f, g, _ = values
            seen["cell"] = scan_cell(f, i * g, c0, valid, reverse=bool(d))
        return seen

    def _fused_layer(self, layer: int, x: Tensor, h0: Tensor, c0: Tensor | None, lengths: Tensor | None):
        """One layer, both directions, through the fused kernel from its own parameters:
        x (B, T, I) -> outputs (B, T, D*H), [h_n] or [h_n, c_n] for LSTM, each (D, B, H)."""
        params = [w for d in range(self.num_directions) for w in self.weights(layer, d)]
        kernel, is_lstm, bi = KERNELS[self.cell], self.cell == "lstm", self.num_directions == 2
        with warnings.catch_warnings():  # cuDNN copies a layer's weights into one block, and says so
            warnings.filterwarnings("ignore", message="RNN module weights are not part")
            if lengths is None:
                result = kernel(x, (h0, c0) if is_lstm else h0, params, True, 1, 0.0, False, bi, True)
                out, states = result[0], list(result[1:])
            else:
                packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
                order = packed.sorted_indices
                hx = (h0[:, order], c0[:, order]) if is_lstm else h0[:, order]
                result = kernel(packed.data, packed.batch_sizes, hx, params, True, 1, 0.0, False, bi)
                out, _ = pad_packed_sequence(packed._replace(data=result[0]), batch_first=True,
                                             total_length=x.size(1))
                states = [s[:, packed.unsorted_indices] for s in result[1:]]
        return out, states


    def replay(self, x: Tensor, state: State | None = None, lengths: Tensor | None = None) -> Trace:
        """The readable reference for `trace`: the cells' step equations, one time step at a time."""
        B, T, _ = x.shape
        L, D = self.num_layers, self.num_directions
        step = STEPS[self.cell]
        is_lstm = self.cell == "lstm"
        h0, c0 = self._start(x, state)
        padded = lengths is not None and bool((lengths < T).any())
        if padded:
            valid = (torch.arange(T)[None, :] < lengths.cpu()[:, None]).to(x.device)  # (B, T)

        layer_in = x
        hidden, cells, gates, final_h, final_c = [], [], {g: [] for g in GATES[self.cell]}, [], []
        for layer in range(L):
            dir_h, dir_c, dir_gates = [], [], {g: [] for g in GATES[self.cell]}
            for d in range(D):
                w_ih, w_hh, b_ih, b_hh = self.weights(layer, d)
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

    def stepper(self, state: State | None = None) -> "Stepper":
        """A function that advances this network one time step per call (see Stepper)."""
        return Stepper(self, state)


class Stepper:
    """One time step per call -> the top layer's h (B, H), carrying the state: the cells' step
    equations from the network's own parameters (two small matmuls and a few element-wise operations a
    layer), without the fused kernel's per-call overhead. For generating one token at a time: one
    direction, no dropout."""

    def __init__(self, rnn: Recurrent, state: State | None = None):
        if rnn.num_directions != 1:
            raise ValueError("a two-way network cannot run one step at a time")
        self.step = STEPS[rnn.cell]
        self.is_lstm = rnn.cell == "lstm"
        self.layers = [rnn.weights(layer) for layer in range(rnn.num_layers)]
        self.hidden_size = rnn.hidden_size
        self.states = None if state is None else (  # one tuple a layer: (h,) or (h, c), each (B, H)
            list(zip(*state)) if self.is_lstm else [(h,) for h in state])

    def input_share(self, x: Tensor) -> Tensor:
        """x (N, I) -> W_ih x + b_ih (N, G*H) of the first layer: what __call__ takes (rows of it can be
        computed ahead, e.g. once for every token of a vocabulary)."""
        w_ih, _, b_ih, _ = self.layers[0]
        return torch.addmm(b_ih, x, w_ih.T)

    def __call__(self, xw: Tensor) -> Tensor:
        """xw (B, G*H): the first layer's input share of this step's x -> the top layer's h (B, H)."""
        if self.states is None:
            zeros = xw.new_zeros(xw.size(0), self.hidden_size)
            self.states = [(zeros, zeros) if self.is_lstm else (zeros,)] * len(self.layers)
        h = None
        for layer, (w_ih, w_hh, b_ih, b_hh) in enumerate(self.layers):
            if layer:  # the h of the layer below is this layer's input
                xw = torch.addmm(b_ih, h, w_ih.T)  # (B, G*H)
            self.states[layer], _ = self.step(xw, self.states[layer], w_hh, b_hh)
            h = self.states[layer][0]
        return h

    @property
    def state(self) -> State:
        """The state as forward takes and returns it: each (L, B, H)."""
        h = torch.stack([s[0] for s in self.states])
        return (h, torch.stack([s[1] for s in self.states])) if self.is_lstm else h


def previous(h: Tensor, h0: Tensor, valid: Tensor | None, reverse: bool) -> Tensor:
    """The state each step started from: h (B, T, H) of one direction, h0 (B, H) -> h_{t-1} (B, T, H), or
    h_{t+1} read backwards; h0 at a sequence's first step (for the backward direction, its last real one)."""
    first = h0[:, None]  # (B, 1, H)
    if not reverse:
        return torch.cat([first, h[:, :-1]], 1)
    before = torch.cat([h[:, 1:], first], 1)
    if valid is None:
        return before
    starts = ~torch.cat([valid[:, 1:], torch.zeros_like(valid[:, :1])], 1)  # (B, T, 1): step t + 1 is padding
    return torch.where(starts, first, before)


def scan_cell(f: Tensor, ig: Tensor, c0: Tensor, valid: Tensor | None, reverse: bool) -> Tensor:
    """The LSTM's c_t = f_t c_{t-1} + i_t g_t over time, from f and i*g (B, T, H) and c0 (B, H) -> (B, T, H).
    Padded steps keep c (f = 1, i*g = 0), so a backward pass starts from c0 at a sequence's last real step;
    they record zeros."""
    if valid is not None:
        f, ig = torch.where(valid, f, 1.0), ig * valid
    steps = list(zip(f.unbind(1), ig.unbind(1)))  # T pairs of (B, H)
    c, cs = c0, [None] * len(steps)
    for t in (range(len(steps) - 1, -1, -1) if reverse else range(len(steps))):
        c = cs[t] = torch.addcmul(steps[t][1], steps[t][0], c)
    cs = torch.stack(cs, 1)  # (B, T, H)
    return cs if valid is None else cs * valid


def join(parts: list[Tensor]) -> Tensor:
    """The two directions side by side on the last axis (one direction: as it is, no copy)."""
    return parts[0] if len(parts) == 1 else torch.cat(parts, -1)
