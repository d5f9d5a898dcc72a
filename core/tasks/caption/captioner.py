"""`Captioner` (one-to-many): an image's region vectors in, a sentence out, one word at a time.

Show and Tell (Vinyals et al. 2015): the mean of the image's 49 region vectors becomes the decoder's initial
state. Show, Attend and Tell (Xu et al. 2015): at every word the decoder also attends over the 49 regions
(the 7 × 7 grid of the frozen encoder, `core.tasks.caption.image_encoder`), so each word has a map of where it looked. The
decoder is the shared one (`core.nn.decoder.Decoder`, over `core.nn.rnn.Recurrent`, any cell); with attention
"none" the initial state is all it knows of the image.

    forward(ids, targets=None, lengths=None, features=None) -> (logits, loss)
    # features (B, 49, 1280) from the encoder; ids (B, T): <s> then the caption's words (teacher forcing);
    # targets (B, T): the words then </s>, IGNORE on padding
"""
import torch
from torch import Tensor, nn

from core.config import ModelConfig
from core.nn.decoder import Decoder
from core.nn.layers import cross_entropy
from core.nn.rnn import State, Trace
from core.tasks.caption.image_encoder import FEATURES

BOS, EOS = "<s>", "</s>"  # the caption vocabulary's ids 2 and 3, after <pad> and <unk>


class Captioner(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.cfg = cfg
        H, L = cfg.hidden_size, cfg.num_layers
        self.norm = nn.LayerNorm(FEATURES)  # the encoder's activations vary in scale from channel to channel
        self.memory = nn.Linear(FEATURES, H)  # each region's vector, as the attention reads it
        self.init_h = nn.Linear(FEATURES, L * H)  # the whole image -> the first state (Show and Tell)
        self.init_c = nn.Linear(FEATURES, L * H) if cfg.cell == "lstm" else None
        self.drop = nn.Dropout(cfg.dropout)
        self.decoder = Decoder(cfg.cell, cfg.vocab_size, cfg.embed_size or H, H, L, memory_size=H,
                               attention=cfg.attention, dropout=cfg.dropout)

    def encode(self, features: Tensor) -> tuple[Tensor | None, State]:
        """features (B, 49, 1280) -> the attention's memory (B, 49, H) (None without attention) and the
        decoder's initial state, (L, B, H) or (h, c) for LSTM."""
        x = self.norm(features.float())  # (B, 49, 1280)
        whole = x.mean(1)  # (B, 1280)
        B, L, H = x.size(0), self.cfg.num_layers, self.cfg.hidden_size

        def start(linear):
            return torch.tanh(linear(self.drop(whole))).view(B, L, H).transpose(0, 1).contiguous()  # (L, B, H)

        state = (start(self.init_h), start(self.init_c)) if self.init_c is not None else start(self.init_h)
        memory = None if self.cfg.attention == "none" else self.drop(self.memory(x))
        return memory, state

    def forward(self, ids: Tensor, targets: Tensor | None = None, lengths: Tensor | None = None,
                features: Tensor | None = None) -> tuple[Tensor, Tensor | None]:
        memory, state = self.encode(features)
        logits, _ = self.decoder(ids, memory, None, state)  # (B, T, V)
        return logits, cross_entropy(logits, targets)

    def trace(self, ids: Tensor, features: Tensor) -> tuple[Tensor, Tensor, Trace]:
        """Teacher-forced, with every hidden state and gate: -> logits (B, T, V), attention (B, T, 49), Trace."""
        memory, state = self.encode(features)
        return self.decoder.trace(ids, memory, None, state)
