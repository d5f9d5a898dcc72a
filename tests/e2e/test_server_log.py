"""A deployment's log stays clean: `streamlit run` headless, a visitor opens every page (each shipped model
loaded), and the server has printed no error, warning or traceback (torch and Streamlit's file watcher are
known to clash)."""
import re
import subprocess
import sys

import pytest
from streamlit_server import ARGS, CHROMIUM, REPO, free_port, settle, stop_app, wait_healthy

PAGES = ["", "hello_rnn", "char_lm", "classifier?model=sentiment", "classifier?model=spam", "tagging"]
TROUBLE = re.compile(r"traceback|error|exception|warning", re.IGNORECASE)


@pytest.mark.slow
def test_visiting_every_page_leaves_no_error_in_the_server_log(tmp_path):
    from playwright.sync_api import sync_playwright

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path / "server.log"
    with open(log, "w") as out:  # as a deployment runs it: the repository's own .streamlit/config.toml
        proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port",
                                 str(port), "--server.address", "127.0.0.1"], cwd=REPO, stdout=out,
                                stderr=subprocess.STDOUT, text=True)
        try:
            wait_healthy(url, proc)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                for path in PAGES:
                    page.goto(f"{url}/{path}", timeout=60_000)
                    settle(page, stable_ms=500, draw_ms=0)
                    assert page.locator('[data-testid="stException"]').count() == 0, path
                browser.close()
        finally:
            stop_app(proc)
    lines = log.read_text().splitlines()
    assert [line for line in lines if TROUBLE.search(line)] == [], "\n".join(lines[-40:])
