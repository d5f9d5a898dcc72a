"""The translate page's exercises (issue 24) on the shipped models: which source token the decoder looked at
most when it wrote a word (the attention row's maximum), which written word the decoder found least likely,
and which of the chatbot's reranked candidates scores highest. The right answers are worked out here from
the models themselves; another seed asks about other steps; Korean too. And the page's shareable view
(issue 25): a link with the step, the state, the beam and the rescoring toggle opens the same view, a long
text stays out of it, and leaving the page and coming back keeps it."""
import re
from pathlib import Path

import numpy as np
import pytest
import torch
from app_helpers import answer_exercise, clean, open_app
from streamlit.testing.v1 import AppTest

from core.checkpoint import load_checkpoint
from webapp import i18n, urlstate
from webapp import translate as tr
from webapp.charts import show_token

REPO = Path(__file__).resolve().parents[2]
PAGE = "pages/translate.py"
TEXT = {"ko-en": "나는 그냥 쉬고 싶어.", "en-ko": "This is a serious problem."}


def page(**query) -> AppTest:
    """The page alone, without streamlit_app.py's navigation and sidebar (the tests of a link and of another page
    use open_app)."""
    at = AppTest.from_file(str(REPO / PAGE), default_timeout=180)
    at.query_params.update({k: str(v) for k, v in query.items()})
    return at.run()


@pytest.fixture(scope="module")
def models():
    return {name: load_checkpoint(REPO / "models" / file) for name, file in tr.SHIPPED.items()}


def written_by(bundle, direction: str):
    """What the page's default decoding writes (the beam, rescored by the other direction where the model can)."""
    channel = bool(bundle.cfg.reverse_members) and bundle.cfg.decoding == "channel"
    return tr.write(bundle, TEXT[direction], decoding="channel" if channel else "beam", beam_size=bundle.cfg.beam_size)


def question(at, number: int) -> str:
    return next(m.value for m in at.markdown if m.value.startswith(f"**{number}.**"))


def warning(at) -> str:
    """The exercise's feedback on a wrong answer (the page may warn about other things too)."""
    return next(w.value for w in at.warning if w.value.startswith(("Not quite.", "아쉽네요.")))


def asked(at, number: int, key: str) -> tuple[str, list[str]]:
    """An exercise's question and its choices."""
    return question(at, number), at.radio(key=f"ex_{key}_answer").options


answer = answer_exercise  # tests/app/app_helpers.py


def looked_answer(at, written) -> tuple[int, str, list[str]]:
    """The step asked about, the right option worked out from the attention row, the options."""
    step = int(re.search(r"\(step (\d+)\)", question(at, 1)).group(1))
    row = written.attention[step - 1]  # (S,)
    top = int(np.argmax(row))
    return step, f"{top + 1}: {show_token(written.source[top])}", at.radio(key="ex_translate_looked_answer").options


@pytest.mark.parametrize("direction", ["ko-en", "en-ko"])
def test_where_the_decoder_looked_is_the_attention_rows_maximum(models, direction):
    at = page(mode="translate", dir=direction, text=TEXT[direction])
    clean(at)
    written = written_by(models[direction], direction)
    step, right, options = looked_answer(at, written)
    assert f"“{show_token(written.steps[step - 1])}”" in question(at, 1)
    wrong = next(o for o in options if o != right)
    answer(at, "translate_looked", wrong)
    assert "another token got more" in warning(at) and f"row {step}" in warning(at)
    answer(at, "translate_looked", right)
    assert f"weight {written.attention[step - 1].max():.3f}" in at.success[0].value


def test_the_least_likely_word_is_read_from_each_steps_probabilities(models):
    at = page(mode="translate", dir="ko-en", text=TEXT["ko-en"])
    written = written_by(models["ko-en"], "ko-en")
    assert written.text in question(at, 2)
    options = at.radio(key="ex_translate_unlikely_answer").options
    kept = {}
    for o in options:
        step = int(o.split(":")[0]) - 1
        kept[o] = next(p for token, p in written.candidates[step] if token == written.steps[step])
    low, high = min(kept, key=kept.get), max(kept, key=kept.get)
    answer(at, "translate_unlikely", high)
    assert f"p = {kept[high]:.3f}; one of the others had less" in warning(at)
    answer(at, "translate_unlikely", low)
    assert f"p = {kept[low]:.3f}, the lowest of these" in at.success[0].value


def test_another_seed_asks_about_another_step():
    at = page(mode="translate", dir="ko-en", text=TEXT["ko-en"])
    first = asked(at, 1, "translate_looked"), asked(at, 2, "translate_unlikely")
    later = []
    for seed in range(1, 6):
        at.number_input(key="ex_translate_seed").set_value(seed).run()
        clean(at)
        later.append((asked(at, 1, "translate_looked"), asked(at, 2, "translate_unlikely")))
    assert any(looked != first[0] for looked, _ in later) and any(unlikely != first[1] for _, unlikely in later)


def test_korean_feedback(models, monkeypatch):
    monkeypatch.setattr(i18n, "language", lambda: "ko")  # both the page and AppTest's formatting of its radios
    at = page(mode="translate", dir="en-ko", text=TEXT["en-ko"])
    clean(at)
    assert "가장 많이 보는 입력 토큰" in question(at, 1)
    written = written_by(models["en-ko"], "en-ko")
    step = int(re.search(r"단계 (\d+)", question(at, 1)).group(1))
    top = int(np.argmax(written.attention[step - 1]))
    answer(at, "translate_looked", f"{top + 1}: {show_token(written.source[top])}")
    assert at.success[0].value.startswith("맞았습니다.") and "행의 가중치를 모두 더하면 1" in at.success[0].value


def test_the_chatbots_winner_is_the_best_scored_candidate(models):
    at = page(mode="chat")
    at.button(key="tr_chat_example_0").click().run()
    clean(at)
    bundle = models["chat"]
    prompt = tr.EXAMPLES["chat"][0][0]
    assert prompt in question(at, 2)
    again = tr.write(bundle, prompt, decoding="rerank", rerank_temperature=0.0, generator=torch.Generator())
    best = again.decoded.candidates[0]  # best score first
    options = at.radio(key="ex_translate_chat_winner_answer").options
    right = next(o for o in options if o.split(": ", 1)[1] == best.text)
    answer(at, "translate_chat_winner", next(o for o in options if o != right))
    assert "another candidate scores more" in warning(at)
    answer(at, "translate_chat_winner", right)
    assert f"= **{best.score:.3f}**" in at.success[0].value


# ---------------------------------------------------------------- the shareable view (issue 25)


def test_a_link_with_step_state_beam_and_rescoring_opens_that_view_and_it_survives_another_page():
    at = open_app(PAGE, mode="translate", dir="ko-en", text=TEXT["ko-en"], beam=3, tr_step=2, state="forget",
                  **{"tr_channel_ko-en": "false"})
    clean(at)
    view = lambda: (at.select_slider(key="tr_beam").value, at.slider(key="tr_step").value,  # noqa: E731
                    at.radio(key="tr_state").value, at.toggle(key="tr_channel_ko-en").value)
    assert view() == (3, 2, "forget", False)
    assert at.query_params["state"] == "forget" and at.query_params["tr_step"] == "2"
    at.switch_page("pages/home.py").run()
    at.switch_page(PAGE).run()
    clean(at)
    assert view() == (3, 2, "forget", False) and at.text_area(key="tr_text").value == TEXT["ko-en"]


def test_a_long_text_stays_out_of_the_link_and_the_page_says_so():
    at = page(mode="translate", dir="ko-en", text=TEXT["ko-en"])
    at.text_area(key="tr_text").input("나는 그냥 쉬고 싶어. " * 50).run()
    clean(at)
    assert "text" not in at.query_params and any("too long to share" in c.value for c in at.caption)


def test_leaving_the_page_and_coming_back_keeps_the_view(monkeypatch):
    monkeypatch.setattr(urlstate, "keep", lambda keys: None)  # the page's own widgets keep it (persist_state)
    at = open_app(PAGE, mode="translate", dir="ko-en", text=TEXT["ko-en"])
    at.select_slider(key="tr_beam").set_value(3).run()
    at.slider(key="tr_step").set_value(2).run()
    at.radio(key="tr_state").set_value("forget").run()
    at.toggle(key="tr_channel_ko-en").set_value(False).run()
    at.number_input(key="ex_translate_seed").set_value(3).run()
    clean(at)
    seen = asked(at, 1, "translate_looked")
    at.switch_page("pages/home.py").run()
    at.query_params.clear()  # what comes back is the session's, not the link's
    at.switch_page(PAGE).run()
    clean(at)
    assert (at.select_slider(key="tr_beam").value, at.slider(key="tr_step").value, at.radio(key="tr_state").value,
            at.toggle(key="tr_channel_ko-en").value, at.number_input(key="ex_translate_seed").value) == (
        3, 2, "forget", False, 3)
    assert asked(at, 1, "translate_looked") == seen
