"""Character and word classifiers as one classifier (what `core.tasks.classify.ensemble.pack` builds from members of both
tokenizers). The mixture reads characters, as a character model does, and each character id also carries
the word that starts at it, so the word members read the same text as words: one sequence of ids in, the
sum of two groups' logits out (each group's head scaled so that the sum is the mean over all members).

    id = character id + C * word code     C: the characters' vocabulary size; word code: 0 where no word
                                          starts, else the word's id in the word members' vocabulary

The page and the explanations see a character model: tokens, over-time and saliency are per character (a
word's part of the saliency lands on its first character); `trace` shows the character members.
"""
import dataclasses

import torch
from torch import Tensor, nn

from core.config import ModelConfig
from core.nn.layers import cross_entropy
from core.nn.rnn import Trace
from core.tasks.classify.model import Classifier
from core.text.vocab import WORD, Vocab


class MixedVocab(Vocab):
    """The characters a mixture reads (its tokens), with its word members' vocabulary in `words`."""

    def __init__(self, itos: list[str], words: Vocab):
        super().__init__(itos, specials=True)
        self.words = words

    def encode(self, tokens) -> list[int]:
        """Characters -> ids that also name the word starting at each character (words as the word
        members split them: the lower-cased text, `core.text.vocab.word_tokens`)."""
        tokens = list(tokens)
        ids = super().encode(tokens)
        lowered, at = lower_with_positions("".join(tokens))
        C = len(self)
        for match in WORD.finditer(lowered):
            ids[at[match.start()]] += C * self.words.stoi.get(match.group(), self.words.unk_id)
        return ids


def lower_with_positions(text: str) -> tuple[str, list[int]]:
    """text.lower() and, for each of its characters, the position in `text` it comes from (a few characters
    lower to two, as "İ"; then each is lowered alone)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered, list(range(len(text)))
    pieces = [c.lower() for c in text]
    return "".join(pieces), [i for i, p in enumerate(pieces) for _ in p]


def word_config(cfg: ModelConfig) -> ModelConfig:
    """The settings of a mixture's word group (the packed word members)."""
    return dataclasses.replace(cfg, tokenizer="word", vocab_size=cfg.word_vocab_size, embed_size=cfg.word_embed_size,
                               hidden_size=cfg.word_hidden_size, word_buckets=0, word_vocab_size=0)


def char_config(cfg: ModelConfig) -> ModelConfig:
    return dataclasses.replace(cfg, word_vocab_size=0)


class Mixture(nn.Module):
    """Many-to-one over characters and words: (B, T) mixed ids (see above) -> (B, C) class logits."""

    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.cfg = cfg
        self.chars = Classifier(char_config(cfg))
        self.words = Classifier(word_config(cfg))

    @property
    def rnn(self):
        """The character members' recurrence: what the page's heatmaps show."""
        return self.chars.rnn

    def embed(self, ids: Tensor) -> Tensor:
        """(B, T) -> (B, T, Ec + Ew + 1): each character's vector, the vector of the word starting there
        (zero where none does), and 1 where one does."""
        chars, words = ids % self.cfg.vocab_size, ids // self.cfg.vocab_size  # (B, T) each
        start = (words > 0)[..., None]  # (B, T, 1)
        return torch.cat([self.chars.embed(chars), self.words.embed(words) * start, start.float()], -1)

    def classify(self, x: Tensor, lengths: Tensor) -> Tensor:
        """(B, T, Ec + Ew + 1) from `embed` -> (B, C): the character group's logits plus the word group's
        over the words gathered from their first characters, in order."""
        B, T, _ = x.shape
        Ew = self.cfg.word_embed_size
        x_chars, x_words = x[..., :-Ew - 1], x[..., -Ew - 1:-1]
        real = torch.arange(T, device=x.device)[None, :] < lengths.to(x.device)[:, None]  # (B, T)
        start = (x[..., -1] > 0.5) & real  # (B, T)
        n_words = start.sum(1)  # (B,)
        W = max(1, int(n_words.max()))
        order = torch.argsort((~start).int(), dim=1, stable=True)[:, :W]  # (B, W): word starts first, in order
        words = x_words.gather(1, order[..., None].expand(B, W, Ew))  # (B, W, Ew)
        words = words * (torch.arange(W, device=x.device)[None, :] < n_words[:, None])[..., None]
        none = n_words == 0  # a text without words reads to the word members as one unknown word
        words[none, 0] = self.words.embed.weight[1]
        return self.chars.classify(x_chars, lengths) + self.words.classify(words, n_words.clamp_min(1))

    def forward(self, ids, targets=None, lengths=None):
        lengths = self.chars._lengths(ids, lengths)
        logits = self.classify(self.embed(ids), lengths)
        return logits, cross_entropy(logits, targets)

    def trace(self, ids, lengths=None) -> tuple[Tensor, Trace]:
        """The logits and the character members' trace (the word members read other steps)."""
        lengths = self.chars._lengths(ids, lengths)
        _, trace = self.chars.trace(ids % self.cfg.vocab_size, lengths)
        with torch.no_grad():
            logits, _ = self(ids, lengths=lengths)
        return logits, trace
