"""Going on training a saved model on each training page: a file trained here (with AdamW's state) is
uploaded, trains a second more on new data, keeps its vocabulary, and its download keeps the optimizer
state. Files of another task, unknown labels or characters, and broken files get a message and lose nothing."""
import pytest
from app_helpers import open_app, texts

from core import fit
from core.checkpoint import load_checkpoint, to_bytes
from core.config import ModelConfig, TrainConfig

LM, CLASSIFIER, NER = "pages/char_lm.py", "pages/classifier.py", "pages/tagging.py"
TEXT = "abcde edcba cab bad " * 20
EXAMPLES = [(f"{w} film {i}", "up" if w == "superb" else "down") for i in range(15) for w in ("superb", "dreadful")]
SENTENCES = [([who, "met", town, "."], ["B-HERO", "O", "B-TOWN", "O"])
             for who, town in [("Ann", "Oslo"), ("Bob", "Lima"), ("Cy", "Doha"), ("Di", "Kyiv")] * 3]
CSV = "text,label\n" + "".join(f"{text} again,{label}\n" for text, label in EXAMPLES)
CONLL = "".join("".join(f"{w} {t}\n" for w, t in zip(words, tags)) + "\n" for words, tags in SENTENCES)


def model_file(task, data, optimizer=True, **cfg) -> bytes:
    """A tiny model trained a few steps, as a page's download would be."""
    bundle, trainer = fit.prepare(task, data, None, ModelConfig(embed_size=8, hidden_size=8, **cfg),
                                  TrainConfig(max_steps=4, batch_size=4, seq_len=16))
    fit.run(bundle, trainer)
    return to_bytes(bundle, optimizer=trainer.optimizer if optimizer else None)


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return {"lm": model_file("lm", TEXT), "classify": model_file("classify", EXAMPLES),
            "tag": model_file("tag", SENTENCES, char_hidden_size=4, char_embed_size=4)}


@pytest.fixture(autouse=True)
def one_second(monkeypatch, without_shipped):
    monkeypatch.setenv("RNNLAB_MAX_SECONDS", "1")  # the time budget's only choice: 1 s


def fine(at):
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, texts(at.error)
    return at


def with_data(page: str, text: str = TEXT, csv: str = CSV, conll: str = CONLL):
    """The page's training form with data chosen: (AppTest, key prefix)."""
    if page == LM:
        at = open_app(LM)
        at.radio(key="lm_source").set_value("train").run()
        at.selectbox(key="lm_corpus").set_value("paste").run()
        at.text_area(key="lm_paste").set_value(text).run()
        return at, "lm"
    if page == CLASSIFIER:
        at = open_app(CLASSIFIER, model="train")
        at.file_uploader(key="clf_data_file").upload("films.csv", csv.encode(), "text/csv").run()
        return at, "clf"
    at = open_app(NER, model="train")
    at.radio(key="ner_data").set_value("upload").run()
    at.file_uploader(key="ner_data_file").upload("heroes.conll", conll.encode(), "text/plain").run()
    return at, "ner"


def go_on_from(at, prefix: str, data: bytes, name: str = "mine.safetensors"):
    at.radio(key=f"{prefix}_from").set_value("file").run()
    at.file_uploader(key=f"{prefix}_from_file").upload(name, data, "application/octet-stream").run()
    return at


def trained(at, prefix: str):
    """Press Train and wait for the run to end; the run."""
    at.button(key=f"{prefix}_start").click().run()
    fine(at)
    run = at.session_state[f"{prefix}_run"]
    assert run.join(30)
    fine(at.run())
    return run


@pytest.mark.parametrize("page,task,size_widget", [(LM, "lm", "lm_hidden"), (CLASSIFIER, "classify", "clf_hidden"),
                                                  (NER, "tag", "ner_hidden")])
def test_an_uploaded_model_goes_on_training_and_its_download_can_go_on_again(files, page, task, size_widget):
    at, prefix = with_data(page)
    assert at.select_slider(key=size_widget)  # a new model: its size is picked here
    fine(go_on_from(at, prefix, files[task]))
    assert size_widget not in [s.key for s in at.select_slider]  # the file's own size, shown instead
    card = next(c for c in texts(at.caption) if c.startswith("mine.safetensors: 1×8"))
    assert "trained 4 steps" in card and "With its optimizer state" in card
    run = trained(at, prefix)
    assert run.snapshot().state == "done" and run.snapshot().step > 0
    assert run.snapshot().valid[0][0] == 0  # the curve starts from the model as it came
    before = load_checkpoint(files[task])
    assert run.bundle.vocab.itos == before.vocab.itos and run.model.cfg.hidden_size == 8
    assert run.bundle.info["resumed"]["steps"] == 4
    assert load_checkpoint(run.checkpoint()).optimizer is not None
    assert at.get("download_button")


def test_the_model_just_trained_goes_on_and_the_step_count_adds_up(files):
    at, prefix = with_data(CLASSIFIER)
    first = trained(go_on_from(at, prefix, files["classify"]), prefix)
    at.radio(key="clf_from").set_value("last").run()
    card = next(c for c in texts(fine(at).caption) if c.startswith("the model just trained"))
    assert f"trained {4 + first.snapshot().step:,} steps" in card and "With its optimizer state" in card
    second = trained(at, prefix)
    assert second is not first and second.bundle.info["resumed"]["resumed"]["steps"] == 4
    assert second.model is not first.model  # a copy of its own: the first run's model is as it was
    assert second.bundle.labels.itos == ["down", "up"]


def test_a_file_without_optimizer_state_says_adamw_starts_afresh(files):
    at, prefix = with_data(CLASSIFIER)
    fine(go_on_from(at, prefix, model_file("classify", EXAMPLES, optimizer=False)))
    assert any("No optimizer state in the file: AdamW starts afresh" in c for c in texts(at.caption))
    assert trained(at, prefix).snapshot().state == "done"


@pytest.mark.parametrize("data,message", [
    ("tag", "holds a tagger; this needs a classifier"),
    (b"not a model at all", "not a safetensors checkpoint"),
])
def test_a_file_that_cannot_go_on_gets_a_message_and_train_waits(files, data, message):
    at, prefix = with_data(CLASSIFIER)
    go_on_from(at, prefix, files.get(data, data))
    assert not at.exception
    assert any(message in e for e in texts(at.error)), texts(at.error)
    assert at.button(key="clf_start").disabled


@pytest.mark.parametrize("page,task,data,message", [
    (CLASSIFIER, "classify", {"csv": CSV.replace(",up", ",pos")}, "labels the model does not know: pos"),
    (LM, "lm", {"text": "xyz " + TEXT}, "characters the model never saw: 'x', 'y', 'z'"),
    (NER, "tag", {"conll": CONLL.replace("B-TOWN", "B-CITY")}, "tags the model does not know: B-CITY"),
])
def test_data_the_model_cannot_read_gets_a_message_and_loses_nothing(files, page, task, data, message):
    at, prefix = with_data(page, **data)
    go_on_from(at, prefix, files[task])
    at.button(key=f"{prefix}_start").click().run()
    assert not at.exception
    assert any(message in e for e in texts(at.error)), texts(at.error)
    assert f"{prefix}_run" not in at.session_state  # nothing started
    assert any(c.startswith("mine.safetensors") for c in texts(at.caption))  # the file is still there
    assert not at.button(key=f"{prefix}_start").disabled


def test_characters_only_in_the_held_out_tail_are_refused_before_training_and_the_file_stays(files):
    at, prefix = with_data(LM, text=TEXT + "xyz")
    go_on_from(at, prefix, files["lm"])
    at.button(key="lm_start").click().run()
    assert "lm_run" not in at.session_state  # nothing started
    assert not at.exception
    assert any("characters the model never saw" in e for e in texts(at.error)), texts(at.error)
    assert any(c.startswith("mine.safetensors") for c in texts(at.caption))


def test_train_uses_the_text_on_the_screen_not_the_one_of_the_last_run():
    at, prefix = with_data(LM)
    at.text_area(key="lm_paste").set_value("vwxyz " * 40)  # typed, then Train pressed at once
    run = trained(at, prefix)
    assert set(run.bundle.vocab.itos) == set("vwxyz ")
