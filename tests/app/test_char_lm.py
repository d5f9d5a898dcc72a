import time

from app_helpers import open_app, texts

PAGE = "pages/char_lm.py"


def sample_text(at) -> str:
    return at.code[-1].value  # the sample is the last code block (a corpus preview or a probe may come first)


def test_it_samples_from_the_shipped_model_and_looks_inside(with_shipped):
    at = open_app(PAGE)
    assert any("LSTM" in c for c in texts(at.caption))
    assert len(sample_text(at)) == 300
    charts = at.get("vega_lite_chart")
    assert len(charts) >= 3  # states heatmap, top-5, unit scores
    assert at.selectbox(key="lm_unit").value is not None
    assert not at.error


def test_a_shared_link_reproduces_the_sample_and_the_view(with_shipped):
    query = dict(prime="ROMEO:", len=80, temp=0.7, seed=11, topk=5, state="cell", span="2-6", unit=3)
    first = open_app(PAGE, **query)
    again = open_app(PAGE, **query)
    assert sample_text(first) == sample_text(again) and sample_text(first).startswith("ROMEO:")
    assert len(sample_text(first)) == len("ROMEO:") + 80
    assert first.text_input(key="lm_prime").value == "ROMEO:" and first.slider(key="lm_temperature").value == 0.7
    assert again.radio(key="lm_state").value == "cell" and again.selectbox(key="lm_unit").value == 3
    assert again.session_state["lm_pick"][1:] == (2, 6)
    assert any("2–6" in m for m in texts(again.markdown))
    other = open_app(PAGE, **{**query, "seed": 12})
    assert sample_text(other) != sample_text(first)
    # the numbers are bound to the link under their keys now: an old link's names stay in the URL (it still opens
    # this view) until the value moves away; Streamlit writes a value set from Python only once it changes
    assert {"len", "temp", "topk", "seed"} <= set(first.query_params)
    first.button(key="lm_again").click().run()
    assert "seed" not in first.query_params and first.query_params["lm_seed"] in ("12", ["12"])
    assert {"len", "temp", "topk"} <= set(first.query_params)
    bound = open_app(PAGE, **{k: v for k, v in query.items() if k not in ("len", "temp", "topk", "seed")},
                     lm_length=80, lm_temperature=0.7, lm_top_k=5, lm_seed=11)
    assert sample_text(bound) == sample_text(again) and bound.number_input(key="lm_seed").value == 11
    bound.button(key="lm_again").click().run()  # Again writes the new seed into the link
    assert bound.query_params["lm_seed"] in ("12", ["12"]) and sample_text(bound) == sample_text(other)


def test_unseen_priming_characters_warn_and_keep_the_text(with_shipped):
    at = open_app(PAGE)
    at.text_input(key="lm_prime").set_value("ROMEO 💥 세계").run()
    assert not at.exception
    assert any("never saw" in w for w in texts(at.warning))
    assert at.text_input(key="lm_prime").value == "ROMEO 💥 세계"


def test_a_missing_shipped_model_says_so_and_training_still_works(without_shipped):
    at = open_app(PAGE)
    assert any("not in this copy" in w for w in texts(at.warning))
    at.radio(key="lm_source").set_value("train").run()
    assert not at.exception and at.button(key="lm_start").disabled is False
    assert any("Models run on" in c for c in texts(at.sidebar.caption))  # also when the page stops early


def train_briefly(at, **settings):
    at.radio(key="lm_source").set_value("train").run()
    for key, value in settings.items():
        widget = at.text_area(key=key) if key == "lm_paste" else at.selectbox(key=key) \
            if key in ("lm_corpus", "lm_cell") else at.select_slider(key=key)
        widget.set_value(value).run()
    at.button(key="lm_start").click().run()
    assert not at.exception and not at.error, texts(at.error)
    return at.session_state["lm_run"]


def test_it_trains_in_the_background_and_stops_on_request(without_shipped):
    at = open_app(PAGE)
    run = train_briefly(at, lm_corpus="project", lm_hidden=32, lm_seconds=60)
    assert run.snapshot().state == "running"
    time.sleep(2)
    at.run()  # the live panel redraws: a Stop button and a loss curve
    assert at.button(key="lm_run_stop")
    asked = time.monotonic()
    at.button(key="lm_run_stop").click().run()
    assert run.snapshot().state in ("stopping", "stopped")
    assert run.join(5) and time.monotonic() - asked < 2
    at.run()
    snap = run.snapshot()
    assert snap.state == "stopped" and snap.elapsed < 30 and snap.step > 0
    assert at.get("download_button"), "the trained model can be downloaded"
    assert len(sample_text(at)) == 300  # and sampled from


def test_it_trains_on_korean_text(without_shipped):
    at = open_app(PAGE)
    korean = "동해 물과 백두산이 마르고 닳도록 하느님이 보우하사 우리나라 만세. " * 10
    run = train_briefly(at, lm_corpus="paste", lm_paste=korean, lm_hidden=16, lm_seconds=5)
    assert run.join(30)
    at.run()
    assert run.snapshot().state == "done"
    assert set(sample_text(at)) <= set(korean)


def test_training_offers_shakespeare_first_and_a_korean_text_from_data(without_shipped):
    at = open_app(PAGE, model="train")
    assert not at.exception and not at.error, texts(at.error)
    assert at.selectbox(key="lm_corpus").value == "shakespeare"
    assert any("1,115,394 characters, 65 different" in c for c in texts(at.caption))
    assert any("char-rnn" in c for c in texts(at.caption))  # where the text comes from
    assert not at.button(key="lm_start").disabled
    at.selectbox(key="lm_corpus").set_value("korean_chat").run()
    assert not at.exception and not at.error, texts(at.error)
    assert any("MIT" in c for c in texts(at.caption))
    assert at.code[0].value.startswith("12시 땡!")  # the preview


def test_it_trains_on_the_korean_dialogue_of_data(without_shipped):
    at = open_app(PAGE)
    run = train_briefly(at, lm_corpus="korean_chat", lm_hidden=16, lm_seconds=5)
    assert run.join(30)
    at.run()
    assert run.snapshot().state == "done"
    written = sample_text(at)
    assert sum("가" <= ch <= "힣" for ch in written) > len(written) / 4  # it writes Hangul


def test_bad_pasted_text_says_why_and_keeps_the_model(without_shipped):
    at = open_app(PAGE)
    run = train_briefly(at, lm_corpus="hello", lm_hidden=16, lm_seconds=5)
    assert run.join(30)
    at.run()
    for bad, why in (("x", "at least 20"), ("   ", "empty")):
        at.selectbox(key="lm_corpus").set_value("paste").run()
        at.text_area(key="lm_paste").set_value(bad).run()
        assert not at.exception
        assert any(why in e for e in texts(at.error))
        assert at.button(key="lm_start").disabled
        assert at.session_state["lm_run"] is run  # the model trained before is still there
        assert len(sample_text(at)) == 300  # and still samples


def test_the_real_shipped_model_when_present():
    import pytest
    from app_helpers import REPO

    from webapp import loading
    path = REPO / "models" / "char-shakespeare.safetensors"
    if not path.exists():
        pytest.skip("models/char-shakespeare.safetensors is not in this checkout")
    shipped = loading.shipped("char-shakespeare.safetensors", "lm")
    assert shipped.error is None and shipped.bundle.cfg.task == "lm"
    assert {"R", "O", "M", "E", ":", "\n"} <= set(shipped.bundle.vocab.itos)
    assert shipped.bundle is loading.shipped("char-shakespeare.safetensors", "lm").bundle  # loaded once


def test_typed_text_survives_switching_sections_and_pages(without_shipped):
    at = open_app(PAGE)
    at.radio(key="lm_source").set_value("train").run()
    at.selectbox(key="lm_corpus").set_value("paste").run()
    at.text_area(key="lm_paste").set_value("my own precious text, typed by hand").run()
    at.radio(key="lm_source").set_value("upload").run()
    at.switch_page("pages/hello_rnn.py").run()
    at.switch_page(PAGE).run()
    assert at.radio(key="lm_source").value == "upload"
    at.radio(key="lm_source").set_value("train").run()
    assert at.text_area(key="lm_paste").value == "my own precious text, typed by hand"


def test_again_and_length_keep_the_neuron_finder_working_with_what_a_browser_sends(with_shipped):
    """Issue 11 §1: the browser sends back the unit box's old label ('unit 195 (+0.748)') after a new sample;
    that string reached st.session_state.lm_unit and `0 <= lm_unit < H` raised TypeError."""
    from monkey import Monkey
    m = Monkey(PAGE, seed=0)  # its send() sends the labels a browser holds, and fails on any error box
    for _ in range(3):
        m.at.button(key="lm_again").click()
        m.send("again")
    m.at.slider(key="lm_length").set_value(120)
    m.send("length")
    m.at.button(key="lm_again").click()
    m.send("again")
    unit = m.at.selectbox(key="lm_unit")
    m.labels[unit.id] = "unit 3 (+0.748)"  # a label the page no longer draws (and of the old kind)
    m.at.button(key="lm_again").click()
    m.send("again with a stale label")
    assert isinstance(m.at.session_state["lm_unit"], int)
    assert m.at.session_state["lm_seed"] == 5


def test_the_span_follows_the_text_and_the_unit_follows_the_span(with_shipped):
    from webapp import inside
    at = open_app(PAGE, prime="ROMEO:", len=60)
    text = sample_text(at)
    span = inside.default_span(list(text))
    assert span != (0, len(text) - 1) and at.session_state["lm_pick"] is None
    assert any(f"{span[0]}–{span[1]}" in m for m in texts(at.markdown))
    at.button(key="lm_again").click().run()
    new = sample_text(at)
    assert new != text
    span = inside.default_span(list(new))  # a new text: its own default span, not the old one
    assert any(f"{span[0]}–{span[1]}" in m for m in texts(at.markdown))
    # a word picked from the list: the span and its top unit
    offered = inside.spans_to_offer(list(new))
    chosen = next(s for s in offered if s != span)
    at.selectbox(key="lm_word").select_index(offered.index(chosen)).run()
    assert at.session_state["lm_pick"][1:] == chosen
    assert at.selectbox(key="lm_word").value == chosen
    assert any(f"{chosen[0]}–{chosen[1]}" in m for m in texts(at.markdown))
    top = at.session_state["lm_unit"]
    # a unit picked by hand stays while the span does, and yields to the top unit of a new span
    other = (top + 1) % 16
    at.selectbox(key="lm_unit").set_value(other).run()
    assert at.selectbox(key="lm_unit").value == other and not at.error
    at.radio(key="lm_state").set_value("cell").run()
    at.radio(key="lm_state").set_value("hidden").run()
    assert at.selectbox(key="lm_unit").value == other  # back: the pick for this state and span
    at.button(key="lm_again").click().run()
    span = inside.default_span(list(sample_text(at)))  # the picks were for the old text
    assert any(f"{span[0]}–{span[1]}" in m for m in texts(at.markdown))
    assert not at.exception and not at.error


def test_a_text_with_characters_the_model_never_saw_says_what_it_reads(with_shipped):
    at = open_app(PAGE)
    at.radio(key="lm_view").set_value("text").run()
    at.text_area(key="lm_text").input("a “curly” quote").run()
    assert any("never saw" in w for w in texts(at.warning))
    assert any("reads only these characters" in c for c in texts(at.caption))
    assert not at.exception and not at.error


def test_a_training_shows_as_it_was_after_another_page_and_from_its_link(without_shipped):
    """Issue 25: leaving the page while a model trains and coming back (another page and back in the session,
    or the page's link opened again: a reload, a new tab) shows the training text, its settings and the run."""
    at = open_app(PAGE)
    at.radio(key="lm_source").set_value("train").run()
    at.selectbox(key="lm_corpus").set_value("project").run()
    at.select_slider(key="lm_hidden").set_value(32).run()
    at.select_slider(key="lm_seconds").set_value(60).run()
    at.button(key="lm_start").click().run()
    run = at.session_state["lm_run"]
    try:
        assert run.snapshot().active and at.button(key="lm_start").disabled
        at.session_state["lm_start_asked"] = True  # a second click that arrived before the button was disabled
        at.run()
        assert at.session_state["lm_run"] is run  # started nothing
        at.switch_page("pages/hello_rnn.py").run()
        at.switch_page(PAGE).run()
        assert at.radio(key="lm_source").value == "train" and at.selectbox(key="lm_corpus").value == "project"
        assert at.select_slider(key="lm_hidden").value == 32 and at.session_state["lm_run"] is run
        assert at.button(key="lm_run_stop") and any("open when training ends" in i for i in texts(at.info))
        link = {k: at.query_params[k] for k in at.query_params}
        assert link["model"] == "train" and link["corpus"] == "project" and link["job"]
        again = open_app(PAGE, **{**link, "lm_hidden": 32})  # the browser's URL holds the bound sizes too
        assert again.radio(key="lm_source").value == "train" and again.selectbox(key="lm_corpus").value == "project"
        assert again.select_slider(key="lm_hidden").value == 32
        assert again.session_state["lm_run"] is run and again.button(key="lm_run_stop")
        assert "lm_run" not in open_app(PAGE, **{**link, "job": "0" * 18}).session_state  # a token of no run
    finally:
        run.stop()
    assert run.join(10)
    done = open_app(PAGE, **link)
    assert not done.exception and not done.error, texts(done.error)
    assert done.session_state["lm_run"] is run and done.get("download_button") and len(sample_text(done)) == 300


def test_the_view_survives_another_page_by_itself(with_shipped, monkeypatch):
    """Issue 25: the page's widgets keep their values over a visit to another page on their own (persisted or
    bound to the link), without the app's list of kept keys (urlstate.keep does nothing here)."""
    monkeypatch.setattr("webapp.urlstate.keep", lambda keys: None)
    at = open_app(PAGE)
    at.text_input(key="lm_prime").set_value("ROMEO:").run()
    at.slider(key="lm_length").set_value(120).run()
    at.slider(key="lm_temperature").set_value(0.5).run()
    at.number_input(key="lm_seed").set_value(9).run()
    at.radio(key="lm_state").set_value("cell").run()
    at.radio(key="lm_view").set_value("text").run()
    at.text_area(key="lm_text").input("ROMEO: hello").run()
    sample = at.session_state["lm_sample"][1]
    away(at)
    assert not at.exception and not at.error, texts(at.error)
    assert at.text_input(key="lm_prime").value == "ROMEO:" and at.slider(key="lm_length").value == 120
    assert at.slider(key="lm_temperature").value == 0.5 and at.number_input(key="lm_seed").value == 9
    assert at.radio(key="lm_view").value == "text" and at.text_area(key="lm_text").value == "ROMEO: hello"
    assert at.radio(key="lm_state").value == "cell" and at.session_state["lm_sample"][1] == sample
    at.radio(key="lm_source").set_value("train").run()
    at.selectbox(key="lm_corpus").set_value("paste").run()
    at.text_area(key="lm_paste").input("a text of my own, long enough").run()
    at.select_slider(key="lm_seconds").set_value(10).run()
    away(at)
    assert at.radio(key="lm_source").value == "train" and at.selectbox(key="lm_corpus").value == "paste"
    assert at.text_area(key="lm_paste").value == "a text of my own, long enough"
    assert at.select_slider(key="lm_seconds").value == 10


def away(at):
    """Another page and back by the navigation, as a browser does it: the page opens again without its link's
    parameters."""
    at.switch_page("pages/hello_rnn.py").run()
    at.query_params.clear()
    at.switch_page(PAGE).run()


def test_a_bound_widgets_default_is_the_pages(with_shipped):
    """Streamlit leaves a bound widget's default out of the link: that default must be the one the page opens
    with, else a temperature of 0.1 (the slider's minimum) dropped out of the URL and the link opened 0.8."""
    at = open_app(PAGE)
    for widget, value in ((at.slider(key="lm_length"), 300), (at.slider(key="lm_temperature"), 0.8),
                          (at.number_input(key="lm_top_k"), 0), (at.number_input(key="lm_seed"), 0)):
        assert widget.value == value and widget.proto.default in (value, [value]), widget.key


def test_a_plain_visit_writes_nothing_into_the_url(with_shipped):
    """Each write into st.query_params is an entry in the browser's history: the default view writes none, so
    Back leaves the page in one step; a choice of one's own is in the link."""
    at = open_app(PAGE)
    assert not at.exception and dict(at.query_params) == {}
    at.radio(key="lm_state").set_value("cell").run()
    at.radio(key="lm_source").set_value("train").run()
    assert at.query_params["model"] == "train" and "corpus" not in at.query_params  # the first text: a default
    at.selectbox(key="lm_corpus").set_value("hello").run()
    assert at.query_params["corpus"] == "hello"
