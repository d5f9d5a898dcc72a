"""The layers the task models share around the engine: the lecture's one-hot input, embeddings, word dropout
and the loss that skips padding."""
import torch
import torch.nn.functional as F
from torch import Tensor, nn

IGNORE = -100  # target id of padding: no loss there


class OneHot(nn.Module):
    """The lecture's input layer: token id -> one-hot vector x_t."""

    def __init__(self, size: int):
        super().__init__()
        self.size = size

    def forward(self, ids: Tensor) -> Tensor:
        return F.one_hot(ids, self.size).float()


def embedding(vocab_size: int, embed_size: int) -> nn.Module:
    return nn.Embedding(vocab_size, embed_size, padding_idx=0) if embed_size else OneHot(vocab_size)


def drop_words(ids: Tensor, p: float, training: bool, unk_id: int = 1) -> Tensor:
    """Replace real tokens by <unk> with probability p while training (teaches the model unknown words)."""
    if not training or p == 0:
        return ids
    drop = (torch.rand(ids.shape, device=ids.device) < p) & (ids > unk_id)
    return ids.masked_fill(drop, unk_id)


def cross_entropy(logits: Tensor, targets: Tensor | None) -> Tensor | None:
    if targets is None:
        return None
    return F.cross_entropy(logits.reshape(-1, logits.size(-1)), targets.reshape(-1), ignore_index=IGNORE)
