"""The neuron finder's spans (webapp/inside.py) and the typed URL/widget fields (webapp/urlstate.py)."""
from webapp import inside, urlstate


def chars(text):
    return list(text)


def test_spans_of_a_text():
    text = chars("ROMEO:\nShe said \"no way\" o'er 'Tis fine' ok")
    assert inside.speakers(text) == [(0, 4)]
    a, b = inside.quoted(text)[0]
    assert "".join(text[a:b + 1]) == "no way"
    assert (inside.default_span(text)) == inside.quoted(text)[0]  # a quoted stretch comes first
    assert inside.word_at(text, 8) == (7, 9) and inside.word_at(text, 6) == (6, 6)  # a word; a line break alone
    assert inside.span_of([9, 12], text) == (7, 14)  # from the first click's word to the last one's
    assert inside.span_of([], text) is None and inside.span_of([999, "x"], text) is None
    assert set(inside.quoted(text)) <= set(inside.spans_to_offer(text))


def test_the_default_span_is_short_and_inside_the_text():
    assert inside.default_span(chars("the quick brownest fox")) == (10, 17)  # the longest word
    assert inside.default_span(chars("ROMEO:\nI will.")) == (0, 4)  # a speaker
    assert inside.default_span(chars("!!! ???")) == (0, 6)  # no word: the first characters
    assert inside.default_span(chars("?")) == (0, 0)


def test_a_field_takes_only_its_own_values():
    seed = urlstate.Field("seed", "lm_seed", 0, int, lambda v: 0 <= v < 10)
    assert seed.ok(3) and not seed.ok("3") and not seed.ok(True) and not seed.ok(11)
    assert seed.parse("4") == 4 and seed.parse("unit 195 (+0.748)") is None and seed.parse("12") is None
    temp = urlstate.Field("temp", "lm_temperature", 0.8, float, lambda v: 0.1 <= v <= 2)
    assert temp.ok(1) and temp.ok(0.5) and not temp.ok("0.5")
    pair = urlstate.Field("span", "x", None, urlstate.span, lambda s: s[1] < 10)
    assert pair.parse("2-6") == (2, 6) and pair.parse("6-2") is None and pair.parse("2-60") is None
    assert pair.parse("") is None and pair.parse("a-b") is None
    word = urlstate.Field(None, "lm_word", None, valid=lambda v: v in [(0, 4)], kind=tuple)
    assert word.ok((0, 4)) and not word.ok("ROMEO · 0–4") and not word.ok((1, 2))


def test_publish_leaves_defaults_out_of_the_link_and_writes_the_rest():
    from streamlit.testing.v1 import AppTest

    def page():
        import streamlit as st

        from webapp import urlstate
        urlstate.begin_run()
        urlstate.seed("n", "n_key", "3")
        urlstate.seed("word", "word_key", "hello")
        st.text_input("n", key="n_key")
        urlstate.publish({"n": st.session_state["n_key"], "word": st.session_state["word_key"], "gone": None})

    at = AppTest.from_function(page)
    at.query_params["gone"] = "x"
    at.run()
    assert dict(at.query_params) == {}
    at.text_input(key="n_key").input("5").run()
    assert at.query_params["n"] in ("5", ["5"]) and "word" not in at.query_params
