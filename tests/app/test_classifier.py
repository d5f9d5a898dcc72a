"""The classifier page through Streamlit's AppTest: the shipped models answer typed text with the
over-time chart and saliency, bad text and bad tables get a message (never a traceback), and a tiny
model trains on an uploaded CSV."""
import json

import pandas as pd
import pyarrow as pa
import pytest
from app_helpers import clean, open_app
from streamlit.testing.v1 import AppTest

PAGE = "pages/classifier.py"


def page(**params) -> AppTest:
    """The whole app on the classifier page, with the shipped models of models/ and URL `params`."""
    return open_app(PAGE, **params)


def charts(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


def over_time_data(at) -> pd.DataFrame:
    """The data of the chart that draws a probability per token and class (the over-time chart)."""
    found = []
    for chart in at.get("vega_lite_chart"):
        for dataset in chart.proto.datasets:
            df = pa.ipc.open_stream(dataset.data.data).read_pandas()
            if {"x", "p", "class"} <= set(df.columns):
                found.append(df)
    assert len(found) == 1, "no over-time chart"
    return found[0]


@pytest.mark.parametrize("source,text,labels", [
    ("sentiment", "not bad at all", {"negative", "positive"}),
    ("spam", "WINNER!! Call 09061701461 now to claim your £1000 prize", {"ham", "spam"}),
])
def test_each_shipped_model_answers_a_typed_text_and_explains_it(source, text, labels):
    at = page(model=source)
    clean(at)
    at.text_area(key="clf_text").set_value(text).run()
    clean(at)
    answer = at.metric[0].value
    assert answer in labels
    data = over_time_data(at)
    n_tokens = data["x"].nunique()
    assert len(data) == n_tokens * len(labels) and n_tokens >= 4 and set(data["class"]) == labels
    last = dict(zip(*data[data["x"] == n_tokens - 1][["class", "p"]].to_numpy().T))
    assert max(last, key=last.get) == answer  # the last point of the curve is the answer
    assert f"{last[answer]:.1%}" in at.metric[0].delta
    saliency = [h for h in at.get("html") if "background:" in h.proto.body]
    assert len(saliency) == 1 and saliency[0].proto.body.count("<span") == n_tokens
    shared = {"model": source, "text": text}  # what a copied link holds: the page's defaults stay out of it
    defaults = {"model": "sentiment", "text": "not bad at all"}
    assert all(at.query_params.get(k) == (None if v == defaults[k] else v) for k, v in shared.items())


def test_the_url_carries_model_text_and_method():
    at = page(model="spam", text="Sorry, I'll call later", why="leave-one-out")
    clean(at)
    assert at.text_area(key="clf_text").value == "Sorry, I'll call later"
    assert at.radio(key="clf_method").value == "leave-one-out"
    assert at.metric[0].value == "ham"


def test_an_example_is_one_click_away():
    at = page(model="sentiment")
    at.button(key="clf_example_sentiment_1").click().run()
    clean(at)
    assert at.text_area(key="clf_text").value == "the acting was great but the plot made no sense"
    assert at.metric[0].value in ("negative", "positive")


@pytest.mark.parametrize("text,message", [
    ("", "Type some text"), ("   \n  ", "Type some text"),
    ("🙂🙃😂🎉", "unknown to this model"), ("Это сообщение написано на языке, которого модель не знает", "unknown"),
])
def test_bad_text_gets_a_message_and_the_page_keeps_running(text, message):
    at = page(model="sentiment")
    at.text_area(key="clf_text").set_value(text).run()
    assert not at.exception
    shown = [m.value for m in (*at.info, *at.warning)]
    assert any(message in m for m in shown), shown
    at.text_area(key="clf_text").set_value("a great movie").run()  # and it still answers afterwards
    clean(at)
    assert at.metric[0].value in ("negative", "positive")


def test_a_very_long_text_is_answered_and_the_charts_show_its_beginning():
    at = page(model="spam")
    at.text_area(key="clf_text").set_value("Call now to claim your prize! " * 1666).run()  # 49,980 characters
    clean(at)
    assert at.metric[0].value in ("ham", "spam")
    assert any("first 400 tokens" in c.value for c in at.caption)


def upload_page(data: bytes, name: str = "reviews.csv") -> AppTest:
    at = page(model="train")
    at.file_uploader(key="clf_data_file").upload(name, data, "text/csv").run()
    return at


TINY = "text,label\n" + "".join(f"{w} movie number {i},{'pos' if w in ('great', 'lovely') else 'neg'}\n"
                                for i in range(25) for w in ("great", "lovely", "awful", "boring"))


def test_a_tiny_model_trains_on_an_uploaded_csv_and_is_reported():
    at = upload_page(TINY.encode())
    clean(at)
    assert at.selectbox(key=next(k for k in at.session_state if k.startswith("clf_text_col"))).value == 0
    assert any("100 examples, 2 classes" in c.value for c in at.caption)
    at.select_slider(key="clf_seconds").set_value(5)  # set in the same run as the click, as a fast hand would:
    at.select_slider(key="clf_hidden").set_value(16)  # the run takes the values on the screen, not the last run's
    at.button(key="clf_start").click().run()
    clean(at)
    run = at.session_state["clf_run"]
    assert run.bundle.info["train"]["minutes"] == 5 / 60 and run.model.cfg.hidden_size == 16
    assert run.join(60)
    at.run()
    clean(at)
    metrics = {m.label: m.value for m in at.metric}
    assert float(metrics["Accuracy"].rstrip("%")) >= 0  # the report is there
    assert "Macro-F1" in metrics and metrics["Held-out texts"] == "10"
    assert any(c.get("title") in ("Confusion matrix", {"text": "Confusion matrix"}) for c in charts(at))
    assert [b for b in at.get("download_button")], "no download button"
    # the model just trained answers typed text, with the over-time chart
    at.text_area(key="clf_text").set_value("a great movie").run()
    clean(at)
    assert at.metric[-1].value in ("pos", "neg")
    assert set(over_time_data(at)["class"]) == {"pos", "neg"}


@pytest.mark.parametrize("data,message", [
    (b"text,label\n" + b"".join(b"film %d,pos\n" % i for i in range(20)), "same label"),
    (b"just one column\nanother line\n", "single column"),
    (b"text,label\n" + b"".join(b"film %d,class %d\n" % (i, i) for i in range(10_000)), "10,000 different labels"),
    (b"", "empty"),
    (b"\x00\x01binary\x00", "binary"),
])
def test_bad_tables_get_a_message_and_cannot_be_trained_on(data, message):
    at = upload_page(data)
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any(message in e for e in errors), errors
    assert at.button(key="clf_start").disabled


def test_a_latin1_table_is_read_with_a_warning():
    at = upload_page(TINY.replace("movie", "café").encode("latin-1"))
    assert not at.exception and not at.error
    assert any("Latin-1" in w.value for w in at.warning)
    assert not at.button(key="clf_start").disabled


def test_a_validation_file_with_other_labels_is_refused():
    at = upload_page(TINY.encode())
    other = TINY.replace(",pos", ",1").replace(",neg", ",0").encode()
    at.file_uploader(key="clf_valid_file").upload("valid.csv", other, "text/csv").run()
    assert not at.exception
    assert any("name the classes the same way" in e.value for e in at.error)


def test_an_upload_that_is_not_a_model_gets_a_message():
    at = page(model="upload")
    at.file_uploader(key="clf_model_file").upload("x.safetensors", b"not a model", "application/octet-stream").run()
    assert not at.exception
    assert any("cannot be used" in e.value for e in at.error)


def test_a_long_text_is_not_put_in_the_link_and_the_page_says_so():
    at = page(model="sentiment", text="not bad at all")
    long = "the plot is thin but the acting is good . " * 10  # 420 characters
    at.text_area(key="clf_text").set_value(long).run()
    clean(at)
    assert "text" not in at.query_params
    assert any("too long to share in a link" in c.value for c in at.caption)
    at.text_area(key="clf_text").set_value("a short one").run()
    assert at.query_params["text"] == "a short one"
    assert not any("too long to share" in c.value for c in at.caption)


def test_leaving_the_page_and_coming_back_keeps_the_view():
    at = page(model="spam")
    at.text_area(key="clf_text").set_value("Sorry, I'll call later").run()
    at.radio(key="clf_method").set_value("leave-one-out").run()
    at.number_input(key="ex_clf_seed").set_value(2).run()
    at.switch_page("pages/home.py").run()
    at.switch_page(PAGE).run()
    clean(at)
    assert at.radio(key="clf_source").value == "spam"
    assert at.text_area(key="clf_text").value == "Sorry, I'll call later"
    assert at.radio(key="clf_method").value == "leave-one-out"
    assert at.number_input(key="ex_clf_seed").value == 2


def test_a_training_goes_on_while_the_visitor_is_away_and_a_second_click_starts_no_second_run():
    at = upload_page(TINY.encode())
    at.select_slider(key="clf_seconds").set_value(5)
    at.select_slider(key="clf_hidden").set_value(8)
    at.button(key="clf_start").click().run()
    clean(at)
    run = at.session_state["clf_run"]
    assert at.button(key="clf_start").disabled  # one run at a time; a click sent before the page redrew:
    at.session_state["clf_start_asked"] = True
    at.run()
    assert at.session_state["clf_run"] is run
    at.switch_page("pages/home.py").run()  # away: the uploader forgets the table, the run goes on
    at.switch_page(PAGE).run()
    clean(at)
    assert at.radio(key="clf_source").value == "train" and at.session_state["clf_run"] is run
    assert run.join(60)
    at.run()
    clean(at)
    assert [b for b in at.get("download_button")] and at.metric  # the report
    at.text_area(key="clf_text").set_value("a great movie").run()
    clean(at)
    assert at.metric[-1].value in ("pos", "neg")  # the model trained while away answers
    assert any(m.value.startswith("**1.** The model reads «a great movie»") for m in at.markdown)  # its exercises
