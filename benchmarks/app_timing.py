"""How long the app takes: from `streamlit run` to the first page in a browser, each page's first load,
and single reruns (a widget change). Prints a table.

    python benchmarks/app_timing.py [--repeat 3]

Needs Playwright and Debian's chromium (/usr/bin/chromium); without them it measures only the time to
the server's health check and a first script run through AppTest.
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "e2e")]

from streamlit_server import ARGS, CHROMIUM, free_port, settle, start_app, stop_app, wait_healthy  # noqa: E402

RUNNING = """() => document.querySelector('[data-testid="stApp"]')?.getAttribute('data-test-script-state') === 'running'"""


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def done(page, marker: str):
    """The page has drawn `marker` (a CSS selector or text) and its script run is over."""
    page.locator(marker).first.wait_for(timeout=120_000)
    settle(page, stable_ms=0, draw_ms=0)


def rerun(page, click):
    """Click, then wait for the rerun it causes to start and to end."""
    click()
    page.wait_for_function(RUNNING, timeout=10_000, polling=10)
    settle(page, stable_ms=0, draw_ms=0)


def browser_round(sync_api) -> dict[str, float]:
    """One fresh server: every measurement of a cold start and its warm reruns, in seconds."""
    out = {}
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)  # before the clock starts
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        start = time.perf_counter()
        proc = start_app(port)
        try:
            wait_healthy(url, proc)
            out["server answers /_stcore/health"] = time.perf_counter() - start
            page.goto(url)
            page.locator('[data-testid="stGraphVizChart"] svg').first.wait_for(timeout=120_000)
            out["`streamlit run` -> home page drawn (cold)"] = time.perf_counter() - start
            settle(page, stable_ms=0, draw_ms=0)
            out["`streamlit run` -> home page's script finished (torch imported)"] = time.perf_counter() - start
            out["home page, reload (new session, warm server)"] = timed(
                lambda: (page.reload(), done(page, '[data-testid="stGraphVizChart"] svg')))
            out["Hello RNN, first load"] = timed(lambda: (page.goto(f"{url}/hello_rnn"), done(page, "text=Loss after")))
            out["Hello RNN rerun: Train 20 steps"] = timed(
                lambda: rerun(page, page.get_by_role("button", name="Train 20 steps").click))
            out["char LM, first load (shipped model, sample, look inside)"] = timed(
                lambda: (page.goto(f"{url}/char_lm?seed=1"), done(page, "text=Neuron finder")))
            out["char LM rerun: Again (new 300-char sample + look inside)"] = timed(
                lambda: rerun(page, page.get_by_role("button", name="Again").click))
        finally:
            stop_app(proc)
            browser.close()
    return out


def apptest_round() -> dict[str, float]:
    from streamlit.testing.v1 import AppTest
    start = time.perf_counter()
    at = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=120).run()
    out = {"AppTest: first run of the home page (imports included)": time.perf_counter() - start}
    out["AppTest: rerun of the home page"] = timed(at.run)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="fresh servers to measure (median reported)")
    args = parser.parse_args()
    try:
        from playwright import sync_api
        have_browser = Path(CHROMIUM).exists()
    except ImportError:
        have_browser = False
    rounds = [browser_round(sync_api) if have_browser else apptest_round() for _ in range(args.repeat)]
    import torch  # noqa: E402 - only to describe the machine
    print(f"machine: {os.cpu_count()} CPUs, torch {torch.__version__}, "
          f"load average {os.getloadavg()[0]:.1f}; {args.repeat} round(s), median")
    width = max(len(k) for k in rounds[0])
    print(f"| {'measurement'.ljust(width)} | seconds |")
    print(f"| {'-' * width} | ------: |")
    for key in rounds[0]:
        print(f"| {key.ljust(width)} | {statistics.median(r[key] for r in rounds):7.2f} |")


if __name__ == "__main__":
    main()
