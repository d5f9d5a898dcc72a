"""Classification (many-to-one): a text in, one label out."""
import random

import torch
import torch.nn.functional as F
from torch import nn

from core.config import ModelConfig, TrainConfig
from core.errors import DataError
from core.readers.table import read_labelled
from core.tasks import base
from core.tasks.base import Bundle, Task, bucketed, pad
from core.tasks.classify.mixture import Mixture
from core.tasks.classify.model import Classifier
from core.text.vocab import Vocab, tokenize
from core.training.metrics import classification_metrics


class ClassifyTask(Task):
    name, title, key, maximize, model = "classify", "a classifier", "accuracy", True, Classifier
    help = "labelled texts (TSV/CSV)"

    def read(self, source, name=None) -> list[tuple[str, str]]:
        texts, labels = read_labelled(source, name)
        return list(zip(texts, labels))

    def build_model(self, cfg: ModelConfig) -> nn.Module:
        """A character model with word members too is a `Mixture` (made by `ensemble.mix`)."""
        return Mixture(cfg) if cfg.word_vocab_size else Classifier(cfg)

    def tokens(self, cfg: ModelConfig, text: str) -> list[str]:
        return tokenize(text.lower() if cfg.tokenizer == "word" else text, cfg.tokenizer)

    def build(self, train, valid, cfg: ModelConfig) -> Bundle:
        labels = Vocab(sorted({label for _, label in train + valid}), specials=False)
        if len(labels) < 2:
            raise DataError(f"all examples have the same label ({labels.itos[0]!r}): a classifier needs two or more")
        vocab = Vocab.build((self.tokens(cfg, t) for t, _ in train), specials=True, max_size=base.MAX_VOCAB)
        cfg.vocab_size, cfg.num_labels = len(vocab), len(labels)
        model = self.build_model(cfg)
        if cfg.word_buckets:
            model.embed.read_vocab(vocab.itos)
        return Bundle(model, vocab, labels)

    def encode(self, bundle: Bundle, examples) -> tuple[list[list[int]], list[int]]:
        unseen = {label for _, label in examples if label not in bundle.labels}
        if unseen:
            raise DataError(f"labels the model does not know: {', '.join(sorted(unseen)[:10])}")
        ids, gold = [], []
        for text, label in examples:
            tokens = self.tokens(bundle.cfg, text)[:base.MAX_TOKENS]
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

    def add_arguments(self, command: str, parser):
        if command == "train":
            parser.add_argument("--word-buckets", type=int, default=ModelConfig.word_buckets, metavar="N",
                                help="classify, characters: also read the word each character is in, hashed "
                                "into N embeddings (0: off)")

    def configure(self, cfg: ModelConfig, args) -> None:
        if args.word_buckets and not (cfg.tokenizer == "char" and cfg.embed_size > 0):
            raise ValueError("--word-buckets reads the words of a character model: give --tokenizer char and "
                             "an --embed above 0")
        cfg.word_buckets = args.word_buckets
        cfg.__post_init__()

    def show(self, text: str, result) -> str:
        label, p = next(iter(result.items()))
        return f"{label}\t{p:.3f}\t{text}"

