"""The layers of core hold (import-linter, with pyproject.toml's contracts), its import graph has no circle
(imports inside functions included), and its bottom imports no heavy library."""
import shutil
import subprocess
import sys
from pathlib import Path

import grimp

REPO = Path(__file__).resolve().parents[1]


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "import sys; from importlinter.cli import lint_imports; "
                           "sys.exit(lint_imports(no_cache=True, no_logo=True))"],
                          cwd=root, env={"PYTHONPATH": str(root), "PATH": ""}, capture_output=True, text=True)


def test_the_import_contracts_are_kept():
    done = lint_imports(REPO)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_an_upward_import_breaks_the_layers(tmp_path):
    for package in ("core", "webapp"):
        shutil.copytree(REPO / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__", "*.json",
                                                                                         "examples"))
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    with open(tmp_path / "core" / "text" / "vocab.py", "a") as f:
        f.write("\n\ndef upward():\n    from core.tasks.registry import TASKS  # inside a function: still upward\n"
                "    return TASKS\n")
    done = lint_imports(tmp_path)
    assert done.returncode == 1
    assert "core imports only downward BROKEN" in done.stdout
    assert "core.text.vocab -> core.tasks.registry" in done.stdout


def cycles(graph: grimp.ImportGraph, modules: set[str]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan): each is a circle of imports."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(m):
        index[m] = low[m] = len(index)
        stack.append(m)
        on_stack.add(m)
        for n in graph.find_modules_directly_imported_by(m) & modules:
            if n not in index:
                visit(n)
                low[m] = min(low[m], low[n])
            elif n in on_stack:
                low[m] = min(low[m], index[n])
        if low[m] == index[m]:
            component = []
            while True:
                n = stack.pop()
                on_stack.discard(n)
                component.append(n)
                if n == m:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for m in sorted(modules):
        if m not in index:
            visit(m)
    return found


def test_core_has_no_circle_of_imports():
    sys.path.insert(0, str(REPO))
    graph = grimp.build_graph("core", cache_dir=None)  # imports inside functions count too
    assert len(graph.modules) > 50
    assert cycles(graph, set(graph.modules)) == []


def test_the_cycle_finder_finds_a_circle():
    graph = grimp.ImportGraph()
    for a, b in (("p.a", "p.b"), ("p.b", "p.c"), ("p.c", "p.a"), ("p.c", "p.d")):
        graph.add_import(importer=a, imported=b)
    assert cycles(graph, set(graph.modules)) == [["p.a", "p.b", "p.c"]]


def test_importing_the_package_or_its_bottom_imports_no_heavy_library():
    code = ("import sys, core, core.errors, core.config; "
            "print(','.join(m for m in ('torch', 'numpy', 'pandas', 'sklearn') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_the_home_page_and_the_app_shell_import_no_plotting_or_tensor_library():
    """A cold server draws its home page first: what it imports decides how soon (altair and pandas cost
    about a second, torch more)."""
    code = ("import sys, webapp.nav, webapp.sidebar, webapp.lecture, webapp.diagrams, webapp.guard, webapp.warmup; "
            "print(','.join(m for m in ('torch', 'altair', 'pandas', 'sklearn') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_the_config_names_the_tasks_of_the_registry():
    """The config checks task names without importing the tasks: its list must be the registry's."""
    from core.config import TASK_NAMES
    from core.tasks.registry import TASKS
    assert TASK_NAMES == tuple(TASKS)
