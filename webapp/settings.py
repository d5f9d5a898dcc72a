"""Server settings: the limits every visitor of one server shares, from RNNLAB_* environment variables.

Streamlit copies the top-level keys of .streamlit/secrets.toml (on Streamlit Community Cloud: the app's
Secrets box) into the environment when the server starts, so `RNNLAB_MAX_TRAINING_JOBS = 1` there works
as well. No Streamlit here.
"""
import functools
import logging
import os
from dataclasses import dataclass, fields

log = logging.getLogger(__name__)
PREFIX = "RNNLAB_"


@dataclass(frozen=True)
class Settings:
    max_training_jobs: int = 2  # trainings at once on the whole server; the next ones wait in line
    max_waiting_jobs: int = 20  # trainings waiting at once; beyond that Train asks to come back later
    max_hidden: int = 256  # hidden units a visitor may pick
    max_layers: int = 2  # recurrent layers a visitor may pick
    max_seconds: int = 300  # a visitor's time budget for one training


def variable(name: str) -> str:
    """'max_hidden' -> 'RNNLAB_MAX_HIDDEN'."""
    return PREFIX + name.upper()


def load() -> Settings:
    """The settings from the environment now; a variable that is unset, or not a whole number >= 1, leaves
    its default (a bad value is logged once)."""
    return _parse(tuple(os.environ.get(variable(f.name)) for f in fields(Settings)))


@functools.cache
def _parse(raw: tuple[str | None, ...]) -> Settings:
    values = {}
    for f, text in zip(fields(Settings), raw):
        if text is None:
            continue
        try:
            value = int(text)
        except ValueError:
            value = 0
        if value >= 1:
            values[f.name] = value
        else:
            log.warning("%s=%r is not a whole number >= 1: using %s", variable(f.name), text, f.default)
    return Settings(**values)
