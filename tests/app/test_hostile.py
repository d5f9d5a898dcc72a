"""Hostile and broken input through the whole app (AppTest): HTML and script in every text the app shows
back come out as text; every uploader names its file types, and a file that is not what it claims gets a
message, never a traceback; an unexpected error is logged on the server and the visitor sees one line."""
import html
import logging
import re

import pytest
import torch
from app_helpers import open_app, texts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from safetensors.torch import save
from streamlit.testing.v1 import AppTest

from core import fit
from core.checkpoint import to_bytes
from core.config import ModelConfig, TrainConfig
from core.errors import RNNLabError
from webapp import charts, classify, corpora, tagging

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
IMG_NO_SPACE = "<img/src=x/onerror=alert(1)>"  # the same tag as one whitespace-free token (a CoNLL tag)
HOSTILE = f"Peter {SCRIPT} met {IMG} in Paris"
# A "<" that does not open one of the tags the app itself writes: text that was not escaped
RAW = re.compile(r"<(?!/?(?:div|span|mark|sup|br|table|tr|td)[\s>])", re.IGNORECASE)
TINY = TrainConfig(max_steps=1, batch_size=2, device="cpu")
SMALL = dict(embed_size=4, hidden_size=4)


# ---------------------------------------------------------------- helpers


def raw_html(at: AppTest) -> list[str]:
    """The HTML the app draws (st.html, and markdown that allows HTML) that holds text it did not escape."""
    bodies = [h.proto.body for h in at.get("html")]
    bodies += [m.value for kind in ("markdown", "caption") for m in at.get(kind) if m.allow_html]
    return [b for b in bodies if RAW.search(b)]


def escaped_in_html(at: AppTest, text: str) -> bool:
    return any(html.escape(text) in h.proto.body for h in at.get("html"))


def safe(at: AppTest):
    assert not at.exception, [e.value for e in at.exception]
    assert raw_html(at) == []


def messages(at: AppTest) -> list[str]:
    return texts([*at.error, *at.warning, *at.info])


@pytest.fixture(scope="module")
def hostile_models() -> dict[str, bytes]:
    """Checkpoints whose vocabularies, classes and entity types are HTML: a language model that knows every
    character of it, a classifier with two such classes, and a tagger that makes each sentence one entity of
    type <script>…."""
    lines = f"{HOSTILE}\n{SCRIPT} {IMG}\n" * 5
    lm, _ = fit.prepare("lm", lines, lines, ModelConfig(task="lm", **SMALL), TINY)
    pairs = [(f"good {SCRIPT}", SCRIPT), (f"bad {IMG}", IMG)] * 3
    clf, _ = fit.prepare("classify", pairs, pairs, ModelConfig(task="classify", tokenizer="word", **SMALL), TINY)
    sentences = [(["Peter", "met", SCRIPT], [f"B-{SCRIPT}", f"I-{SCRIPT}", f"B-{IMG_NO_SPACE}"])] * 3
    tagger, _ = fit.prepare("tag", sentences, sentences, ModelConfig(task="tag", bidirectional=True, **SMALL), TINY)
    bias = tagger.model.head.bias.data.zero_()  # B- then I- to the sentence's end: all of it one entity
    bias[tagger.labels.stoi[f"B-{SCRIPT}"]], bias[tagger.labels.stoi[f"I-{SCRIPT}"]] = 10.0, 20.0
    return {"lm": to_bytes(lm), "classify": to_bytes(clf), "tag": to_bytes(tagger)}


def upload_model(page: str, key: str, data: bytes, name: str = f"{IMG}.safetensors") -> AppTest:
    at = open_app(page, model="upload")
    at.file_uploader(key=key).upload(name, data, "application/octet-stream").run()
    return at


# ---------------------------------------------------------------- HTML comes out as text, on every page


def test_hello_rnn_word():
    at = open_app("pages/hello_rnn.py")
    at.text_input(key="hello_word").set_value("<img src=x onerror=1>").run()  # 21 characters: within the limit
    safe(at)
    assert not at.warning
    at.text_input(key="hello_word").set_value(SCRIPT).run()  # 25 characters: the box keeps 24
    safe(at)
    assert at.text_input(key="hello_word").value == SCRIPT[:24]
    at = open_app("pages/hello_rnn.py", word=SCRIPT)  # a shared link with a word too long: the default word
    safe(at)
    assert at.text_input(key="hello_word").value == "hello"
    at.text_input(key="hello_word").set_value("%}{").run()  # TeX's comment and braces: shown, not obeyed
    safe(at)
    assert any(r"\text{“\%”}" in x.value for x in at.latex)


def test_char_lm_uploaded_model_prime_and_traced_text(hostile_models):
    at = upload_model("pages/char_lm.py", "lm_model_file", hostile_models["lm"])
    safe(at)
    assert any(IMG in c for c in texts(at.caption))  # the file's name, as text
    at.text_input(key="lm_prime").set_value(IMG).run()
    safe(at)
    assert at.code[0].value.startswith(IMG)  # the sample, in a code block
    at.radio(key="lm_view").set_value("text").run()
    at.text_area(key="lm_text").set_value(HOSTILE).run()
    safe(at)
    # one unit over the text, character by character: a Vega text mark draws each one as text, never as HTML
    assert any('"char"' in c.proto.spec for c in at.get("vega_lite_chart"))
    assert {"<", ">"} <= set(at.session_state["lm_inside"][1].tokens)


def test_char_lm_pasted_and_uploaded_corpus(without_shipped):
    at = open_app("pages/char_lm.py", model="train")
    at.selectbox(key="lm_corpus").set_value("paste").run()
    at.text_area(key="lm_paste").set_value(HOSTILE * 3).run()
    safe(at)
    assert not at.error and HOSTILE in at.code[0].value
    at.selectbox(key="lm_corpus").set_value("upload").run()
    at.file_uploader(key="lm_text_file").upload(f"{IMG}.txt", (HOSTILE * 3).encode(), "text/plain").run()
    safe(at)
    assert not at.error


def test_classifier_text_token_colouring_and_classes(hostile_models):
    at = upload_model("pages/classifier.py", "clf_model_file", hostile_models["classify"])
    safe(at)
    at.text_area(key="clf_text").set_value(f"good {SCRIPT} and {IMG}").run()
    safe(at)
    assert at.metric[0].value in (SCRIPT, IMG)
    assert escaped_in_html(at, "< ") and escaped_in_html(at, "script ")  # saliency behind each word and sign


def test_classifier_shipped_model_colours_hostile_text():
    at = open_app("pages/classifier.py", model="sentiment", text=HOSTILE)
    safe(at)
    assert escaped_in_html(at, "< ") and escaped_in_html(at, "script ")


def test_classifier_uploaded_table_names_and_labels():
    rows = "".join(f"film {i} {SCRIPT},{SCRIPT if i % 2 else IMG}\n" for i in range(20))
    at = open_app("pages/classifier.py", model="train")
    at.file_uploader(key="clf_data_file").upload(f"{IMG}.csv", f"text,{SCRIPT}\n{rows}".encode(), "text/csv").run()
    safe(at)
    assert not at.error
    label_col = at.selectbox(key=next(k for k in at.session_state if k.startswith("clf_label_col")))
    assert label_col.value == 1 and SCRIPT in label_col.options
    assert any(SCRIPT in c and IMG in c for c in texts(at.caption))  # the class counts, as text


def test_ner_entity_highlighting_and_legend(hostile_models):
    at = upload_model("pages/tagging.py", "ner_model_file", hostile_models["tag"])
    safe(at)
    at.text_area(key="ner_text").set_value(HOSTILE).run()
    safe(at)
    bodies = [h.proto.body for h in at.get("html")]
    assert any(f">{html.escape(HOSTILE)}<sup" in b for b in bodies)  # the whole text, one entity
    assert any(html.escape(IMG_NO_SPACE) in b for b in bodies)  # the legend names every type


def test_ner_uploaded_conll_file():
    data = "".join(f"Peter B-{SCRIPT}\n{SCRIPT} B-{IMG_NO_SPACE}\nmet O\n\n" for _ in range(5)).encode()
    at = open_app("pages/tagging.py", model="train")
    at.radio(key="ner_data").set_value("upload").run()
    at.file_uploader(key="ner_data_file").upload(f"{IMG}.conll", data, "text/plain").run()
    safe(at)
    assert not at.error and any(SCRIPT in c for c in texts(at.caption))


def test_html_builders_escape_every_piece():
    """The functions that build HTML, with hostile text in every argument."""
    pieces = [charts.colored_text([0.5, -0.5], [SCRIPT, IMG], marked=(0, 1)),
              tagging.side_by_side([SCRIPT, IMG], [f"B-{SCRIPT}", "O"], ["O", f"B-{IMG}"]),
              tagging.legend([SCRIPT, IMG, '"><script>x</script>'])]
    for piece in pieces:
        assert not RAW.search(piece) and html.escape(SCRIPT) in piece


# ---------------------------------------------------------------- uploads: types, sizes, contents

UPLOADERS = [  # (page, URL, widget values, uploader key, the types it may take)
    ("pages/char_lm.py", {"model": "train"}, {"lm_corpus": "upload"}, "lm_text_file", {"txt"}),
    ("pages/char_lm.py", {"model": "upload"}, {}, "lm_model_file", {"safetensors"}),
    ("pages/classifier.py", {"model": "train"}, {}, "clf_data_file", {"csv", "tsv", "txt"}),
    ("pages/classifier.py", {"model": "upload"}, {}, "clf_model_file", {"safetensors"}),
    ("pages/tagging.py", {"model": "train"}, {"ner_data": "upload"}, "ner_data_file", {"txt", "conll", "tsv", "iob", "bio"}),
    ("pages/tagging.py", {"model": "upload"}, {}, "ner_model_file", {"safetensors"}),
]


def uploader_page(page, query, values, without_shipped) -> AppTest:
    at = open_app(page, **query)
    for key, value in values.items():
        at.session_state[key] = value
    at.run()
    return at


@pytest.mark.parametrize("page,query,values,key,types", UPLOADERS, ids=[u[3] for u in UPLOADERS])
def test_every_uploader_names_its_types_and_a_size_limit(page, query, values, key, types, without_shipped):
    at = uploader_page(page, query, values, without_shipped)
    uploader = at.file_uploader(key=key)
    assert {t.lstrip(".") for t in uploader.allowed_type} == types
    assert 0 < (uploader.proto.max_upload_size_mb or 16) <= 16  # .streamlit/config.toml: maxUploadSize = 16


GARBAGE = bytes(range(256)) * 4  # binary: NUL bytes and every other byte
NO_NUL_GARBAGE = bytes(range(1, 256)) * 4  # binary without a NUL: every byte decodes as Windows-1252/Latin-1
LATIN1 = "Café naïve, déjà vu. Ça va très bien.\n".encode("latin-1") * 5
NBSP = "\u00a0\n\u2028".encode()  # only whitespace that bytes.strip() keeps
BAD_FILES = [  # (uploader key, file name, content, a piece of the message)
    ("lm_text_file", "garbage.txt", GARBAGE, "binary file"),
    ("lm_text_file", "latin1.txt", LATIN1, "not UTF-8"),
    ("lm_text_file", "empty.txt", b"", "empty"),
    ("lm_text_file", "nbsp.txt", NBSP, "empty"),
    ("lm_model_file", "text.safetensors", b"just some text, not a model\n" * 10, "not a safetensors checkpoint"),
    ("lm_model_file", "empty.safetensors", b"", "empty"),
    ("lm_model_file", "garbage.safetensors", GARBAGE, "not a safetensors checkpoint"),
    ("lm_model_file", "foreign.safetensors", save({"w": torch.zeros(2)}), "not an RNN Lab checkpoint"),
    ("clf_data_file", "garbage.csv", GARBAGE, "binary file"),
    ("clf_data_file", "empty.csv", b"", "empty"),
    ("clf_data_file", "nbsp.csv", NBSP, "empty"),
    ("clf_data_file", "nolabel.csv", b"text\n" + b"a film\n" * 20, "single column"),
    ("clf_model_file", "text.safetensors", LATIN1, "not a safetensors checkpoint"),
    ("clf_model_file", "empty.safetensors", b"", "empty"),
    ("ner_data_file", "garbage.conll", GARBAGE, "binary file"),
    ("ner_data_file", "latin1.conll", "Café B-LOC\n".encode("latin-1"), "not UTF-8"),
    ("ner_data_file", "empty.conll", b"", "empty"),
    ("ner_data_file", "nbsp.conll", NBSP, "no sentences"),
    ("ner_model_file", "text.safetensors", b"EU B-ORG\n", "not a safetensors checkpoint"),
    ("ner_model_file", "empty.safetensors", b"", "empty"),
]


@pytest.mark.parametrize("key,name,data,message", BAD_FILES, ids=[f"{k}-{n}" for k, n, _, _ in BAD_FILES])
def test_a_file_that_is_not_what_it_claims_gets_a_message(key, name, data, message, without_shipped):
    page, query, values = next((p, q, v) for p, q, v, k, _ in UPLOADERS if k == key)
    at = uploader_page(page, query, values, without_shipped)
    at.file_uploader(key=key).upload(name, data, "application/octet-stream").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(message in e for e in texts(at.error)), texts(at.error)


def test_a_5_mb_text_is_cut_to_size_with_a_note(without_shipped):
    at = uploader_page("pages/char_lm.py", {"model": "train"}, {"lm_corpus": "upload"}, without_shipped)
    at.file_uploader(key="lm_text_file").upload("big.txt", b"to be or not to be!\n" * 262_144, "text/plain").run()
    assert not at.exception and not at.error
    assert any("5,242,880 characters" in w and "first 2,000,000" in w for w in texts(at.warning))
    assert not at.button(key="lm_start").disabled


def test_binary_without_nul_bytes_is_read_as_latin1_and_refused_for_what_it_holds(without_shipped):
    at = uploader_page("pages/classifier.py", {"model": "train"}, {}, without_shipped)
    at.file_uploader(key="clf_data_file").upload("garbage.csv", NO_NUL_GARBAGE, "text/csv").run()
    assert not at.exception
    assert at.error or at.warning  # some message: it has no usable label column, or odd characters
    assert at.button(key="clf_start").disabled or any("Latin-1" in w for w in texts(at.warning))


@pytest.mark.parametrize("key,task,other", [("lm_model_file", "classify", "a classifier"),
                                            ("clf_model_file", "tag", "a tagger"),
                                            ("ner_model_file", "lm", "a language model")])
def test_a_model_for_another_task_is_refused(key, task, other, hostile_models, without_shipped):
    page = next(p for p, _, _, k, _ in UPLOADERS if k == key)
    at = upload_model(page, key, hostile_models[task], "other.safetensors")
    assert not at.exception
    assert any(f"holds {other}" in e for e in texts(at.error)), texts(at.error)


# ---------------------------------------------------------------- the readers behind the uploaders

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
any_bytes = st.binary(max_size=300) | st.text(max_size=100).map(lambda s: s.encode("utf-8", "surrogatepass"))


@FAST
@given(any_bytes)
def test_upload_readers_on_any_bytes(data):
    for read in (lambda d: classify.read_table(d, "f.csv"), lambda d: corpora.from_upload(d, "f.txt"),
                 lambda d: tagging.read_conll(d, "f.conll")):
        try:
            out = read(data)
        except RNNLabError:
            continue
        if isinstance(out, classify.Table):
            try:
                classify.examples(out, out.text_col, out.label_col)
            except RNNLabError:
                pass


# ---------------------------------------------------------------- errors are messages


def test_an_unexpected_error_is_logged_and_the_visitor_sees_one_line(monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise KeyError("a secret detail of the server")

    at = open_app("pages/classifier.py", model="sentiment")
    monkeypatch.setattr(classify, "answer", broken)
    with caplog.at_level(logging.ERROR, logger="rnnlab"):
        at.text_area(key="clf_text").set_value("a text never seen before").run()
    assert not at.exception  # no exception element, so no traceback
    assert [e.value for e in at.error] and "went wrong" in at.error[0].value
    shown = " ".join(texts([*at.error, *at.markdown, *at.caption, *at.warning, *at.info]))
    assert "secret detail" not in shown and "Traceback" not in shown
    record = next(r for r in caplog.records if r.name == "rnnlab")
    assert "Text classifier" in record.getMessage() and "secret detail" in caplog.text and "Traceback" in caplog.text
    ref = re.search(r"reference (\w+)", record.getMessage())[1]
    assert ref in at.error[0].value  # the visitor's line names the log entry
    assert at.text_area(key="clf_text").value == "a text never seen before"  # nothing lost
    monkeypatch.undo()
    at.run()
    assert not at.error and at.metric  # and the page works again


def test_the_friendly_line_speaks_korean(monkeypatch):
    at = open_app("pages/classifier.py", model="sentiment")
    at.session_state["lang"] = "ko"
    monkeypatch.setattr(classify, "answer", lambda *a, **k: 1 / 0)
    at.text_area(key="clf_text").set_value("another text").run()
    assert not at.exception and "서버 기록" in at.error[0].value


def test_streamlit_control_flow_passes_the_guard_untouched(without_shipped):
    """st.stop (no model yet) and st.rerun (nav.enter) are BaseExceptions: no error line for them."""
    at = open_app("pages/char_lm.py", model="upload")
    assert not at.exception and not at.error
    assert any("No model yet" in m for m in messages(at))


def test_an_error_in_the_live_training_panel_is_one_line_too(without_shipped, monkeypatch, caplog):
    """The panel is a fragment that redraws itself, outside the page's own guard: it has its own."""
    from test_char_lm import train_briefly

    from webapp import widgets

    at = open_app("pages/char_lm.py")
    run = train_briefly(at, lm_corpus="project", lm_hidden=32, lm_seconds=5)
    monkeypatch.setattr(widgets.charts, "loss_curve", lambda *a, **k: 1 / 0)
    run.join(30)
    with caplog.at_level(logging.ERROR, logger="rnnlab"):
        at.run()
    assert not at.exception and any("went wrong" in e for e in texts(at.error))
    assert "the training panel" in caplog.text and "ZeroDivisionError" in caplog.text
