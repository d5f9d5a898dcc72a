"""Decoding: from a decoder's one-step function to output tokens, with a record of every step.

Works for any `decoder` with a method
    step(token (B,), state, memory, mask, prepared) -> (logits (B, V), state, weights (B, S), hidden (B, H))
(and, optionally, `prepare(memory) -> prepared`, computed once per source), as `core.nn.decoder.Decoder` has.
`state` is whatever the decoder carries (a tensor (L, B, H) or a tuple of them: the batch is dimension 1);
`memory` (B, S, K) and `mask` (B, S) are passed through unchanged (either may be None). Each new token costs
one `step`: the state is carried, never recomputed from the prefix.

    from core.decoding import search
    out = search.greedy(decoder, state, memory, mask, bos=2, eos=3, max_len=40, banned=(0, 1, 2))
    out = search.beam_search(decoder, state, memory, mask, bos=2, eos=3, beam_size=5, alpha=0.6)
    out = search.sample(decoder, state, memory, mask, bos=2, eos=3, temperature=0.8, top_k=20,
                        generator=torch.Generator().manual_seed(0))
    # each returns a list with one `Decoded` per example of the batch:
    out[0].tokens    # the output ids, without bos and eos
    out[0].steps[t]  # a `Step`: the token kept at step t, the top candidates with their probabilities,
                     # the attention weights over the memory (S,) and the decoder's top hidden state (H,)
    out[0].beams[t]  # beam search only: the hypotheses kept at step t (`Hypothesis`), best first
    out[0].winner    # beam search only: the hypothesis that won

Scores are log probabilities under the model (logits, log-softmax; `banned` ids never come out and get
probability 0, without renormalising). Beam search ranks finished hypotheses by log p / lp(n), the length
penalty of Wu et al. (2016): lp(n) = ((5 + n) / 6) ** alpha over n tokens including eos (alpha 0: raw log p).
Its result is the best of its finished hypotheses and the greedy one, so a wider beam never scores lower
than greedy by that measure; a beam of 1 is greedy. `replay` records the same steps for given tokens
(teacher forcing, one step at a time): beam search uses it for the winner's steps.

All on the decoder's device; randomness only from `generator` (a CPU `torch.Generator`, never the global
seed). Call under `torch.no_grad()` or not: these functions turn gradients off themselves.
"""
from collections.abc import Sequence
from dataclasses import dataclass, field

import torch
from torch import Tensor


@dataclass
class Step:
    token: int  # the token kept at this step (eos at the last step of a finished output)
    candidates: list[tuple[int, float]]  # the top candidates (id, probability), most probable first
    attention: Tensor  # (S,) where the decoder looked (zeros without attention), CPU float
    hidden: Tensor  # (H,) the decoder's top-layer hidden state at this step, CPU float


@dataclass
class Hypothesis:
    tokens: list[int]  # the output so far (with eos at the end when finished)
    logprob: float  # sum of the tokens' log probabilities
    score: float  # logprob / lp(len(tokens)): what beam search ranks by
    finished: bool  # ended with eos
    parent: int = -1  # its prefix's place in the previous step's list of kept hypotheses (-1: none)
    from_greedy: bool = False  # the greedy output, competing with the beam's at the end


@dataclass
class Decoded:
    tokens: list[int]  # without bos and eos
    logprob: float  # sum over the tokens, and eos when finished
    finished: bool  # ended with eos before max_len
    steps: list[Step] = field(default_factory=list)
    beams: list[list[Hypothesis]] | None = None  # beam search: each step's kept hypotheses, best first
    winner: Hypothesis | None = None  # beam search: the one chosen

    def score(self, alpha: float = 0.0) -> float:
        """The length-normalised log probability that beam search ranks by."""
        return self.logprob / length_penalty(len(self.tokens) + self.finished, alpha)


def length_penalty(n: int, alpha: float) -> float:
    return ((5 + n) / 6) ** alpha


def index_state(state, index: Tensor):
    """The state of the batch rows `index` (the batch is dimension 1 of each tensor)."""
    if state is None:
        return None
    if isinstance(state, tuple):
        return tuple(index_state(s, index) for s in state)
    return state.index_select(1, index.to(state.device))


def _rows(x: Tensor | None, index: Tensor) -> Tensor | None:
    return None if x is None else x.index_select(0, index.to(x.device))


def _prepare(decoder, memory):
    prepare = getattr(decoder, "prepare", None)
    return prepare(memory) if prepare is not None and memory is not None else None


def _log_probs(logits: Tensor, banned: Sequence[int]) -> Tensor:
    logp = torch.log_softmax(logits.float(), -1)  # (B, V)
    if banned:
        logp[:, list(banned)] = float("-inf")
    return logp


def _batch_size(state, memory) -> int:
    if memory is not None:
        return memory.size(0)
    return (state[0] if isinstance(state, tuple) else state).size(1)


def _device(decoder) -> torch.device:
    return next(decoder.parameters()).device


@torch.no_grad()
def _run(decoder, state, memory, mask, bos: int, eos: int, max_len: int, choose, record_k: int,
         forced: list[list[int]] | None = None) -> list[Decoded]:
    """The loop greedy, sample and replay share. `choose(logp (B, V)) -> (tokens (B,), probs (B, V))`
    picks the next tokens and says which distribution they came from (recorded as candidates)."""
    B = _batch_size(state, memory)
    device = _device(decoder)
    prepared = _prepare(decoder, memory)
    token = torch.full((B,), bos, dtype=torch.long, device=device)
    out = [Decoded([], 0.0, False) for _ in range(B)]
    done = [False] * B
    for t in range(max_len):
        logits, state, weights, hidden = decoder.step(token, state, memory, mask, prepared)
        token, logp, probs = choose(logits, t)
        top = torch.topk(probs, min(record_k, probs.size(-1)))
        top_p, top_i = top.values.tolist(), top.indices.tolist()
        chosen = token.tolist()
        gained = logp.gather(1, token[:, None])[:, 0].tolist()
        weights, hidden = weights.float().cpu(), hidden.float().cpu()
        for b in range(B):
            if done[b]:
                continue
            d = out[b]
            d.steps.append(Step(chosen[b], list(zip(top_i[b], top_p[b])), weights[b], hidden[b]))
            d.logprob += gained[b]
            if chosen[b] == eos:
                d.finished = done[b] = True
            else:
                d.tokens.append(chosen[b])
            if forced is not None and len(d.steps) == len(forced[b]):
                done[b] = True
        if all(done):
            break
    return out


def greedy(decoder, state, memory, mask, *, bos: int, eos: int, max_len: int = 50,
           banned: Sequence[int] = (), record_k: int = 5) -> list[Decoded]:
    """The most probable token at every step, for every example of the batch."""
    def choose(logits, t):
        logp = _log_probs(logits, banned)
        return logp.argmax(-1), logp, logp.exp()

    return _run(decoder, state, memory, mask, bos, eos, max_len, choose, record_k)


def sample(decoder, state, memory, mask, *, bos: int, eos: int, max_len: int = 50, banned: Sequence[int] = (),
           temperature: float = 1.0, top_k: int | None = None, generator: torch.Generator | None = None,
           record_k: int = 5) -> list[Decoded]:
    """Draw each token from softmax(logits / temperature), kept to the top_k most probable (None: all).
    The candidates recorded are that distribution's; `logprob` is the model's own (temperature 1)."""
    if not temperature > 0:
        raise ValueError(f"temperature must be above 0, not {temperature}")
    generator = generator or torch.Generator().manual_seed(0)

    def choose(logits, t):
        logp = _log_probs(logits, banned)
        scaled = logp / temperature  # (B, V); banned stay -inf
        if top_k:
            kth = torch.topk(scaled, min(top_k, scaled.size(-1))).values[:, -1:]  # (B, 1)
            scaled = scaled.masked_fill(scaled < kth, float("-inf"))
        probs = torch.softmax(scaled, -1)
        token = torch.multinomial(probs.cpu(), 1, generator=generator)[:, 0].to(logits.device)
        return token, logp, probs

    return _run(decoder, state, memory, mask, bos, eos, max_len, choose, record_k)


def replay(decoder, tokens: list[list[int]], state, memory, mask, *, bos: int, eos: int | None = None,
           record_k: int = 5) -> list[Decoded]:
    """The steps that write the given outputs (teacher forcing, one step at a time), with eos after each
    when `eos` is given: the same records as greedy's, and each output's log probability under the model."""
    ends = [list(t) + ([eos] if eos is not None else []) for t in tokens]
    width = max(1, max(len(e) for e in ends))
    padded = torch.tensor([e + [0] * (width - len(e)) for e in ends], dtype=torch.long)  # (B, T)
    if not any(ends):
        return [Decoded([], 0.0, False) for _ in ends]

    def choose(logits, t):
        logp = torch.log_softmax(logits.float(), -1)
        return padded[:, t].to(logits.device), logp, logp.exp()

    out = _run(decoder, state, memory, mask, bos, -1 if eos is None else eos, width, choose, record_k,
               forced=ends)
    for d, e in zip(out, ends):
        if not e:
            d.steps, d.logprob, d.tokens = [], 0.0, []
    return out


@torch.no_grad()
def beam_search(decoder, state, memory, mask, *, bos: int, eos: int, max_len: int = 50,
                banned: Sequence[int] = (), beam_size: int = 5, alpha: float = 0.6,
                record_k: int = 5) -> list[Decoded]:
    """Keep the beam_size best prefixes of each example at every step (by log probability); an eos among the
    step's beam_size best candidates finishes a hypothesis. An example is done when beam_size of its
    hypotheses have finished (or at max_len, where the live ones compete unfinished). The whole batch runs
    together: one `step` over every example's live hypotheses per output position."""
    if beam_size < 1:
        raise ValueError(f"beam_size must be at least 1, not {beam_size}")
    B = _batch_size(state, memory)
    device = _device(decoder)
    greedy_out = greedy(decoder, state, memory, mask, bos=bos, eos=eos, max_len=max_len, banned=banned,
                        record_k=0)
    prepared = _prepare(decoder, memory)
    start = state
    live = [[Hypothesis([], 0.0, 0.0, False)] for _ in range(B)]  # each example's live hypotheses
    finished = [[] for _ in range(B)]
    beams = [[] for _ in range(B)]
    done = [False] * B
    example = torch.arange(B)  # the example of each row of the state
    token = torch.full((B,), bos, dtype=torch.long, device=device)
    for _ in range(max_len):
        rows = example.to(device)
        logits, state, _, _ = decoder.step(token, state, _rows(memory, rows), _rows(mask, rows),
                                           _rows(prepared, rows))
        logp = _log_probs(logits, banned)  # (R, V), R rows: the live hypotheses of the examples not done
        V = logp.size(-1)
        scores = torch.tensor([h.logprob for b in range(B) if not done[b] for h in live[b]], device=logp.device)
        total = scores[:, None] + logp  # (R, V)
        keep_rows, keep_tokens, keep_examples, r = [], [], [], 0
        for b in range(B):
            if done[b]:
                continue
            n = len(live[b])
            block = total[r:r + n].flatten()  # (n * V,)
            values, flat = block.topk(min(2 * beam_size, block.numel()))
            kept, step_finished = [], []
            for rank, (value, index) in enumerate(zip(values.tolist(), flat.tolist())):
                if value == float("-inf"):
                    break
                parent, tok = divmod(index, V)
                tokens = live[b][parent].tokens + [tok]
                hyp = Hypothesis(tokens, value, value / length_penalty(len(tokens), alpha), tok == eos, parent)
                if hyp.finished:
                    if rank < beam_size:
                        step_finished.append(hyp)
                    continue
                kept.append(hyp)
                if len(kept) == beam_size:
                    break
            finished[b] += step_finished
            beams[b].append(sorted(step_finished + kept, key=lambda h: -h.score))
            if len(finished[b]) >= beam_size or not kept:
                done[b], live[b] = True, []
            else:
                live[b] = kept
                keep_rows += [r + h.parent for h in kept]
                keep_tokens += [h.tokens[-1] for h in kept]
                keep_examples += [b] * len(kept)
            r += n
        if all(done):
            break
        state = index_state(state, torch.tensor(keep_rows))
        token = torch.tensor(keep_tokens, device=device)
        example = torch.tensor(keep_examples)
    winners = []
    for b in range(B):
        g = greedy_out[b]
        greedy_hyp = Hypothesis(g.tokens + ([eos] if g.finished else []), g.logprob, g.score(alpha), g.finished,
                                from_greedy=True)
        winners.append(max(finished[b] + live[b] + [greedy_hyp], key=lambda h: h.score))  # live: cut at max_len
    outputs = [w.tokens[:-1] if w.finished else w.tokens for w in winners]
    results = []
    for b, w in enumerate(winners):  # replay the winners for their records (eos only after the finished ones)
        one = torch.tensor([b])
        steps = replay(decoder, [outputs[b]], index_state(start, one), _rows(memory, one), _rows(mask, one),
                       bos=bos, eos=eos if w.finished else None, record_k=record_k)[0].steps if record_k else []
        results.append(Decoded(outputs[b], w.logprob, w.finished, steps, beams[b], w))
    return results
