"""Fixtures for every test folder."""
import os

import pytest
import torch

os.environ.setdefault("RNNLAB_VALIDATE_CHARTS", "1")  # every chart the app draws is checked against Vega-Lite's schema


@pytest.fixture
def one_thread():
    """Tiny models on a busy machine: one torch thread is fastest and does not spin against other work."""
    n = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(n)


def pytest_collection_modifyitems(items):
    """Markers by folder: `-m "not e2e"` leaves the browser out, `-m app` runs only the AppTests."""
    for item in items:
        folder = item.path.parent.name
        if folder in ("app", "e2e"):
            item.add_marker(folder)
