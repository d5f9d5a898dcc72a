"""What the app asks of a small cloud instance: the time from `streamlit run` to the first page in a
browser, and the server's resident memory while visitors open every page with the shipped models loaded.

    python benchmarks/footprint.py [--visitors 2]

Targets (Streamlit Community Cloud gives an app 690 MB to 2.7 GB): first page under 10 s on the 2-core
CPU, under 1 GB resident. Needs Playwright and Debian's chromium (/usr/bin/chromium). Linux only (it reads
/proc/PID/status).
"""
import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "e2e")]

from streamlit_server import ARGS, CHROMIUM, free_port, settle, start_app, stop_app, wait_healthy  # noqa: E402

# Every page, each shipped model: what a curious visitor opens.
VISIT = [("home", ""), ("Hello RNN", "hello_rnn"), ("character LM (2×512 LSTM)", "char_lm?seed=1"),
         ("classifier: sentiment", "classifier?model=sentiment"), ("classifier: spam", "classifier?model=spam"),
         ("named entities", "ner")]


def memory_mb(pid: int) -> dict[str, float]:
    """Resident memory now (VmRSS) and its peak so far (VmHWM), in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return {k: int(fields[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM")}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--visitors", type=int, default=2, help="browser sessions that open every page, one after another")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)  # before the clock starts
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        start = time.perf_counter()
        proc = start_app(port)
        try:
            wait_healthy(url, proc)
            rows.append(("`streamlit run` -> server answers", f"{time.perf_counter() - start:.2f} s"))
            page.goto(url)
            page.locator('[data-testid="stGraphVizChart"] svg').first.wait_for(timeout=120_000)
            rows.append(("`streamlit run` -> first page drawn", f"{time.perf_counter() - start:.2f} s"))
            settle(page)
            rows.append(("`streamlit run` -> first page's script done", f"{time.perf_counter() - start:.2f} s"))
            rows.append(("resident memory, first page", f"{memory_mb(proc.pid)['VmRSS']:.0f} MB"))
            for visitor in range(1, args.visitors + 1):
                context = browser.new_context(viewport={"width": 1400, "height": 1000})  # a session of its own
                tab = context.new_page()
                for name, path in VISIT:
                    tab.goto(f"{url}/{path}")
                    settle(tab)
                    rows.append((f"visitor {visitor}: after {name}", f"{memory_mb(proc.pid)['VmRSS']:.0f} MB"))
                context.close()
            rows.append(("peak resident memory (VmHWM)", f"{memory_mb(proc.pid)['VmHWM']:.0f} MB"))
        finally:
            stop_app(proc)
            browser.close()

    import torch  # only to describe the machine
    print(f"machine: {os.cpu_count()} CPUs, torch {torch.__version__}, load average {os.getloadavg()[0]:.1f}; "
          f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset (the app sets 1)')}")
    width = max(len(k) for k, _ in rows)
    print(f"| {'measurement'.ljust(width)} |   value |")
    print(f"| {'-' * width} | ------: |")
    for key, value in rows:
        print(f"| {key.ljust(width)} | {value.rjust(7)} |")


if __name__ == "__main__":
    main()
