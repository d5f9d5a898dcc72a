"""The translate page in a real browser (chromium via Playwright): a Korean sentence translated with its
attention map, steps and beam; English to Korean; the chat; what attention buys. Screenshots go to the
folder of conftest.py ($RNNLAB_SCREENSHOTS, default screenshots/)."""
import pytest
from streamlit_server import REPO, no_errors, open_page, settle, snap

MODELS = REPO / "models"
NEEDED = ("translate-ko-en.safetensors", "translate-en-ko.safetensors")
pytestmark = pytest.mark.skipif(not all((MODELS / n).exists() for n in NEEDED),
                                reason="the shipped translation models are not in models/")


def charts(page, at_least: int = 1, timeout_ms: int = 30_000) -> int:
    """The charts drawn, waiting (on a busy machine) until at least `at_least` are."""
    drawn = page.locator('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg')
    for _ in range(timeout_ms // 500):
        if drawn.count() >= at_least:
            break
        page.wait_for_timeout(500)
    return drawn.count()


def no_error_box(page):
    """No exception, and no error box (the page's guard turns an exception into one)."""
    no_errors(page)
    boxes = page.locator('[data-testid="stAlertContentError"]')
    assert boxes.count() == 0, boxes.first.inner_text()


@pytest.mark.parametrize("query,shot", [
    ("translate?mode=translate&dir=ko-en&text=%EB%82%98%EB%8A%94%20%EA%B7%B8%EB%83%A5%20%EC%89%AC%EA%B3%A0%20"
     "%EC%8B%B6%EC%96%B4.&beam=5", "translate-ko-en"),
    ("translate?mode=translate&dir=en-ko&text=Do%20you%20like%20cooking%3F&beam=3&lang=ko", "translate-en-ko"),
])
@pytest.mark.slow
def test_a_sentence_is_translated_with_its_attention_and_beam(app, browser, shots, query, shot):
    page = open_page(browser, app, query)
    no_error_box(page)
    assert page.locator("h3").first.is_visible()  # the translation
    assert charts(page, 5) >= 5  # attention map, top five, where it looked, the beam, the states
    snap(page, shots / f"{shot}.png")
    page.locator('[data-testid="stVegaLiteChart"]').first.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / f"{shot}-attention.png"))
    beam = page.get_by_text("The beam itself").or_(page.get_by_text("빔 자체"))
    beam.first.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    page.screenshot(path=str(shots / f"{shot}-beam.png"))
    rescored = page.get_by_text("rescored by the other direction").or_(page.get_by_text("반대 방향 모델로 다시 채점한"))
    rescored.first.scroll_into_view_if_needed()  # the shipped translators rescore their beam (decoding channel)
    page.wait_for_timeout(500)
    page.screenshot(path=str(shots / f"{shot}-rescored.png"))


@pytest.mark.skipif(not (MODELS / "chatbot-ko.safetensors").exists(), reason="no models/chatbot-ko.safetensors")
def test_the_chat_answers_in_korean(app, browser, shots):
    page = open_page(browser, app, "translate?mode=chat")
    no_error_box(page)
    box = page.locator('[data-testid="stChatInputTextArea"]')
    for question in ("오늘 너무 피곤해", "배고프다"):
        box.fill(question)
        box.press("Enter")
        page.wait_for_timeout(1500)
        settle(page)
    assert page.locator('[data-testid="stChatMessage"]').count() == 4
    no_error_box(page)
    page.set_viewport_size({"width": 1400, "height": 1800})  # the chat input pins the page: no stMain to measure
    page.wait_for_timeout(800)
    page.screenshot(path=str(shots / "translate-chat.png"))
    candidates = page.get_by_text("The candidates and where the RNN looked")
    if candidates.count():  # a reranking chatbot: the last reply's candidates and its attention map
        candidates.last.click()
        page.wait_for_timeout(1500)
        settle(page)
        no_error_box(page)
        assert charts(page) >= 1
        candidates.last.scroll_into_view_if_needed()
        page.screenshot(path=str(shots / "translate-chat-candidates.png"))


def test_what_attention_buys_is_drawn(app, browser, shots):
    if not (MODELS / "translate-attention.json").exists():
        pytest.skip("models/translate-attention.json is not there")
    page = open_page(browser, app, "translate?mode=buys")
    no_errors(page)
    assert charts(page) >= 1
    snap(page, shots / "translate-buys.png")
