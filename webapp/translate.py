"""The translate page's pieces that are not drawing: the shipped models, one sentence translated with
everything the page shows about it (attention, each step's candidates, the beam, both networks' states),
the chat's replies, the "what attention buys" table, and training on an upload. No Streamlit here."""
import re
from dataclasses import dataclass, field

import numpy as np
import torch

from core.config import ModelConfig, TrainConfig
from core.decoding.search import Decoded
from core.errors import DataError
from core.readers.pairs import Pair, read_pairs
from core.tasks.base import Bundle
from core.tasks.registry import TASKS
from core.tasks.translate.channel import Rescored
from core.tasks.translate.seq2seq import BOS
from core.tasks.translate.task import MAX_SOURCE_TOKENS
from core.text import segment, sentences

from .inside import states_of
from .loading import models_dir, shipped_json
from .runner import OwnRun, Start, TrainingRun

TASK = TASKS["translate"]
SHIPPED = {"ko-en": "translate-ko-en.safetensors", "en-ko": "translate-en-ko.safetensors",
           "chat": "chatbot-ko.safetensors"}
ATTENTION_TABLE = "translate-attention.json"  # what attention buys, measured by benchmarks/translate_attention.py
MAX_TEXT_CHARS = 5_000  # the text box takes this much (its max_chars); the model reads MAX_SOURCE_TOKENS tokens of it
MAX_UPLOAD_MB = 16
TOP_K = 5
TATOEBA = "CC-BY 2.0 (France), tatoeba.org"

# Example sentences from the validation part of the pairs (never trained on): Tatoeba's with their attribution
# (CC-BY 2.0 France: tatoeba.org sentence numbers, English & Korean, and their authors), the chatbot's
# questions (songys/Chatbot_data, MIT).
_TATOEBA = [("나는 그냥 쉬고 싶어.", "I just want to rest.", "#1887450 (CK) & #8361470 (Eunhee)"),
            ("이건 중대한 문제야.", "This is a serious problem.", "#8340953 (CK) & #8367182 (Eunhee)"),
            ("요리 좋아해?", "Do you like cooking?", "#953202 (CK) & #5383157 (rainbow4us)"),
            ("난 아직도 프랑스어 배우고 있어.", "I'm still learning French.", "#8407367 (CK) & #8410344 (Eunhee)")]
EXAMPLES = {
    "ko-en": [(ko, f"tatoeba.org {who}") for ko, _, who in _TATOEBA],
    "en-ko": [(en, f"tatoeba.org {who}") for _, en, who in _TATOEBA],
    "chat": [("내가 쉬워보이나?", ""), ("정말 모두 잊고 새출발할꺼야", ""), ("사랑은 주고 받는 거지?", "")],
}


SOURCE_LANGUAGE = {"ko-en": "ko", "en-ko": "en"}  # the language each direction's model reads
_WORD = re.compile(r"[^\W\d_]+(?:\w*)", re.UNICODE)  # a run of letters (digits after the first letter kept)
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")


@dataclass(frozen=True)
class Reading:
    """The part of an input the model reads: at most MAX_SOURCE_TOKENS tokens, ending at a sentence's end
    where one fits (else at a space, else mid-word)."""

    text: str  # the part read, as typed (a prefix of the input)
    total: int  # the input's characters
    tokens: int  # the tokens read
    cut: bool  # some of the input was left out
    unit: str = "char"  # what a token is: "char" or "word" (the model's tokenizer)

    @property
    def chars(self) -> int:
        """The characters read."""
        return len(self.text)


def reading(bundle: Bundle, text: str) -> Reading:
    """What the model reads of `text` (see Reading)."""
    kind = bundle.cfg.tokenizer
    total = len(text)
    text = text[:MAX_TEXT_CHARS]

    def count(n: int) -> int:
        return len(sentences.split(text[:n], kind))

    if count(len(text)) <= MAX_SOURCE_TOKENS and total <= MAX_TEXT_CHARS:
        return Reading(text, total, count(len(text)), False, kind)
    lo, hi = 0, len(text)  # the longest prefix of at most MAX_SOURCE_TOKENS tokens (a prefix's count grows with it)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        lo, hi = (mid, hi) if count(mid) <= MAX_SOURCE_TOKENS else (lo, mid - 1)
    # every sentence but the last ends at . ! ? or a line break: read up to the last such end that fits, unless
    # that leaves out more than half of what would fit (one long sentence): then up to a space
    ends = [s[-1].end for s in segment.sentences(text)[:-1] if s[-1].end <= lo]
    space = text.rfind(" ", 0, lo + 1)
    end = ends[-1] if ends and ends[-1] > lo // 2 else space if space > lo // 2 else lo
    part = text[:end].rstrip()
    return Reading(part, total, count(len(part)), True, kind)


def _language_of(word: str) -> str:
    """"ko" for a word with Hangul in it, "en" for one of Latin letters (and digits), else "other"."""
    if _HANGUL.search(word):
        return "ko"
    return "en" if all(_LATIN.match(c) or c.isdigit() or c == "_" for c in word) else "other"


def looks_like(text: str) -> str | None:
    """The language most of `text`'s words are written in: "ko" (words with Hangul), "en" (words of Latin
    letters), "other" (other scripts, or no majority), or None for a text without words (digits, punctuation).
    Counted by word, not by letter: a Hangul syllable is one character for two or three letters, and "나는
    iPhone을 샀어" is Korean."""
    words = [_language_of(w) for w in _WORD.findall(text)]
    if not words:
        return None
    best = max(("ko", "en", "other"), key=words.count)
    return best if 2 * words.count(best) > len(words) else "other"


def wrong_language(text: str, direction: str) -> str | None:
    """When fewer than half of `text`'s words are in the language the model of `direction` reads: the language
    it looks like ("ko", "en" or "other"); else None (also for a text without words)."""
    read = SOURCE_LANGUAGE[direction]
    words = [_language_of(w) for w in _WORD.findall(text)]
    if not words or 2 * words.count(read) >= len(words):
        return None
    seen = looks_like(text)
    return seen if seen not in (read, None) else "other"


def swapped_text(text: str, old: str, new: str, translation: str | None = None) -> str:
    """What the text box holds after the direction changes from `old` to `new`, as a translation site does
    it: an example becomes the same example in the other language; a text already in the new direction's
    language stays; a text with a translation gives way to its translation; anything else to the new
    direction's first example. An empty box stays empty."""
    if not text.strip():
        return text
    for (mine, _), (theirs, _) in zip(EXAMPLES[old], EXAMPLES[new]):
        if text.strip() == mine:
            return theirs
    if wrong_language(text, new) is None:
        return text
    if translation and translation.strip() and wrong_language(translation, new) is None:
        return translation
    return EXAMPLES[new][0][0]


@dataclass
class Written:
    """One input and how the model wrote its output."""

    source: list[str]  # the tokens the encoder read
    output: list[str]  # the tokens written (without </s>)
    text: str  # the output as text
    decoded: Decoded  # tokens, each step's record, the beam
    attention: np.ndarray  # (T, S): one row per written token (and </s> when finished)
    steps: list[str]  # the token of each step, </s> included
    candidates: list[list[tuple[str, float]]]  # each step's top candidates
    encoder: dict[str, np.ndarray]  # "hidden", gates... -> (L, S, D*H)
    decoder: dict[str, np.ndarray]  # -> (L, T, H)
    unknown: list[str]  # source tokens the model never saw
    cut: bool  # the input was longer than the model reads
    beams: list[list[dict]] = field(default_factory=list)  # each step's hypotheses, best first
    read: Reading | None = None  # the part of the input the model read


def write(bundle: Bundle, text: str, decoding: str | None = None, beam_size: int | None = None,
          temperature: float | None = None, generator: torch.Generator | None = None, **options) -> Written:
    """The model's output for `text`, with its record; DataError for an empty text. `options`: more of
    `TranslateTask.decode`'s (rerank_temperature...); a reranked reply's `decoded` has its candidates."""
    if not text.strip():
        raise DataError("type a sentence first")
    read = reading(bundle, text)
    source = TASK.source(bundle, read.text)  # exactly what decode reads of read.text: its tokens match the attention
    if not source.ids:
        raise DataError("the text has nothing the model reads")
    [d] = TASK.decode(bundle, [read.text], decoding=decoding, beam_size=beam_size, temperature=temperature,
                      generator=generator, record_k=TOP_K, **options)
    labels, eos = bundle.labels, "</s>"
    steps = [labels.itos[s.token] for s in d.steps]
    attention = np.stack([s.attention.numpy() for s in d.steps]) if d.steps else np.zeros((0, len(source.ids)))
    encoder, decoder = trace(bundle, source.ids, [s.token for s in d.steps])
    beams = [[{"tokens": labels.decode(h.tokens), "logprob": h.logprob, "score": h.score, "finished": h.finished,
               "parent": h.parent} for h in step] for step in (d.beams or [])]
    return Written(source=source.tokens, output=labels.decode(d.tokens), text=TASK.text(bundle, d.tokens),
                   decoded=d, attention=attention, steps=[s if s != eos else eos for s in steps],
                   candidates=[[(labels.itos[i], p) for i, p in s.candidates] for s in d.steps],
                   encoder=encoder, decoder=decoder, unknown=source.unknown, cut=read.cut or source.cut,
                   beams=beams, read=read)


def rescored(written: Written) -> bool:
    """Whether the output was chosen by decoding "channel" (its n-best rescored by the other direction)."""
    return isinstance(written.decoded, Rescored)


def trace(bundle: Bundle, source: list[int], written: list[int]) -> tuple[dict, dict]:
    """Both networks' states over the source and over the written tokens (the decoder fed <s> and each
    token it wrote, as it was when writing)."""
    bos = bundle.labels.stoi[BOS]
    ids = torch.tensor([source], device=bundle.device)
    inputs = torch.tensor([[bos] + written[:-1] if written else [bos]], device=bundle.device)
    with torch.no_grad():
        _, _, enc, dec = bundle.model.trace(ids, inputs, torch.tensor([len(source)]))
    return states_of(enc), states_of(dec)


def winner_path(beams: list[list[dict]], tokens: list[str]) -> list[int]:
    """The rank, at each step, of the winning hypothesis's prefix among that step's kept hypotheses
    (-1 where the greedy output won and its prefix fell out of the beam)."""
    path = []
    for t, step in enumerate(beams):
        prefix = tokens[: t + 1]
        path.append(next((i for i, h in enumerate(step) if h["tokens"] == prefix), -1))
    return path


# ---------------------------------------------------------------- what attention buys


def attention_table() -> dict | None:
    """The precomputed comparison (models/translate-attention.json), or None when it is not there."""
    return shipped_json(models_dir() / ATTENTION_TABLE)


# ---------------------------------------------------------------- your own


def read_upload(data: bytes, name: str, source_column: int, target_column: int) -> list[Pair]:
    """Pairs from an uploaded TSV/CSV, the columns counted from 1."""
    return read_pairs(data, name, source_column, target_column)


def columns(data: bytes, name: str) -> list[str]:
    """The first row's cells of an upload (for picking the columns): a header's names or the first pair."""
    pairs = read_pairs(data, name)  # raises DataError with a message for a file that is not one of pairs
    text = data.decode("utf-8-sig", errors="replace")
    first = next(line for line in text.split("\n") if line.strip())
    cells = first.split("\t") if "\t" in first else first.split(",")
    del pairs
    return [c.strip() for c in cells]


def configs(source_tokens: str = "char", target_tokens: str = "word", cell: str = "gru", hidden: int = 128,
            attention: str = "additive", seconds: float = 60, decoding: str = "beam",
            seed: int = 0) -> tuple[ModelConfig, TrainConfig]:
    model_cfg = ModelConfig(task="translate", cell=cell, tokenizer=source_tokens, target_tokenizer=target_tokens,
                            embed_size=min(128, hidden), hidden_size=hidden, bidirectional=True, dropout=0.2,
                            attention=attention, decoding=decoding, label_smoothing=0.1)
    train_cfg = TrainConfig(lr=3e-3, batch_size=32, minutes=seconds / 60, seed=seed, warmup_steps=20, eval_every=0.2)
    return model_cfg, train_cfg


def start_training(train: list[Pair], model_cfg: ModelConfig, train_cfg: TrainConfig, start: Start | None = None,
                   **facts) -> OwnRun:
    """Hold out grouped validation pairs, build now (bad data raises DataError at once), train in the
    background."""
    train, valid = TASK.split(train, train_cfg.valid_fraction, train_cfg.seed)
    run = TrainingRun.prepare("translate", train, valid, model_cfg, train_cfg, start=start, **facts)
    return OwnRun(run.start(), valid)


def report(bundle: Bundle, valid: list[Pair], n: int = 8) -> dict:
    """The held-out scores and a few held-out pairs with what the model wrote."""
    metrics = TASK.evaluate(bundle, valid)
    shown = valid[:n]
    metrics["examples"] = [{"source": p.source, "target": p.target, "written": w}
                           for p, w in zip(shown, TASK.write(bundle, [p.source for p in shown]))]
    return metrics


__all__ = ["SHIPPED", "EXAMPLES", "Reading", "reading", "looks_like", "wrong_language", "swapped_text", "Written",
           "write", "attention_table", "configs", "start_training", "report",
           "MAX_SOURCE_TOKENS"]
