"""Once per server, after the first page is drawn: the modules the pages import and every shipped model,
loaded in a background thread, so that the first visitor of a page waits for neither.

Only in a running server (not in AppTest or plain Python), and not when RNNLAB_WARMUP=0.
"""
import importlib
import logging
import os
import threading
import time

import streamlit as st

log = logging.getLogger(__name__)
MODULES = ("webapp.charts", "webapp.lm", "webapp.memory", "webapp.captioning", "webapp.classify", "webapp.forecast",
           "webapp.tagging", "webapp.translate", "core.checkpoint")
_lock = threading.Lock()
_thread: threading.Thread | None = None


def start() -> threading.Thread | None:
    """Begin warming up, once per process (later calls return the same thread). None where it is off."""
    global _thread
    if os.environ.get("RNNLAB_WARMUP", "1") == "0" or not st.runtime.exists():
        return None
    with _lock:
        if _thread is None:
            _thread = threading.Thread(target=warm, name="rnnlab-warmup", daemon=True)
            _thread.start()
    return _thread


def warm():
    """Import the pages' modules, then load each shipped model into the shared cache (webapp.loading)."""
    began = time.perf_counter()
    for name in MODULES:
        importlib.import_module(name)
    from core.checkpoint import task_of
    from core.errors import RNNLabError

    from . import loading
    models = sorted(loading.models_dir().glob("*.safetensors"))
    for path in models:
        try:
            loading.shipped(path.name, task_of(path))
        except RNNLabError as e:  # the page that needs it says so to its visitor
            log.warning("warm-up skipped %s: %s", path.name, e)
    log.info("warmed up %d models in %.1f s", len(models), time.perf_counter() - began)
