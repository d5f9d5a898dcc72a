"""`Classifier` (many-to-one): token ids in, class logits out, pooled over the real time steps; a character
model may also read the words its characters make up (`CharsAndWords`)."""
import torch
from torch import Tensor, nn

from core.config import ModelConfig
from core.nn.layers import cross_entropy, drop_words, embedding
from core.nn.rnn import Recurrent, Trace


class CharsAndWords(nn.Module):
    """A character model that also reads words: each character's embedding next to the embedding of the word
    it is in (lower-cased), the word hashed into one of `buckets` rows (fastText's hashing trick), so the
    words come from the character ids alone. (B, T) -> (B, T, 2E); characters off words (space,
    punctuation, padding) get a zero word vector."""
    PRIME, BASE, MAX_POS = 2**31 - 1, 48271, 32  # a polynomial hash mod PRIME; letters past MAX_POS share one power

    def __init__(self, vocab_size: int, embed_size: int, buckets: int):
        super().__init__()
        self.chars = nn.Embedding(vocab_size, embed_size, padding_idx=0)
        self.words = nn.Embedding(buckets, embed_size, padding_idx=0)
        self.register_buffer("letter", torch.zeros(vocab_size, dtype=torch.long))  # set by read_vocab
        powers = [pow(self.BASE, k + 1, self.PRIME) for k in range(self.MAX_POS)]
        self.register_buffer("powers", torch.tensor(powers), persistent=False)

    def read_vocab(self, itos: list[str]):
        """Which character ids are letters of words, each as the id of its lower case (0: not in words)."""
        stoi = {s: i for i, s in enumerate(itos)}
        self.letter.copy_(torch.tensor([stoi.get(s.lower(), i) if len(s) == 1 and (s.isalnum() or s in WORD_MARKS)
                                        else 0 for i, s in enumerate(itos)]))

    def buckets(self, ids: Tensor) -> Tensor:
        """(B, T) character ids -> (B, T) the hashed row of each character's word (0 off words)."""
        letter = self.letter[ids]  # (B, T)
        inside = letter > 0
        t = torch.arange(ids.size(1), device=ids.device).expand_as(ids)  # (B, T)
        start = torch.where(inside, -1, t).cummax(1).values  # the last non-letter at or before t
        word = (~inside).long().cumsum(1)  # (B, T): the letters of one word share this index
        pos = (t - start - 1).clamp(0, self.MAX_POS - 1)
        terms = letter * self.powers[pos] % self.PRIME * inside  # (B, T)
        h = torch.zeros(ids.size(0), ids.size(1) + 1, dtype=torch.long, device=ids.device)
        h = h.scatter_add(1, word, terms) % self.PRIME  # (B, T+1): one hash per word
        h = (h ^ (h >> 13)) * self.BASE % self.PRIME
        rows = 1 + h % (self.words.num_embeddings - 1)
        return rows.gather(1, word) * inside  # (B, T)

    def forward(self, ids: Tensor) -> Tensor:
        return torch.cat([self.chars(ids), self.words(self.buckets(ids))], -1)  # (B, T, 2E)


WORD_MARKS = "'£$€"  # characters that are part of words besides letters and digits ("don't", "£1000")


def pool(outputs: Tensor, lengths: Tensor, how: str, directions: int) -> Tensor:
    """(B, T, D*H) -> (B, D*H) over the real steps only: the last state of each direction, or mean, or max."""
    B, T, _ = outputs.shape
    lengths = lengths.to(outputs.device)
    if how == "last":
        last = outputs[torch.arange(B, device=outputs.device), lengths - 1]  # (B, D*H)
        if directions == 1:
            return last
        H = outputs.size(-1) // 2
        return torch.cat([last[:, :H], outputs[:, 0, H:]], -1)  # the backward direction ends at t = 0
    real = (torch.arange(T, device=outputs.device)[None, :] < lengths[:, None])[..., None]  # (B, T, 1)
    if how == "mean":
        return (outputs * real).sum(1) / lengths[:, None]
    return outputs.masked_fill(~real, float("-inf")).amax(1)


class Classifier(nn.Module):
    """Many-to-one: (B, T) token ids -> (B, C) class logits."""

    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.cfg = cfg
        if cfg.word_buckets:
            self.embed = CharsAndWords(cfg.vocab_size, cfg.embed_size, cfg.word_buckets)
        else:
            self.embed = embedding(cfg.vocab_size, cfg.embed_size)
        inputs = 2 * cfg.embed_size if cfg.word_buckets else cfg.embed_size or cfg.vocab_size
        self.rnn = Recurrent(cfg.cell, inputs, cfg.hidden_size, cfg.num_layers, cfg.bidirectional, cfg.dropout)
        self.drop = nn.Dropout(cfg.dropout)
        self.head = nn.Linear(self.rnn.output_size, cfg.num_labels)

    def _lengths(self, ids, lengths):
        return lengths if lengths is not None else torch.full((ids.size(0),), ids.size(1), dtype=torch.long)

    def forward(self, ids, targets=None, lengths=None):
        lengths = self._lengths(ids, lengths)
        x = self.embed(drop_words(ids, self.cfg.word_dropout, self.training))  # (B, T, E)
        logits = self.classify(x, lengths)
        return logits, cross_entropy(logits, targets)

    def classify(self, x: Tensor, lengths: Tensor) -> Tensor:
        """Input vectors (B, T, E) -> class logits (B, C): the part after the embedding (saliency
        differentiates through it with respect to x)."""
        out, _ = self.rnn(self.drop(x), lengths=lengths)  # (B, T, D*H)
        return self.head(self.drop(pool(out, lengths, self.cfg.pooling, self.rnn.num_directions)))

    def trace(self, ids, lengths=None) -> tuple[Tensor, Trace]:
        lengths = self._lengths(ids, lengths)
        trace = self.rnn.trace(self.embed(ids), lengths=lengths)
        return self.head(pool(trace.outputs, lengths, self.cfg.pooling, self.rnn.num_directions)), trace
