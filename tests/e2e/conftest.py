"""What the browser tests share: a `streamlit run` server per test module, Debian's chromium driven by
Playwright, and the folder screenshots go to ($RNNLAB_SCREENSHOTS, default screenshots/ at the top of the
repository). Without Playwright or chromium, every test here is skipped with the reason."""
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit_server import ARGS, CHROMIUM, REPO, free_port, start_app, stop_app, wait_healthy

HERE = Path(__file__).parent
MISSING = ("playwright is not installed" if importlib.util.find_spec("playwright") is None else
           f"no chromium at {CHROMIUM} (apt-get install chromium)" if not Path(CHROMIUM).exists() else None)


def pytest_collection_modifyitems(items):
    for item in items:
        if MISSING and HERE in item.path.parents:
            item.add_marker(pytest.mark.skip(reason=MISSING))


@pytest.fixture(scope="module")
def app():
    port = free_port()
    proc = start_app(port, {"OMP_NUM_THREADS": "1"})  # a shared 2-core machine: no spinning threads
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url
    finally:
        stop_app(proc)


@pytest.fixture(scope="module")
def logged_app(tmp_path_factory):
    """`streamlit run` as a deployment runs it, its output in a file: (url, log path)."""
    log = tmp_path_factory.mktemp("server") / "server.log"
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port",
                                 str(port), "--server.address", "127.0.0.1"], cwd=REPO, stdout=out,
                                stderr=subprocess.STDOUT, text=True, env={**os.environ, "OMP_NUM_THREADS": "1"})
        try:
            wait_healthy(url, proc)
            yield url, log
        finally:
            stop_app(proc)


@pytest.fixture(scope="module")
def shots() -> Path:
    folder = Path(os.environ.get("RNNLAB_SCREENSHOTS") or REPO / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {folder}")
    return folder


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()
