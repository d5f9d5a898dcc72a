"""The translate page in AppTest: both modes on stand-ins for each shipped model, the beam and the steps,
what attention buys, the messages (empty, unknown characters, a 5,000-character input, another task's
model), both languages, and a tiny training run on an uploaded TSV."""
import json
import re

import pytest
from app_helpers import clean, open_app

from core import fit
from core.checkpoint import save_checkpoint
from core.config import ModelConfig, TrainConfig
from core.readers.pairs import Pair
from core.tasks.translate.ensemble import pack

PAGE = "pages/translate.py"
PAIRS = [Pair("나는 학생이야.", "I am a student."), Pair("고마워.", "Thank you."), Pair("안녕.", "Hi."),
         Pair("나는 배고파.", "I am hungry."), Pair("톰은 학생이야.", "Tom is a student."), Pair("비가 와.", "It rains.")]
CHAT = [Pair("배고프다", "맛있게 드세요."), Pair("피곤해", "푹 쉬세요."), Pair("심심해", "영화 보세요."),
        Pair("새출발할꺼야", "좋은 출발이에요."), Pair("내가 쉬워보이나?", "그렇지 않아요.")]


def tiny(pairs, tokenizer, target, folder, name, decoding="beam", attention="additive"):
    cfg = ModelConfig(task="translate", cell="gru", tokenizer=tokenizer, target_tokenizer=target, embed_size=8,
                      hidden_size=16, bidirectional=True, attention=attention, decoding=decoding, temperature=0.8)
    bundle, trainer = fit.prepare("translate", pairs * 4, pairs, cfg, TrainConfig(max_steps=15, batch_size=8, lr=1e-2,
                                                                                  eval_every=1.0))
    fit.run(bundle, trainer)
    save_checkpoint(bundle, folder / name)
    return bundle


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    """Tiny stand-ins for the three shipped models and the attention table (their numbers made up here)."""
    folder = tmp_path_factory.mktemp("translate_models")
    ko_en = tiny(PAIRS, "char", "word", folder, "translate-ko-en.safetensors")
    en_ko = tiny([Pair(p.target, p.source) for p in PAIRS], "word", "char", folder, "translate-en-ko.safetensors")
    channel = pack([ko_en], [en_ko])  # Korean -> English rescored by English -> Korean, as the shipped one
    channel.cfg.decoding, channel.cfg.beam_size = "channel", 3
    save_checkpoint(channel, folder / "translate-ko-en.safetensors")
    tiny(CHAT, "char", "char", folder, "chatbot-ko.safetensors", decoding="sample")
    buckets = [{"label": "1-10", "low": 1, "high": 10}, {"label": "11-20", "low": 11, "high": 20}]
    scores = {"additive": [{"n": 5, "bleu": 20.0, "chrf": 40.0}, {"n": 3, "bleu": 15.0, "chrf": 35.0}],
              "none": [{"n": 5, "bleu": 18.0, "chrf": 38.0}, {"n": 3, "bleu": 5.0, "chrf": 20.0}]}
    (folder / "translate-attention.json").write_text(json.dumps(
        {"direction": "ko-en", "metric": "bleu", "buckets": buckets, "models": scores, "split": "test stand-in",
         "signature": "nrefs:1", "command": "made up for the test"}))
    return folder


@pytest.fixture
def page(models, monkeypatch):
    monkeypatch.setenv("RNNLAB_MODELS", str(models))
    return lambda **query: open_app(PAGE, **query)


def charts(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


def chart_data(at) -> list:
    import pyarrow as pa
    return [pa.ipc.open_stream(d.data.data).read_pandas() for c in at.get("vega_lite_chart") for d in c.proto.datasets]


def written(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("### "))[4:]


@pytest.mark.parametrize("direction,text", [("ko-en", "나는 학생이야."), ("en-ko", "I am hungry.")])
def test_each_translation_model_writes_and_shows_attention_steps_and_beam(page, direction, text):
    at = page(mode="translate", dir=direction, text=text, beam=3)
    clean(at)
    assert at.text_area(key="tr_text").value == text and at.select_slider(key="tr_beam").value == 3
    assert written(at).strip()
    shown = charts(at)
    assert len(shown) >= 6  # attention map, top-5, attention at the step, beam tree, encoder and decoder states
    steps = at.slider(key="tr_step")
    steps.set_value(min(2, steps.max)).run()
    clean(at)
    assert any("Kept:" in c.value for c in at.caption)
    # a default stays out of the URL: ko-en is the first direction, and its stand-in decodes with a beam of 3
    assert at.query_params.get("dir", "ko-en") == direction
    assert at.query_params.get("beam", "3" if direction == "ko-en" else None) == "3"
    assert any("Tatoeba" in c.value and "CC-BY 2.0" in c.value for c in at.caption)


def test_the_beam_rescored_by_the_other_direction_is_shown_and_can_be_turned_off(page):
    at = page(mode="translate", dir="ko-en", text="나는 학생이야.")
    clean(at)
    assert at.toggle(key="tr_channel_ko-en").value
    assert any("other direction" in c.value for c in at.caption)
    [table] = [d.value for d in at.dataframe if "back: log p(source | output)" in d.value.columns]
    assert table.iloc[0]["output"] == "★" and table["score"].is_monotonic_decreasing
    assert table.iloc[0]["hypothesis"] == written(at)
    at.toggle(key="tr_channel_ko-en").set_value(False).run()
    clean(at)
    assert not [d for d in at.dataframe if "back: log p(source | output)" in d.value.columns]
    at.radio(key="tr_dir").set_value("en-ko").run()  # a model without a reverse one: no toggle
    clean(at)
    assert not [x for x in at.get("toggle") if x.key.startswith("tr_channel")]


def test_an_example_is_one_click_away_and_a_gate_can_be_shown(page):
    at = page(mode="translate", dir="en-ko")
    at.button(key="tr_example_en-ko_1").click().run()
    clean(at)
    assert at.text_area(key="tr_text").value == "This is a serious problem."
    at.radio(key="tr_state").set_value("update").run()
    clean(at)


@pytest.mark.parametrize("text,kind,message", [
    ("   ", "info", "Type a sentence first"),
    ("나는 쀍뿕 학생이야.", "warning", "never saw"),
    ("나는 학생이야. " * 500, "warning", "at most 200 tokens"),
])
def test_bad_inputs_get_a_message(page, text, kind, message):
    at = page(mode="translate", dir="ko-en", text=text)
    clean(at)
    assert any(message in e.value for e in getattr(at, kind)), [e.value for e in getattr(at, kind)]


KOREAN_PARAGRAPH = ("나는 그냥 쉬고 싶어. 이건 중대한 문제야. 요리 좋아해? "
                    "난 아직도 프랑스어 배우고 있어. " * 40)[:1200]


@pytest.mark.parametrize("text,total", [
    ("가" * 199 + " " + "나" * 50, "250"),  # the 200th token a space: the page raised "weights (T, 199) do not match"
    (KOREAN_PARAGRAPH, "1,200"),
])
def test_a_long_input_is_cut_to_what_the_model_reads_and_the_page_says_so(page, text, total):
    at = page(mode="translate", dir="ko-en", beam=1)
    at.text_area(key="tr_text").set_value(text).run()
    clean(at)
    [cut] = [w.value for w in at.warning if "at most 200 tokens" in w.value]
    assert f"of your {total} characters" in cut
    read = at.session_state["tr_written"][1].read
    assert read.cut and read.tokens <= 200 and text.startswith(read.text) and f"the first {read.chars:,} " in cut
    if text == KOREAN_PARAGRAPH:
        assert read.text.endswith("?") or read.text.endswith(".")  # whole sentences
    assert written(at) and len(charts(at)) >= 4


def test_the_box_holds_what_the_page_says_it_takes(page):
    at = page(mode="translate", dir="en-ko", beam=1)
    box = at.text_area(key="tr_text")
    assert box.proto.max_chars == 5_000 and "5,000 characters" in box.help
    box.set_value("I just want to rest. This is a serious problem. " * 420).run()  # 20,160 characters
    clean(at)
    assert len(at.text_area(key="tr_text").value) == 5_000
    assert any("of your 5,000 characters" in w.value for w in at.warning), [w.value for w in at.warning]
    assert "text" not in at.query_params  # too long for a link


def test_a_text_in_the_wrong_language_gets_a_note_and_one_click_to_the_other_direction(page):
    at = page(mode="translate", dir="ko-en", text="I am hungry.")
    clean(at)
    [note] = [w.value for w in at.warning if "looks like English" in w.value]
    assert "Korean → English" in note
    at.button(key="tr_switch").click().run()
    clean(at)
    assert at.radio(key="tr_dir").value == "en-ko" and at.text_area(key="tr_text").value == "I am hungry."
    assert not [w for w in at.warning if "looks like" in w.value]
    at.text_area(key="tr_text").set_value("こんにちは、元気ですか").run()
    clean(at)
    assert any("neither Korean nor English" in w.value for w in at.warning)
    assert "tr_switch" not in [b.key for b in at.button]  # no direction reads it: nothing to switch to


def test_switching_the_direction_swaps_the_text_as_a_translation_site_does(page):
    at = page(mode="translate", dir="ko-en")
    at.button(key="tr_example_ko-en_2").click().run()
    at.radio(key="tr_dir").set_value("en-ko").run()  # an example: the same Tatoeba pair's other side
    clean(at)
    assert at.text_area(key="tr_text").value == "Do you like cooking?"
    at.text_area(key="tr_text").set_value("I am a student.").run()
    clean(at)
    korean = written(at)
    at.radio(key="tr_dir").set_value("ko-en").run()  # a text of one's own: its translation takes its place
    clean(at)
    assert at.text_area(key="tr_text").value == (korean if re.search("[가-힣]", korean) else "나는 그냥 쉬고 싶어.")
    at.radio(key="tr_dir").set_value("en-ko").run()
    at.text_area(key="tr_text").set_value("나는 학생이야.").run()  # Korean typed into English -> Korean ...
    at.radio(key="tr_dir").set_value("ko-en").run()  # ... stays when the direction comes to fit it
    clean(at)
    assert at.text_area(key="tr_text").value == "나는 학생이야."
    assert not [w for w in at.warning if "looks like" in w.value]


def test_the_korean_interface_says_the_new_notes_in_korean(page):
    at = open_app(PAGE, lang="ko", mode="translate", dir="ko-en", text="I am hungry.", beam=1)
    clean(at)
    assert any("영어처럼 보이지만" in w.value for w in at.warning)
    assert "이 글 그대로" in at.button(key="tr_switch").label
    # a new app: AppTest cannot set a widget of the Korean interface (it formats options outside the run, in English)
    at = open_app(PAGE, lang="ko", mode="translate", dir="ko-en", text=KOREAN_PARAGRAPH, beam=1)
    clean(at)
    assert any("1,200자 중" in w.value for w in at.warning), [w.value for w in at.warning]


def test_chat_keeps_the_conversation_and_reseeds(page):
    at = page(mode="chat")
    clean(at)
    at.chat_input(key="tr_chat_input").set_value("배고프다").run()
    clean(at)
    at.chat_input(key="tr_chat_input").set_value("피곤해").run()
    clean(at)
    roles = [m.name for m in at.chat_message]
    assert roles == ["user", "assistant", "user", "assistant"]
    history = at.session_state["tr_chat"]
    assert [said for role, said in history if role == "user"] == ["배고프다", "피곤해"]
    at.slider(key="tr_temperature").set_value(1.2).run()
    at.button(key="tr_new_seed").click().run()
    clean(at)
    assert at.session_state["tr_seed"] == 1
    at.button(key="tr_chat_example_0").click().run()
    clean(at)
    assert len(at.session_state["tr_chat"]) == 6
    at.button(key="tr_clear").click().run()
    clean(at)
    assert not at.chat_message


def test_what_attention_buys_draws_a_line_per_model(page):
    at = page(mode="buys")
    clean(at)
    [df] = chart_data(at)
    assert set(df["model"]) == {"additive attention (Bahdanau)", "no attention (only the last state)"}
    assert len(df) == 4
    assert len(at.dataframe) == 1


def test_the_korean_interface_has_no_key_left_untranslated(page):
    at = open_app(PAGE, lang="ko", mode="translate", dir="ko-en", text="고마워.")
    clean(at)
    shown = [str(e.value) for kind in ("title", "subheader", "markdown", "caption", "info", "warning")
             for e in getattr(at, kind)] + [r.label for r in at.radio] + [o for r in at.radio for o in r.options]
    assert not [s for s in shown if re.match(r"^tr\.[a-z_.\-]+$", s)]
    assert any("번역" in s for s in shown)


def test_a_model_file_of_another_task_gets_a_message(page, shipped_dir):
    at = page(mode="own")
    at.radio(key="tr_own").set_value("upload").run()
    data = (shipped_dir / "char-shakespeare.safetensors").read_bytes()
    at.file_uploader(key="tr_model_file").upload("lm.safetensors", data, "application/octet-stream").run()
    assert not at.exception
    assert any("holds a language model" in e.value for e in at.error), [e.value for e in at.error]


def test_a_tiny_model_trains_on_an_uploaded_tsv_and_translates(page):
    at = page(mode="own")
    data = "".join(f"{p.source}\t{p.target}\tCC-BY\n" for p in PAIRS * 5).encode()
    at.file_uploader(key="tr_data_file").upload("pairs.tsv", data, "text/tab-separated-values").run()
    clean(at)
    assert any("30 pairs" in c.value for c in at.caption)
    at.select_slider(key="tr_seconds").set_value(10)
    at.select_slider(key="tr_hidden").set_value(16)
    at.button(key="tr_start").click().run()
    clean(at)
    run = at.session_state["tr_run"]
    at.session_state["tr_start_asked"] = True  # a second click that came before the page redrew
    at.run()
    assert at.session_state["tr_run"] is run  # ignored: one training at a time
    at.switch_page("pages/home.py").run()  # the training goes on while the visitor is elsewhere
    at.switch_page(PAGE).run()
    clean(at)
    assert at.radio(key="tr_mode").value == "own" and at.session_state["tr_run"] is run
    assert run.join(90)
    at.run()
    clean(at)
    metrics = {m.label: m.value for m in at.metric}
    assert {"BLEU", "chrF"} <= set(metrics)
    assert [b for b in at.get("download_button")]
    at.text_input(key="tr_own_text").set_value("나는 학생이야.").run()
    clean(at)
    assert written(at) is not None
    assert at.radio(key="ex_translate_own_looked_answer").options  # the exercises ask about your own model too


def test_bad_pair_files_get_a_message(page):
    at = page(mode="own")
    at.file_uploader(key="tr_data_file").upload("one.txt", b"only one column\nhere\n", "text/plain").run()
    assert not at.exception
    assert any("one column" in e.value for e in at.error)


def test_after_chatting_your_own_model_offers_no_model_just_trained(page):
    """The chat's last reply and the training form's 'model just trained' are kept under keys of their own."""
    at = page(mode="chat")
    at.chat_input(key="tr_chat_input").set_value("배고프다").run()
    clean(at)
    at.radio(key="tr_mode").set_value("own").run()
    clean(at)
    assert at.radio(key="tr_from").options == ["a new model", "a model file, to go on training it"]
