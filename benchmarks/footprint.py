"""What the app asks of a small cloud instance: the time from `streamlit run` to the first page in a
browser, the server's resident memory while visitors open every page with the shipped models loaded, and
whether its log stayed free of errors and warnings.

    python benchmarks/footprint.py [--visitors 2] [--python VENV/bin/python]

`--python`: run the server with another interpreter (a fresh virtual environment with only
requirements.txt installed, say); the browser is driven from this one.

Targets (Streamlit Community Cloud gives an app 690 MB to 2.7 GB): first page under 10 s on the 2-core
CPU, under 1 GB resident. Needs Playwright and Debian's chromium (/usr/bin/chromium). Linux only (it reads
/proc/PID/status).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "e2e")]

from streamlit_server import ARGS, CHROMIUM, free_port, settle, stop_app, wait_healthy  # noqa: E402

# Every page, each shipped model: what a curious visitor opens.
VISIT = [("home", ""), ("Hello RNN", "hello_rnn"), ("memory race (its shipped table)", "memory"),
         ("character LM (2×512 LSTM)", "char_lm?seed=1"), ("image captioning (with its image encoder)", "captioning"),
         ("classifier: sentiment", "classifier?model=sentiment"), ("classifier: spam", "classifier?model=spam"),
         ("forecasting: Seoul bikes", "forecast"), ("named entities", "ner"),
         ("parts of speech, English", "ner?task=pos_en"), ("parts of speech, Korean", "ner?task=pos_ko"),
         ("translation ko→en", "translate?mode=translate&dir=ko-en"),
         ("translation en→ko", "translate?mode=translate&dir=en-ko"), ("chatbot", "translate?mode=chat")]
TROUBLE = re.compile(r"traceback|error|exception|warning", re.IGNORECASE)


def memory_mb(pid: int) -> dict[str, float]:
    """Resident memory now (VmRSS) and its peak so far (VmHWM), in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return {k: int(fields[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM")}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--visitors", type=int, default=2,
                        help="browser sessions that open every page, one after another")
    parser.add_argument("--python", default=sys.executable, help="the interpreter that runs the server")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    rows = []
    log = tempfile.TemporaryFile("w+")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)  # before the clock starts
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        start = time.perf_counter()
        proc = subprocess.Popen([args.python, "-m", "streamlit", "run", "streamlit_app.py", "--server.port", str(port),
                                 "--server.address", "127.0.0.1"], cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
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
    log.seek(0)
    trouble = [line.rstrip() for line in log if TROUBLE.search(line)]
    rows.append(("server log: lines with an error or warning", str(len(trouble))))

    versions = subprocess.run([args.python, "-c", "import sys, torch, streamlit; print(sys.version.split()[0], "
                               "torch.__version__, streamlit.__version__)"], capture_output=True, text=True).stdout.split()
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; server: Python {versions[0]}, "
          f"torch {versions[1]}, streamlit {versions[2]}")
    width = max(len(k) for k, _ in rows)
    print(f"| {'measurement'.ljust(width)} |   value |")
    print(f"| {'-' * width} | ------: |")
    for key, value in rows:
        print(f"| {key.ljust(width)} | {value.rjust(7)} |")
    print("\n".join(trouble))


if __name__ == "__main__":
    main()
