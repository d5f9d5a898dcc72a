"""`Seq2SeqEnsemble`: K sequence-to-sequence models of the same shape, trained apart (other seeds), as one
model whose next-token distribution is the members' normalised geometric mean (a product of experts, as
Marian and Nematus combine an ensemble): each member reads the source and carries its own state, and at
every step log p(y_t) = log_softmax(mean_k log p_k(y_t)). Measured against the arithmetic mean of the
probabilities (fairseq's), on an inner split of the Tatoeba pairs with two members each and the channel
rescoring (`benchmarks/translate_channel.py`, best setting of each): English -> Korean chrF 19.95 against
18.65, Korean -> English BLEU 17.34 against 17.22. To everything else it is a `core.tasks.translate.seq2seq.Seq2Seq`: the same
`encode`, `decoder.step` (so `core.decoding.search` decodes it unchanged, beam search included), `forward` and
`trace`, in one .safetensors file (cfg.members = K).

A file may also keep models of the other direction (cfg.reverse_members, `reverse`: target -> source, in this
model's own token ids), which never write: decoding "channel" (`core.tasks.translate.channel`) asks them how well each of
the beam's hypotheses explains the source.

The members' memories, masks and states travel side by side along their last dimension (memory
(B, S, K*M), state (L, B, K*H)), so the search's row selection over the batch works on them as on one
model's. A step's attention weights are the members' mean (they still sum to 1 over the source); its hidden
state is the members' side by side (B, K*H). `trace` gives the first member's hidden states and gates.

    python -m core ensemble --out MODEL.safetensors MEMBER.safetensors... [--valid PAIRS] [--half]
"""
import dataclasses

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from core.config import ModelConfig
from core.errors import RNNLabError
from core.nn.layers import IGNORE
from core.nn.rnn import State, Trace
from core.tasks.base import Bundle
from core.tasks.translate.seq2seq import BOS, EOS, Encoded, Seq2Seq

SAME = ("task", "cell", "tokenizer", "target_tokenizer", "vocab_size", "num_labels", "embed_size", "hidden_size",
        "num_layers", "bidirectional", "attention")


class Seq2SeqEnsemble(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.cfg = cfg
        one = dataclasses.replace(cfg, members=1)
        self.members = nn.ModuleList(Seq2Seq(one) for _ in range(cfg.members))
        self.reverse = Seq2SeqEnsemble(reverse_config(cfg)) if cfg.reverse_members else None

    @property
    def decoder(self) -> "Decoders":
        return Decoders(self.members)

    def encode(self, ids: Tensor, lengths: Tensor | None = None) -> Encoded:
        """ids (B, S) -> every member's memory (B, S, K*M), the mask (B, S), the states (L, B, K*H)."""
        encoded = [m.encode(ids, lengths) for m in self.members]
        return Encoded(torch.cat([e.memory for e in encoded], -1), encoded[0].mask,
                       _join([e.state for e in encoded]))

    def forward(self, ids: Tensor, targets: Tensor | None = None, lengths: Tensor | None = None,
                inputs: Tensor | None = None) -> tuple[Tensor, Tensor | None]:
        """As Seq2Seq's; the logits are the ensemble's log probabilities (B, T, V), the loss its cross-entropy."""
        logp = _mean([m(ids, lengths=lengths, inputs=inputs)[0] for m in self.members])  # (B, T, V)
        loss = None if targets is None else F.nll_loss(logp.reshape(-1, logp.size(-1)), targets.reshape(-1),
                                                       ignore_index=IGNORE)
        return logp, loss

    def trace(self, ids: Tensor, inputs: Tensor, lengths: Tensor | None = None
              ) -> tuple[Tensor, Tensor, Trace, Trace]:
        """As Seq2Seq's: the ensemble's log probabilities and mean attention, the first member's Traces."""
        traced = [m.trace(ids, inputs, lengths) for m in self.members]
        attention = torch.stack([t[1] for t in traced]).mean(0)  # (B, T, S)
        return _mean([t[0] for t in traced]), attention, traced[0][2], traced[0][3]


def reverse_config(cfg: ModelConfig) -> ModelConfig:
    """The settings of the reverse models: they read this model's targets (its label ids) and write its sources
    (its source ids, then <s> and </s> as the ids vocab_size and vocab_size + 1)."""
    return dataclasses.replace(cfg, tokenizer=cfg.target_tokenizer, target_tokenizer=cfg.tokenizer,
                               vocab_size=cfg.num_labels, num_labels=cfg.vocab_size + 2,
                               members=cfg.reverse_members, reverse_members=0)


class Decoders:
    """The members' decoders as one `core.decoding.search` decoder (made on the fly: the weights are the members')."""

    def __init__(self, members: nn.ModuleList):
        self.members = members
        self.parts = [m.decoder for m in members]

    def parameters(self):
        return self.members.parameters()

    def prepare(self, memory: Tensor | None) -> Tensor | None:
        prepared = [d.prepare(m) for d, m in zip(self.parts, _split(memory, len(self.parts)))]
        return None if any(p is None for p in prepared) else torch.cat(prepared, -1)

    def step(self, token: Tensor, state: State, memory: Tensor | None, mask: Tensor | None = None,
             prepared: Tensor | None = None) -> tuple[Tensor, State, Tensor, Tensor]:
        K = len(self.parts)
        out = [d.step(token, s, m, mask, p) for d, s, m, p in
               zip(self.parts, _split_state(state, K), _split(memory, K), _split(prepared, K))]
        logp = _mean([o[0] for o in out])  # (B, V)
        weights = torch.stack([o[2] for o in out]).mean(0)  # (B, S)
        return logp, _join([o[1] for o in out]), weights, torch.cat([o[3] for o in out], -1)


def pack(members: list, reverse: list = ()) -> "Bundle":  # noqa: F821 (core.tasks.Bundle)
    """One translator (or chatbot) whose distribution is the members' geometric mean: `members` are Bundles of
    Seq2Seq models trained with the same settings on the same data, only the seed different. `reverse`: models
    of the other direction (the same settings, the columns swapped), kept for decoding "channel"."""

    first = members[0]
    cfg = first.cfg
    for b in [*members, *reverse]:
        if b.cfg.task != "translate" or isinstance(b.model, Seq2SeqEnsemble):
            raise RNNLabError("only sequence-to-sequence models (not ensembles) can be packed this way")
    for b in members:
        if any(getattr(b.cfg, f) != getattr(cfg, f) for f in SAME) or set(b.vocab.itos) != set(first.vocab.itos) \
                or set(b.labels.itos) != set(first.labels.itos):
            raise RNNLabError("the members differ in shape or vocabulary: train them with the same settings on "
                              "the same data (only the seed may differ)")
    ensemble = Seq2SeqEnsemble(dataclasses.replace(cfg, members=len(members), reverse_members=len(reverse))).eval()
    for part, b in zip(ensemble.members, members):
        part.load_state_dict(_reordered(b, first.vocab.itos, first.labels.itos))
    for part, b in zip(ensemble.reverse.members if reverse else (), reverse):
        if any(getattr(b.cfg, f) != getattr(ensemble.reverse.cfg, f) for f in SAME
               if f not in ("vocab_size", "num_labels")):
            raise RNNLabError("the reverse models must have the members' settings, with source and target swapped")
        if _shared(b.vocab.itos, first.labels.itos) < 0.9 or _shared(b.labels.itos, first.vocab.itos) < 0.9:
            raise RNNLabError("the reverse models do not know the members' words: train them on the same pairs, "
                              "the columns swapped")
        part.load_state_dict(_reordered(b, first.labels.itos, [*first.vocab.itos, BOS, EOS]))
    models = [*members, *reverse]
    info = {"ensemble": [b.info for b in members], "reverse": [b.info for b in reverse],
            "device": first.info.get("device"), "minutes": round(sum(b.info.get("minutes", 0) for b in models), 3)}
    return Bundle(ensemble, first.vocab, first.labels, info=info, memory=first.memory)


def _shared(known: list[str], wanted: list[str]) -> float:
    """The share of `wanted`'s tokens (but <s> and </s>) that `known` has."""
    known, wanted = set(known), [t for t in wanted if t not in (BOS, EOS)]
    return sum(t in known for t in wanted) / max(1, len(wanted))


def _reordered(bundle, vocab: list[str], labels: list[str]) -> dict:
    """A model's weights with its vocabularies' rows in the order of `vocab` and `labels` (a member's: the same
    tokens, for ties in frequency are ordered as the training data came, which the seed shuffles; a reverse
    model's: the members' labels and sources, a token it lacks read as its <unk>)."""
    state = dict(bundle.model.state_dict())
    source = torch.tensor([bundle.vocab.stoi.get(t, bundle.vocab.unk_id) for t in vocab])  # (V,) its row of each
    target = torch.tensor([bundle.labels.stoi.get(t, bundle.labels.unk_id) for t in labels])
    state["embed.weight"] = state["embed.weight"][source]
    for key in ("decoder.embed.weight", "decoder.out.weight", "decoder.out.bias"):
        state[key] = state[key][target]
    return state


def _mean(logits: list[Tensor]) -> Tensor:
    """The log of the members' normalised geometric mean distribution (over the last dimension)."""
    logp = torch.stack([torch.log_softmax(x.float(), -1) for x in logits])  # (K, ..., V)
    return torch.log_softmax(logp.mean(0), -1)


def _split(x: Tensor | None, K: int) -> list[Tensor | None]:
    return [None] * K if x is None else list(x.chunk(K, -1))


def _split_state(state: State, K: int) -> list[State]:
    if isinstance(state, tuple):
        return list(zip(*(s.chunk(K, -1) for s in state)))
    return list(state.chunk(K, -1))


def _join(states: list[State]) -> State:
    if isinstance(states[0], tuple):
        return tuple(torch.cat(parts, -1) for parts in zip(*states))
    return torch.cat(states, -1)
