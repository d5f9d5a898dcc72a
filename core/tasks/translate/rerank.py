"""Retrieve and rerank: a chatbot's reply chosen among candidates, the way practical chatbots put retrieval and
a neural model together (Weston et al. 2018, "Retrieve and Refine").

Candidates for a question: the answers of the k training questions nearest to it (TF-IDF over character
n-grams, `core.tasks.translate.retrieve.Memory`: these come from the training data, word for word), and the model's own
replies (greedy and beam search: written by the RNN). The seq2seq scores each candidate by its log probability
per token given the question (teacher forcing, every candidate of a batch in one pass: cheap), and

    score = log p(reply | question) / (tokens + 1)  -  mmi * log p(reply | no question) / (tokens + 1)
            +  weight * similarity

where `similarity` is the TF-IDF cosine of the question to the training question the answer came from (0 for
a generated reply: it has none), and the `mmi` term (Li et al. 2016's anti-language-model, maximum mutual
information) takes off what the model would give the reply for any question: stock replies score high for
every question. At temperature 0 the best score wins; above, the reply is drawn with
p ~ exp(score / temperature), so asking again can give another reply.

    out = rerank(task, bundle, ["배고파"], k=10, weight=1.0, temperature=0.0)
    out[0].tokens, out[0].candidates[out[0].chosen]  # a `search.Decoded` with the candidates beside it
"""
from dataclasses import dataclass, field

import torch

from core.decoding import search
from core.errors import DataError
from core.nn.layers import IGNORE
from core.readers.pairs import Pair
from core.tasks.translate.seq2seq import BOS, EOS

GENERATED = ("greedy", "beam")  # the model's own replies among the candidates


@dataclass
class Candidate:
    text: str
    tokens: list[int]  # the reply's target ids (without </s>)
    origin: str  # "retrieved" (a training answer), or "greedy" / "beam" (written by the model)
    similarity: float  # retrieved: TF-IDF cosine of the question to `question`; generated: 0
    question: str  # retrieved: the training question whose answer this is; generated: ""
    written_by: list[str] = field(default_factory=list)  # the decodings of the model that wrote this reply too
    logprob: float = 0.0  # the model's log p of the reply and </s>, per token
    prior: float = 0.0  # the same given an empty question (<unk>): how likely the reply is whatever is asked
    score: float = 0.0  # logprob - mmi * prior + weight * similarity
    probability: float = 0.0  # of being chosen (1 for the best at temperature 0)


@dataclass
class Reranked(search.Decoded):
    candidates: list[Candidate] = field(default_factory=list)  # best score first
    chosen: int = 0  # the index of the reply among `candidates`


def memory_of(bundle):
    memory = getattr(bundle, "memory", None)
    if memory is None:
        raise DataError("this model keeps no retrieval memory, so it cannot rerank: train it with --decoding "
                        "rerank (it keeps its training pairs), or decode with greedy, beam or sample")
    return memory


def candidates(task, bundle, texts: list[str], k: int, generated=GENERATED, batch_size: int = 256,
               priors: bool = True) -> list[list[Candidate]]:
    """Each text's candidates, scored by the model (logprob), without the weight's share yet. A generated reply
    that is also a retrieved answer is kept once, as retrieved (its `written_by` says which decoding wrote it)."""
    out = []
    for text, hits in zip(texts, memory_of(bundle).nearest(texts, k)):
        out.append([Candidate(h.answer, task.target_ids(bundle, h.answer), "retrieved", h.similarity, h.question)
                    for h in hits])
    for how in generated:
        for cands, d in zip(out, task.decode(bundle, texts, decoding=how)):
            text = task.text(bundle, d.tokens)
            same = next((c for c in cands if c.text == text), None)
            if same is not None:
                same.written_by.append(how)
            elif text:
                cands.append(Candidate(text, d.tokens, how, 0.0, "", [how]))
    flat = [(text, c) for text, cands in zip(texts, out) for c in cands]
    for start in range(0, len(flat), batch_size):
        part = flat[start:start + batch_size]
        for (_, c), lp in zip(part, logprobs(task, bundle, [Pair(t, c.text) for t, c in part])):
            c.logprob = lp
        if priors:
            for (_, c), lp in zip(part, logprobs(task, bundle, [Pair("", c.text) for _, c in part])):
                c.prior = lp
    return out


def logprobs(task, bundle, pairs: list[Pair]) -> list[float]:
    """Teacher-forced log p(target | source) per target token (and </s>), one pass over the batch."""
    batch = {k: v.to(bundle.device) for k, v in task.tensors(bundle, pairs).items()}
    with torch.no_grad():
        logits, _ = bundle.model(batch["ids"], lengths=batch["lengths"], inputs=batch["inputs"])  # (B, T, V)
    targets = batch["targets"]  # (B, T), IGNORE on padding
    real = targets != IGNORE
    logp = torch.log_softmax(logits.float(), -1).gather(2, targets.clamp(min=0)[..., None])[..., 0]  # (B, T)
    return ((logp * real).sum(1) / real.sum(1)).tolist()


def choose(cands: list[Candidate], weight: float, temperature: float, mmi: float = 0.0) -> list[Candidate]:
    """The candidates scored and sorted best first, each with its probability of being the reply."""
    for c in cands:
        c.score = c.logprob - mmi * c.prior + weight * c.similarity
    cands = sorted(cands, key=lambda c: -c.score)
    scores = torch.tensor([c.score for c in cands], dtype=torch.float64)
    probs = torch.softmax(scores / temperature, 0) if temperature > 0 else (scores == scores[0]).double()
    for c, p in zip(cands, (probs / probs.sum()).tolist()):
        c.probability = p
    return cands


def draw(cands: list[Candidate], temperature: float, generator: torch.Generator | None = None) -> int:
    """The index of the reply among `choose`'s sorted candidates: the best at temperature 0, else drawn."""
    if temperature <= 0 or len(cands) < 2:
        return 0
    probs = torch.tensor([c.probability for c in cands], dtype=torch.float64)
    return int(torch.multinomial(probs, 1, generator=generator or torch.Generator().manual_seed(0)))


def rerank(task, bundle, texts: list[str], k: int, weight: float, temperature: float,
           generator: torch.Generator | None = None, record_k: int = 0, generated=GENERATED,
           mmi: float = 0.0) -> list[Reranked]:
    """Each text's reply (non-empty texts) with its candidates; with record_k, the steps of writing the reply
    (teacher forcing: each step's top candidates, attention and hidden state), as greedy decoding records."""
    if not texts:
        return []
    generator = generator or torch.Generator().manual_seed(0)
    out = []
    for cands in candidates(task, bundle, texts, k, generated, priors=mmi > 0):
        cands = choose(cands, weight, temperature, mmi)
        i = draw(cands, temperature, generator)
        c = cands[i]
        out.append(Reranked(c.tokens, c.logprob * (len(c.tokens) + 1), True, candidates=cands, chosen=i))
    if record_k:
        for r, d in zip(out, replay_steps(task, bundle, texts, [r.tokens for r in out], record_k)):
            r.steps = d.steps
    return out


def replay_steps(task, bundle, texts: list[str], replies: list[list[int]], record_k: int) -> list[search.Decoded]:
    """The steps that write each reply and </s>, as `search.replay` records them."""
    labels = bundle.labels
    sources = [task.source(bundle, t).ids for t in texts]
    ids = torch.nn.utils.rnn.pad_sequence([torch.tensor(s) for s in sources], batch_first=True).to(bundle.device)
    with torch.no_grad():
        enc = bundle.model.encode(ids, torch.tensor([len(s) for s in sources]))
    memory = None if bundle.cfg.attention == "none" else enc.memory
    return search.replay(bundle.model.decoder, replies, enc.state, memory, enc.mask, bos=labels.stoi[BOS],
                         eos=labels.stoi[EOS], record_k=record_k)
