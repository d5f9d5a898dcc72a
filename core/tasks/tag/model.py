"""`Tagger` (many-to-many, aligned): a tag's logits for every word, read with both directions' context and,
optionally, the word's own characters."""
import torch
from torch import Tensor, nn

from core.config import ModelConfig
from core.nn.layers import cross_entropy, drop_words, embedding
from core.nn.rnn import Recurrent, Trace


class Tagger(nn.Module):
    """Many-to-many, aligned: (B, T) word ids (+ (B, T, W) character ids) -> (B, T, K) tag logits."""

    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.cfg = cfg
        self.embed = embedding(cfg.vocab_size, cfg.embed_size)
        char_size = 0
        if cfg.char_vocab_size:  # a character BiRNN per word: case, shape, prefixes and suffixes
            self.char_embed = nn.Embedding(cfg.char_vocab_size, cfg.char_embed_size, padding_idx=0)
            self.char_rnn = Recurrent(cfg.cell, cfg.char_embed_size, cfg.char_hidden_size, bidirectional=True)
            char_size = self.char_rnn.output_size
        self.rnn = Recurrent(cfg.cell, (cfg.embed_size or cfg.vocab_size) + char_size, cfg.hidden_size,
                             cfg.num_layers, cfg.bidirectional, cfg.dropout)
        self.drop = nn.Dropout(cfg.dropout)
        self.head = nn.Linear(self.rnn.output_size, cfg.num_labels)

    def inputs(self, ids: Tensor, chars: Tensor | None) -> Tensor:
        """Each word's vector: its embedding, then its characters' final BiRNN states. -> (B, T, E + 2C)"""
        x = self.embed(drop_words(ids, self.cfg.word_dropout, self.training))  # (B, T, E)
        if not self.cfg.char_vocab_size:
            return self.drop(x)
        B, T, W = chars.shape
        flat = chars.reshape(B * T, W)
        n_chars = (flat != 0).sum(-1)  # (B*T,)
        real = n_chars > 0
        words = torch.zeros(B * T, self.char_rnn.output_size, device=x.device)
        if real.any():
            _, state = self.char_rnn(self.char_embed(flat[real]), lengths=n_chars[real])
            h = state[0] if isinstance(state, tuple) else state  # (2, N, C)
            words[real] = torch.cat([h[0], h[1]], -1)
        return self.drop(torch.cat([x, words.reshape(B, T, -1)], -1))

    def forward(self, ids, targets=None, lengths=None, chars=None):
        out, _ = self.rnn(self.inputs(ids, chars), lengths=lengths)  # (B, T, D*H)
        logits = self.head(self.drop(out))
        return logits, cross_entropy(logits, targets)

    def trace(self, ids, lengths=None, chars=None) -> tuple[Tensor, Trace]:
        trace = self.rnn.trace(self.inputs(ids, chars), lengths=lengths)
        return self.head(trace.outputs), trace
