"""A class on one server: N visitors arrive at once, each opens every page (its default view, or with
`--action` the page's main action with inputs of their own: their own seed, sentence, photo), and the table
says how long each page took (p50/p95/max), what failed, the server's memory and the models loaded twice.

    python benchmarks/classroom.py --visitors 1 10 30            # default views, a warm server
    python benchmarks/classroom.py --visitors 10 --action        # each page's main action, own inputs
    python benchmarks/classroom.py --visitors 9 --fresh-links    # visitor i opens page i's link first,
                                                                 # on a fresh server (a class waking the app)

The visitors speak Streamlit's own websocket protocol (`/_stcore/stream`, the protobuf BackMsg/ForwardMsg
that the browser sends and receives, with the `websockets` package Streamlit depends on): a visitor costs
the benchmark almost no CPU, so the server's time is what is measured. A page counts as drawn when its run
reports `script_finished`; it fails on an exception or an error box in it, a run that ends in a compile
error, or no answer within --timeout seconds. Each N starts a fresh server; unless --fresh-links, the server
is warmed first (every page opened once, not timed).
"""
import argparse
import asyncio
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

REPO = Path(__file__).resolve().parent.parent
PAGES = ["home", "hello_rnn", "memory", "char_lm", "captioning", "classifier", "forecast", "tagging", "translate"]
SENTENCES = ["the film was a quiet joy from start to end", "i wanted to like it but it dragged on and on",
             "not bad at all , the actors carry it", "a loud , empty and tiring two hours",
             "John Smith flew from Paris to Seoul for Samsung", "Mary teaches at the University of Oxford"]
KOREAN = ["오늘 날씨가 정말 좋네요.", "저는 학생입니다.", "도서관은 어디에 있어요?", "내일 같이 영화 볼래요?"]
FINISHED = {0: "ok", 1: "compile error", 2: "rerun", 3: "fragment"}


def action(page: str, i: int) -> tuple[str, str | None]:
    """(query string, key of a button to click or None): visitor i's own inputs for the page's main action."""
    sentence = SENTENCES[i % len(SENTENCES)] + f" {i}" * (i >= len(SENTENCES))
    q = {"hello_rnn": ({"hello_seed": i}, "hello_train"), "memory": ({"mem_delay": 20 + 10 * (i % 5)}, None),
         "char_lm": ({"lm_seed": i, "prime": "ROMEO:"}, None),
         "captioning": ({"example": ["cat", "astronaut", "coffee", "rocket", "chelsea"][i % 5]}, None),
         "classifier": ({"text": sentence}, None), "forecast": ({}, None), "tagging": ({"text": sentence}, None),
         "translate": ({"text": KOREAN[i % len(KOREAN)]}, None), "home": ({}, None)}[page]
    return urllib.parse.urlencode(q[0]), q[1]


@dataclass
class Visit:
    page: str
    seconds: float
    error: str | None = None


@dataclass
class Server:
    proc: subprocess.Popen
    port: int
    log: Path
    peak_kb: int = 0
    stop: threading.Event = field(default_factory=threading.Event)

    def rss_kb(self) -> int:
        try:
            text = Path(f"/proc/{self.proc.pid}/status").read_text()
        except OSError:
            return 0
        return int(re.search(r"VmRSS:\s+(\d+)", text).group(1))

    def watch(self):
        while not self.stop.is_set():
            self.peak_kb = max(self.peak_kb, self.rss_kb())
            time.sleep(0.1)


def start_server(port: int, log: Path) -> Server:
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port", str(port),
                             "--server.headless", "true", "--logger.level", "info"], cwd=REPO,
                            stdout=log.open("w"), stderr=subprocess.STDOUT)
    server = Server(proc, port, log)
    threading.Thread(target=server.watch, daemon=True).start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
            return server
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"the server did not answer on port {port}: see {log}")


def stop_server(server: Server):
    server.stop.set()
    server.proc.terminate()
    server.proc.wait(30)


def problems(msg: ForwardMsg) -> str | None:
    """An exception or an error box among a run's elements, as one line."""
    if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
        return None
    element = msg.delta.new_element
    kind = element.WhichOneof("type")
    if kind == "exception":
        return f"exception: {element.exception.type}: {element.exception.message[:120]}"
    if kind == "alert" and element.alert.format == 1:  # Alert.ERROR
        return f"error box: {element.alert.body[:120]}"
    return None


async def run_page(ws, page: str, query: str, timeout: float, widgets=None) -> tuple[str | None, dict[str, str]]:
    """One run of a page; (what went wrong or None, widget ids by key seen in it)."""
    msg = BackMsg()
    msg.rerun_script.query_string = query
    msg.rerun_script.page_name = "" if page == "home" else page
    if widgets:
        msg.rerun_script.widget_states.widgets.extend(widgets)
    await ws.send(msg.SerializeToString())
    ids, error = {}, None
    deadline = time.monotonic() + timeout
    while True:
        forward = ForwardMsg()
        forward.ParseFromString(await asyncio.wait_for(ws.recv(), max(0.1, deadline - time.monotonic())))
        error = error or problems(forward)
        if forward.WhichOneof("type") == "delta" and forward.delta.WhichOneof("type") == "new_element":
            element = forward.delta.new_element
            widget = getattr(element, element.WhichOneof("type") or "", None)
            wid = getattr(widget, "id", "")
            if wid:
                ids[wid.rsplit("-", 1)[-1]] = wid
        if forward.WhichOneof("type") == "script_finished":
            status = forward.script_finished
            if status == 1:
                return "compile error", ids
            if status != 2:  # 2: ended early for a rerun; the rerun's own messages follow
                return error, ids


async def visitor(port: int, i: int, pages: list[str], act: bool, timeout: float) -> list[Visit]:
    """One student: a websocket (a browser tab) through the pages in turn."""
    visits = []
    try:
        async with websockets.connect(f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=["streamlit"],
                                      max_size=None, open_timeout=timeout) as ws:
            for page in pages:
                query, button = action(page, i) if act else ("", None)
                start = time.perf_counter()
                try:
                    error, ids = await run_page(ws, page, query, timeout)
                    if button and not error:
                        if button not in ids:
                            error = f"no button {button}"
                        else:
                            click = WidgetState(id=ids[button], trigger_value=True)
                            error, _ = await run_page(ws, page, query, timeout, [click])
                except (asyncio.TimeoutError, TimeoutError):
                    error = f"no answer in {timeout:.0f} s"
                visits.append(Visit(page, time.perf_counter() - start, error))
    except (OSError, websockets.WebSocketException) as e:
        visits.append(Visit("connect", 0.0, f"{type(e).__name__}: {e}"))
    return visits


async def classroom(port: int, n: int, act: bool, fresh_links: bool, timeout: float) -> list[Visit]:
    def order(i):  # --fresh-links: visitor i starts on page i's own link
        k = i % len(PAGES) if fresh_links else 0
        return PAGES[k:] + PAGES[:k]
    found = await asyncio.gather(*(visitor(port, i, order(i), act, timeout) for i in range(n)))
    return [v for visits in found for v in visits]


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def report(n: int, visits: list[Visit], server: Server, seconds: float, act: bool, fresh: bool):
    loads = re.findall(r"loaded (\S+) in", server.log.read_text(errors="replace"))
    twice = sorted({m for m in loads if loads.count(m) > 1})
    errors = [v for v in visits if v.error]
    mode = ("main action" if act else "default view") + (", fresh links" if fresh else "")
    print(f"\n{n} visitors, {mode}: {seconds:.1f} s in all, load average {os.getloadavg()[0]:.1f}, "
          f"server RSS peak {server.peak_kb / 1024:,.0f} MB, errors {len(errors)}, "
          f"models loaded more than once: {', '.join(twice) or 'none'}")
    print("| page | p50 s | p95 s | max s | errors |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for page in PAGES:
        times = [v.seconds for v in visits if v.page == page]
        if times:
            bad = sum(1 for v in visits if v.page == page and v.error)
            print(f"| {page} | {percentile(times, 50):.2f} | {percentile(times, 95):.2f} | {max(times):.2f} | {bad} |")
    for v in errors[:10]:
        print(f"  {v.page}: {v.error}")
    return server.peak_kb


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--visitors", type=int, nargs="+", default=[1, 10, 30])
    parser.add_argument("--action", action="store_true", help="each page's main action with the visitor's inputs")
    parser.add_argument("--fresh-links", action="store_true", help="no warm-up; visitor i opens page i first")
    parser.add_argument("--port", type=int, default=8790)
    parser.add_argument("--timeout", type=float, default=300, help="seconds a page may take before it counts as failed")
    args = parser.parse_args()
    for n in args.visitors:
        log = Path(f"/tmp/rnnlab-classroom-{n}.log")
        started = time.perf_counter()
        server = start_server(args.port, log)
        try:
            if not args.fresh_links:
                warm = asyncio.run(classroom(args.port, 1, args.action, False, args.timeout))
                print(f"warm-up: every page once in {sum(v.seconds for v in warm):.1f} s"
                      f" ({time.perf_counter() - started:.1f} s after the start)")
                server.peak_kb = 0
            start = time.perf_counter()
            baseline = server.rss_kb()
            visits = asyncio.run(classroom(args.port, n, args.action, args.fresh_links, args.timeout))
            peak = report(n, visits, server, time.perf_counter() - start, args.action, args.fresh_links)
            print(f"server RSS before the class {baseline / 1024:,.0f} MB; per visitor "
                  f"{(peak - baseline) / 1024 / max(1, n):,.1f} MB; log: {log}")
        finally:
            stop_server(server)


if __name__ == "__main__":
    main()
