"""Sampling from a language model, one token at a time, carrying the recurrent state (O(1) per token)."""
from collections.abc import Iterator

import torch

from .errors import DataError
from .vocab import Vocab, tokenize


@torch.no_grad()
def sample(model, vocab: Vocab, prime: str = "", length: int = 200, temperature: float = 1.0,
           top_k: int | None = None, generator: torch.Generator | None = None) -> Iterator[str]:
    """Yield `length` new tokens after `prime`. Randomness comes only from `generator` (a CPU one)."""
    if temperature <= 0:
        raise DataError("temperature must be above 0")
    kind = model.cfg.tokenizer
    tokens = tokenize(prime, kind)
    unknown = vocab.unknown(tokens) if not vocab.specials else []
    if unknown:
        raise DataError(f"the model never saw {', '.join(map(repr, unknown[:10]))}: leave them out of the priming text")
    generator = generator or torch.Generator().manual_seed(0)
    if not tokens:  # nothing to start from: begin at a line break, or at a random token
        start = "\n" if "\n" in vocab else vocab.itos[int(torch.randint(len(vocab), (1,), generator=generator))]
        tokens = [start]
    model.eval()
    device = next(model.parameters()).device
    ids = torch.tensor([vocab.encode(tokens)], device=device)  # (1, T)
    logits, state = model.step(ids)  # the whole prime at once
    banned = [vocab.pad_id, vocab.unk_id] if vocab.specials else []
    for _ in range(length):
        logits = logits[0, -1].float().cpu() / temperature  # (V,)
        logits[banned] = float("-inf")
        if top_k:
            kth = torch.topk(logits, min(top_k, logits.numel())).values[-1]
            logits[logits < kth] = float("-inf")
        token = int(torch.multinomial(torch.softmax(logits, -1), 1, generator=generator))
        yield vocab.itos[token] if kind == "char" else " " + vocab.itos[token]
        logits, state = model.step(torch.tensor([[token]], device=device), state)  # (1, 1) -> one step
