"""A seeded monkey for AppTest: it uses a page as a restless person would (buttons, sliders, choices, short
texts, the language switch, leaving the page and coming back) and reports the first exception or error box.

It talks to the app the way the browser does in one respect AppTest does not: a browser keeps the *label*
it shows for a radio or a select box and sends that label back on every rerun, even after the page has
redrawn the widget with other labels (a new text, another language). AppTest re-reads the value from the
server each time, so a page that reads such a widget's value from st.session_state before drawing it gets
the browser's stale label string there, and AppTest never shows it. `Monkey.send` sends what the browser
would (the character-LM page's `'<=' not supported between 'int' and 'str'` crash came this way).
"""
import ast
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Widget, get_widget_state

from webapp.i18n import STRINGS

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 60  # the first run imports torch

# Short texts a person might type: mostly ordinary ones, and now and then an empty, odd or long one (a text
# a model cannot read stops the rest of some pages, so odd ones are the exception, as they are for people).
TEXTS = ("ROMEO:", "hello", "It was a great movie!", "Free entry! Call 0800 now to claim your prize",
         "Angela Merkel visited Paris.", "she said 'no' (twice)", "To be, or not to be: that is the question.\n" * 8)
ODD_TEXTS = ("", "she said \"no\"", "💥", "안녕하세요 세계", "<b>bold</b> & {x}", "a" * 700)

# Error boxes that answer the monkey's own bad input (a pasted corpus too short to train on): their text
# templates, matched in either language. Any other error box is a failure.
INPUT_ERRORS = ("lm.corpus.bad", "train.bad")


def navigation() -> list[str]:
    """Every page file named in streamlit_app.SECTIONS (read, not imported: importing runs the app)."""
    tree = ast.parse((REPO / "streamlit_app.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "SECTIONS" for t in node.targets):
            sections = ast.literal_eval(node.value)
            return [path for entries in sections.values() for path, _, _ in entries]
    raise AssertionError("streamlit_app.py has no SECTIONS")


def _template(key: str) -> list[re.Pattern]:
    return [re.compile("^" + re.sub(r"\\\{\w+\\\}", ".*", re.escape(text)) + "$", re.S) for text in STRINGS[key]]


ALLOWED = [p for key in INPUT_ERRORS for p in _template(key)]


@dataclass
class Monkey:
    page: str
    seed: int
    log: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # what the browser holds: widget id -> label
    moved: dict[str, list[str]] = field(default_factory=dict)  # select sliders moved this step: id -> labels

    def __post_init__(self):
        self.rng = random.Random(self.seed)
        self.at = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=TIMEOUT)
        self.send()
        self.at.switch_page(self.page)
        self.send("open " + self.page)

    # ------------------------------------------------------------ talking to the app like a browser
    def send(self, what: str = "first run"):
        """Rerun with the widget states a browser would send, then check the page."""
        self.log.append(what)
        states = WidgetStates()
        for node in self.at._tree:
            if not isinstance(node, Widget):
                continue
            if node.id in self.labels:  # a radio or select box: the label the browser holds
                state = WidgetState(id=node.id, string_value=self.labels[node.id])
            elif node.id in self.moved:  # a select slider just moved: its labels
                state = WidgetState(id=node.id)
                state.string_array_value.data[:] = self.moved[node.id]
            else:
                state = get_widget_state(node)
            if state is not None:
                states.widgets.append(state)
        self.moved = {}
        self.at._tree._runner._run(states, timeout=TIMEOUT)
        self.remember()
        self.check()

    def remember(self):
        """A radio or select box the browser has not seen (or the server set) shows the server's value;
        one it has keeps its label; one gone from the page is forgotten."""
        seen = {}
        for w in [*self.at.radio, *self.at.selectbox]:
            if w.id in self.labels and not w.proto.set_value:
                seen[w.id] = self.labels[w.id]
            elif w.proto.HasField("raw_value"):
                seen[w.id] = w.proto.raw_value
            elif w.proto.HasField("default") and w.options:
                seen[w.id] = w.options[w.proto.default]
        self.labels = seen

    def check(self):
        at = self.at
        problems = [f"exception: {e.value}" for e in at.exception]
        problems += [f"error box: {e.value}" for e in at.error
                     if not any(p.match(str(e.value)) for p in ALLOWED)]
        if problems:
            steps = "\n  ".join(self.log[-25:])
            raise AssertionError(f"{self.page}, seed {self.seed}, after {len(self.log)} steps:\n"
                                 + "\n".join(problems) + f"\nlast steps:\n  {steps}")

    # ------------------------------------------------------------ what a restless person does
    def actions(self):
        at, out = self.at, []
        usable = lambda ws: [w for w in ws if not w.disabled]  # noqa: E731
        out += [("click", w) for w in usable(at.button)] * 2
        out += [("slide", w) for w in usable(at.slider)]
        out += [("select_slide", w) for w in usable(at.select_slider)]
        out += [("choose", w) for w in usable([*at.selectbox, *at.radio]) if len(w.options) > 1]
        out += [("number", w) for w in usable(at.number_input)]
        out += [("type", w) for w in usable([*at.text_input, *at.text_area])]
        out += [("tick", w) for w in usable([*at.checkbox, *at.toggle])]
        out += [("many", w) for w in usable(at.multiselect) if w.options]
        out += [("language", None), ("rerun", None)]
        if self.rng.random() < 0.3:  # leaving the page and coming back: two runs, now and then
            out.append(("leave", None))
        return out

    def step(self):
        kind, w = self.rng.choice(self.actions())
        rng, label = self.rng, getattr(w, "key", None) or getattr(w, "label", "")
        if kind == "click":
            w.click()
        elif kind == "slide":
            value = self._between(w.min, w.max, w.step)
            if isinstance(w.value, (list, tuple)):
                other = self._between(w.min, w.max, w.step)
                value = (min(value, other), max(value, other))
            w.set_value(value)
        elif kind == "select_slide":
            picked = sorted(rng.sample(range(len(w.options)), 2 if isinstance(w.value, (list, tuple)) else 1))
            value = [w.options[i] for i in picked]
            self.moved[w.id] = value  # the browser sends the labels
        elif kind == "choose":
            i = rng.randrange(len(w.options))
            self.labels[w.id] = w.options[i]  # the browser now holds the label picked
            value = f"{label} -> {w.options[i]!r}"
            self.send(f"choose {value}")
            return
        elif kind == "number":
            lo = w.min if w.min is not None else 0
            hi = w.max if w.max is not None else lo + 100
            value = self._between(lo, min(hi, lo + 1000) if rng.random() < 0.7 else hi, w.step)
            w.set_value(value)
        elif kind == "type":
            value = rng.choice(ODD_TEXTS if rng.random() < 0.2 else TEXTS)
            limit = getattr(w.proto, "max_chars", 0)
            w.input(value[:limit] if limit else value)
        elif kind == "tick":
            w.set_value(not w.value)
        elif kind == "many":
            value = rng.sample(list(w.options), rng.randint(0, len(w.options)))
            w.set_value(value)
        elif kind == "language":
            lang = self.at.radio(key="lang")
            other = next(o for o in lang.options if o != self.labels.get(lang.id))
            self.labels[lang.id] = other
            self.send(f"language -> {other}")
            return
        elif kind == "leave":
            self.at.switch_page("pages/home.py")
            self.send("leave for home")
            self.at.switch_page(self.page)
            self.send("come back")
            return
        shown = "" if kind in ("click", "rerun") else f" -> {str(locals().get('value'))[:40]!r}"
        self.send(f"{kind} {label}{shown}")

    def _between(self, lo, hi, step):
        """A random value on the widget's grid between lo and hi."""
        if isinstance(lo, int) and isinstance(hi, int) and isinstance(step, int):
            n = (hi - lo) // max(step, 1)
            return lo + step * self.rng.randint(0, n)
        n = int(round((hi - lo) / step)) if step else 100
        return round(lo + (step or (hi - lo) / 100) * self.rng.randint(0, n), 10)

    def play(self, n: int):
        for _ in range(n):
            self.step()
        return self
