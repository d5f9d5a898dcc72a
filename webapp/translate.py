"""The translate page's pieces that are not drawing: the shipped models, one sentence translated with
everything the page shows about it (attention, each step's candidates, the beam, both networks' states),
the chat's replies, the "what attention buys" table, and training on an upload. No Streamlit here."""
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

from .inside import states_of
from .loading import models_dir, shipped_json
from .runner import OwnRun, Start, TrainingRun

TASK = TASKS["translate"]
SHIPPED = {"ko-en": "translate-ko-en.safetensors", "en-ko": "translate-en-ko.safetensors",
           "chat": "chatbot-ko.safetensors"}
ATTENTION_TABLE = "translate-attention.json"  # what attention buys, measured by benchmarks/translate_attention.py
MAX_TEXT_CHARS = 5_000  # the text box takes this much; the model reads MAX_SOURCE_TOKENS tokens of it
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


def write(bundle: Bundle, text: str, decoding: str | None = None, beam_size: int | None = None,
          temperature: float | None = None, generator: torch.Generator | None = None, **options) -> Written:
    """The model's output for `text`, with its record; DataError for an empty text. `options`: more of
    `TranslateTask.decode`'s (rerank_temperature...); a reranked reply's `decoded` has its candidates."""
    if not text.strip():
        raise DataError("type a sentence first")
    source = TASK.source(bundle, text[:MAX_TEXT_CHARS])
    if not source.ids:
        raise DataError("the text has nothing the model reads")
    [d] = TASK.decode(bundle, [source.text], decoding=decoding, beam_size=beam_size, temperature=temperature,
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
                   encoder=encoder, decoder=decoder, unknown=source.unknown, cut=source.cut or len(text) > MAX_TEXT_CHARS,
                   beams=beams)


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


__all__ = ["SHIPPED", "EXAMPLES", "Written", "write", "attention_table", "configs", "start_training", "report",
           "MAX_SOURCE_TOKENS"]
