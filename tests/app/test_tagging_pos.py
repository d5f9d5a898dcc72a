"""The tagging page's three tasks through AppTest: parts of speech in English and Korean with the shipped
models (words coloured by tag, a legend that explains the tags, top-tag probabilities, Sejong tags for
Korean, the dev confusion matrix), named entities with the issue-11 wording (plurals, what the probability
is, a note on lower-case text), shareable URL state, a tagger trained on an uploaded CoNLL-U file, and a
clear message for every bad file."""
import re
from pathlib import Path

import pyarrow as pa
import pytest
from app_helpers import clean
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[2]
PAGE = str(REPO / "pages" / "tagging.py")
TIMEOUT = 180  # the first run imports torch


def page(**params) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def param(at, name: str) -> str | None:
    value = at.query_params.get(name)
    return value[0] if isinstance(value, list) else value


def chart_frames(at) -> list:
    return [pa.ipc.open_stream(d.data.data).read_pandas() for c in at.get("vega_lite_chart") for d in c.proto.datasets]


def html_bodies(at) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def tagged_words(at) -> list[tuple[str, str]]:
    """(word, tag) pairs of the coloured POS view."""
    return re.findall(r'cursor:help">([^<]*)<br><span[^>]*>([^<]*)</span>', html_bodies(at))


def test_english_parts_of_speech_with_legend_hover_probabilities_and_confusions():
    at = page(task="pos_en")
    clean(at)
    assert at.radio(key="tag_task").value == "pos_en"
    assert any("dev accuracy" in c.value for c in at.caption)
    at.text_area(key="pos_en_text").set_value("I can can a can.").run()
    clean(at)
    words = tagged_words(at)
    assert [w for w, _ in words] == ["I", "can", "can", "a", "can", "."]
    assert words[0][1] == "PRON" and words[-1][1] == "PUNCT" and words[3][1] == "DET"
    body = html_bodies(at)
    assert "the network&#x27;s probability that this word (can) is" in body  # the hover says what p is
    assert "noun: dog, idea" in body  # the legend explains the tags used
    frames = chart_frames(at)
    top = [df for df in frames if set(df.columns) >= {"rank", "p", "next"}]
    assert top and len(top[0]) == 6 * 3 and top[0]["p"].between(0, 1).all()  # three tags per word
    confusion = [df for df in frames if set(df.columns) >= {"gold", "predicted", "n"}]
    assert confusion and confusion[0]["n"].sum() == 25_147  # every word of the EWT dev file
    assert any("Most frequent confusions" in c.value for c in at.caption)
    assert any("1 sentence, 6 tokens" == c.value for c in at.caption)
    assert param(at, "task") == "pos_en"  # the text is the task's first example, a default a link may leave out
    assert at.query_params.get("text", "I can can a can.") == "I can can a can."


def test_korean_parts_of_speech_with_sejong_tags_from_the_treebank():
    at = page(task="pos_ko")
    clean(at)
    at.button(key="pos_ko_example_0").click().run()  # 나는 책을 좋아한다.
    clean(at)
    words = tagged_words(at)
    assert words == [("나는", "PRON"), ("책을", "NOUN"), ("좋아한다", "VERB"), (".", "PUNCT")]  # all right
    body = html_bodies(at)
    assert "VV+ETM / NP+JX" in body  # Korean-GSD has 나는 both ways: 나/VV + 는/ETM and 나/NP + 는/JX
    table = next(df.value for df in at.dataframe if "Sejong tags (GSD)" in df.value.columns)
    row = table[table["Word"] == "나는"].iloc[0]
    assert row["Morphemes (GSD)"] == "나+는" and row["Sejong tags (GSD)"] == "VV+ETM (9) / NP+JX (6)"
    assert row["What they are"] == "verb + adnominal ending / pronoun + auxiliary particle (은/는, 도, 만)"
    assert table[table["Word"] == "책을"].iloc[0]["Sejong tags (GSD)"] == "NNG+JKO"
    assert table[table["Word"] == "좋아한다"].iloc[0]["Sejong tags (GSD)"] == "VV+EF"
    assert not table["Sejong tags (GSD)"].astype(str).str.contains("NNP").any()  # no verb read as a name
    at.text_area(key="pos_ko_text").set_value("나를 불렀다. 나의 책.").run()
    clean(at)
    assert [w for w, _ in tagged_words(at)] == ["나를", "불렀다", ".", "나의", "책", "."]
    assert at.selectbox(key="pos_ko_sentence").options  # two sentences: pick one for the charts


def test_the_url_opens_a_task_with_its_text_and_each_task_keeps_its_own():
    at = page(task="pos_ko", text="나의 친구가 왔다.")
    clean(at)
    assert at.text_area(key="pos_ko_text").value == "나의 친구가 왔다."
    at.radio(key="tag_task").set_value("ner").run()
    clean(at)
    assert at.text_area(key="ner_text").value.startswith("Peter Blackburn")
    assert param(at, "task") is None  # the default task leaves the URL as it was before there were three
    at.radio(key="tag_task").set_value("pos_ko").run()
    assert at.text_area(key="pos_ko_text").value == "나의 친구가 왔다."


def test_ner_says_what_the_probability_is_counts_in_the_singular_and_warns_about_lower_case():
    at = page(text="Angela Merkel visited Paris.")
    clean(at)
    assert "1 sentence, 5 tokens, 2 entities" in [c.value for c in at.caption]
    assert any("mean of the tag probabilities of the entity's words" in c.value for c in at.caption)
    assert not any("no capital letters" in c.value for c in at.caption)
    at.text_area(key="ner_text").set_value("angela merkel visited paris.").run()
    clean(at)
    assert any("no capital letters" in c.value and "few entities" in c.value for c in at.caption)


def test_ner_axis_labels_are_slanted_so_words_do_not_run_together():
    at = page(text="Peter Blackburn met the European Commission.")
    clean(at)
    specs = [c.proto.spec for c in at.get("vega_lite_chart")]
    assert specs and all('"labelAngle": -45' in s or '"labelAngle":-45' in s for s in specs[:1])


FIVE = "".join(f"# sent_id = {i}\n" + "".join(f"{j + 1}\t{w}\t_\t{t}\t{x}\t_\t0\t_\t_\t_\n"
                                              for j, (w, t, x) in enumerate(s)) + "\n"
               for i, s in enumerate([
                   [("I", "PRON", "PRP"), ("can", "AUX", "MD"), ("swim", "VERB", "VB"), (".", "PUNCT", ".")],
                   [("a", "DET", "DT"), ("can", "NOUN", "NN"), ("of", "ADP", "IN"), ("fish", "NOUN", "NN")],
                   [("they", "PRON", "PRP"), ("can", "VERB", "VBP"), ("fish", "NOUN", "NNS"), (".", "PUNCT", ".")],
                   [("time", "NOUN", "NN"), ("flies", "VERB", "VBZ"), (".", "PUNCT", ".")],
                   [("we", "PRON", "PRP"), ("swim", "VERB", "VBP"), (".", "PUNCT", ".")],
               ] * 2))


@pytest.mark.parametrize("task, data, n", [("pos_en", "ud_ewt", "3,136"), ("pos_ko", "ud_korean_gsd", "2,200")])
def test_train_your_own_opens_on_the_treebank_shipped_in_data(task, data, n):
    at = page(task=task, model="train")
    clean(at)
    assert at.radio(key=f"{task}_data").value == data
    assert any(c.value.startswith(f"{n} sentences") and "NOUN" in c.value for c in at.caption)
    assert not at.button(key=f"{task}_start").disabled  # ready to train


def upload_page(task: str, data: bytes, name: str = "tiny.conllu") -> AppTest:
    at = page(task=task, model="train")
    prefix = "ner" if task == "ner" else task
    at.radio(key=f"{prefix}_data").set_value("upload").run()
    at.file_uploader(key=f"{prefix}_data_file").upload(name, data, "text/plain").run()
    return at


def test_a_tagger_trains_on_an_uploaded_conllu_file_and_reports_its_confusions():
    at = upload_page("pos_en", FIVE.encode())
    clean(at)
    assert any(c.value.startswith("10 sentences, 36 tokens; 7 tags") for c in at.caption)
    at.radio(key="pos_en_column").set_value("xpos").run()  # the Penn tags instead
    clean(at)
    assert any("tags: ., DT, IN, MD" in c.value for c in at.caption)
    at.select_slider(key="pos_en_seconds").set_value(5).run()
    at.select_slider(key="pos_en_hidden").set_value(16).run()
    at.button(key="pos_en_start").click().run()
    clean(at)
    run = at.session_state["pos_en_run"]
    assert run.join(60)
    at.run()
    clean(at)
    assert run.bundle.cfg.tag_column == "xpos"
    metrics = {m.label: m.value for m in at.metric}
    assert 0 <= float(metrics["Accuracy"]) <= 100 and metrics["Sentences scored"] == "1"
    assert set(at.dataframe[0].value["Tag"]) <= {".", "DT", "IN", "MD", "NN", "NNS", "PRP", "VB", "VBP", "VBZ"}
    assert any(s.value.startswith("Which tags your model confuses") for s in at.subheader)
    at.text_area(key="pos_en_text").set_value("we can swim .").run()
    clean(at)
    assert len(tagged_words(at)) == 4


BAD = "1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n"


@pytest.mark.parametrize("task,data,message", [
    ("pos_en", ("\ufeff" + BAD + "\n").encode(), "byte-order mark (BOM)"),
    ("pos_en", BAD.encode(), "no blank line after it"),
    ("pos_en", b"1\tI\tI\tPRON\n\n", "is not a CoNLL-U file"),
    ("pos_en", b"1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n2\tam\tbe\tAUX\n\n", "line 2: 4 tab-separated columns"),
    ("pos_ko", BAD.replace("1\t", "one\t", 1).encode() + b"\n", "is not a CoNLL-U file: its first line ('one I I"),
    ("pos_en", b"EU NNP B-ORG\nrejects VBZ O\n\n", "is not a CoNLL-U file"),
    ("ner", (BAD + "2\tam\tbe\tAUX\tVBP\t_\t0\troot\t_\t_\n\n").encode(), "pick a parts-of-speech task"),
    ("pos_en", (BAD + "\n").encode(), "one tag only"),
    ("pos_en", b"", "empty"),
])
def test_bad_files_get_a_one_line_message_and_cannot_be_trained_on(task, data, message):
    at = upload_page(task, data, "bad.conllu" if task != "ner" else "bad.conll")
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any(message in e for e in errors), errors
    prefix = "ner" if task == "ner" else task
    assert at.button(key=f"{prefix}_start").disabled


def test_a_tagger_of_the_other_kind_is_refused_with_a_message():
    at = page(task="pos_en", model="upload")
    ner = (REPO / "models" / "ner-conll2003.safetensors").read_bytes()
    at.file_uploader(key="pos_en_model_file").upload("ner.safetensors", ner, "application/octet-stream").run()
    assert not at.exception
    assert any("entity tagger: pick Named entities" in e.value for e in at.error)
    assert any("No tagger yet" in i.value for i in at.info)


@pytest.mark.parametrize("task", ["pos_en", "pos_ko", "ner"])
def test_every_string_of_every_task_is_translated(task):
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    at.session_state["lang"] = "ko"
    at.query_params["task"] = task
    at.run()
    clean(at)
    shown = [str(e.value) for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning")
             for e in getattr(at, kind)] + [e.label for kind in ("button", "radio", "select_slider", "selectbox")
                                            for e in getattr(at, kind)] + [html_bodies(at)]
    assert not [s for s in shown if re.search(r"\b(ner|pos|upos|sejong|tagging|n|inside|chart)\.[a-z_]+[a-z_.\-]*\b", s)
                and re.fullmatch(r"[a-z_.\-]+", s.strip())]
    assert "n.entity" not in " ".join(shown) and "n.sentence" not in " ".join(shown)
    assert any(re.search("[가-힣]", s) for s in shown)
