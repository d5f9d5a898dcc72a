"""Sampling from a language model, one token at a time, carrying the recurrent state (O(1) per token)."""
from collections.abc import Callable, Iterator

import torch
from torch import Tensor

from core.errors import DataError
from core.text.vocab import Vocab, tokenize

TABLE_LIMIT = 2 ** 20  # vocabulary size × hidden units up to which each token's first-layer input is looked up


@torch.no_grad()
def sample(model, vocab: Vocab, prime: str = "", length: int = 200, temperature: float = 1.0,
           top_k: int | None = None, generator: torch.Generator | None = None, *,
           fused: bool = False) -> Iterator[str]:
    """Yield `length` new tokens after `prime`. Randomness comes only from `generator` (a CPU one).
    The prime goes through the fused kernel at once; each new token through the cells' step equations
    (`fused=True`: through the fused kernel one step at a time, the slower reference it is tested against)."""
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
    advance = (fused_steps if fused else cell_steps)(model, state)
    logits = logits[0, -1]  # (V,)
    banned = [vocab.pad_id, vocab.unk_id] if vocab.specials else []
    for _ in range(length):
        token = choose(logits, temperature, top_k, banned, generator)
        yield vocab.itos[token] if kind == "char" else " " + vocab.itos[token]
        logits = advance(torch.tensor([token], device=device))  # (1,) -> (V,)


def choose(logits: Tensor, temperature: float, top_k: int | None, banned: list[int],
           generator: torch.Generator) -> int:
    """One token id drawn from logits (V,) at `temperature`, among the top_k, never a banned one."""
    logits = logits.float().cpu() / temperature  # (V,)
    if banned:
        logits[banned] = float("-inf")
    if top_k:
        kth = torch.topk(logits, min(top_k, logits.numel())).values[-1]
        logits[logits < kth] = float("-inf")
    return int(torch.multinomial(torch.softmax(logits, -1), 1, generator=generator))


def cell_steps(model, state) -> Callable[[Tensor], Tensor]:
    """The language model's step (embedding -> recurrent layers -> head) for one token (1,) -> logits (V,),
    carrying `state`: the cells' step equations from the same weights, without the fused kernel's
    per-call overhead, which is most of the time of a one-step call (eval: no dropout). The first layer's
    input share W_ih x + b_ih of every token is computed once, for a small vocabulary."""
    cells = model.rnn.stepper(state)
    vocab = torch.arange(model.cfg.vocab_size, device=next(model.parameters()).device)  # (V,)
    if vocab.numel() * model.rnn.hidden_size <= TABLE_LIMIT:  # each token's first-layer input share, once
        table = cells.input_share(model.embed(vocab))  # (V, G*H)
        return lambda token: model.head(cells(table[token]))[0]
    return lambda token: model.head(cells(cells.input_share(model.embed(token))))[0]


def fused_steps(model, state) -> Callable[[Tensor], Tensor]:
    """The same as cell_steps through model.step, the fused kernel, one step at a time."""
    def advance(token: Tensor) -> Tensor:
        nonlocal state
        logits, state = model.step(token[None], state)  # (1, 1) -> (1, 1, V)
        return logits[0, -1]
    return advance
