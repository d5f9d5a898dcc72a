"""The three tasks, each from data to batches, scores and predictions. A `Bundle` is a model together
with the vocabularies that turn text into its inputs and its outputs back into text."""
import functools
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import torch
import torch.nn.functional as F
from torch import nn

from . import data as readers, segment
from .config import ModelConfig, TrainConfig
from .decode import allowed_transitions, viterbi
from .errors import DataError
from .metrics import classification_metrics, entity_metrics, lm_metrics
from .models import IGNORE, build_model
from .vocab import Vocab, tokenize

MAX_TOKENS = 1000  # longer training examples are cut (the recurrence still sees 1,000 steps)
MAX_WORD_CHARS = 20  # characters of a word the tagger's character RNN reads
MAX_VOCAB = 50_000  # the most frequent tokens kept (the rest read as <unk>): a huge upload makes no huge model


@dataclass
class Bundle:
    model: nn.Module
    vocab: Vocab  # input tokens
    labels: Vocab | None = None  # classify: classes; tag: tags
    chars: Vocab | None = None  # tag: the characters of words
    info: dict = field(default_factory=dict)  # how it was trained, and its validation scores
    optimizer: dict | None = None  # AdamW's state, "<parameter>.<name>" -> tensor, if the checkpoint kept it

    @property
    def cfg(self) -> ModelConfig:
        return self.model.cfg

    @property
    def device(self) -> torch.device:
        return next(self.model.parameters()).device


def pad(seqs: list[list[int]], value: int = 0) -> torch.Tensor:
    """Ragged lists -> (B, T_max) long tensor."""
    out = torch.full((len(seqs), max(len(s) for s in seqs)), value, dtype=torch.long)
    for i, s in enumerate(seqs):
        out[i, : len(s)] = torch.tensor(s, dtype=torch.long)
    return out


def bucketed(lengths: list[int], batch_size: int, rng: random.Random) -> Iterator[list[int]]:
    """Endless batches of example indices: shuffled each epoch, similar lengths batched together."""
    while True:
        order = list(range(len(lengths)))
        rng.shuffle(order)
        chunk = batch_size * 50
        batches = []
        for i in range(0, len(order), chunk):
            part = sorted(order[i:i + chunk], key=lengths.__getitem__)
            batches += [part[j:j + batch_size] for j in range(0, len(part), batch_size)]
        rng.shuffle(batches)
        yield from batches


def split(items: list, fraction: float, seed: int) -> tuple[list, list]:
    """A seeded random `fraction` of the items for validation, the rest for training."""
    if len(items) < 2:
        raise DataError(f"need at least 2 examples to hold some out for validation, got {len(items)}")
    order = list(range(len(items)))
    random.Random(seed).shuffle(order)
    n_valid = max(1, round(len(items) * fraction))
    return [items[i] for i in order[n_valid:]], [items[i] for i in order[:n_valid]]


# ---------------------------------------------------------------- language model


class LanguageModelTask:
    name, key, maximize = "lm", "loss", False

    def read(self, source, name=None) -> str:
        text = readers.read_text(source, name)
        if len(text) < 2:
            raise DataError(f"{name or 'the text'} is too short to learn from: give it at least a few words")
        return text

    def split(self, text: str, fraction: float, seed: int) -> tuple[str, str]:
        """The last `fraction` of the text validates (the nanoGPT convention)."""
        cut = int(len(text) * (1 - fraction))
        return text[:cut], text[cut:]

    def build(self, train: str, valid: str, cfg: ModelConfig) -> Bundle:
        kind = cfg.tokenizer
        if kind == "char":  # every character of both parts, so validation never meets an unknown one
            chars = set(train) | set(valid)
            if len(chars) > MAX_VOCAB:
                raise DataError(f"the text has {len(chars):,} different characters; a character model takes at "
                                f"most {MAX_VOCAB:,}")
            vocab = Vocab(sorted(chars), specials=False)
        else:
            vocab = Vocab.build([tokenize(train, kind)], specials=True, min_count=2, max_size=MAX_VOCAB)
        cfg.vocab_size = len(vocab)
        return Bundle(build_model(cfg), vocab)

    def encode(self, bundle: Bundle, text: str) -> torch.Tensor:
        tokens = tokenize(text, bundle.cfg.tokenizer)
        unknown = bundle.vocab.unknown(tokens) if not bundle.vocab.specials else []
        if unknown:
            raise DataError(f"the text has characters the model never saw: {', '.join(map(repr, unknown[:10]))}")
        return torch.tensor(bundle.vocab.encode(tokens), dtype=torch.long)

    def batches(self, bundle: Bundle, text: str, cfg: TrainConfig, seed: int) -> tuple[Iterator[dict], int]:
        ids = self.encode(bundle, text)
        T = min(cfg.seq_len, len(ids) - 1)
        if T < 1:
            raise DataError("the training text is too short")
        gen = torch.Generator().manual_seed(seed)

        def windows():
            while True:
                start = torch.randint(len(ids) - T, (cfg.batch_size,), generator=gen)  # (B,)
                offsets = start[:, None] + torch.arange(T + 1)  # (B, T+1)
                chunk = ids[offsets]
                yield {"ids": chunk[:, :-1], "targets": chunk[:, 1:]}

        return windows(), max(1, len(ids) // (cfg.batch_size * T))

    def evaluate(self, bundle: Bundle, text: str, seq_len: int = 256, batch_size: int = 64) -> dict:
        """Mean loss over every position of the text, read in windows of seq_len (each from a zero state)."""
        ids = self.encode(bundle, text)
        if len(ids) < 2:
            raise DataError("the validation text is too short (it needs at least 2 characters)")
        T = min(seq_len, len(ids) - 1)
        n = (len(ids) - 1) // T
        x = ids[: n * T].view(n, T)  # (N, T)
        y = ids[1: n * T + 1].view(n, T)
        model, device = bundle.model, bundle.device
        total = 0.0
        with torch.no_grad():
            for i in range(0, n, batch_size):
                logits, loss = model(x[i:i + batch_size].to(device), y[i:i + batch_size].to(device))
                total += float(loss) * y[i:i + batch_size].numel()
        return lm_metrics(total / y.numel())

    def predict(self, bundle: Bundle, text: str, k: int = 5) -> list[tuple[str, float]]:
        """The k most likely next tokens after `text`, with their probabilities."""
        ids = self.encode(bundle, text)
        if len(ids) == 0:
            raise DataError("type some text first")
        with torch.no_grad():
            logits, _ = bundle.model(ids[None].to(bundle.device))
        probs = torch.softmax(logits[0, -1].float(), -1).cpu()
        top = torch.topk(probs, min(k, len(probs)))
        return [(bundle.vocab.itos[i], float(p)) for p, i in zip(top.values, top.indices)]


# ---------------------------------------------------------------- classification


class ClassifyTask:
    name, key, maximize = "classify", "accuracy", True

    def read(self, source, name=None) -> list[tuple[str, str]]:
        texts, labels = readers.read_labelled(source, name)
        return list(zip(texts, labels))

    def split(self, examples, fraction, seed):
        return split(examples, fraction, seed)

    def tokens(self, cfg: ModelConfig, text: str) -> list[str]:
        return tokenize(text.lower() if cfg.tokenizer == "word" else text, cfg.tokenizer)

    def build(self, train, valid, cfg: ModelConfig) -> Bundle:
        labels = Vocab(sorted({label for _, label in train + valid}), specials=False)
        if len(labels) < 2:
            raise DataError(f"all examples have the same label ({labels.itos[0]!r}): a classifier needs two or more")
        vocab = Vocab.build((self.tokens(cfg, t) for t, _ in train), specials=True, max_size=MAX_VOCAB)
        cfg.vocab_size, cfg.num_labels = len(vocab), len(labels)
        return Bundle(build_model(cfg), vocab, labels)

    def encode(self, bundle: Bundle, examples) -> tuple[list[list[int]], list[int]]:
        unseen = {label for _, label in examples if label not in bundle.labels}
        if unseen:
            raise DataError(f"labels the model does not know: {', '.join(sorted(unseen)[:10])}")
        ids, gold = [], []
        for text, label in examples:
            tokens = self.tokens(bundle.cfg, text)[:MAX_TOKENS]
            if tokens:  # an example with no tokens has nothing to learn from
                ids.append(bundle.vocab.encode(tokens))
                gold.append(bundle.labels.stoi[label])
        if not ids:
            raise DataError("no example has any text")
        return ids, gold

    def batches(self, bundle, examples, cfg: TrainConfig, seed: int):
        ids, gold = self.encode(bundle, examples)
        rng = random.Random(seed)

        def batches():
            for idx in bucketed([len(s) for s in ids], cfg.batch_size, rng):
                yield {"ids": pad([ids[i] for i in idx]), "targets": torch.tensor([gold[i] for i in idx]),
                       "lengths": torch.tensor([len(ids[i]) for i in idx])}

        return batches(), max(1, len(ids) // cfg.batch_size)

    def probabilities(self, bundle: Bundle, ids: list[list[int]], batch_size: int = 256) -> torch.Tensor:
        """(N, C) class probabilities, in the order given."""
        out = []
        with torch.no_grad():
            for i in range(0, len(ids), batch_size):
                part = ids[i:i + batch_size]
                logits, _ = bundle.model(pad(part).to(bundle.device), lengths=torch.tensor([len(s) for s in part]))
                out.append(torch.softmax(logits.float(), -1).cpu())
        return torch.cat(out)

    def evaluate(self, bundle: Bundle, examples) -> dict:
        ids, gold = self.encode(bundle, examples)
        probs = self.probabilities(bundle, ids)
        loss = F.nll_loss(probs.clamp_min(1e-12).log(), torch.tensor(gold)).item()
        return {"loss": loss, **classification_metrics(gold, probs.argmax(-1).tolist(), bundle.labels.itos)}

    def predict(self, bundle: Bundle, text: str) -> dict[str, float]:
        """Class -> probability, most likely first."""
        tokens = self.tokens(bundle.cfg, text)
        if not tokens:
            raise DataError("type some text first")
        probs = self.probabilities(bundle, [bundle.vocab.encode(tokens)])[0]
        ranked = sorted(zip(bundle.labels.itos, probs.tolist()), key=lambda lp: -lp[1])
        return dict(ranked)


# ---------------------------------------------------------------- tagging


def word_key(word: str) -> str:
    """How the word vocabulary sees a word: lower case, digits as 0 (the characters keep the rest)."""
    return re.sub(r"\d", "0", word.lower())


@functools.lru_cache(maxsize=16)
def iob2_transitions(tags: tuple[str, ...]):
    return allowed_transitions(list(tags))


class TagTask:
    name, key, maximize = "tag", "f1", True

    def read(self, source, name=None):
        return readers.read_conll(source, name)

    def split(self, sentences, fraction, seed):
        return split(sentences, fraction, seed)

    def build(self, train, valid, cfg: ModelConfig) -> Bundle:
        tags = sorted({t for _, tags in train + valid for t in tags}, key=lambda t: (t != "O", t[2:], t))
        labels = Vocab(tags, specials=False)
        vocab = Vocab.build(([word_key(w) for w in words] for words, _ in train), specials=True, max_size=MAX_VOCAB)
        chars = Vocab.build((w[:MAX_WORD_CHARS] for words, _ in train for w in words), specials=True,
                            max_size=MAX_VOCAB)
        cfg.vocab_size, cfg.num_labels = len(vocab), len(labels)
        cfg.char_vocab_size = len(chars) if cfg.char_hidden_size else 0
        return Bundle(build_model(cfg), vocab, labels, chars)

    def inputs(self, bundle: Bundle, sentences: list[list[str]]) -> dict:
        """Words -> ids (B, T), lengths (B,), and their characters (B, T, W)."""
        ids = pad([bundle.vocab.encode(word_key(w) for w in words) for words in sentences])
        batch = {"ids": ids, "lengths": torch.tensor([len(words) for words in sentences])}
        if bundle.cfg.char_vocab_size:
            B, T = ids.shape
            W = max(min(len(w), MAX_WORD_CHARS) for words in sentences for w in words)
            chars = torch.zeros(B, T, W, dtype=torch.long)
            for b, words in enumerate(sentences):
                for t, w in enumerate(words):
                    codes = bundle.chars.encode(w[:MAX_WORD_CHARS])
                    chars[b, t, : len(codes)] = torch.tensor(codes)
            batch["chars"] = chars
        return batch

    def batches(self, bundle, sentences, cfg: TrainConfig, seed: int):
        sentences = [(w[:MAX_TOKENS], t[:MAX_TOKENS]) for w, t in sentences]
        unseen = {t for _, tags in sentences for t in tags if t not in bundle.labels}
        if unseen:
            raise DataError(f"tags the model does not know: {', '.join(sorted(unseen)[:10])}")
        rng = random.Random(seed)

        def batches():
            for idx in bucketed([len(w) for w, _ in sentences], cfg.batch_size, rng):
                part = [sentences[i] for i in idx]
                batch = self.inputs(bundle, [w for w, _ in part])
                batch["targets"] = pad([bundle.labels.encode(t) for _, t in part], IGNORE)
                yield batch

        return batches(), max(1, len(sentences) // cfg.batch_size)

    def tag_probabilities(self, bundle: Bundle, sentences: list[list[str]], batch_size: int = 128):
        """[(T, K) tag probabilities] for each sentence."""
        out = []
        with torch.no_grad():
            for i in range(0, len(sentences), batch_size):
                part = sentences[i:i + batch_size]
                batch = {k: v.to(bundle.device) for k, v in self.inputs(bundle, part).items()}
                probs = torch.softmax(bundle.model(**batch)[0].float(), -1).cpu()  # (B, T, K)
                out += [probs[b, : len(words)] for b, words in enumerate(part)]
        return out

    def decode(self, bundle: Bundle, probs: list[torch.Tensor]) -> list[list[str]]:
        """[(T, K) probabilities] -> for each sentence, the most probable tags that form valid IOB2
        (never an orphan I- tag)."""
        if not probs:
            return []
        start, follow = iob2_transitions(tuple(bundle.labels.itos))
        lengths = torch.tensor([len(p) for p in probs])
        log_probs = torch.nn.utils.rnn.pad_sequence(probs, batch_first=True).clamp_min(1e-12).log()  # (B, T, K)
        return [bundle.labels.decode(path) for path in viterbi(log_probs, lengths, start, follow)]

    def evaluate(self, bundle: Bundle, sentences) -> dict:
        sentences = [(w, t) for w, t in sentences if w]
        probs = self.tag_probabilities(bundle, [w for w, _ in sentences])
        gold = [t for _, t in sentences]
        unseen = {t for tags in gold for t in tags if t not in bundle.labels}
        if unseen:
            raise DataError(f"tags the model does not know: {', '.join(sorted(unseen)[:10])}")
        targets = torch.cat([torch.tensor(bundle.labels.encode(t)) for t in gold])
        loss = F.nll_loss(torch.cat(probs).clamp_min(1e-12).log(), targets).item()
        return {"loss": loss, **entity_metrics(gold, self.decode(bundle, probs))}

    def analyse(self, bundle: Bundle, text: str) -> list[dict]:
        """Free text -> for each sentence its `tokens` (with character spans), `probs` (T, K) and `tags`."""
        found = segment.sentences(text)
        if not found:
            raise DataError("type some text first")
        probs = self.tag_probabilities(bundle, [[t.text for t in s] for s in found])
        return [{"tokens": s, "probs": p, "tags": tags} for s, p, tags in zip(found, probs, self.decode(bundle, probs))]

    def predict(self, bundle: Bundle, text: str) -> list[tuple[str, str]]:
        """(token, tag) for each token of the text, tokenised as CoNLL-2003 is."""
        return [(t.text, tag) for s in self.analyse(bundle, text) for t, tag in zip(s["tokens"], s["tags"])]


TASKS = {"lm": LanguageModelTask(), "classify": ClassifyTask(), "tag": TagTask()}
