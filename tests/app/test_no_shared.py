"""The app works from a checkout with no ../shared beside it, as a fresh clone or a Streamlit Community Cloud
deployment has it (issue 23): the pages read the repository's data/, its shipped models and what a visitor
uploads, never ../shared.

Two checks. Statically, no file of the app (streamlit_app.py, pages/, webapp/) names ../shared or shared/data.
At run time, the repository's files (those git tracks or would track: a clone's files, with today's edits) are
copied to an empty folder, and a child Python whose only RNN Lab is that copy opens every page of the
navigation with Streamlit's AppTest: no exception and no error box on any page's first view, the forecasting
page on Seoul bikes with the shipped forecaster, and the training views offering the data sets of data/. An
audit hook in the child records any file the app opens under a folder named shared.

Run by hand from a copy: `python tests/app/test_no_shared.py` (with PYTHONPATH set to the copy)."""
import ast
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
APP_FILES = ("streamlit_app.py", "pages", "webapp")
FORBIDDEN = re.compile(r"\.\./shared|shared/data|[\"']shared[\"']")  # a path to ../shared, however it is built
TIMEOUT = 600  # the whole child: importing torch, then every page once (a few seconds each)


def app_sources(root: Path) -> list[Path]:
    found = []
    for name in APP_FILES:
        path = root / name
        found += [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.suffix in (".py", ".toml",
                                                                                                   ".md", ".json"))
    return found


def test_no_file_of_the_app_names_a_path_to_shared():
    offending = [f"{path.relative_to(REPO)}:{n}: {line.strip()}" for path in app_sources(REPO)
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if FORBIDDEN.search(line)]
    assert not offending, "\n".join(offending)
    assert len(app_sources(REPO)) > 20  # the check did look at the app


def pages(root: Path) -> list[str]:
    """The navigation's pages: every 'pages/….py' streamlit_app.py names whose file exists (the app leaves
    the others out), in its order."""
    tree = ast.parse((root / "streamlit_app.py").read_text(encoding="utf-8"))
    named = [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
             and re.fullmatch(r"pages/[a-z_0-9]+\.py", node.value)]
    return [p for p in dict.fromkeys(named) if (root / p).is_file()]


def checkout(to: Path) -> Path:
    """The files a clone would have (tracked, plus new ones git does not ignore), copied to `to`."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source, target = REPO / name, to / name
        if not source.is_symlink() and not source.is_file():  # deleted in the working tree
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            target.symlink_to(os.readlink(source))
            continue
        shutil.copy2(source, target)  # a copy, not a link: nothing the app does there can touch this repository
    return to


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("not a git checkout: no list of the repository's files to copy")
    return checkout(tmp_path_factory.mktemp("deploy") / "rnnlab")


def test_every_page_works_from_a_checkout_with_no_shared_beside_it(clone):
    assert not (clone.parent / "shared").exists() and (clone / "data" / "seoul_bike" / "train.csv").is_file()
    env = {k: v for k, v in os.environ.items() if not k.startswith("RNNLAB_")}  # the copy's own models and limits
    env.update(PYTHONPATH=str(clone), OMP_NUM_THREADS="1", PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run([sys.executable, str(clone / "tests" / "app" / "test_no_shared.py")], cwd=clone, env=env,
                          capture_output=True, text=True, timeout=TIMEOUT, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and lines, f"rc {done.returncode}\n{done.stdout[-3000:]}\n{done.stderr[-5000:]}"
    report = json.loads(lines[-1])
    assert report["root"] == str(clone)  # the child ran the copy, not this repository
    assert set(report["pages"]) == set(pages(clone)) and len(report["pages"]) >= 9
    failed = {view: problems for view, problems in report["views"].items() if problems}
    assert not failed, json.dumps(failed, indent=1, ensure_ascii=False)
    assert not report["opened_shared"], report["opened_shared"]


# ---------------------------------------------------------------- the child, run from the copy


def problems_of(at) -> list[str]:
    """What went wrong on a view: exceptions and error boxes."""
    return [f"exception: {e.value}" for e in at.exception] + [f"error: {e.value}" for e in at.error]


def open_view(root: Path, page: str, **query):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(root / "streamlit_app.py"), default_timeout=120)
    at.query_params.update({k: str(v) for k, v in query.items()})
    at.run()
    if page != "streamlit_app.py" and not at.exception:
        at.switch_page(page).run()
    return at


def check(views: dict, name: str, at, *claims: tuple[bool, str]) -> None:
    views[name] = problems_of(at) + [what for ok, what in claims if not ok]


def child() -> None:
    root = Path.cwd().resolve()
    opened = []

    def audit(event, args):
        if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
            path = os.fsdecode(args[0])
            if "shared" in Path(os.path.abspath(path)).parts:
                opened.append(path)

    sys.addaudithook(audit)
    import core
    import webapp

    for module in (core, webapp):  # this child must run the copy's code, nothing beside it
        assert Path(module.__file__).resolve().is_relative_to(root), module.__file__
    views, listed = {}, pages(root)
    for page in listed:
        started = time.monotonic()
        at = open_view(root, page)
        check(views, page, at)
        if page == "pages/forecast.py" and not problems_of(at):
            columns = {str(c) for chart in at.get("vega_lite_chart") for d in chart.proto.datasets
                       for c in __import__("pyarrow").ipc.open_stream(d.data.data).read_pandas().columns}
            check(views, page, at, (at.selectbox(key="fc_series").value == "seoul_bike", "not on Seoul bikes"),
                  (at.radio(key="fc_model").value == "shipped", "not the shipped forecaster"),
                  ({"q10", "q50", "q90"} <= columns, "no forecast drawn"),
                  (any(o.startswith("Airline") for o in at.selectbox(key="fc_series").options), "no airline series"))
        print(f"{page}: {time.monotonic() - started:.1f} s", file=sys.stderr)
    # the training views: what a visitor can train on comes from data/
    if "pages/char_lm.py" in listed:
        at = open_view(root, "pages/char_lm.py", model="train")
        ok = not problems_of(at) and at.selectbox(key="lm_corpus").value == "shakespeare"
        if ok:
            at.selectbox(key="lm_corpus").set_value("korean_chat").run()
        check(views, "pages/char_lm.py?model=train", at, (ok, "Shakespeare is not offered first"),
              (not at.button(key="lm_start").disabled, "cannot train"))
    if "pages/tagging.py" in listed:
        for task, data in (("ner", "wnut17"), ("pos_en", "ud_ewt"), ("pos_ko", "ud_korean_gsd")):
            at = open_view(root, "pages/tagging.py", task=task, model="train")
            ok = not problems_of(at)
            check(views, f"pages/tagging.py?task={task}&model=train", at,
                  (ok and at.radio(key=f"{task}_data").value == data, f"{data} is not offered"),
                  (ok and not at.button(key=f"{task}_start").disabled, "cannot train"))
    print(json.dumps({"root": str(root), "pages": listed, "views": views, "opened_shared": opened},
                     ensure_ascii=False))


if __name__ == "__main__":
    child()
