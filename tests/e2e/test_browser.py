"""The app in a real browser: `streamlit run` on a free port, Debian's chromium driven by Playwright.
Each page is loaded, checked for errors, and saved as a screenshot in a folder the test prints
($RNNLAB_SCREENSHOTS, default screenshots/ at the top of the repository)."""
import re
from pathlib import Path

import pytest
from streamlit_server import REPO, no_errors, open_page, settle, snap


def test_home(app, browser, shots):
    page = open_page(browser, app, "")
    assert page.get_by_role("heading", name="RNN Lab").first.is_visible()
    assert page.locator('[data-testid="stGraphVizChart"] svg').count() == 3  # the three usage diagrams
    no_errors(page)
    snap(page, shots / "home.png")


def test_home_in_korean(app, browser, shots):
    page = open_page(browser, app, "?lang=ko")
    assert page.get_by_text("순환 신경망을 쓰는 세 가지 방법").is_visible()
    no_errors(page)
    snap(page, shots / "home-ko.png")


def test_hello_rnn_trains(app, browser, shots):
    page = open_page(browser, app, "hello_rnn")
    no_errors(page)
    assert page.locator('[data-testid="stVegaLiteChart"]').count() >= 9  # loss, four layers, four weight matrices
    snap(page, shots / "hello_rnn-start.png")
    page.get_by_role("button", name="Train 20 steps").click()
    settle(page)
    page.get_by_role("button", name="Train 20 steps").click()
    settle(page)
    assert page.get_by_text("Loss after 40 steps").is_visible()
    no_errors(page)
    snap(page, shots / "hello_rnn-trained.png")


def test_char_lm(app, browser, shots):
    page = open_page(browser, app, "char_lm?prime=ROMEO%3A&seed=3&len=200")
    no_errors(page)
    if (REPO / "models" / "char-shakespeare.safetensors").exists():
        assert page.get_by_text("ROMEO:").first.is_visible()
        assert page.get_by_text("Neuron finder").is_visible()
    snap(page, shots / "char_lm.png")


def test_char_lm_in_korean(app, browser, shots):
    page = open_page(browser, app, "char_lm?lang=ko&prime=ROMEO%3A&seed=3&len=200&state=forget")
    no_errors(page)
    if (REPO / "models" / "char-shakespeare.safetensors").exists():  # the finder needs a model to look into
        assert page.get_by_text("뉴런 찾기").is_visible()
    snap(page, shots / "char_lm-ko.png")


@pytest.mark.slow
def test_char_lm_trains_in_the_browser(app, browser, shots, tmp_path):
    page = open_page(browser, app, "char_lm?model=train")
    page.get_by_role("button", name="Train").first.click()  # the first text (Shakespeare), 30 s budget
    page.get_by_role("button", name="Stop").wait_for(timeout=30_000)
    page.wait_for_timeout(4000)  # the live panel redraws while it learns
    snap(page, shots / "char_lm-training.png")
    page.get_by_role("button", name="Stop").click()
    page.get_by_text("Stopped").first.wait_for(timeout=10_000)  # a 30 s run ends within 10 s of Stop
    settle(page)
    no_errors(page)
    snap(page, shots / "char_lm-trained.png")
    with page.expect_download() as download:  # the trained model goes home with the person ...
        page.get_by_role("button", name="Download the model (.safetensors)").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    page.get_by_text("Upload a model").click()  # ... and comes back later
    settle(page)
    upload(page, saved)
    assert page.get_by_text(re.compile(r"my-char-lm\.safetensors: 1×128 LSTM, \d+ characters")).is_visible()
    no_errors(page)


def upload(page, path: Path):
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(str(path))
    page.wait_for_timeout(500)
    settle(page)


def alerts(page) -> str:
    return " ".join(page.locator('[data-testid="stAlert"]').all_inner_texts())


def test_char_lm_uploads_models_and_refuses_strangers(app, browser, shots, tmp_path):
    import torch
    from safetensors.torch import save

    from core import fit
    from core.checkpoint import save_checkpoint
    from core.config import ModelConfig, TrainConfig

    page = open_page(browser, app, "char_lm?model=upload")
    stranger = tmp_path / "stranger.safetensors"
    stranger.write_bytes(save({"w": torch.zeros(2)}))
    upload(page, stranger)
    assert "not an RNN Lab checkpoint" in alerts(page)
    no_errors(page)
    bundle, trainer = fit.prepare("lm", "to be or not to be, that is the question. " * 20, None,
                                  ModelConfig(hidden_size=16, embed_size=8), TrainConfig(max_steps=3, batch_size=4))
    fit.run(bundle, trainer)
    save_checkpoint(bundle, tmp_path / "mine.safetensors")
    upload(page, tmp_path / "mine.safetensors")
    assert page.get_by_text("mine.safetensors: 1×16 LSTM").is_visible()
    assert page.get_by_text("Neuron finder").is_visible()
    no_errors(page)
    snap(page, shots / "char_lm-uploaded.png")


def test_char_lm_refuses_binary_text_and_cuts_huge_text(app, browser, shots, tmp_path):
    page = open_page(browser, app, "char_lm?model=train")
    page.locator('[data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="Upload a .txt file").click()
    settle(page)
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 10)
    upload(page, binary)
    assert "looks like a binary file" in alerts(page)
    no_errors(page)
    huge = tmp_path / "huge.txt"
    huge.write_text("All the world's a stage, and all the men and women merely players. 안녕 🙂\n" * 70_000)
    assert huge.stat().st_size > 5_000_000
    upload(page, huge)
    assert "trains on the first 2,000,000" in alerts(page)
    assert page.get_by_role("button", name="Train").first.is_enabled()
    no_errors(page)
    snap(page, shots / "char_lm-huge-upload.png")
