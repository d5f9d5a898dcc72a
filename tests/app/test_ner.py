"""The named-entity page through Streamlit's AppTest: the shipped tagger finds the entities of a typed
sentence (highlighted, escaped, in a table, with the probability heatmap and both directions' states),
bad text and bad CoNLL files get a message (never a traceback), a tagger trains on the WNUT-17 of data/, and a
tiny tagger trains on an upload."""
import re
from pathlib import Path

import pyarrow as pa
import pytest
from app_helpers import clean, open_app
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[2]
PAGE = str(REPO / "pages" / "tagging.py")
TIMEOUT = 180  # the first run imports torch
SOURCES = ("shipped", "train", "upload")
SENTENCE = "Peter Blackburn, the U.S. envoy, met officials of the European Commission in Brussels on Thursday."


def page(**params) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def param(at, name: str) -> str:
    value = at.query_params[name]
    return value[0] if isinstance(value, list) else value


def entity_table(at) -> dict[str, str]:
    df = at.dataframe[0].value
    return dict(zip(df["Entity"], df["Type"]))


def chart_frames(at) -> list:
    return [pa.ipc.open_stream(d.data.data).read_pandas() for c in at.get("vega_lite_chart") for d in c.proto.datasets]


def highlighted(at) -> str:
    found = [h.proto.body for h in at.get("html") if "<mark" in h.proto.body or "white-space:pre-wrap" in h.proto.body]
    assert found, "no highlighted text"
    return found[0]


def test_the_shipped_tagger_finds_the_entities_of_a_typed_sentence():
    at = page()
    clean(at)
    at.text_area(key="ner_text").set_value(SENTENCE).run()
    clean(at)
    found = entity_table(at)
    assert found.get("Peter Blackburn") == "PER"
    assert found.get("U.S.") == "LOC"
    assert found.get("European Commission") == "ORG"
    assert found.get("Brussels") == "LOC"
    body = highlighted(at)
    assert body.count("<mark") == len(found) and "Peter Blackburn<sup" in body
    # the heatmap of tag probabilities: every token (18) by every tag (9), values in [0, 1]
    probs = [df for df in chart_frames(at) if len(df) == 18 * 9]
    assert probs and probs[0]["value"].between(0, 1).all()
    # the hidden states of both directions, side by side
    assert any("Forward" in m.value for m in at.markdown) and any("Backward" in m.value for m in at.markdown)
    # the first example and the shipped model are the defaults: a link may leave them out
    assert at.query_params.get("text", SENTENCE) == SENTENCE and at.query_params.get("model", "shipped") == "shipped"


def test_the_url_carries_the_text_and_an_example_is_one_click_away():
    at = page(text="Angela Merkel visited Paris.")
    clean(at)
    assert at.text_area(key="ner_text").value == "Angela Merkel visited Paris."
    assert entity_table(at).get("Paris") == "LOC"
    at.button(key="ner_example_0").click().run()
    clean(at)
    assert at.text_area(key="ner_text").value.startswith("EU rejects German call")
    assert entity_table(at).get("EU") == "ORG"


def test_html_in_the_text_is_escaped():
    at = page(text="<script>alert(1)</script> <b>Reuters</b> reported from London.")
    clean(at)
    body = highlighted(at)
    assert "<script>" not in body and "&lt;script&gt;" in body and "<b>" not in body


@pytest.mark.parametrize("text,message", [
    ("", "Type some text"), ("   \n  ", "Type some text"),
    ("the weather was nice and we went for a walk", "No entity found"),
])
def test_empty_text_and_text_without_entities_get_a_message(text, message):
    at = page()
    at.text_area(key="ner_text").set_value(text).run()
    assert not at.exception
    shown = [m.value for m in (*at.info, *at.warning)]
    assert any(message in m for m in shown), shown


@pytest.mark.parametrize("text", [
    "JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .",
    "see https://example.com/a?b=1 😀🎉 and mail bob@example.org",
    " ".join(["EU"] * 10_000),  # one "sentence" of 10,000 tokens
])
def test_odd_text_is_tagged_without_trouble(text):
    at = page()
    at.text_area(key="ner_text").set_value(text).run()
    clean(at)
    assert any("tokens" in c.value for c in at.caption)
    if text.startswith("EU EU"):
        assert any("first 200 of its 10,000 tokens" in c.value for c in at.caption)


def test_train_your_own_opens_on_wnut17_from_data_and_trains_on_it(monkeypatch):
    """A fresh clone can train a tagger at once: WNUT-17 ships in data/ (CoNLL-2003 is never offered)."""
    monkeypatch.setenv("RNNLAB_MAX_SECONDS", "2")
    at = page(model="train")
    clean(at)
    assert at.radio(key="ner_data").value == "wnut17"
    assert not any("CoNLL-2003" in o for o in at.radio(key="ner_data").options)
    assert any(c.value.startswith("3,394 sentences") and "person" in c.value for c in at.caption)
    metrics = train_and_report(at)
    assert 0 <= float(metrics["F1"]) <= 100 and metrics["Sentences scored"] == "500"  # WNUT-17's dev, capped


def train_and_report(at) -> dict[str, str]:
    """A 16-unit tagger trained to its end; the report's metrics, label -> value."""
    at.select_slider(key="ner_hidden").set_value(16).run()
    at.button(key="ner_start").click().run()
    clean(at)
    assert at.session_state["ner_run"].join(60)
    at.run()
    clean(at)
    return {m.label: m.value for m in at.metric}


def upload_page(data: bytes, name: str = "tiny.conll") -> AppTest:
    at = page(model="train")
    at.radio(key="ner_data").set_value("upload").run()
    at.file_uploader(key="ner_data_file").upload(name, data, "text/plain").run()
    return at


TINY = "".join(f"{name} NNP B-PER\nvisited VBD O\n{city} NNP B-LOC\n. . O\n\n"
               for name, city in [("Peter", "Paris"), ("Maria", "Rome"), ("John", "London"), ("Anna", "Berlin"),
                                  ("Paul", "Madrid"), ("Eva", "Vienna")] * 4)


def test_a_tiny_tagger_trains_on_an_uploaded_conll_file_and_is_reported():
    at = upload_page(TINY.encode())
    clean(at)
    assert any("24 sentences, 96 tokens" in c.value for c in at.caption)
    at.select_slider(key="ner_seconds").set_value(5).run()
    metrics = train_and_report(at)
    assert 0 <= float(metrics["F1"]) <= 100 and metrics["Sentences scored"] == "2"
    per_type = at.dataframe[0].value
    assert set(per_type["Type"]) <= {"PER", "LOC"} and len(per_type) >= 1
    assert [b for b in at.get("download_button")], "no download button"
    at.text_area(key="ner_text").set_value("Peter visited Rome .").run()  # the new tagger tags typed text
    clean(at)
    assert any("4 tokens" in c.value for c in at.caption)


@pytest.mark.parametrize("data,message", [
    (b"EU NNP B-ORG\nrejects\n", "line 2: a token without a tag"),
    (b"EU NNP I-NP B-ORG\nrejects VBZ O\n", "line 2: 3 columns where earlier lines have 4"),
    (b"EU NNP ORG\n", "not in the IOB scheme"),
    (b"-DOCSTART- -X- O O\n\n-DOCSTART- -X- O O\n", "no sentences"),
    (b"EU NNP O\nrejects VBZ O\n", "no entities"),
    (b"", "empty"),
    (b"\x00\x01binary\x00", "binary"),
])
def test_bad_conll_files_get_a_message_and_cannot_be_trained_on(data, message):
    at = upload_page(data)
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any(message in e for e in errors), errors
    assert at.button(key="ner_start").disabled


def test_an_upload_that_is_not_a_tagger_gets_a_message():
    at = page(model="upload")
    at.file_uploader(key="ner_model_file").upload("x.safetensors", b"not a model", "application/octet-stream").run()
    assert not at.exception
    assert any("cannot be used" in e.value for e in at.error)


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("model", SOURCES)
def test_every_string_is_translated(lang, model):
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    at.session_state["lang"] = lang
    at.query_params["model"] = model
    at.run()
    assert not at.exception
    shown = [str(e.value) for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning")
             for e in getattr(at, kind)] + [e.label for kind in ("button", "radio", "select_slider", "selectbox")
                                            for e in getattr(at, kind)]
    assert shown and not [s for s in shown if re.match(r"^(ner|inside|train|metric|chart)\.[a-z_.\-]+$", s)]
    assert any(re.search("[가-힣]", s) for s in shown) == (lang == "ko")


def test_a_training_goes_on_while_the_visitor_is_elsewhere_and_a_second_click_starts_no_second_run():
    at = open_app("pages/tagging.py", model="train")
    at.radio(key="ner_data").set_value("upload").run()
    at.file_uploader(key="ner_data_file").upload("tiny.conll", TINY.encode(), "text/plain").run()
    at.select_slider(key="ner_seconds").set_value(5).run()
    at.button(key="ner_start").click().run()
    clean(at)
    run = at.session_state["ner_run"]
    assert at.button(key="ner_start").disabled  # while it trains
    at.session_state["ner_start_asked"] = True  # a second click that came before the page redrew
    at.run()
    assert at.session_state["ner_run"] is run
    at.switch_page("pages/home.py").run()
    at.switch_page("pages/tagging.py").run()
    clean(at)
    assert at.radio(key="ner_source").value == "train" and at.session_state["ner_run"] is run
    assert run.join(60)
    at.run()
    clean(at)
    assert any("held-out sentences" in h.value for h in at.subheader) and at.get("download_button")
