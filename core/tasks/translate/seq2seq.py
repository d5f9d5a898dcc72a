"""`Seq2Seq` (many-to-many, unaligned): an encoder reads the source, the shared attentional decoder
(`core.nn.decoder.Decoder`) writes the target, both over the one engine (`core.nn.rnn.Recurrent`, any cell,
any number of layers; the encoder may read both ways).

    forward(ids, targets=None, lengths=None, inputs=None) -> (logits, loss)
    # ids (B, S) source tokens, lengths (B,); inputs (B, T): <s> then the target's tokens (teacher forcing);
    # targets (B, T): the target's tokens then </s>, IGNORE on padding. logits (B, T, V)

The decoder's first state is tanh(W [h_fwd; h_bwd]) of the encoder's last states, layer by layer (Bahdanau
et al.'s "initial hidden state"); the attention (cfg.attention) reads the encoder's top-layer outputs, padding
masked. With attention "none" that first state is all the decoder knows of the source: Sutskever et al.'s
fixed-size bottleneck, against which the page shows what attention buys.
"""
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from core.config import ModelConfig
from core.nn.decoder import Decoder
from core.nn.layers import IGNORE, drop_words
from core.nn.rnn import Recurrent, State, Trace

BOS, EOS = "<s>", "</s>"  # the target vocabulary's ids 2 and 3, after <pad> and <unk>


@dataclass
class Encoded:
    memory: Tensor  # (B, S, D*H) the encoder's top-layer outputs (zeros on padding)
    mask: Tensor  # (B, S) True at real source positions
    state: State  # the decoder's first state, (L, B, H) or (h, c) of those


class Seq2Seq(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.cfg = cfg
        E, H, L = cfg.embed_size or cfg.hidden_size, cfg.hidden_size, cfg.num_layers
        self.embed = nn.Embedding(cfg.vocab_size, E, padding_idx=0)
        self.encoder = Recurrent(cfg.cell, E, H, L, cfg.bidirectional, cfg.dropout)
        D = self.encoder.num_directions
        self.bridge = nn.Linear(D * H, H)  # the encoder's last states -> the decoder's first
        self.bridge_c = nn.Linear(D * H, H) if cfg.cell == "lstm" else None
        self.drop = nn.Dropout(cfg.dropout)
        self.decoder = Decoder(cfg.cell, cfg.num_labels, E, H, L, memory_size=D * H, attention=cfg.attention,
                               dropout=cfg.dropout)

    def encode(self, ids: Tensor, lengths: Tensor | None = None) -> Encoded:
        """ids (B, S) -> the memory, its mask and the decoder's first state."""
        lengths = _lengths(ids, lengths)
        x = self.drop(self.embed(drop_words(ids, self.cfg.word_dropout, self.training)))  # (B, S, E)
        memory, state = self.encoder(x, lengths=lengths)  # (B, S, D*H)
        return self._encoded(memory, state, lengths)

    def _encoded(self, memory: Tensor, state: State, lengths: Tensor) -> Encoded:
        mask = torch.arange(memory.size(1), device=memory.device)[None, :] < lengths.to(memory.device)[:, None]
        L, D = self.encoder.num_layers, self.encoder.num_directions

        def bridge(s: Tensor, linear: nn.Linear, squash: bool) -> Tensor:
            B, H = s.size(1), s.size(2)
            s = s.view(L, D, B, H).permute(0, 2, 1, 3).reshape(L, B, D * H)  # each layer's directions side by side
            s = linear(s)  # (L, B, H)
            return torch.tanh(s) if squash else s

        if isinstance(state, tuple):
            first = (bridge(state[0], self.bridge, True), bridge(state[1], self.bridge_c, False))
        else:
            first = bridge(state, self.bridge, True)
        return Encoded(self.drop(memory), mask, first)

    def forward(self, ids: Tensor, targets: Tensor | None = None, lengths: Tensor | None = None,
                inputs: Tensor | None = None) -> tuple[Tensor, Tensor | None]:
        enc = self.encode(ids, lengths)
        logits, _ = self.decoder(inputs, enc.memory, enc.mask, enc.state)  # (B, T, V)
        loss = None
        if targets is not None:
            smoothing = self.cfg.label_smoothing if self.training else 0.0
            loss = F.cross_entropy(logits.reshape(-1, logits.size(-1)), targets.reshape(-1), ignore_index=IGNORE,
                                   label_smoothing=smoothing)
        return logits, loss

    def trace(self, ids: Tensor, inputs: Tensor, lengths: Tensor | None = None
              ) -> tuple[Tensor, Tensor, Trace, Trace]:
        """Teacher-forced, with every hidden state and gate of both networks (eval):
        -> logits (B, T, V), attention (B, T, S), the encoder's Trace (over S), the decoder's (over T)."""
        lengths = _lengths(ids, lengths)
        source = self.encoder.trace(self.embed(ids), lengths=lengths)
        enc = self._encoded(source.outputs, source.state, lengths)
        logits, attention, target = self.decoder.trace(inputs, enc.memory, enc.mask, enc.state)
        return logits, attention, source, target


def _lengths(ids: Tensor, lengths: Tensor | None) -> Tensor:
    return lengths if lengths is not None else torch.full((ids.size(0),), ids.size(1), dtype=torch.long)
