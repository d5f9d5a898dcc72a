"""RNN Lab: `streamlit run streamlit_app.py`. The page list is explicit; a page joins once its file exists."""
import logging
import os
import sys

# One torch thread per piece of work unless the deployment says otherwise (OMP_NUM_THREADS=n): sampling and
# step-by-step traces are thousands of tiny operations, and on a shared 2-core machine two spinning threads
# made a 300-character sample 40x slower (8 s against 0.2 s). Set before anything imports torch.
os.environ.setdefault("OMP_NUM_THREADS", "1")

from pathlib import Path  # noqa: E402

import streamlit as st  # noqa: E402

from webapp import lecture, urlstate, warmup  # noqa: E402
from webapp.guard import friendly_errors  # noqa: E402
from webapp.i18n import t  # noqa: E402
from webapp.nav import enter  # noqa: E402
from webapp.sidebar import show_device, sidebar  # noqa: E402

HERE = Path(__file__).parent


def server_log():
    """The app's own loggers (rnnlab, webapp.*, core.*) write to the server's stderr with time and level, so
    a deployment's log says what went wrong and how badly. Once per process: the script reruns often."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for name in ("rnnlab", "webapp", "core"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(handler)
            logger.setLevel(logging.INFO)


server_log()

# Every page of the app, grouped by the lecture's uses of an RNN: section title key -> [(file, title key,
# icon)], the keys in webapp/i18n/. A page whose file does not exist yet is left out of the navigation.
# New pages: add a line here and a module of their strings to webapp/i18n/.
SECTIONS = {
    "nav.basics": [
        ("pages/home.py", "nav.home", ":material/home:"),
        ("pages/hello_rnn.py", "nav.hello", ":material/school:"),
        ("pages/memory.py", "nav.memory", ":material/memory:"),
        ("pages/classroom.py", "nav.classroom", ":material/groups:"),
    ],
    "nav.one_to_many": [
        ("pages/char_lm.py", "nav.char_lm", ":material/edit_note:"),
        ("pages/captioning.py", "nav.captioning", ":material/image:"),
    ],
    "nav.many_to_one": [
        ("pages/classifier.py", "nav.classifier", ":material/label:"),
        ("pages/forecast.py", "nav.forecast", ":material/show_chart:"),
    ],
    "nav.many_to_many": [
        ("pages/tagging.py", "nav.ner", ":material/sell:"),
        ("pages/translate.py", "nav.translate", ":material/translate:"),
    ],
}
HOME = SECTIONS["nav.basics"][0][0]

# Widget values a person typed or picked that must survive leaving the page or hiding its section, for
# widgets that neither bind to the URL nor persist by themselves (`bind="query-params"`,
# `persist_state="session"`: most pages' widgets do). Value widgets only: never buttons or file uploaders.
KEEP = (
    "clf_source", "clf_cell", "clf_hidden", "clf_tokenizer", "clf_seconds", "clf_bidirectional", "clf_text",
    "clf_method", "clf_state", "clf_layer",
    "fc_series", "fc_model", "fc_cell", "fc_hidden", "fc_horizon", "fc_context", "fc_seconds", "fc_baselines",
    "fc_signal",
)

enter()  # a fresh server starts in Streamlit's old pages/ mode: leave it before drawing anything
st.set_page_config(page_title="RNN Lab", page_icon=str(HERE / "static" / "icon.png"), layout="wide")  # served from here: works offline
urlstate.keep(KEEP)
urlstate.begin_run()
device = sidebar()
if "torch" in sys.modules:  # loaded already (not the first page of this process): say it now
    show_device(device)
pages = {t(section): [(st.Page(path, title=t(title), icon=icon, default=(path == HOME)), path)
                      for path, title, icon in entries if (HERE / path).is_file()]
         for section, entries in SECTIONS.items()}
page = st.navigation({section: [p for p, _ in entries] for section, entries in pages.items() if entries})
path = next(path for entries in pages.values() for p, path in entries if p.url_path == page.url_path)
try:
    with friendly_errors(f"page {page.title!r}"):
        lecture.banner(path)
        page.run()
        lecture.keep_progress_in_link()
finally:  # the first page of a process is drawn before torch is imported for this line
    show_device(device)
    warmup.start()  # then every shipped model, in the background: the first visitor of a page need not wait
