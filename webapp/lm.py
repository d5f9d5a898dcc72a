"""Language-model helpers the app needs around core: settings from widget values, a training run on a
text, sampling with a seed of its own, the short samples shown while a model learns, and the server's
recent trainings by the token a link carries."""
import secrets
import threading
from collections import OrderedDict
from collections.abc import Iterator

import streamlit as st
import torch

from core.config import ModelConfig, TrainConfig
from core.decoding.generate import sample

from . import urlstate
from .runner import Start, TrainingRun

VALID_CHARS = 20_000  # validation reads at most this much of the held-out tail, so stopping stays quick


def configs(cell: str = "lstm", hidden: int = 128, layers: int = 1, lr: float = 3e-3, seconds: float = 60,
            seed: int = 0, seq_len: int = 64, batch_size: int = 32, device: str | None = None):
    model_cfg = ModelConfig(task="lm", cell=cell, tokenizer="char", embed_size=32, hidden_size=hidden,
                            num_layers=layers, dropout=0.0)
    train_cfg = TrainConfig(lr=lr, batch_size=batch_size, seq_len=seq_len, minutes=seconds / 60, seed=seed,
                            device=device, warmup_steps=20, eval_every=0.1)
    return model_cfg, train_cfg


def split(text: str) -> tuple[str, str]:
    """The first 90% trains, the last 10% validates (at most VALID_CHARS of it)."""
    cut = int(len(text) * 0.9)
    return text[:cut], text[cut:cut + VALID_CHARS]


def probe(bundle, length: int = 160) -> str:
    """A short sample at temperature 0.8: what the model writes so far."""
    return "".join(sample(bundle.model, bundle.vocab, "", length, 0.8, None, torch.Generator().manual_seed(0)))


def start_training(text: str, model_cfg: ModelConfig, train_cfg: TrainConfig, start: Start | None = None,
                   **facts) -> TrainingRun:
    """Prepare (may raise DataError at once) and start a run in the background; `start`: the saved model to
    go on training instead of a new one."""
    train, valid = split(text)
    run = TrainingRun.prepare("lm", train, valid, model_cfg, train_cfg, probe=probe, probe_every=2.0,
                              start=start, **facts)
    return run.start()


def sample_stream(bundle, prime: str, length: int, temperature: float, top_k: int | None,
                  seed: int) -> Iterator[str]:
    """The same settings give the same text: the randomness comes from a generator seeded here."""
    generator = torch.Generator().manual_seed(int(seed))
    return sample(bundle.model, bundle.vocab, prime, length, temperature, top_k or None, generator)


class RunBook:
    """The server's most recent trainings, each under a token that the page puts in its link (`most` at
    most: a finished run holds its model, optimizer and text). A page opened again from its link (a reload,
    the browser's Back from another site, a copied link) finds its training there, running or finished.
    A token is unguessable (72 random bits): only a link that carries it shows that run."""

    def __init__(self, most: int = 8):
        self.most = most
        self._runs: OrderedDict[str, TrainingRun] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, run: TrainingRun) -> str:
        token = secrets.token_hex(9)
        with self._lock:
            self._runs[token] = run
            while len(self._runs) > self.most:
                self._runs.popitem(last=False)  # the oldest goes first
        return token

    def get(self, token: str | None) -> TrainingRun | None:
        with self._lock:
            run = self._runs.get(token) if isinstance(token, str) else None
            if run is not None:
                self._runs.move_to_end(token)  # looked at again: kept longer
            return run


RUNS = RunBook()  # one per server process, shared by every session


def seed_bound(fields: tuple[urlstate.Field, ...]):
    """Before widgets bound to the link under their keys are drawn (every run): the first time, each field's
    value from its old parameter (`param`, of links shared before the binding), when there is one (else the
    widget starts at its own default); a value in the link under the key itself wins (Streamlit seeds it on the
    first run). The old parameter stays in the URL, which so still opens this view, until the widget's own is
    there or the value has moved away from it (Streamlit writes a value set from Python into the URL only once
    it changes)."""
    for field in fields:
        old = st.query_params.get(field.param)
        value = field.parse(old) if old is not None else None
        if field.key not in st.session_state:
            if value is not None:
                st.session_state[field.key] = value
        elif old is not None and (field.key in st.query_params or st.session_state[field.key] != value):
            del st.query_params[field.param]
