"""`Decoder`: an attentional recurrent decoder over the one engine (`core.nn.rnn.Recurrent`), for any model that
writes a sequence from a memory (a source sentence's encoder states, an image's feature grid).

    from core.nn.decoder import Decoder
    dec = Decoder("gru", vocab_size=V, embed_size=128, hidden_size=256, memory_size=512, attention="additive")
    # training (teacher forcing): the previous gold token at each step, bos first
    logits, attention = dec(tokens, memory, mask, state)  # tokens (B, T) -> logits (B, T, V), attention (B, T, S)
    # decoding, one token at a time, O(1) work per token apart from the attention's look over S positions
    prepared = dec.prepare(memory)  # optional: the memory's share of the additive score, once per source
    logits, state, weights, hidden = dec.step(token, state, memory, mask, prepared)
    # token (B,) -> logits (B, V), the new state, weights (B, S), the top layer's h (B, H)

`memory` (B, S, memory_size) and `mask` (B, S) bool (True = a real position; None = all real) are what the
attention looks over. `state` is the recurrence's initial state as `Recurrent` takes it: (L, B, H), or
(h, c) of those for LSTM, or None for zeros. Making it from the encoder is the caller's business (a text
encoder's final states through a Linear; image features through a Linear). With attention "none" the memory
is never read (pass None): the initial state is all the decoder knows of the source, Sutskever et al.'s
bottleneck.

The recurrence runs first and the attention reads its output (Luong et al.'s arrangement, either score):
h_t = RNN(embed(y_{t-1}), h_{t-1});  c_t = attend(h_t, memory);  o_t = tanh(W_c [h_t; c_t]);
logits_t = W_o o_t (without attention: logits_t = W_o h_t). Nothing of step t's attention feeds step t+1's
input (no input feeding), so teacher forcing runs the fused kernel over all T steps at once, and `step`
gives the same numbers one step at a time (tested). `core.decoding.search` decodes with `step`.
"""
import torch
from torch import Tensor, nn

from core.nn.attention import Attention
from core.nn.rnn import Recurrent, State, Trace


class Decoder(nn.Module):
    def __init__(self, cell: str, vocab_size: int, embed_size: int, hidden_size: int, num_layers: int = 1,
                 memory_size: int = 0, attention: str = "additive", attention_size: int | None = None,
                 dropout: float = 0.0):
        super().__init__()
        self.attention_kind = attention
        self.embed = nn.Embedding(vocab_size, embed_size, padding_idx=0)
        self.rnn = Recurrent(cell, embed_size, hidden_size, num_layers, dropout=dropout)
        self.attention = Attention(attention, hidden_size, memory_size, attention_size or hidden_size)
        self.drop = nn.Dropout(dropout)
        if attention != "none":
            self.combine = nn.Linear(hidden_size + memory_size, hidden_size)  # W_c
        self.out = nn.Linear(hidden_size, vocab_size)  # W_o

    @property
    def hidden_size(self) -> int:
        return self.rnn.hidden_size

    def prepare(self, memory: Tensor | None) -> Tensor | None:
        """The memory's share of the attention score, computed once per source (None when not needed)."""
        return None if memory is None or self.attention_kind == "none" else self.attention.prepare(memory)

    def forward(self, tokens: Tensor, memory: Tensor | None, mask: Tensor | None = None,
                state: State | None = None) -> tuple[Tensor, Tensor]:
        """Teacher forcing: tokens (B, T), each step's previous token -> logits (B, T, V), attention (B, T, S)
        (zeros without attention). Steps after a target's end compute something; mask them in the loss."""
        h, _ = self.rnn(self.drop(self.embed(tokens)), state)  # (B, T, H)
        return self.read(h, memory, mask)

    def read(self, h: Tensor, memory: Tensor | None, mask: Tensor | None,
             prepared: Tensor | None = None) -> tuple[Tensor, Tensor]:
        """The top layer's h (B, T, H) -> logits (B, T, V) and attention (B, T, S): the part after the RNN."""
        if self.attention_kind == "none":
            S = 0 if memory is None else memory.size(1)
            return self.out(self.drop(h)), h.new_zeros(h.size(0), h.size(1), S)
        context, weights = self.attention(h, memory, mask, prepared)  # (B, T, K), (B, T, S)
        o = torch.tanh(self.combine(torch.cat([h, context], -1)))  # (B, T, H)
        return self.out(self.drop(o)), weights

    def step(self, token: Tensor, state: State | None, memory: Tensor | None, mask: Tensor | None = None,
             prepared: Tensor | None = None) -> tuple[Tensor, State, Tensor, Tensor]:
        """One decoding step: token (B,) -> logits (B, V), new state, attention weights (B, S), hidden (B, H)."""
        stepper = self.rnn.stepper(state)
        h = stepper(stepper.input_share(self.embed(token)))  # (B, H): the cells' step equations, same weights
        logits, weights = self.read(h[:, None], memory, mask, prepared)
        return logits[:, 0], stepper.state, weights[:, 0], h

    def trace(self, tokens: Tensor, memory: Tensor | None, mask: Tensor | None = None,
              state: State | None = None) -> tuple[Tensor, Tensor, Trace]:
        """What forward did, with every layer's hidden states and gates (eval, one or a few sequences):
        -> logits (B, T, V), attention (B, T, S), Trace (see core.nn.rnn)."""
        trace = self.rnn.trace(self.embed(tokens), state)
        logits, weights = self.read(trace.outputs, memory, mask)
        return logits, weights, trace
