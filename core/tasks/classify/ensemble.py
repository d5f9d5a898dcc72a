"""An ensemble of classifiers as one classifier: K models of the same shape, trained apart (other seeds),
packed side by side into one network K times as wide whose weights are block-diagonal, so member k's units
see only member k's inputs and units. Its logits are the mean of the members' logits, exactly, and it is an
ordinary classifier to everything else: one .safetensors file, `trace`, the explanations.

Character and word members together: each tokenizer's members are packed so, and the two groups go into
one `core.tasks.classify.mixture.Mixture` (a character model whose ids also carry the words), again the mean of all.

Translators and chatbots (sequence-to-sequence) are combined step by step instead, the normalised geometric
mean of the members' next-token distributions (`core.tasks.translate.ensemble`): attention cannot be packed
block-diagonally.

    python -m core ensemble --out MODEL.safetensors MEMBER.safetensors... [--valid DATA] [--half]
"""
import dataclasses

import torch

from core.errors import RNNLabError
from core.tasks.base import Bundle
from core.tasks.classify.mixture import MixedVocab, Mixture
from core.tasks.classify.model import CharsAndWords, Classifier

GATES = {"rnn": 1, "gru": 3, "lstm": 4}
SAME = ("task", "cell", "tokenizer", "vocab_size", "num_labels", "embed_size", "hidden_size", "num_layers",
        "bidirectional", "pooling", "word_buckets")


def pack(members: list[Bundle]) -> Bundle:
    """One classifier whose logits are the mean of the members' (of one tokenizer or of both)."""
    if any(b.cfg.task != "classify" or b.cfg.embed_size == 0 or isinstance(b.model, Mixture) for b in members):
        raise RNNLabError("only classifiers with embeddings (not one-hot inputs, not mixtures) can be packed")
    if len({b.cfg.tokenizer for b in members}) > 1:
        return mix(pack([b for b in members if b.cfg.tokenizer == "char"]),
                   pack([b for b in members if b.cfg.tokenizer == "word"]))
    first = members[0]
    cfg = first.cfg
    for b in members[1:]:
        if any(getattr(b.cfg, f) != getattr(cfg, f) for f in SAME) or b.vocab.itos != first.vocab.itos \
                or b.labels.itos != first.labels.itos:
            raise RNNLabError("the members differ in shape, vocabulary or labels: train them with the same "
                              "settings on the same data (only the seed may differ)")
    K, E, H, D = len(members), cfg.embed_size, cfg.hidden_size, 2 if cfg.bidirectional else 1
    packed = Classifier(dataclasses.replace(cfg, embed_size=K * E, hidden_size=K * H)).eval()
    with torch.no_grad():
        for p in packed.parameters():
            p.zero_()
        for k, b in enumerate(members):
            m = b.model
            embed_in = torch.arange(E) + k * E  # member k's embedding columns in the packed input
            if isinstance(m.embed, CharsAndWords):
                packed.embed.chars.weight[:, embed_in] = m.embed.chars.weight
                packed.embed.words.weight[:, embed_in] = m.embed.words.weight
                packed.embed.letter.copy_(m.embed.letter)
                embed_in = torch.cat([embed_in, embed_in + K * E])  # (2E,): chars, then words
            else:
                packed.embed.weight[:, embed_in] = m.embed.weight
            units = torch.arange(H) + k * H  # (H,) member k's units in one packed direction
            outputs = torch.cat([units + d * K * H for d in range(D)])  # (D*H,) its part of a layer's output
            rows = torch.cat([units + g * K * H for g in range(GATES[cfg.cell])])  # (G*H,) its gate rows
            for layer in range(cfg.num_layers):
                cols = embed_in if layer == 0 else outputs
                for d in range(D):
                    w_ih, w_hh, b_ih, b_hh = m.rnn.weights(layer, d)
                    p_ih, p_hh, pb_ih, pb_hh = packed.rnn.weights(layer, d)
                    p_ih[rows[:, None], cols] = w_ih
                    p_hh[rows[:, None], units] = w_hh
                    pb_ih[rows], pb_hh[rows] = b_ih, b_hh
            packed.head.weight[:, outputs] = m.head.weight / K
            packed.head.bias += m.head.bias / K
    info = {"ensemble": [b.info for b in members], "device": first.info.get("device"),
            "minutes": round(sum(b.info.get("minutes", 0) for b in members), 3)}
    return Bundle(packed, first.vocab, first.labels, info=info)


def threshold(log_odds, gold) -> float:
    """The cut on a two-class model's log-odds (logit of class 1 minus class 0) that is right most often on
    these labelled examples (gold: 0/1); of the cuts that tie, the one nearest 0 (the model's own)."""
    z, y = torch.as_tensor(log_odds, dtype=torch.float64), torch.as_tensor(gold, dtype=torch.bool)
    cuts = torch.cat([torch.zeros(1, dtype=z.dtype), (lambda s: (s[1:] + s[:-1]) / 2)(z.unique())])  # (N,)
    right = ((z[None, :] > cuts[:, None]) == y[None, :]).sum(1)  # (N,)
    best = cuts[right == right.max()]
    return float(best[best.abs().argmin()])


def shift(bundle: Bundle, cut: float) -> Bundle:
    """Move a two-class classifier's decision to log-odds `cut` (class 1 only above it): its class-1 bias
    falls by `cut`, kept in its info as "threshold"."""
    model = bundle.model
    head = model.chars.head if isinstance(model, Mixture) else model.head
    if head.bias.numel() != 2:
        raise RNNLabError("a decision threshold is for two-class classifiers")
    with torch.no_grad():
        head.bias[1] -= cut
    bundle.info["threshold"] = bundle.info.get("threshold", 0.0) + cut
    return bundle


def mix(chars: Bundle, words: Bundle) -> Bundle:
    """A packed character classifier and a packed word classifier (same labels) as one Mixture whose logits
    are the mean over all their members: each group's head weighted by its share of the members."""
    if chars.labels.itos != words.labels.itos:
        raise RNNLabError("the character and the word members have different labels: train them on the same data")
    n_chars, n_words = len(chars.info["ensemble"]), len(words.info["ensemble"])
    c = chars.cfg
    cfg = dataclasses.replace(c, word_vocab_size=words.cfg.vocab_size, word_embed_size=words.cfg.embed_size,
                              word_hidden_size=words.cfg.hidden_size)
    if any(getattr(words.cfg, f) != getattr(c, f) for f in ("cell", "num_layers", "bidirectional", "pooling")):
        raise RNNLabError("character and word members go together only with the same cell, layers, directions "
                          "and pooling")
    mixture = Mixture(cfg).eval()
    with torch.no_grad():
        for group, part, n in ((mixture.chars, chars, n_chars), (mixture.words, words, n_words)):
            group.load_state_dict(part.model.state_dict())
            group.head.weight *= n / (n_chars + n_words)
            group.head.bias *= n / (n_chars + n_words)
    info = {"ensemble": chars.info["ensemble"] + words.info["ensemble"], "device": chars.info.get("device"),
            "minutes": round(chars.info["minutes"] + words.info["minutes"], 3)}
    return Bundle(mixture, MixedVocab(chars.vocab.itos, words.vocab), chars.labels, info=info)
