"""Home: what a recurrent network is, and the three ways it is used, each linked to its page."""
import streamlit as st

from webapp import diagrams, lecture
from webapp.i18n import t
from webapp.nav import enter, page_link

enter()
st.title(t("home.title"))
st.markdown(t("home.intro"))
st.latex(r"h_t = \tanh(W_{hh}\,h_{t-1} + W_{xh}\,x_t + b) \qquad y_t = W_{hy}\,h_t")
st.markdown(t("home.loop"))
lecture.start_link()
page_link("pages/hello_rnn.py", t("home.hello_link"), ":material/school:")
page_link("pages/memory.py", t("home.memory_link"), ":material/memory:")

st.header(t("home.usages"))
USAGES = [  # (usage, inputs, outputs, its pages as (file, title key))
    ("one-to-many", ["h", "", "", ""], ["e", "l", "l", "o"],
     [("pages/char_lm.py", "nav.char_lm"), ("pages/captioning.py", "nav.captioning")]),
    ("many-to-one", ["a", "fine", "film", "!"], ["", "", "", "😊"],
     [("pages/classifier.py", "nav.classifier"), ("pages/forecast.py", "nav.forecast")]),
    ("many-to-many", ["Ada", "met", "Alan", "Turing"], ["PER", "O", "PER", "PER"],
     [("pages/tagging.py", "nav.ner"), ("pages/translate.py", "nav.translate")]),
]
for column, (usage, inputs, outputs, usage_pages) in zip(st.columns(3), USAGES):
    with column, st.container(border=True):
        st.subheader(t(f"home.{usage}"))
        st.graphviz_chart(diagrams.usage_diagram(usage, inputs, outputs))
        st.markdown(t(f"home.{usage}.text"))
        for path, title in usage_pages:
            page_link(path, t(title), ":material/arrow_forward:")

st.caption(t("home.footer"))
