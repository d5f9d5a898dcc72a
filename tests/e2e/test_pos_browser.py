"""The tagging page's parts of speech in a real browser (the app, browser and screenshot folder of
conftest.py): the three tasks offered, English words coloured by tag with the probability in a hover, and the
Korean view (Korean font, Sejong tags from Korean-GSD, the dev confusion matrix) in Korean."""
import urllib.parse

from streamlit_server import REPO, no_errors, open_page, snap


def alerts(page) -> str:
    return " ".join(page.locator('[data-testid="stAlert"]').all_inner_texts())


def test_the_three_tasks_and_english_parts_of_speech(app, browser, shots):
    page = open_page(browser, app, "tagging?task=pos_en&text=" + urllib.parse.quote("I can can a can."))
    no_errors(page)
    assert "went wrong" not in alerts(page)
    for label in ("Named entities (CoNLL-2003)", "Parts of speech, English (UD EWT)", "Parts of speech, Korean (UD GSD)"):
        assert page.get_by_text(label).count() >= 1
    words = page.locator('span[title*="probability that this word"]')
    assert words.count() == 6
    assert "can" in words.nth(1).inner_text() and "probability" in words.nth(1).get_attribute("title")
    assert page.locator('[data-testid="stVegaLiteChart"]').count() >= 4  # top tags, both directions, confusions
    snap(page, shots / "pos-en.png")


def test_korean_parts_of_speech_in_korean(app, browser, shots):
    assert (REPO / "models" / "pos-ko-gsd.safetensors").exists()
    page = open_page(browser, app, "tagging?lang=ko&task=pos_ko&text=" + urllib.parse.quote("그가 나를 불렀다. 나는 나의 친구를 만났다."))
    no_errors(page)
    assert "went wrong" not in alerts(page) and "문제가" not in alerts(page)
    assert page.get_by_text("품사, 한국어 (UD GSD)").count() >= 1
    words = page.locator('span[title*="확률"]')
    assert words.count() == 9  # 그가 나를 불렀다 . 나는 나의 친구를 만났다 .
    shown = " ".join(words.all_inner_texts())
    assert "NP+JKS" in shown and "NP+JKO" in shown and "NP+JX" in shown and "NP+JKG" in shown  # 나 + its particles
    assert page.get_by_text("모델이 헷갈리는 태그 (개발 세트)").count() == 1
    snap(page, shots / "pos-ko.png")
