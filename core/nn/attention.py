"""Attention: a query looks over a sequence of keys and reads back their weighted average.

    from core.nn.attention import Attention
    attn = Attention("additive", query_size=256, key_size=512, size=256)
    context, weights = attn(query, keys, mask)  # query (B, Q), keys (B, S, K), mask (B, S) bool, True = real
    # context (B, K): sum_s weights[b, s] * keys[b, s];  weights (B, S): sum to 1 over the real positions,
    # exactly 0 on padding (a row with no real position at all gets all-zero weights and a zero context)

Kinds (the score e_s of key k_s for query q, before the softmax over s):
- "additive" (Bahdanau et al. 2015): e_s = v^T tanh(W_q q + W_k k_s); `size` is the width of that hidden layer.
- "general" (Luong et al. 2015, "general"): e_s = q^T W k_s, a bilinear form (`size` is not used).
- "none": no attention; `forward` returns a zero context and zero weights (the decoder then reads only its
  initial state: Sutskever et al.'s bottleneck). It has no parameters.

The query may also carry a time axis, query (B, T, Q) -> context (B, T, K), weights (B, T, S): all of a
teacher-forced decoder's steps at once. The keys' share of the additive score does not depend on the query:
`prepare(keys)` computes it once per source, and passing it as `prepared=` saves that work on every step
(the decoder does this for step-by-step decoding).
"""
import torch
from torch import Tensor, nn

KINDS = ("additive", "general", "none")


class Attention(nn.Module):
    def __init__(self, kind: str, query_size: int, key_size: int, size: int = 0):
        super().__init__()
        if kind not in KINDS:
            raise ValueError(f"attention must be one of {', '.join(KINDS)}, not {kind!r}")
        self.kind, self.key_size = kind, key_size
        if kind == "additive":
            self.query = nn.Linear(query_size, size, bias=False)
            self.key = nn.Linear(key_size, size)
            self.score = nn.Linear(size, 1, bias=False)  # v
        elif kind == "general":
            self.bilinear = nn.Linear(query_size, key_size, bias=False)  # W^T q, then dotted with each key

    def prepare(self, keys: Tensor) -> Tensor | None:
        """What the score needs of the keys alone, (B, S, size) for additive; None for the other kinds."""
        return self.key(keys) if self.kind == "additive" else None

    def forward(self, query: Tensor, keys: Tensor, mask: Tensor | None = None,
                prepared: Tensor | None = None) -> tuple[Tensor, Tensor]:
        """query (B, Q) or (B, T, Q), keys (B, S, K), mask (B, S) True at real positions (None: all real)
        -> context (B, K) or (B, T, K), weights (B, S) or (B, T, S)."""
        single = query.dim() == 2
        q = query[:, None] if single else query  # (B, T, Q)
        B, T, S = q.size(0), q.size(1), keys.size(1)
        if self.kind == "none":
            context, weights = keys.new_zeros(B, T, self.key_size), keys.new_zeros(B, T, S)
        else:
            scores = self.scores(q, keys, prepared)  # (B, T, S)
            if mask is not None:
                scores = scores.masked_fill(~mask[:, None, :], float("-inf"))
            weights = torch.softmax(scores, -1).nan_to_num(0.0)  # a row of only padding: all -inf -> NaN -> 0
            context = weights @ keys  # (B, T, S) @ (B, S, K) -> (B, T, K)
        return (context[:, 0], weights[:, 0]) if single else (context, weights)

    def scores(self, q: Tensor, keys: Tensor, prepared: Tensor | None = None) -> Tensor:
        """q (B, T, Q), keys (B, S, K) -> unnormalised scores (B, T, S)."""
        if self.kind == "general":
            return self.bilinear(q) @ keys.transpose(1, 2)  # (B, T, K) @ (B, K, S)
        k = self.key(keys) if prepared is None else prepared  # (B, S, A)
        hidden = torch.tanh(self.query(q)[:, :, None, :] + k[:, None, :, :])  # (B, T, S, A)
        return self.score(hidden)[..., 0]
