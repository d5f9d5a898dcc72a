"""Checkpoints: one .safetensors file with the tensors, and the settings and vocabularies as JSON
in its metadata. Loading never unpickles anything, so a file from a stranger cannot run code."""
import json
import os
import tempfile
from dataclasses import fields
from pathlib import Path

import torch
from safetensors import SafetensorError, safe_open
from safetensors.torch import save

from core.config import ModelConfig
from core.errors import CheckpointError
from core.tasks.base import Bundle
from core.tasks.classify.mixture import MixedVocab
from core.tasks.registry import TASKS, build_model
from core.tasks.translate.retrieve import Memory
from core.text.vocab import Vocab

FORMAT = "rnnlab"
VERSION = "1"
OPTIMIZER = "optimizer."  # prefix of the tensors that hold AdamW's state, for resuming a run
ADAM_STATE = ("step", "exp_avg", "exp_avg_sq")
# Limits on the metadata's JSON, checked before it is parsed: a forged header cannot make us build large
# Python structures. A vocabulary may spend this many characters per token on average (the shipped ones: 11).
JSON_CHARS_PER_TOKEN = 100
MAX_SETTINGS_CHARS = 10_000
MAX_INFO_CHARS = 1_000_000
MAX_MEMORY_CHARS = 20_000_000  # a reranking chatbot's training pairs (the shipped one's: 0.35 M)
MAX_UNUSED_VOCAB = 100_000  # tokens of a vocabulary its model does not read (a tagger's characters, when off)
MAX_TAG_CHARS = 100  # a tagger's tag: IOB (B-PER) or any other (NOUN, Sejong's NNG+JKO); IOB ones decode with Viterbi
TYPE_NAMES = {bool: "true or false", int: "a whole number", float: "a number", str: "a string"}


def optimizer_tensors(model: torch.nn.Module, optimizer: torch.optim.Optimizer) -> dict[str, torch.Tensor]:
    """AdamW's state as named tensors, `optimizer.<parameter>.<exp_avg|exp_avg_sq|step>`."""
    names = {p: n for n, p in model.named_parameters()}
    return {f"{OPTIMIZER}{names[p]}.{k}": v for p, state in optimizer.state.items() for k, v in state.items()}


def to_bytes(bundle: Bundle, dtype: torch.dtype | None = None,
             optimizer: torch.optim.Optimizer | None = None) -> bytes:
    """`dtype` (e.g. torch.float16): store floating-point weights so, to halve a shipped file; loading
    restores the model's own dtype. `optimizer`: keep its state too (in float32), so training can resume."""
    meta = {
        "format": FORMAT,
        "version": VERSION,
        "config": json.dumps(bundle.cfg.to_dict()),
        "vocab": json.dumps(bundle.vocab.to_dict()),
        "info": json.dumps(bundle.info),
    }
    for name in ("labels", "chars"):
        if getattr(bundle, name) is not None:
            meta[name] = json.dumps(getattr(bundle, name).to_dict())
    if isinstance(bundle.vocab, MixedVocab):  # a classifier of characters and words: the words' vocabulary
        meta["words"] = json.dumps(bundle.vocab.words.to_dict())
    if bundle.memory is not None:  # a reranking chatbot's training pairs (core.tasks.translate.retrieve), UTF-8: half the size
        meta["memory"] = json.dumps(bundle.memory.to_dict(), ensure_ascii=False)
    tensors = {k: v.detach().cpu().to(dtype if dtype and v.is_floating_point() else v.dtype).contiguous()
               for k, v in bundle.model.state_dict().items()}
    if optimizer is not None:
        tensors |= {k: v.detach().cpu().contiguous() for k, v in optimizer_tensors(bundle.model, optimizer).items()}
    return save(tensors, metadata=meta)


def save_checkpoint(bundle: Bundle, path: str | Path, dtype: torch.dtype | None = None,
                    optimizer: torch.optim.Optimizer | None = None):
    """Write atomically: a stopped or failed run never leaves a half-written file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".part")
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # as open() would make it, not mkstemp's owner-only 0600
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(to_bytes(bundle, dtype, optimizer))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_checkpoint(source: str | Path | bytes, task: str | None = None, device: str | torch.device = "cpu",
                    name: str | None = None) -> Bundle:
    """A Bundle in eval mode. `source` is a path or the file's bytes; `task` refuses other tasks' files."""
    name = name or ("the upload" if isinstance(source, bytes) else str(source))
    if isinstance(source, bytes):
        with tempfile.NamedTemporaryFile(suffix=".safetensors") as f:
            f.write(source)
            f.flush()
            return load_checkpoint(f.name, task, device, name)
    try:
        with safe_open(str(source), framework="pt", device="cpu") as f:
            meta = f.metadata() or {}
            if meta.get("format") != FORMAT:
                raise CheckpointError(f"{name} is a safetensors file but not an RNN Lab checkpoint")
            if meta.get("version") != VERSION:
                raise CheckpointError(f"{name} is an RNN Lab checkpoint of version {meta.get('version')!r}; "
                                      f"this version reads {VERSION}")
            cfg = _settings(meta, name)
            if task is not None and cfg.task != task:
                raise CheckpointError(f"{name} holds {TASKS[cfg.task].title}; this needs {TASKS[task].title}")
            try:
                with torch.device("meta"):  # shapes only: a forged file cannot make us allocate much
                    meta_model = build_model(cfg)
            except (RuntimeError, IndexError, ValueError, TypeError):
                raise CheckpointError(f"{name}: its model settings cannot be built") from None
            expected = {k: tuple(v.shape) for k, v in meta_model.state_dict().items()}
            moments = {f"{OPTIMIZER}{n}.{k}": (() if k == "step" else tuple(p.shape))
                       for n, p in meta_model.named_parameters() for k in ADAM_STATE}
            keys = set(f.keys())
            saved_moments = keys & set(moments)
            if keys - saved_moments != set(expected) or saved_moments not in (set(), set(moments)):
                raise CheckpointError(f"{name}: its tensors do not match its settings")
            for key in keys:
                if tuple(f.get_slice(key).get_shape()) != (expected | moments)[key]:
                    raise CheckpointError(f"{name}: tensor {key} has the wrong shape")
            vocab, labels, chars = _vocabularies(meta, cfg, name)  # each bounded by a size the tensors confirm
            info = _json(meta, "info", name, MAX_INFO_CHARS, default={})
            if not isinstance(info, dict):
                raise CheckpointError(f"{name}: its info is not a JSON object")
            memory = Memory.from_dict(_json(meta, "memory", name, MAX_MEMORY_CHARS), name) if "memory" in meta else None
            state = {key: f.get_tensor(key) for key in expected}
            optimizer = {key.removeprefix(OPTIMIZER): f.get_tensor(key) for key in sorted(saved_moments)} or None
    except FileNotFoundError:
        raise CheckpointError(f"{name} does not exist") from None
    except (SafetensorError, OSError, ValueError) as e:
        raise CheckpointError(f"{name} is not a safetensors checkpoint ({str(e).splitlines()[0][:80]})") from None
    model = build_model(cfg)  # as large as the tensors just read, no larger
    model.load_state_dict(state)
    return Bundle(model.to(device).eval(), vocab, labels, chars, info, optimizer, memory)


def _settings(meta: dict, name: str) -> ModelConfig:
    """The model settings, each of its field's type: JSON's 8.0, "8" or true is not a hidden size."""
    d = _json(meta, "config", name, MAX_SETTINGS_CHARS)
    for field in fields(ModelConfig) if isinstance(d, dict) else ():
        kind, value = type(field.default), d.get(field.name, field.default)
        ok = isinstance(value, bool) if kind is bool else (
            isinstance(value, (int, float) if kind is float else kind) and not isinstance(value, bool))
        if not ok:
            raise CheckpointError(f"{name}: its setting {field.name} must be {TYPE_NAMES[kind]}, not {json.dumps(value)[:40]}")
    return ModelConfig.from_dict(d)


def _vocabularies(meta: dict, cfg: ModelConfig, name: str) -> tuple[Vocab, Vocab | None, Vocab | None]:
    """(vocab, labels, chars), each of the size its model's settings declare (a language model has no labels;
    a tagger without character features keeps its characters' vocabulary anyway)."""
    vocab = _vocab(meta, "vocab", cfg.vocab_size, name)
    if cfg.word_vocab_size:  # character and word members in one classifier (core.tasks.classify.mixture)
        vocab = MixedVocab(vocab.itos, _vocab(meta, "words", cfg.word_vocab_size, name))
    labels = _vocab(meta, "labels", cfg.num_labels, name) if TASKS[cfg.task].has_labels else None
    chars = _vocab(meta, "chars", cfg.char_vocab_size or None, name) if "chars" in meta or cfg.char_vocab_size else None
    if cfg.task == "tag" and not all(isinstance(t, str) and 0 < len(t) <= MAX_TAG_CHARS and t.isprintable()
                                     and not any(c.isspace() for c in t) for t in labels.itos):
        raise CheckpointError(f"{name}: its tags are not tag names (each one printable, without spaces, at most "
                              f"{MAX_TAG_CHARS} characters)")
    return vocab, labels, chars


def _vocab(meta: dict, key: str, size: int | None, name: str) -> Vocab:
    """The vocabulary under `key`, of `size` tokens (None: any number up to MAX_UNUSED_VOCAB). Its JSON's
    length is checked against that size before it is parsed."""
    limit = JSON_CHARS_PER_TOKEN * (MAX_UNUSED_VOCAB if size is None else size) + 1000
    vocab = Vocab.from_dict(_json(meta, key, name, limit))
    wrong = len(vocab) > MAX_UNUSED_VOCAB if size is None else len(vocab) != size
    if wrong:
        raise CheckpointError(f"{name}: its vocabulary does not match its model")
    return vocab


def _json(meta: dict, key: str, name: str, limit: int, default=None):
    """meta[key] parsed, if it is at most `limit` characters long."""
    if key not in meta:
        if default is not None:
            return default
        raise CheckpointError(f"{name} lacks its {key}")
    if len(meta[key]) > limit:
        raise CheckpointError(f"{name}: its {key} is too large ({len(meta[key]):,} characters for at most {limit:,})")
    try:
        return json.loads(meta[key])
    except (json.JSONDecodeError, RecursionError):
        raise CheckpointError(f"{name}: its {key} is not valid JSON") from None


def task_of(path: str | Path) -> str:
    """The task (a key of core.tasks.registry.TASKS) a checkpoint file holds, read from its header alone."""
    name = str(path)
    try:
        with safe_open(name, framework="pt", device="cpu") as f:
            meta = f.metadata() or {}
    except (SafetensorError, OSError, ValueError) as e:
        raise CheckpointError(f"{name} is not a safetensors checkpoint ({str(e).splitlines()[0][:80]})") from None
    if meta.get("format") != FORMAT:
        raise CheckpointError(f"{name} is a safetensors file but not an RNN Lab checkpoint")
    return _settings(meta, name).task
