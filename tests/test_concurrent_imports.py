"""A fresh server whose first visitors open different pages at once: each page's first run imports what the
page needs in its own thread, all in the same instant. With no import circle that always works (a circle
gave `ImportError: partially initialized module`, `_DeadlockError` or `KeyError: 'core'`)."""
import ast
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

RACE = """
import importlib, sys, threading
pages = {pages!r}
barrier, errors = threading.Barrier(len(pages)), []
def first_run(modules):
    barrier.wait()
    for name in modules:
        try:
            importlib.import_module(name)
        except BaseException as e:
            errors.append(f"{{name}}: {{type(e).__name__}}: {{e}}")
threads = [threading.Thread(target=first_run, args=(m,)) for m in pages.values()]
for t in threads: t.start()
for t in threads: t.join()
print("\\n".join(errors))
sys.exit(1 if errors else 0)
"""


def is_module(name: str) -> bool:
    path = REPO.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def page_imports(path: Path) -> list[str]:
    """The modules of core and webapp that a page script imports, in its order."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in ("core", "webapp"):
            found += [node.module] + [f"{node.module}.{a.name}" for a in node.names if is_module(f"{node.module}.{a.name}")]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] in ("core", "webapp")]
    return list(dict.fromkeys(found))


def test_every_page_imported_at_once_in_a_fresh_process():
    pages = {p.stem: page_imports(p) for p in sorted((REPO / "pages").glob("*.py"))}
    assert len(pages) >= 9 and all(pages.values())
    code = RACE.format(pages=pages)
    for attempt in range(3):  # a fresh interpreter each time: the race is in the first imports
        done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=300,
                              env={"PYTHONPATH": str(REPO), "PATH": "", "OMP_NUM_THREADS": "1"})
        assert done.returncode == 0, f"attempt {attempt}: " + done.stdout + done.stderr[-2000:]
