"""Models the app opens: shipped checkpoints (loaded once per process, shared, never mutated) and
uploads (a person's own, kept in their session)."""
import functools
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import streamlit as st
from streamlit.logger import get_logger

from core.checkpoint import load_checkpoint
from core.errors import CheckpointError, RNNLabError
from core.tasks.base import Bundle

from .i18n import t

REPO = Path(__file__).resolve().parent.parent
log = get_logger(__name__)  # Streamlit's: printed at its logger.level (info by default)


def models_dir() -> Path:
    """Where shipped models live: models/ of the repository, or $RNNLAB_MODELS (tests point it elsewhere)."""
    return Path(os.environ.get("RNNLAB_MODELS") or REPO / "models")


@functools.lru_cache(maxsize=16)
def _read_json(path: str, mtime: float):  # mtime: a replaced file is read afresh
    return json.loads(Path(path).read_text(encoding="utf-8"))


def shipped_json(path: Path) -> dict | None:
    """A JSON object shipped next to the models (a confusion matrix, a precomputed table), read once per
    server (again when the file changes); None when it is missing or not a JSON object."""
    try:
        found = _read_json(str(path), path.stat().st_mtime)
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None


CACHED_MODELS = 24  # every shipped model (11 files) stays loaded, with room for files replaced while running


@st.cache_resource(show_spinner=False, max_entries=CACHED_MODELS)
def _load(path: str, mtime: float, task: str) -> Bundle:  # mtime: a replaced file is loaded afresh
    start = time.perf_counter()
    bundle = load_checkpoint(path, task=task, name=Path(path).name)
    log.info("loaded %s in %.1f s", Path(path).name, time.perf_counter() - start)  # benchmarks/classroom.py counts these
    for p in bundle.model.parameters():
        p.requires_grad_(False)  # frozen: shared by every session
    return bundle


@st.cache_resource(max_entries=256, show_spinner=False)
def _shared(model_key: str, what: tuple, _compute: Callable):
    return _compute()


@st.cache_resource(max_entries=12, show_spinner=False)
def _shared_large(model_key: str, what: tuple, _compute: Callable):
    return _compute()


def once_per_server(model_key: str, what: tuple, compute: Callable, large: bool = False,
                    fresh: Callable | None = None):
    """`compute()` for a shipped model (`model_key` "shipped:NAME:MTIME") done once per server for the same
    `what` (the input and the settings) and shared by every visitor, read-only: a class opening the same
    example waits for one computation. `compute` draws nothing (Streamlit's cache cannot replay it). For a
    visitor's own model, `fresh()` (default `compute()`), which may draw as it goes. `large`: a result of
    megabytes (every state of a trace), of which the server keeps fewer."""
    if not model_key.startswith("shipped:"):
        return (fresh or compute)()
    return (_shared_large if large else _shared)(model_key, what, compute)


@dataclass
class Shipped:
    path: Path
    bundle: Bundle | None = None
    error: str | None = None  # why it could not be read (None when missing or loaded)

    @property
    def missing(self) -> bool:
        return self.bundle is None and self.error is None


def shipped(name: str, task: str) -> Shipped:
    """The shipped model `name`, or why it is not there."""
    path = models_dir() / name
    if not path.is_file():
        return Shipped(path)
    try:
        return Shipped(path, _load(str(path), path.stat().st_mtime, task))
    except RNNLabError as e:
        return Shipped(path, error=str(e))


def from_upload(data: bytes, task: str, name: str = "the upload") -> Bundle:
    """A person's checkpoint from its bytes; CheckpointError (a message for the person) if it is not one."""
    if not data:
        raise CheckpointError(f"{name} is empty")
    return load_checkpoint(bytes(data), task=task, name=name)


@dataclass
class Uploaded:
    name: str  # the file's name, as the person's computer called it
    bundle: Bundle
    key: str  # names the model for caches: one per uploaded file


def uploaded_model(prefix: str, task: str, label: str, max_mb: int | None = None) -> Uploaded | None:
    """The page's "upload a model" box: the model in it, loaded once per file and kept in the session (a file
    that is not one of this task's gets an st.error, and the model held before stays)."""
    upload = st.file_uploader(label, type=["safetensors"], key=f"{prefix}_model_file", max_upload_size=max_mb)
    held: Uploaded | None = st.session_state.get(f"{prefix}_uploaded")
    if upload is not None and (held is None or held.key != f"upload:{upload.file_id}"):
        try:
            held = Uploaded(upload.name, from_upload(upload.getvalue(), task, upload.name), f"upload:{upload.file_id}")
            st.session_state[f"{prefix}_uploaded"] = held
        except RNNLabError as e:
            st.error(t("upload.bad", error=e))
    return held
