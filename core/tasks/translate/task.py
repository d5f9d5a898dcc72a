"""Translation and chat (many-to-many, unaligned): a sentence in, a sentence of another length out.

Data: pairs of sentences from TSV (with or without a header) or CSV with a header (`core.readers.pairs`); the
source and target columns by name or position. Validation is held out in whole groups of connected
sentences (`core.readers.pairs.grouped_split`), so no validation sentence was seen in training.
Tokens: the source as `cfg.tokenizer`, the target as `cfg.target_tokenizer` ("char": every character,
Korean syllables; "word": words and punctuation, written back as English is written, `core.text.sentences`).
Scores: loss and perplexity per target token (teacher forcing), and corpus BLEU and chrF of what the model
writes (sacrebleu, its default 13a tokenisation and chrF2), with their signatures.
"""
import math
import random
from dataclasses import dataclass

import torch
from torch import nn

from core.config import ModelConfig, TrainConfig
from core.decoding import search
from core.errors import DataError
from core.nn.layers import IGNORE
from core.readers.pairs import Pair, grouped_split, read_pairs
from core.tasks import base
from core.tasks.base import Bundle, Task, bucketed, pad
from core.tasks.translate.channel import rescore
from core.tasks.translate.ensemble import Seq2SeqEnsemble
from core.tasks.translate.rerank import rerank
from core.tasks.translate.retrieve import Memory
from core.tasks.translate.seq2seq import BOS, EOS, Seq2Seq
from core.text import sentences
from core.text.vocab import PAD, UNK, Vocab

MAX_SOURCE_TOKENS = 200  # a longer input is cut (the page says so)
MAX_OUTPUT_TOKENS = 400
DECODINGS = ("beam", "greedy", "sample", "rerank", "channel")  # rerank: a chatbot's (core.tasks.translate.rerank); channel: the
# beam rescored by the file's models of the other direction (core.tasks.translate.channel)


def max_output(source_len: int) -> int:
    """Tokens a written output may have: enough for English words into Korean syllables (about 2.5 a word)."""
    return min(MAX_OUTPUT_TOKENS, 3 * source_len + 10)


@dataclass
class Source:
    text: str  # the text the model read (cut to MAX_SOURCE_TOKENS)
    tokens: list[str]
    ids: list[int]
    unknown: list[str]  # tokens the model never saw in training, each once
    cut: bool  # the input was longer than MAX_SOURCE_TOKENS


class TranslateTask(Task):
    name, title, key, maximize, model = "translate", "a sequence-to-sequence model (translation or chat)", \
        "chrf", True, Seq2Seq
    help = "sentence pairs (TSV/CSV), source -> target: translation, or a chatbot's question -> answer"
    has_labels, default_tokenizer = True, "char"

    # ---- command line
    def add_arguments(self, command: str, parser):
        add = base.option_adder(parser)
        if command in ("train", "evaluate"):
            add("--source-column", metavar="C", help="translate: the source column, by header name or position "
                "from 1 (default: a header's source/Q/english..., else the first)")
            add("--target-column", metavar="C", help="translate: the target column (default: a header's "
                "target/A/korean..., else the second)")
        if command == "train":
            add("--target-tokenizer", choices=("char", "word"), help="translate: how the target is split "
                "(default word; char for Korean)")
            add("--attention", choices=("additive", "general", "none"),
                help="caption/translate: the decoder's attention (default: additive)")
            add("--label-smoothing", type=float, default=0.0, help="translate: of the training loss")
        if command in ("train", "evaluate", "predict"):
            add("--decoding", choices=DECODINGS, help="translate: how to write (train: the model's default, "
                "beam; otherwise: the model's own)")
            add("--beam-size", type=int, help="translate: hypotheses beam search keeps (default 5)")
            add("--length-alpha", type=float, help="translate: beam search's length normalisation (default 0.6)")
            add("--temperature", type=float, help="translate: sampling temperature (default 1)")
            add("--top-k", type=int, help="translate: sample among the k most probable tokens (0: all)")
            add("--retrieve-k", type=int, help="translate, rerank: training answers retrieved as candidates "
                "(default 10)")
            add("--rerank-weight", type=float, help="translate, rerank: weight of the TF-IDF similarity beside "
                "the model's log p per token (default 1)")
            add("--rerank-temperature", type=float, help="translate, rerank: draw the reply with p ~ exp(score / "
                "this); 0: the best one (default 0)")
            add("--channel-weight", type=float, help="translate, channel: weight of log p(source | output) per "
                "token, under the reverse models, beside the beam's score (default 1)")
        if command in ("evaluate", "predict"):
            add("--sample-seed", type=int, default=0, help="translate: the seed of sampling")

    def configure(self, cfg: ModelConfig, args) -> None:
        cfg.target_tokenizer = args.target_tokenizer or cfg.target_tokenizer
        cfg.attention = args.attention or cfg.attention
        cfg.label_smoothing = args.label_smoothing
        cfg.source_column, cfg.target_column = args.source_column or "", args.target_column or ""
        for field, value in decoding_args(args).items():
            setattr(cfg, field, value)
        cfg.__post_init__()

    def read_options(self, args, cfg: ModelConfig | None = None) -> dict:
        own = (cfg.source_column, cfg.target_column) if cfg is not None and cfg.task == self.name else ("", "")
        return {"source_column": getattr(args, "source_column", None) or own[0] or None,
                "target_column": getattr(args, "target_column", None) or own[1] or None}

    def evaluate_options(self, args) -> dict:
        return {**decoding_args(args), "seed": args.sample_seed}

    def predict_options(self, args) -> dict:  # one generator for all the inputs: a run is reproducible
        return {**decoding_args(args), "generator": torch.Generator().manual_seed(args.sample_seed)}

    # ---- data
    def build_model(self, cfg: ModelConfig) -> nn.Module:
        """Several networks in one file (an ensemble, or networks of the other direction for decoding
        channel) are a `Seq2SeqEnsemble`."""
        return Seq2SeqEnsemble(cfg) if cfg.members > 1 or cfg.reverse_members else Seq2Seq(cfg)

    def read(self, source, name=None, source_column=None, target_column=None) -> list[Pair]:
        return read_pairs(source, name, source_column, target_column)

    def split(self, pairs, fraction: float, seed: int):
        return grouped_split(pairs, fraction, seed)

    def build(self, train: list[Pair], valid: list[Pair], cfg: ModelConfig) -> Bundle:
        vocab = Vocab.build((sentences.split(p.source, cfg.tokenizer) for p in train), min_count=cfg.min_count,
                            max_size=base.MAX_VOCAB)
        words = Vocab.build((sentences.split(p.target, cfg.target_tokenizer) for p in train),
                            min_count=cfg.min_count, max_size=base.MAX_VOCAB)
        labels = Vocab([PAD, UNK, BOS, EOS] + [t for t in words.itos[2:] if t not in (BOS, EOS)])
        cfg.vocab_size, cfg.num_labels = len(vocab), len(labels)
        memory = Memory.of(train) if cfg.decoding == "rerank" else None  # a reranker keeps its training pairs
        return Bundle(self.build_model(cfg), vocab, labels, memory=memory)

    def source(self, bundle: Bundle, text: str) -> Source:
        tokens = sentences.split(text, bundle.cfg.tokenizer)
        cut = len(tokens) > MAX_SOURCE_TOKENS
        tokens = tokens[:MAX_SOURCE_TOKENS]
        return Source(sentences.join(tokens, bundle.cfg.tokenizer), tokens, bundle.vocab.encode(tokens),
                      bundle.vocab.unknown(tokens), cut)

    def target_ids(self, bundle: Bundle, text: str) -> list[int]:
        return bundle.labels.encode(sentences.split(text, bundle.cfg.target_tokenizer)[:base.MAX_TOKENS])

    def tensors(self, bundle: Bundle, pairs: list[Pair]) -> dict:
        bos, eos = bundle.labels.stoi[BOS], bundle.labels.stoi[EOS]
        src = [self.source(bundle, p.source).ids or [bundle.vocab.unk_id] for p in pairs]
        tgt = [self.target_ids(bundle, p.target) for p in pairs]
        return {"ids": pad(src), "lengths": torch.tensor([len(s) for s in src]),
                "inputs": pad([[bos] + t for t in tgt]), "targets": pad([t + [eos] for t in tgt], IGNORE)}

    def batches(self, bundle: Bundle, pairs: list[Pair], cfg: TrainConfig, seed: int):
        if not pairs:
            raise DataError("no sentence pairs to train on")
        rng = random.Random(seed)
        lengths = [len(sentences.split(p.source, bundle.cfg.tokenizer)) for p in pairs]

        def batches():
            for idx in bucketed(lengths, cfg.batch_size, rng):
                yield self.tensors(bundle, [pairs[i] for i in idx])

        return batches(), max(1, len(pairs) // cfg.batch_size)

    # ---- scoring
    def loss(self, bundle: Bundle, pairs: list[Pair], batch_size: int = 128) -> float:
        """Mean cross-entropy per target token (and </s>), teacher-forced."""
        total, n = 0.0, 0
        with torch.no_grad():
            for i in range(0, len(pairs), batch_size):
                batch = {k: v.to(bundle.device) for k, v in self.tensors(bundle, pairs[i:i + batch_size]).items()}
                _, loss = bundle.model(**batch)
                count = int((batch["targets"] != IGNORE).sum())
                total, n = total + float(loss) * count, n + count
        return total / n

    def evaluate(self, bundle: Bundle, pairs: list[Pair], seed: int = 0, **decoding) -> dict:
        """loss, perplexity, corpus BLEU and chrF (sacrebleu) of what the model writes with its decoding (or
        the one given), and how varied its outputs are (`distinct`: different outputs over outputs)."""
        if not pairs:
            raise DataError("no sentence pairs to score")
        loss = self.loss(bundle, pairs)
        written = self.write(bundle, [p.source for p in pairs], generator=torch.Generator().manual_seed(seed),
                             **decoding)
        return {"loss": loss, "perplexity": math.exp(min(loss, 50)),
                **text_scores(written, [p.target for p in pairs]), "n": len(pairs)}

    # ---- writing
    def decode(self, bundle: Bundle, texts: list[str], decoding: str | None = None, beam_size: int | None = None,
               length_alpha: float | None = None, temperature: float | None = None, top_k: int | None = None,
               generator: torch.Generator | None = None, record_k: int = 0, batch_size: int = 64,
               retrieve_k: int | None = None, rerank_weight: float | None = None,
               rerank_temperature: float | None = None, channel_weight: float | None = None) -> list[search.Decoded]:
        """One `search.Decoded` per text (an empty text gives an empty output). The decoding settings default
        to the model's own (cfg.decoding, beam_size, length_alpha, temperature, top_k, and rerank's
        retrieve_k, rerank_weight, rerank_temperature: then each output is a `core.tasks.translate.rerank.Reranked`; channel's
        channel_weight: a `core.tasks.translate.channel.Rescored`)."""
        cfg = bundle.cfg
        decoding = decoding or cfg.decoding
        if decoding not in DECODINGS:
            raise ValueError(f"decoding must be one of {', '.join(DECODINGS)}, not {decoding!r}")
        labels = bundle.labels
        ids = dict(bos=labels.stoi[BOS], eos=labels.stoi[EOS], record_k=record_k,
                   banned=(labels.pad_id, labels.unk_id, labels.stoi[BOS]))
        sources = [self.source(bundle, t).ids for t in texts]
        order = sorted((i for i, s in enumerate(sources) if s), key=lambda i: len(sources[i]))
        out: list[search.Decoded | None] = [search.Decoded([], 0.0, False) if not s else None for s in sources]
        if decoding in ("rerank", "channel"):
            texts = [texts[i] for i in order]
            if decoding == "channel":
                done = rescore(self, bundle, texts, beam_size=beam_size or cfg.beam_size,
                               alpha=cfg.length_alpha if length_alpha is None else length_alpha,
                               weight=cfg.channel_weight if channel_weight is None else channel_weight,
                               record_k=record_k)
            else:
                done = rerank(self, bundle, texts, k=retrieve_k or cfg.retrieve_k,
                              weight=cfg.rerank_weight if rerank_weight is None else rerank_weight,
                              temperature=cfg.rerank_temperature if rerank_temperature is None else rerank_temperature,
                              generator=generator, record_k=record_k, generated=generated(cfg), mmi=cfg.rerank_mmi)
            for i, d in zip(order, done):
                out[i] = d
            return out
        model = bundle.model
        with torch.no_grad():
            for start in range(0, len(order), batch_size):
                part = order[start:start + batch_size]
                src = pad([sources[i] for i in part]).to(bundle.device)
                enc = model.encode(src, torch.tensor([len(sources[i]) for i in part]))
                memory = None if cfg.attention == "none" else enc.memory
                args = (model.decoder, enc.state, memory, enc.mask)
                options = dict(ids, max_len=max_output(src.size(1)))
                if decoding == "greedy":
                    done = search.greedy(*args, **options)
                elif decoding == "beam":
                    done = search.beam_search(*args, **options, beam_size=beam_size or cfg.beam_size,
                                              alpha=cfg.length_alpha if length_alpha is None else length_alpha)
                else:
                    done = search.sample(*args, **options, temperature=temperature or cfg.temperature,
                                         top_k=cfg.top_k if top_k is None else top_k, generator=generator)
                for i, d in zip(part, done):
                    out[i] = d
        return out

    def text(self, bundle: Bundle, tokens: list[int]) -> str:
        return sentences.join(bundle.labels.decode(tokens), bundle.cfg.target_tokenizer)

    def write(self, bundle: Bundle, texts: list[str], **decoding) -> list[str]:
        """Each text's output as text."""
        return [self.text(bundle, d.tokens) for d in self.decode(bundle, texts, **decoding)]

    def predict(self, bundle: Bundle, text: str, **decoding) -> str:
        if not text.strip():
            raise DataError("type a sentence first")
        return self.write(bundle, [text], **decoding)[0]

    def show(self, text: str, result) -> str:
        return result


def text_scores(hypotheses: list[str], references: list[str]) -> dict:
    """Corpus BLEU (13a tokenisation) and chrF2 with sacrebleu, their signatures, and the outputs' variety."""
    from sacrebleu.metrics import BLEU, CHRF

    bleu, chrf = BLEU(), CHRF()
    refs = [references]
    return {"bleu": float(bleu.corpus_score(hypotheses, refs).score),
            "chrf": float(chrf.corpus_score(hypotheses, refs).score),
            "distinct": len(set(hypotheses)) / max(1, len(hypotheses)),
            "bleu_signature": str(bleu.get_signature()), "chrf_signature": str(chrf.get_signature())}


def generated(cfg: ModelConfig) -> tuple[str, ...]:
    """The decodings whose replies compete with the retrieved answers when a chatbot reranks."""
    return tuple(g for g in cfg.rerank_generated.split(",") if g)


def decoding_args(args) -> dict:
    """The decoding options given on the command line, as ModelConfig's fields (those not given left out)."""
    names = {"decoding": "decoding", "beam_size": "beam_size", "length_alpha": "length_alpha",
             "temperature": "temperature", "top_k": "top_k", "retrieve_k": "retrieve_k",
             "rerank_weight": "rerank_weight", "rerank_temperature": "rerank_temperature",
             "channel_weight": "channel_weight"}
    return {field: getattr(args, option) for option, field in names.items() if getattr(args, option, None) is not None}
