"""The captioning page in AppTest: an example photo, an upload, the word slider, beam against greedy, bad
photos, and no Flickr8k image anywhere in the repository."""
import io
import re
import subprocess

import pytest
import torch
from app_helpers import REPO, clean, open_app
from PIL import Image

from core.checkpoint import save_checkpoint
from core.config import ModelConfig
from core.tasks.caption.image_encoder import FEATURES, REGIONS
from core.tasks.caption.task import Example
from core.tasks.registry import TASKS

PAGE = "pages/captioning.py"


@pytest.fixture(scope="module")
def captioner_dir(tmp_path_factory):
    """A tiny stand-in for models/caption-flickr8k.safetensors (untrained: it writes something)."""
    folder = tmp_path_factory.mktemp("caption_models")
    torch.manual_seed(0)
    made_up = [Example(f"{i}.jpg", torch.randn(REGIONS, FEATURES).half(), [c])
               for i, c in enumerate(["a dog runs on the grass", "a man in a red shirt", "two children play"])]
    spec = TASKS["caption"]
    bundle = spec.build(made_up, made_up, ModelConfig(task="caption", hidden_size=16, embed_size=8, min_count=1))
    bundle.info = {"valid": {"bleu4": 12.5, "distinct_fraction": 0.6}, "minutes": 1.0}
    save_checkpoint(bundle, folder / "caption-flickr8k.safetensors")
    return folder


@pytest.fixture
def page(captioner_dir, monkeypatch):
    monkeypatch.setenv("RNNLAB_MODELS", str(captioner_dir))

    def open_(**query):
        return open_app(PAGE, **query)
    return open_


def jpeg(size=(120, 90), colour=(200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG")
    return out.getvalue()


def test_an_example_photo_gets_a_caption_and_the_word_slider_moves(page):
    at = page()
    clean(at)
    assert at.radio(key="cap_input").value == "example"
    slider = at.select_slider(key="cap_word")
    assert len(slider.options) >= 1
    assert len(at.get("image")) >= 2  # the photo and the attention over it
    last = slider.options[-1]
    slider.set_value(last).run()
    clean(at)
    assert at.select_slider(key="cap_word").value == last
    assert any("Beam search versus greedy" in h.value for h in at.subheader)
    at.radio(key="cap_example").set_value("coffee").run()
    clean(at)
    assert at.query_params.get("example") == "coffee"


def test_the_first_view_says_what_the_captioner_was_trained_on_and_labels_each_example(page):
    """The first example is the one the shipped captioner gets partly right; each is labelled, with what is in
    the photo and which of its words the model knows; a note says what it was trained on."""
    at = page()
    clean(at)
    radio = at.radio(key="cap_example")
    assert radio.value == "camera" and radio.options[0] == "Photographer (grayscale) · partly right"
    assert all(o.endswith("· wrong") for o in radio.options[1:])
    assert any(m.value.startswith("**In the photo:** a man behind a camera") for m in at.markdown)
    words = [c.value for c in at.caption if c.value.startswith("Words for this photo that it knows")]
    assert words and "man (" in words[0] and "Never in its captions: camera, tripod." in words[0]  # the stand-in's
    why = [i.value for i in at.info if i.value.startswith("**Why it writes this.**")]
    assert why and "810 Flickr8k photos" in why[0]
    at.radio(key="cap_input").set_value("upload").run()
    at.file_uploader(key="cap_photo").upload("red.jpg", jpeg(), "image/jpeg").run()
    clean(at)
    assert any(i.value.startswith("**Why it writes this.**") for i in at.info)  # on every photo
    assert not any(m.value.startswith("**In the photo:**") for m in at.markdown)  # no example's note


def test_the_url_opens_the_example_it_names_and_greedy_and_sampling_work(page):
    at = page(example="rocket")
    clean(at)
    assert at.radio(key="cap_example").value == "rocket"
    at.radio(key="cap_method").set_value("greedy").run()
    clean(at)
    assert not any("Beam search versus greedy" in h.value for h in at.subheader)
    at.radio(key="cap_method").set_value("sample").run()
    clean(at)


def test_an_uploaded_photo_and_bad_ones(page):
    at = page()
    at.radio(key="cap_input").set_value("upload").run()
    clean(at)
    assert any("Choose a photo" in i.value for i in at.info)
    at.file_uploader(key="cap_photo").upload("red.jpg", jpeg(), "image/jpeg").run()
    clean(at)
    assert at.select_slider(key="cap_word").options
    for data, message in [(b"", "is empty"), (b"not a photo at all", "is not an image"),
                          (jpeg((800, 600))[:900], "truncated")]:
        at.file_uploader(key="cap_photo").upload("bad.jpg", data, "image/jpeg").run()
        assert not at.exception
        assert any(message in e.value for e in at.error), [e.value for e in at.error]


def test_a_photo_from_the_camera(page):
    at = page(input="camera")
    clean(at)
    at.camera_input(key="cap_camera").upload("shot.jpg", jpeg((160, 120), (40, 120, 200))).run()
    clean(at)
    assert at.select_slider(key="cap_word").options and len(at.get("image")) >= 2


def test_in_korean_every_string_is_translated(page):
    at = page(lang="ko")
    clean(at)
    shown = [str(e.value) for kind in ("title", "subheader", "markdown", "caption", "info") for e in getattr(at, kind)]
    shown += [r.label for r in at.radio] + [o for r in at.radio for o in r.options]
    assert not [s for s in shown if re.match(r"^cap\.[a-z_.]+$", s)]
    assert any(re.search("[가-힣]", s) for s in shown)


def test_no_flickr8k_image_is_in_the_repository():
    """Flickr8k's photos are for research use only: never committed (their names are digits_hex.jpg)."""
    files = subprocess.run(["git", "ls-files"], capture_output=True, text=True, cwd=REPO).stdout.split()
    assert not [f for f in files if re.search(r"\d+_[0-9a-f]{10}\.jpg$", f)]
    images = [f for f in files if f.lower().endswith((".jpg", ".jpeg", ".png")) and "captioning" in f]
    assert images and all(f.startswith("webapp/examples/captioning/") or f.startswith("docs/") for f in images)


def caption(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("### "))[4:].strip()


@pytest.mark.parametrize("view", [dict(method="greedy"), dict(method="sample", cap_temperature=1.5, cap_seed=7),
                                  dict(cap_beam=5)])
def test_a_copied_link_opens_the_same_caption(page, view):
    """Issue 25: the link holds the decoding method, the beam, the temperature, the seed and the example:
    Greedy opened as Beam, with another caption."""
    at = page(example="cat")
    at.radio(key="cap_method").set_value(view.get("method", "beam")).run()
    for key, value in view.items():
        if key != "method":
            (at.slider if key == "cap_beam" else at.number_input)(key=key).set_value(value).run()
    clean(at)
    link = {k: at.query_params[k] for k in at.query_params}
    link.update({k: v for k, v in view.items() if k != "method"})  # a browser writes a bound widget's value itself
    assert link.get("method") == view.get("method") and link["example"] == "cat"
    opened = page(**link)
    clean(opened)
    assert opened.radio(key="cap_method").value == view.get("method", "beam")
    assert opened.radio(key="cap_example").value == "cat"
    assert caption(opened) == caption(at)
    for key, value in view.items():
        if key != "method":
            assert opened.session_state[key] == value


def test_the_view_survives_another_page_by_itself(page, monkeypatch):
    """Issue 25: the page's widgets keep their values over a visit to another page on their own (persisted or
    bound to the link), without the app's list of kept keys (urlstate.keep does nothing here)."""
    monkeypatch.setattr("webapp.urlstate.keep", lambda keys: None)
    at = page()
    at.radio(key="cap_example").set_value("coffee").run()
    at.radio(key="cap_method").set_value("sample").run()
    at.number_input(key="cap_temperature").set_value(1.5).run()
    at.number_input(key="cap_seed").set_value(4).run()
    shown = caption(at)
    away(at)
    clean(at)
    assert at.radio(key="cap_example").value == "coffee" and at.radio(key="cap_method").value == "sample"
    assert at.number_input(key="cap_temperature").value == 1.5 and at.number_input(key="cap_seed").value == 4
    assert caption(at) == shown


def away(at):
    """Another page and back by the navigation, as a browser does it: the page opens again without its link's
    parameters."""
    at.switch_page("pages/hello_rnn.py").run()
    at.query_params.clear()
    at.switch_page(PAGE).run()


def test_a_bound_widgets_default_is_the_pages(page):
    """Streamlit leaves a bound widget's default out of the link: that default must be the one the page opens
    with, else a beam of 1 (the slider's minimum) dropped out of the URL and the link opened a beam of 3."""
    at = page()
    assert at.slider(key="cap_beam").value == 3 and at.slider(key="cap_beam").proto.default == [3]
    assert at.number_input(key="cap_temperature").proto.default == at.number_input(key="cap_temperature").value == 1.0
    assert at.number_input(key="cap_seed").proto.default == at.number_input(key="cap_seed").value == 0


def test_a_plain_visit_writes_nothing_into_the_url(page):
    """Each write into st.query_params is an entry in the browser's history: the default view writes none."""
    at = page()
    clean(at)
    assert dict(at.query_params) == {}
    at.radio(key="cap_method").set_value("greedy").run()
    assert dict(at.query_params) == {"method": "greedy"}
