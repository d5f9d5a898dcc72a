"""Tagging (many-to-many, aligned): a tag for every word, read with both directions' context. The tag set
comes from the data and decides the rest: IOB tags (named entities, from CoNLL files) are decoded with
Viterbi over the valid transitions and scored by entity; any other tags (parts of speech, from CoNLL-U
files) are decoded token by token (argmax) and scored by token accuracy."""
import functools
import random
import re

import torch
import torch.nn.functional as F

from core.config import ModelConfig, TrainConfig
from core.decoding.viterbi import allowed_transitions, is_iob, viterbi
from core.errors import DataError
from core.nn.layers import IGNORE
from core.readers.conll import CONLLU_COLUMNS, read_tags
from core.tasks import base
from core.tasks.base import Bundle, Task, bucketed, pad
from core.tasks.tag.model import Tagger
from core.text import segment
from core.text.vocab import Vocab
from core.training.metrics import entity_metrics, token_metrics


def word_key(word: str) -> str:
    """How the word vocabulary sees a word: lower case, digits as 0 (the characters keep the rest)."""
    return re.sub(r"\d", "0", word.lower())


@functools.lru_cache(maxsize=16)
def iob2_transitions(tags: tuple[str, ...]):
    return allowed_transitions(list(tags))


class TagTask(Task):
    name, title, key, maximize, model = "tag", "a tagger", "f1", True, Tagger
    help = "CoNLL columns (IOB entity tags) or CoNLL-U (parts of speech), a tag per token"

    def read(self, source, name=None, column: str = "upos"):
        """[(words, tags)] from a CoNLL-U file (its `column`) or CoNLL columns (the last), told apart by the file."""
        return read_tags(source, name, column)

    def add_arguments(self, command: str, parser):
        if command == "train":
            parser.add_argument("--column", choices=tuple(CONLLU_COLUMNS), help="tag, CoNLL-U data: the "
                                "column of tags to learn (default upos); the model remembers it, so evaluate needs no flag")

    def configure(self, cfg: ModelConfig, args) -> None:
        cfg.tag_column = getattr(args, "column", None) or "upos"

    def read_options(self, args, cfg: ModelConfig | None = None) -> dict:
        asked = getattr(args, "column", None)
        if cfg is None:
            return {"column": asked or "upos"}
        if asked and asked != cfg.tag_column and cfg.task == self.name:
            raise DataError(f"the model was trained on the {cfg.tag_column} column, not {asked}")
        return {"column": cfg.tag_column if cfg.task == self.name else "upos"}

    def build(self, train, valid, cfg: ModelConfig) -> Bundle:
        tags = {t for _, tags in train + valid for t in tags}
        tags = sorted(tags, key=lambda t: (t != "O", t[2:], t)) if is_iob(tags) else sorted(tags)
        labels = Vocab(tags, specials=False)
        vocab = Vocab.build(([word_key(w) for w in words] for words, _ in train), specials=True,
                            max_size=base.MAX_VOCAB)
        chars = Vocab.build((w[:base.MAX_WORD_CHARS] for words, _ in train for w in words), specials=True,
                            max_size=base.MAX_VOCAB)
        cfg.vocab_size, cfg.num_labels = len(vocab), len(labels)
        cfg.char_vocab_size = len(chars) if cfg.char_hidden_size else 0
        return Bundle(self.build_model(cfg), vocab, labels, chars)

    def inputs(self, bundle: Bundle, sentences: list[list[str]]) -> dict:
        """Words -> ids (B, T), lengths (B,), and their characters (B, T, W)."""
        ids = pad([bundle.vocab.encode(word_key(w) for w in words) for words in sentences])
        batch = {"ids": ids, "lengths": torch.tensor([len(words) for words in sentences])}
        if bundle.cfg.char_vocab_size:
            B, T = ids.shape
            W = max(min(len(w), base.MAX_WORD_CHARS) for words in sentences for w in words)
            chars = torch.zeros(B, T, W, dtype=torch.long)
            for b, words in enumerate(sentences):
                for t, w in enumerate(words):
                    codes = bundle.chars.encode(w[:base.MAX_WORD_CHARS])
                    chars[b, t, : len(codes)] = torch.tensor(codes)
            batch["chars"] = chars
        return batch

    def batches(self, bundle, sentences, cfg: TrainConfig, seed: int):
        sentences = [(w[:base.MAX_TOKENS], t[:base.MAX_TOKENS]) for w, t in sentences]
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
        """[(T, K) probabilities] -> for each sentence its tags: for IOB tags the most probable sequence that
        is valid IOB2 (never an orphan I- tag); for any other tag set the most probable tag of each token."""
        if not probs:
            return []
        if not is_iob(bundle.labels.itos):
            return [bundle.labels.decode(p.argmax(-1).tolist()) for p in probs]
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
        pred = self.decode(bundle, probs)
        scores = entity_metrics(gold, pred) if is_iob(bundle.labels.itos) else token_metrics(gold, pred, bundle.labels.itos)
        return {"loss": loss, **scores}

    def analyse(self, bundle: Bundle, text: str) -> list[dict]:
        """Free text -> for each sentence its `tokens` (with character spans), `probs` (T, K) and `tags`."""
        found = segment.sentences(text)
        if not found:
            raise DataError("type some text first")
        probs = self.tag_probabilities(bundle, [[t.text for t in s] for s in found])
        return [{"tokens": s, "probs": p, "tags": tags} for s, p, tags in zip(found, probs, self.decode(bundle, probs))]

    def predict(self, bundle: Bundle, text: str) -> list[tuple[str, str]]:
        """(token, tag) for each token of the text, tokenised as CoNLL-2003 is (Korean: by eojeol)."""
        return [(t.text, tag) for s in self.analyse(bundle, text) for t, tag in zip(s["tokens"], s["tags"])]

    def show(self, text: str, result) -> str:
        return " ".join(f"{w}/{t}" for w, t in result)

