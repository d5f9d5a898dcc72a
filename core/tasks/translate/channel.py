"""Noisy-channel reranking of the beam (Yee et al. 2019, "Simple and Effective Noisy Channel Modeling for
Neural Machine Translation", without their language model): beam search writes the forward model's n-best,
and the file's models of the other direction (`Seq2SeqEnsemble.reverse`) say how well each hypothesis y
explains the source x:

    score(y) = log p(y | x) / lp(|y|)  +  weight * log p(x | y) / (|x| + 1)

lp is beam search's length penalty (`core.decoding.search`, with the same alpha). A fluent hypothesis that drops or
invents content explains the source badly, so the second term pulls it down.

    out = rescore(task, bundle, ["여기서 시작해."], beam_size=10, alpha=1.0, weight=1.0)
    out[0].tokens, out[0].nbest  # a `search.Decoded` (with the beam) and its hypotheses, best score first
"""
from dataclasses import dataclass, field

import torch
from torch.nn.utils.rnn import pad_sequence

from core.decoding import search
from core.errors import DataError
from core.tasks.translate.rerank import replay_steps


@dataclass
class Scored:
    hypothesis: search.Hypothesis  # as the beam kept it
    backward: float  # log p(x | y) per source token (and </s>), under the reverse models
    score: float  # forward + weight * backward

    @property
    def tokens(self) -> list[int]:
        """The hypothesis without </s>."""
        return _without_eos(self.hypothesis)

    @property
    def forward(self) -> float:
        """log p(y | x) / lp(|y|): what beam search ranks by."""
        return self.hypothesis.score


@dataclass
class Rescored(search.Decoded):
    nbest: list[Scored] = field(default_factory=list)  # best score first: nbest[0] is the output


def nbest(d: search.Decoded) -> list[search.Hypothesis]:
    """The hypotheses a beam search finished (at any step) and its winner, each once."""
    found = {}
    for step in d.beams or []:
        for h in step:
            if h.finished:
                found.setdefault(tuple(h.tokens), h)
    if d.winner is not None:
        found.setdefault(tuple(d.winner.tokens), d.winner)
    return list(found.values())


def rescore(task, bundle, texts: list[str], beam_size: int, alpha: float, weight: float, record_k: int = 0,
            batch_size: int = 256) -> list[Rescored]:
    """Each (non-empty) text's output: the beam's hypothesis of the best score, its steps (with record_k)."""
    reverse = getattr(bundle.model, "reverse", None)
    if reverse is None:
        raise DataError("this model keeps no model of the other direction, so it cannot rescore with one: pack "
                        "it with --reverse (python -m core ensemble), or decode with greedy, beam or sample")
    beams = task.decode(bundle, texts, decoding="beam", beam_size=beam_size, length_alpha=alpha)
    sources = [task.source(bundle, t).ids for t in texts]
    hyps = [(i, h) for i, d in enumerate(beams) for h in nbest(d)]
    backward = []
    for start in range(0, len(hyps), batch_size):
        part = hyps[start:start + batch_size]
        backward += _backward(bundle, [_without_eos(h) or [bundle.labels.unk_id] for _, h in part],
                              [sources[i] for i, _ in part])
    out = [Rescored([], 0.0, False) for _ in texts]
    for (i, h), back in zip(hyps, backward):
        out[i].nbest.append(Scored(h, back, h.score + weight * back))
    for r, d in zip(out, beams):
        r.nbest.sort(key=lambda s: -s.score)
        best = r.nbest[0].hypothesis
        r.tokens, r.logprob, r.finished = _without_eos(best), best.logprob, best.finished
        r.beams, r.winner = d.beams, best
    if record_k:
        for r, d in zip(out, replay_steps(task, bundle, texts, [r.tokens for r in out], record_k)):
            r.steps = d.steps
    return out


def _without_eos(h: search.Hypothesis) -> list[int]:
    return h.tokens[:-1] if h.finished else h.tokens


def _backward(bundle, hypotheses: list[list[int]], sources: list[list[int]]) -> list[float]:
    """log p(source | hypothesis) per source token and </s> under the reverse models, one pass."""
    V = bundle.cfg.vocab_size  # the reverse models write <s> and </s> as V and V + 1
    ids = _pad(hypotheses).to(bundle.device)  # (B, S') the hypotheses, in label ids
    inputs = _pad([[V] + s for s in sources]).to(bundle.device)  # (B, T)
    targets = _pad([s + [V + 1] for s in sources], -1).to(bundle.device)  # (B, T), -1 on padding
    with torch.no_grad():
        logp, _ = bundle.model.reverse(ids, lengths=torch.tensor([len(h) for h in hypotheses]), inputs=inputs)
    real = targets >= 0
    gained = logp.gather(2, targets.clamp(min=0)[..., None])[..., 0]  # (B, T)
    return ((gained * real).sum(1) / real.sum(1)).tolist()


def _pad(rows: list[list[int]], value: int = 0) -> torch.Tensor:  # not core.tasks.base.pad: the tasks import us
    return pad_sequence([torch.tensor(r, dtype=torch.long) for r in rows], batch_first=True, padding_value=value)
