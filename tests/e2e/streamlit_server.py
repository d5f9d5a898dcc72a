"""Start `streamlit run` on a free port and tell when a page has finished drawing: shared by the browser
test and benchmarks/app_timing.py."""
import ast
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
TROUBLE = re.compile(r"traceback|error|exception|warning", re.IGNORECASE)  # in a server's log: a failure
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(port: int, env: dict | None = None) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port", str(port),
           "--server.headless", "true", "--server.address", "127.0.0.1"]
    return subprocess.Popen(cmd, cwd=REPO, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


def stop_app(proc: subprocess.Popen):
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited: {proc.stderr.read()[-2000:]}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError("streamlit did not answer in time")


IDLE = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app && app.getAttribute('data-test-script-state') === 'notRunning'
        && !document.querySelector('[data-testid="stSkeleton"]');
}"""


def settle(page, timeout_ms: int = 90_000, stable_ms: int = 1000, draw_ms: int = 1000):
    """Wait until the script has finished running and stays finished for stable_ms (a page may rerun
    itself once), then draw_ms more for the charts to draw (vega-embed and graphviz render after the run)."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    for _ in range(20):
        page.wait_for_function(IDLE, timeout=timeout_ms, polling=20)
        if not stable_ms:
            break
        page.wait_for_timeout(stable_ms)
        if page.evaluate(IDLE):
            break
    if draw_ms:
        page.wait_for_timeout(draw_ms)


def snap(page, path: Path):
    """A screenshot of the whole page: Streamlit scrolls inside its main block, so grow the window to fit."""
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": page.viewport_size["width"], "height": min(max(height, 800), 12000)})
    page.wait_for_timeout(800)
    page.screenshot(path=path, full_page=True)


def open_page(browser, url: str, path: str, width: int = 1400):
    page = browser.new_page(viewport={"width": width, "height": 1000})
    page.goto(f"{url}/{path}", timeout=60_000)
    settle(page)
    return page


def no_errors(page):
    assert page.locator('[data-testid="stException"]').count() == 0, page.locator(
        '[data-testid="stException"]').first.inner_text()


def navigation() -> list[str]:
    """The page files of streamlit_app.SECTIONS that exist (read, not imported: importing runs the app)."""
    tree = ast.parse((REPO / "streamlit_app.py").read_text(encoding="utf-8"))
    node = next(n for n in tree.body if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "SECTIONS")
    return [p for entries in ast.literal_eval(node.value).values() for p, _, _ in entries if (REPO / p).is_file()]


def clean(page):
    """No exception and no error box on the page (the guard's 'Something went wrong' is an error box)."""
    boxes = page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]')
    assert boxes.count() == 0, boxes.first.inner_text()
