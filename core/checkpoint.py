"""Checkpoints: one .safetensors file with the tensors, and the settings and vocabularies as JSON
in its metadata. Loading never unpickles anything, so a file from a stranger cannot run code."""
import json
import os
import tempfile
from pathlib import Path

import torch
from safetensors import SafetensorError, safe_open
from safetensors.torch import save

from .config import ModelConfig
from .errors import CheckpointError
from .models import build_model
from .tasks import Bundle
from .vocab import Vocab

FORMAT = "rnnlab"
VERSION = "1"
TASK_NAMES = {"lm": "a language model", "classify": "a classifier", "tag": "a tagger"}
OPTIMIZER = "optimizer."  # prefix of the tensors that hold AdamW's state, for resuming a run
ADAM_STATE = ("step", "exp_avg", "exp_avg_sq")


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
            cfg = ModelConfig.from_dict(_json(meta, "config"))
            if task is not None and cfg.task != task:
                raise CheckpointError(f"{name} holds {TASK_NAMES[cfg.task]}; this needs {TASK_NAMES[task]}")
            try:
                with torch.device("meta"):  # shapes only: a forged file cannot make us allocate much
                    meta_model = build_model(cfg)
            except (RuntimeError, IndexError, ValueError):
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
            state = {key: f.get_tensor(key) for key in expected}
            optimizer = {key.removeprefix(OPTIMIZER): f.get_tensor(key) for key in sorted(saved_moments)} or None
    except FileNotFoundError:
        raise CheckpointError(f"{name} does not exist") from None
    except (SafetensorError, OSError, ValueError) as e:
        raise CheckpointError(f"{name} is not a safetensors checkpoint ({str(e).splitlines()[0][:80]})") from None
    model = build_model(cfg)  # as large as the tensors just read, no larger
    model.load_state_dict(state)
    bundle = Bundle(model.to(device).eval(), Vocab.from_dict(_json(meta, "vocab")),
                    _vocab(meta, "labels"), _vocab(meta, "chars"), _json(meta, "info", {}), optimizer)
    sizes = {"vocab_size": len(bundle.vocab), "num_labels": len(bundle.labels) if bundle.labels else 0,
             "char_vocab_size": len(bundle.chars) if bundle.chars and cfg.char_vocab_size else 0}
    if any(getattr(cfg, k) != v for k, v in sizes.items() if not (k == "num_labels" and cfg.task == "lm")):
        raise CheckpointError(f"{name}: its vocabulary does not match its model")
    return bundle


def _json(meta: dict, key: str, default=None):
    if key not in meta:
        if default is not None:
            return default
        raise CheckpointError(f"the checkpoint lacks its {key}")
    try:
        return json.loads(meta[key])
    except json.JSONDecodeError:
        raise CheckpointError(f"the checkpoint's {key} is not valid JSON") from None


def _vocab(meta: dict, key: str) -> Vocab | None:
    return Vocab.from_dict(_json(meta, key)) if key in meta else None
