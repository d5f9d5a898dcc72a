"""Tagger helpers the page needs around core, for its three tasks (named entities, parts of speech in
English and in Korean): free text tagged sentence by sentence (the entities found, or every word coloured by
its part of speech, as escaped HTML), one sentence replayed step by step, a person's CoNLL or CoNLL-U file,
settings from widget values, a training run and its report (scores, the sentences with most errors), and the
shipped POS models' precomputed dev confusion matrices and Korean Sejong lexicon. No Streamlit here."""
import html
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from core.config import ModelConfig, TrainConfig
from core.decoding.viterbi import entities, is_iob
from core.errors import DataError
from core.readers.conll import is_conllu
from core.readers.text import decode, shown
from core.tasks.base import Bundle
from core.tasks.registry import TASKS
from core.text.segment import Token

from .inside import states_of
from .loading import shipped_json
from .runner import OwnRun, Start, TrainingRun

MAX_UPLOAD_MB = 16
MAX_TEXT_CHARS = 50_000  # the text box's limit; all of it is tagged
MAX_INSIDE = 200  # tokens of one sentence replayed step by step and drawn as heatmaps
MIN_SENTENCES = 4  # a CoNLL file to train on needs a few sentences (a tenth validates)
MAX_VALID = 500  # sentences of a shipped validation file scored during training (all would slow it down)
COLORS = {"PER": "#fbb4ae", "ORG": "#b3cde3", "LOC": "#ccebc5", "MISC": "#decbe4"}
OTHER_COLORS = ("#fed9a6", "#ffffcc", "#e5d8bd", "#fddaec", "#f2f2f2", "#b3e2cd", "#fdcdac", "#cbd5e8")
DATA = Path(__file__).resolve().parent.parent / "data"  # shipped with the repository (data/README.md)
# The data sets a visitor may train on: (training file, validation file) under data/, all redistributable.
# CoNLL-2003 is not among them: it is for research use only and is not shipped (English entities: WNUT-17).
DATASETS = {"wnut17": ("wnut17/train.txt", "wnut17/dev.txt"),
            "ud_ewt": ("ud_ewt/train.conllu", "ud_ewt/dev.conllu"),
            "ud_korean_gsd": ("ud_korean_gsd/train.conllu", "ud_korean_gsd/dev.conllu")}
# The page's three tasks: the shipped model, the data sets to train on, and whether its tags are entities.
TASK_NAMES = ("ner", "pos_en", "pos_ko")
SHIPPED = {"ner": "ner-conll2003.safetensors", "pos_en": "pos-en-ewt.safetensors", "pos_ko": "pos-ko-gsd.safetensors"}
TASK_DATASETS = {"ner": ("wnut17",), "pos_en": ("ud_ewt",), "pos_ko": ("ud_korean_gsd",)}
# Universal POS tags (universaldependencies.org/u/pos), coloured by family: nouns blue-green, verbs orange,
# modifiers green, function words lilac and grey. Other tag sets (XPOS, a person's own) take OTHER_COLORS.
POS_COLORS = {"NOUN": "#a6cee3", "PROPN": "#8dd3c7", "PRON": "#b3de69", "VERB": "#fdb462", "AUX": "#fdd49e",
              "ADJ": "#ccebc5", "ADV": "#e5f5e0", "NUM": "#ffffb3", "DET": "#bebada", "ADP": "#decbe4",
              "CCONJ": "#fccde5", "SCONJ": "#fde0ef", "PART": "#d9d9d9", "INTJ": "#ffed6f", "PUNCT": "#f0f0f0",
              "SYM": "#e0e0e0", "X": "#f7f7f7"}


def color(kind: str, kinds: list[str] | None = None) -> str:
    """The background of an entity type: CoNLL's four fixed, others from a palette in their order."""
    if kind in COLORS:
        return COLORS[kind]
    others = [k for k in (kinds or [kind]) if k not in COLORS]
    return OTHER_COLORS[others.index(kind) % len(OTHER_COLORS)] if kind in others else OTHER_COLORS[0]


def entity_types(bundle: Bundle) -> list[str]:
    """The entity types a tagger knows, CoNLL's order first."""
    kinds = sorted({tag[2:] for tag in bundle.labels.itos if tag != "O"})
    return sorted(kinds, key=lambda k: (k not in COLORS, list(COLORS).index(k) if k in COLORS else 0, k))


# ---------------------------------------------------------------- tagging free text


@dataclass
class Entity:
    kind: str
    text: str
    sentence: int
    start: int  # token positions in the sentence, end exclusive
    end: int
    char_start: int  # character offsets in the text
    char_end: int
    confidence: float  # mean probability of its tags


@dataclass
class Tagged:
    text: str
    tokens: list[list[Token]]  # per sentence
    tags: list[list[str]]
    probs: list[np.ndarray]  # per sentence (T, K)
    labels: list[str]  # the K tags
    entities: list[Entity] = field(default_factory=list)

    @property
    def n_tokens(self) -> int:
        return sum(len(s) for s in self.tokens)


def tag_text(bundle: Bundle, text: str) -> Tagged:
    """Tokenise, split into sentences, tag. DataError for an empty or too long text."""
    if len(text) > MAX_TEXT_CHARS:
        raise DataError(f"the text has {len(text):,} characters; at most {MAX_TEXT_CHARS:,} are tagged here")
    found = TASKS["tag"].analyse(bundle, text)
    out = Tagged(text, [s["tokens"] for s in found], [s["tags"] for s in found], [s["probs"].numpy() for s in found],
                 list(bundle.labels.itos))
    index = {tag: k for k, tag in enumerate(out.labels)}
    for n, (tokens, tags, probs) in enumerate(zip(out.tokens, out.tags, out.probs)):
        for kind, start, end in entities(tags):
            a, b = tokens[start].start, tokens[end - 1].end
            confidence = float(np.mean([probs[i, index[tags[i]]] for i in range(start, end)]))
            out.entities.append(Entity(kind, text[a:b], n, start, end, a, b, confidence))
    return out


def highlight(tagged: Tagged, kinds: list[str]) -> str:
    """HTML of the whole text with each entity marked in its type's colour; everything escaped."""
    parts, at = [], 0
    for e in tagged.entities:
        parts.append(html.escape(tagged.text[at:e.char_start]))
        parts.append(f'<mark style="background:{color(e.kind, kinds)};padding:0.1em 0.25em;border-radius:0.3em" '
                     f'title="{html.escape(e.kind)} {e.confidence:.0%}">{html.escape(e.text)}'
                     f'<sup style="font-size:0.65em;font-weight:600;margin-left:0.25em">{html.escape(e.kind)}</sup></mark>')
        at = e.char_end
    parts.append(html.escape(tagged.text[at:]))
    return ('<div style="font-size:1.05rem;line-height:2.0;white-space:pre-wrap;word-wrap:break-word">'
            + "".join(parts) + "</div>")


def legend(kinds: list[str]) -> str:
    return " ".join(f'<span style="background:{color(k, kinds)};padding:0.1em 0.5em;border-radius:0.3em;'
                    f'margin-right:0.4em">{html.escape(k)}</span>' for k in kinds)


def inside(bundle: Bundle, words: list[str]) -> dict[str, np.ndarray]:
    """Replay the word-level BiRNN over one sentence (its first MAX_INSIDE tokens): "hidden", "cell"
    (LSTM), gates -> (L, T, D*H); the forward direction in the first H units, the backward in the rest."""
    batch = TASKS["tag"].inputs(bundle, [words[:MAX_INSIDE]])
    with torch.no_grad():
        _, trace = bundle.model.trace(batch["ids"].to(bundle.device), lengths=batch["lengths"],
                                      chars=batch["chars"].to(bundle.device) if "chars" in batch else None)
    return states_of(trace)


# ---------------------------------------------------------------- a person's data and training


def read_conll(data: bytes, name: str = "the upload", task: str | None = None, column: str = "upos"):
    """[(tokens, tags)] from an uploaded CoNLL file (IOB entity tags) or CoNLL-U file (`column`: upos or xpos),
    or a DataError that says what is wrong with it. `task` ("ner", "pos_en", "pos_ko"): the file's tags must
    be of that kind."""
    if not data or not data.strip():
        raise DataError(f"{name} is empty")
    if task is not None and task != "ner" and not is_conllu(decode(bytes(data), name)):
        first = next((line for line in decode(bytes(data), name).split("\n") if line.strip()), "")
        raise DataError(f"{name} is not a CoNLL-U file: its first line ({shown(first, 40)!r}) should have ten "
                        f"tab-separated columns, the word's number first")
    sentences = TASKS["tag"].read(bytes(data), name, column)
    tags = {t for _, tags in sentences for t in tags}
    entity_tags = is_iob(tags)
    if entity_tags and tags == {"O"}:
        raise DataError(f"{name} has no entities (every tag is O): there is nothing to learn")
    if task is not None and entity_tags != (task == "ner"):
        raise DataError(f"{name} has entity tags (O, B-, I-): pick Named entities to train on it" if entity_tags else
                        f"{name} has no IOB entity tags ({', '.join(sorted(tags)[:6])} …): pick a parts-of-speech "
                        f"task for a CoNLL-U file")
    if len(tags) < 2:
        raise DataError(f"{name} has one tag only ({next(iter(tags))}): there is nothing to learn")
    return sentences


def is_pos(bundle: Bundle) -> bool:
    """A tagger of parts of speech (any tags but IOB ones), not of entities."""
    return not is_iob(bundle.labels.itos)


def task_mismatch(bundle: Bundle, task: str) -> bool:
    """Whether a tagger is of the other kind than the page's task (an entity tagger under parts of speech)."""
    return is_pos(bundle) == (task == "ner")


def datasets(root: Path | None = None) -> dict[str, tuple[Path, Path]]:
    """The tagging data sets shipped in data/ (both files present; a stripped copy may lack some)."""
    root = root or DATA
    found = {}
    for name, (train, valid) in DATASETS.items():
        if (root / train).is_file() and (root / valid).is_file():
            found[name] = (root / train, root / valid)
    return found


def configs(hidden: int = 64, seconds: float = 60, chars: bool = True, cell: str = "lstm", seed: int = 0,
            device: str | None = None, column: str = "upos") -> tuple[ModelConfig, TrainConfig]:
    model_cfg = ModelConfig(task="tag", cell=cell, tokenizer="word", embed_size=64, hidden_size=hidden,
                            bidirectional=True, dropout=0.3, char_hidden_size=25 if chars else 0, char_embed_size=25,
                            word_dropout=0.05, tag_column=column)
    train_cfg = TrainConfig(lr=5e-3, batch_size=32, minutes=seconds / 60, seed=seed, device=device,
                            warmup_steps=20, eval_every=0.1)
    return model_cfg, train_cfg


def start_training(train, valid, model_cfg: ModelConfig, train_cfg: TrainConfig, start: Start | None = None,
                   **facts) -> OwnRun:
    """Hold out a seeded 10% without a validation file; build now (bad data raises at once), train later.
    `start`: the saved model to go on training instead of a new one."""
    task = TASKS["tag"]
    if len(train) < MIN_SENTENCES and valid is None:
        raise DataError(f"{len(train)} sentences: a tagger needs at least {MIN_SENTENCES} (a tenth is held out "
                        f"to score it)")
    if valid is None:
        train, valid = task.split(train, train_cfg.valid_fraction, train_cfg.seed)
    run = TrainingRun.prepare("tag", train, valid, model_cfg, train_cfg, start=start, **facts)
    return OwnRun(run.start(), valid)


def report(bundle: Bundle, valid, n_worst: int = 10) -> dict:
    """On the held-out sentences: entity-level precision, recall and F1 (overall and per type), or for parts
    of speech accuracy, macro F1, per-tag scores and the confusion matrix; and the n sentences with the most
    wrong tags, gold and predicted side by side."""
    task = TASKS["tag"]
    valid = [(w, t) for w, t in valid if w and all(tag in bundle.labels for tag in t)]
    if not valid:
        raise DataError("no held-out sentence to score the model on")
    metrics = task.evaluate(bundle, valid)
    pred = task.decode(bundle, task.tag_probabilities(bundle, [w for w, _ in valid]))
    errors = [sum(g != p for g, p in zip(gold, tags)) for (_, gold), tags in zip(valid, pred)]
    worst = sorted((i for i, n in enumerate(errors) if n), key=lambda i: (-errors[i], i))[:n_worst]
    metrics["worst"] = [{"words": valid[i][0], "gold": valid[i][1], "pred": pred[i], "errors": errors[i]} for i in worst]
    metrics["n"] = len(valid)
    return metrics


def side_by_side(words: list[str], gold: list[str], pred: list[str]) -> str:
    """HTML: a sentence as a table, each word with its gold tag and the predicted one (wrong ones red)."""
    cells = []
    for w, g, p in zip(words, gold, pred):
        style = "color:#c0392b;font-weight:600" if g != p else "color:#5f6b7a"
        cells.append(f'<td style="padding:0 0.4em;text-align:center;vertical-align:top">{html.escape(w)}<br>'
                     f'<span style="font-size:0.75em;color:#5f6b7a">{html.escape(g)}</span><br>'
                     f'<span style="font-size:0.75em;{style}">{html.escape(p)}</span></td>')
    return ('<div style="overflow-x:auto"><table style="border:none;border-collapse:collapse"><tr>'
            + "".join(cells) + "</tr></table></div>")


# ---------------------------------------------------------------- parts of speech


def pos_color(tag: str, tags: list[str] | None = None) -> str:
    """The background of a part of speech: the universal tags fixed by family, others from a palette in order."""
    if tag in POS_COLORS:
        return POS_COLORS[tag]
    others = [k for k in (tags or [tag]) if k not in POS_COLORS]
    return OTHER_COLORS[others.index(tag) % len(OTHER_COLORS)] if tag in others else OTHER_COLORS[0]


def tag_probability(tagged: Tagged) -> list[np.ndarray]:
    """For each sentence (T,): the probability the network gave the tag it chose for each word."""
    index = {tag: k for k, tag in enumerate(tagged.labels)}
    return [probs[np.arange(len(tags)), [index[t] for t in tags]] for tags, probs in zip(tagged.tags, tagged.probs)]


def top_tags(probs: np.ndarray, labels: list[str], k: int = 3) -> tuple[list[list[str]], np.ndarray]:
    """probs (T, K) -> the k most probable tags of each word (T, k) and their probabilities (T, k)."""
    k = min(k, probs.shape[1])
    order = np.argsort(-probs, axis=1, kind="stable")[:, :k]  # (T, k)
    return [[labels[j] for j in row] for row in order], np.take_along_axis(probs, order, axis=1)


def pos_words(words: list[str], tags: list[str], hovers: list[str], labels: list[str],
              notes: list[str] | None = None) -> str:
    """HTML: each word on the background of its tag, the tag under it (and a note under that, such as the
    Sejong tags of a Korean word), `hovers` as each word's tooltip; everything escaped."""
    cells = []
    for i, (word, tag) in enumerate(zip(words, tags)):
        note = (f'<br><span style="font-size:0.68em;color:#4a5260">{html.escape(notes[i])}</span>'
                if notes and notes[i] else "")
        cells.append(f'<span title="{html.escape(hovers[i])}" style="display:inline-block;text-align:center;'
                     f'background:{pos_color(tag, labels)};border-radius:0.3em;padding:0.1em 0.35em;margin:0.15em;'
                     f'line-height:1.25;vertical-align:top;cursor:help">{html.escape(word)}<br>'
                     f'<span style="font-size:0.7em;font-weight:600;color:#333">{html.escape(tag)}</span>{note}</span>')
    return '<div style="font-size:1.05rem">' + "".join(cells) + "</div>"


def pos_legend(tags: list[str], labels: list[str], explain) -> str:
    """HTML: each tag in its colour with `explain(tag)` (what it stands for, or "") beside it."""
    items = []
    for tag in tags:
        meaning = explain(tag)
        items.append(f'<span style="display:inline-block;margin:0.15em 0.6em 0.15em 0"><span style="background:'
                     f'{pos_color(tag, labels)};padding:0.05em 0.45em;border-radius:0.3em;font-weight:600">'
                     f'{html.escape(tag)}</span>' + (f" {html.escape(meaning)}" if meaning else "") + "</span>")
    return '<div style="font-size:0.9rem;line-height:1.9">' + "".join(items) + "</div>"


def morpheme_tags(xpos: str) -> list[str]:
    """Sejong tags of a Korean word, one per morpheme: 'NNP+JX' -> ['NNP', 'JX']."""
    return [t for t in xpos.split("+") if t]


def sejong_analyses(lexicon: dict, word: str, n: int = 2) -> list[tuple[str, str, int]]:
    """The treebank's analyses of a Korean word, most frequent first: [(morphemes, Sejong tags, count)] from the
    lexicon (word -> [[morphemes, Sejong tags, count], ...]); [] for a word it does not have. A word can have
    several: Korean-GSD has 나는 as 나/VV + 는/ETM ("coming out") and as 나/NP + 는/JX ("I", the topic)."""
    return [(m, x, c) for m, x, c in (lexicon.get(word) or [])[:n]]


def extras_path(models: Path, name: str, kind: str) -> Path:
    """Where a shipped model's precomputed extras lie: models/pos-en-ewt.confusion.json and the like."""
    return models / name.replace(".safetensors", f".{kind}.json")


def shipped_extra(models: Path, name: str, kind: str) -> dict | None:
    """The shipped model's precomputed `kind` ("confusion": its dev confusion matrix; "sejong": a Korean
    word -> [morphemes, Sejong tags] lexicon from the training data), or None if there is none."""
    return shipped_json(extras_path(models, name, kind))


def confusion_share(counts, labels: list[str], n: int = 8) -> list[tuple[str, str, int]]:
    """The n most frequent confusions (gold tag, predicted tag, count), off the diagonal."""
    counts = np.asarray(counts)
    pairs = [(labels[i], labels[j], int(counts[i, j])) for i in range(len(labels)) for j in range(len(labels))
             if i != j and counts[i, j] > 0]
    return sorted(pairs, key=lambda p: -p[2])[:n]
