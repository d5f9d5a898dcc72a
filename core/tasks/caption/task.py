"""Captioning (one-to-many): a photo in, a sentence out, and where the decoder looked for each word.

Data: a CSV with the header `image,caption` (one row per caption, several per image, as Flickr8k's
`captions.csv`), and a folder of the images (`--images`; default: `images/` beside the CSV). The frozen
encoder's features of the images are cached (`core.tasks.caption.image_encoder.image_features`), so a retrain reads them back.
An example is an image with all its captions, so a held-out image is held out with every one of them.
Captions are lower-case words (punctuation dropped); words seen fewer than `min_count` times in training
read as <unk>, which decoding never writes."""
import functools
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import torch

from core.config import ModelConfig, TrainConfig
from core.decoding import search
from core.errors import CheckpointError, DataError
from core.nn.layers import IGNORE
from core.readers.image import open_image
from core.readers.table import read_table
from core.readers.text import shown
from core.tasks import base
from core.tasks.base import Bundle, Task, bucketed, pad
from core.tasks.caption.captioner import BOS, EOS, Captioner
from core.tasks.caption.image_encoder import ImageEncoder, image_features
from core.text.vocab import PAD, UNK, Vocab

MAX_WORDS = 30  # a longer caption is cut (Flickr8k's run to about 35 words; most have 8-15)
MAX_LEN = 25  # words a decoded caption may have
METHODS = ("beam", "greedy", "sample")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(caption: str) -> list[str]:
    """'A dog's ball , in the grass .' -> ['a', "dog's", 'ball', 'in', 'the', 'grass']"""
    return _WORD.findall(caption.lower())[:MAX_WORDS]


@dataclass
class Example:
    image: str  # the file name, as the CSV gives it
    features: torch.Tensor  # (49, 1280) float16
    captions: list[str]


@functools.lru_cache(maxsize=1)
def encoder() -> ImageEncoder:
    """The frozen encoder, loaded once per process (the app keeps it in st.cache_resource too)."""
    return ImageEncoder()


def read_captions(source, name: str | None = None) -> list[tuple[str, list[str]]]:
    """(image file name, [captions]) in the order the images first appear."""
    table = read_table(source, name)
    name, rows, header = table.name, table.rows, table.header
    if "image" not in header or "caption" not in header:
        raise DataError(f"{name} needs a header with 'image' and 'caption' columns, not {shown(','.join(rows[0]))!r}")
    i_col, c_col = header.index("image"), header.index("caption")
    grouped: dict[str, list[str]] = {}
    for number, row in zip(table.lines[1:], rows[1:]):
        if len(row) <= max(i_col, c_col):
            raise DataError(f"{name}, line {number}: {len(row)} columns where the header has {len(header)}")
        image, caption = row[i_col].strip(), row[c_col].strip()
        if not image:
            raise DataError(f"{name}, line {number}: no image file named")
        if words(caption):
            grouped.setdefault(image, []).append(caption)
    if not grouped:
        raise DataError(f"{name} has a header but no captions")
    return list(grouped.items())


def image_folder(data: str, images: str | None) -> Path:
    folder = Path(images) if images else Path(data).parent / "images"
    if not folder.is_dir():
        raise DataError(f"{folder} is not a folder of images (give it with --images DIR)")
    return folder


class CaptionTask(Task):
    name, title, key, maximize, model = "caption", "an image captioner", "bleu4", True, Captioner
    help = "image,caption CSV and --images DIR"
    has_labels = False

    # ---- command line
    def add_arguments(self, command: str, parser):
        add = base.option_adder(parser)  # --attention, --decoding, --beam-size: translate's too
        if command in ("train", "evaluate"):
            add("--images", metavar="DIR", help="caption: the folder of the images the CSV names (default: "
                "images/ beside it)")
        if command == "train":
            add("--attention", choices=("additive", "general", "none"),
                help="caption/translate: the decoder's attention (default: additive)")
            add("--min-count", type=int, default=5, help="caption: words seen fewer times in training become "
                "<unk> (never written)")
        if command in ("evaluate", "predict"):
            add("--decoding", choices=METHODS, help="caption/translate: how to write (caption: beam search)")
            add("--beam-size", type=int, help="caption/translate: hypotheses beam search keeps (caption: 3)")

    def configure(self, cfg: ModelConfig, args) -> None:
        if getattr(args, "attention", None):
            cfg.attention = args.attention
        cfg.min_count = args.min_count

    def read_options(self, args, cfg=None) -> dict:
        return {"images": getattr(args, "images", None)}

    def evaluate_options(self, args) -> dict:
        method = args.decoding or "beam"
        if method not in METHODS:
            raise DataError(f"a captioner writes by {', '.join(METHODS)}, not {method}")
        return {"method": method, "beam_size": args.beam_size or 3}

    predict_options = evaluate_options

    # ---- data
    def read(self, source, name=None, images: str | None = None) -> list[Example]:
        """Every image of the CSV with its captions and its encoder features (cached)."""
        if isinstance(source, bytes):
            raise DataError("captioning data is a CSV file and a folder of images: give their paths")
        grouped = read_captions(source, name)
        folder = image_folder(str(source), images)
        paths = [folder / image for image, _ in grouped]
        missing = [p.name for p in paths if not p.is_file()]
        if missing:
            raise DataError(f"{len(missing)} of the {len(paths)} images are not in {folder}: "
                            f"{', '.join(missing[:5])}{' …' if len(missing) > 5 else ''}")
        features = image_features(paths, encoder(), progress=_progress)
        return [Example(image, f, captions) for (image, captions), f in zip(grouped, features)]

    def build(self, train, valid, cfg: ModelConfig) -> Bundle:
        counts = Counter(w for ex in train for c in ex.captions for w in words(c))
        kept = [w for w, n in counts.most_common(base.MAX_VOCAB) if n >= cfg.min_count]
        if not kept:
            raise DataError(f"no word occurs {cfg.min_count} times in the training captions: lower --min-count")
        vocab = Vocab([PAD, UNK, BOS, EOS] + kept)
        cfg.vocab_size, cfg.tokenizer = len(vocab), "word"
        return Bundle(self.build_model(cfg), vocab)

    def pairs(self, bundle: Bundle, examples: list[Example]) -> tuple[list[int], list[list[int]]]:
        """Every (image index, word ids) pair: one training sequence per caption."""
        images, captions = [], []
        for i, ex in enumerate(examples):
            for c in ex.captions:
                images.append(i)
                captions.append(bundle.vocab.encode(words(c)))
        if not captions:
            raise DataError("no captions with words")
        return images, captions

    def tensors(self, bundle: Bundle, features: torch.Tensor, captions: list[list[int]]) -> dict:
        bos, eos = bundle.vocab.stoi[BOS], bundle.vocab.stoi[EOS]
        return {"ids": pad([[bos] + c for c in captions]),
                "targets": pad([c + [eos] for c in captions], IGNORE),
                "lengths": torch.tensor([len(c) + 1 for c in captions]),
                "features": features.float()}

    def batches(self, bundle, examples, cfg: TrainConfig, seed: int):
        images, captions = self.pairs(bundle, examples)
        features = torch.stack([ex.features for ex in examples])  # (N, 49, 1280) float16
        rng = random.Random(seed)

        def batches():
            for idx in bucketed([len(c) for c in captions], cfg.batch_size, rng):
                yield self.tensors(bundle, features[[images[i] for i in idx]], [captions[i] for i in idx])

        return batches(), max(1, len(captions) // cfg.batch_size)

    # ---- scoring
    def loss(self, bundle: Bundle, examples: list[Example], batch_size: int = 64) -> float:
        """Mean cross-entropy per word (and </s>) over all the captions, teacher-forced."""
        images, captions = self.pairs(bundle, examples)
        features = torch.stack([ex.features for ex in examples])
        total, n = 0.0, 0
        with torch.no_grad():
            for i in range(0, len(captions), batch_size):
                part = slice(i, i + batch_size)
                batch = self.tensors(bundle, features[images[part]], captions[part])
                batch = {k: v.to(bundle.device) for k, v in batch.items()}
                _, loss = bundle.model(**batch)
                count = int((batch["targets"] != IGNORE).sum())
                total, n = total + float(loss) * count, n + count
        return total / n

    def evaluate(self, bundle: Bundle, examples: list[Example], method: str = "beam", beam_size: int = 3,
                 batch_size: int = 64) -> dict:
        """loss; corpus BLEU-1..4 against all of each image's captions (sacrebleu); CIDEr-D when pycocoevalcap
        is installed; and diversity: `distinct` different captions over the images, their fraction, and the
        `words` used."""
        if not examples:
            raise DataError("no images to score")
        features = torch.stack([ex.features for ex in examples])
        written = []
        for i in range(0, len(examples), batch_size):
            written += [d.tokens for d in self.decode(bundle, features[i:i + batch_size], method, beam_size)]
        hyps = [" ".join(bundle.vocab.decode(t)) for t in written]
        refs = [[" ".join(words(c)) for c in ex.captions] for ex in examples]
        return {"loss": self.loss(bundle, examples), **caption_scores(hyps, refs)}

    # ---- writing
    def decode(self, bundle: Bundle, features: torch.Tensor, method: str = "beam", beam_size: int = 3,
               temperature: float = 1.0, generator: torch.Generator | None = None,
               record_k: int = 0) -> list[search.Decoded]:
        """features (B, 49, 1280) -> one `search.Decoded` per image (the tokens, and each step's record)."""
        if method not in METHODS:
            raise ValueError(f"decoding must be one of {', '.join(METHODS)}, not {method!r}")
        model, vocab = bundle.model, bundle.vocab
        if BOS not in vocab or EOS not in vocab:
            raise CheckpointError("this captioner's vocabulary lacks <s> and </s>: it cannot write")
        ids = dict(bos=vocab.stoi[BOS], eos=vocab.stoi[EOS], max_len=MAX_LEN,
                   banned=(vocab.stoi[PAD], vocab.stoi[UNK], vocab.stoi[BOS]), record_k=record_k)
        with torch.no_grad():
            memory, state = model.encode(features.to(bundle.device))
            if method == "beam":
                return search.beam_search(model.decoder, state, memory, None, beam_size=beam_size, **ids)
            if method == "greedy":
                return search.greedy(model.decoder, state, memory, None, **ids)
            return search.sample(model.decoder, state, memory, None, temperature=temperature,
                                 generator=generator, **ids)

    def features(self, images) -> torch.Tensor:
        """Pictures (PIL) or image files -> (N, 49, 1280) features from the frozen encoder."""
        pictures = [p if hasattr(p, "mode") else open_image(p) for p in images]
        return encoder().encode(pictures)

    def predict(self, bundle: Bundle, image, method: str = "beam", beam_size: int = 3) -> str:
        """An image file (or picture) -> its caption."""
        decoded = self.decode(bundle, self.features([image]), method, beam_size)[0]
        return " ".join(bundle.vocab.decode(decoded.tokens))

    def show(self, text: str, result) -> str:
        return result


def caption_scores(hyps: list[str], refs: list[list[str]]) -> dict:
    """Written captions against each image's references, all lower-case words joined by spaces."""
    import sacrebleu

    n_refs = max(len(r) for r in refs)
    streams = [[r[k] if k < len(r) else None for r in refs] for k in range(n_refs)]
    scores = {}
    for n in range(1, 5):
        bleu = sacrebleu.BLEU(max_ngram_order=n, tokenize="none")
        scores[f"bleu{n}"] = float(bleu.corpus_score(hyps, streams).score)
    cider = cider_score(hyps, refs)
    if cider is not None:
        scores["cider"] = cider
    scores["distinct"] = len(set(hyps))
    scores["distinct_fraction"] = len(set(hyps)) / len(hyps)
    scores["words"] = len({w for h in hyps for w in h.split()})
    scores["bleu_signature"] = str(bleu.get_signature())  # of BLEU-4
    return scores


def cider_score(hyps: list[str], refs: list[list[str]]) -> float | None:
    """CIDEr-D (Vedantam et al. 2015) as the COCO caption evaluation computes it, ×100 as usually quoted;
    None when pycocoevalcap is not installed (it is optional: its wheel is 100 MB, mostly Java tools that
    this score does not use)."""
    try:
        from pycocoevalcap.cider.cider import Cider
    except ImportError:
        return None
    score, _ = Cider().compute_score({i: r for i, r in enumerate(refs)}, {i: [h] for i, h in enumerate(hyps)})
    return float(score) * 100


def _progress(done: int, total: int):
    print(f"\rencoding images {done}/{total}", end="\n" if done == total else "", file=sys.stderr, flush=True)
