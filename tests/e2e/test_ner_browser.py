"""The named-entity page in a real browser (the app, browser and screenshot folder of conftest.py):
entities highlighted by type, the entity table, the heatmaps; and the page in Korean."""
import urllib.parse

import pytest
from streamlit_server import REPO, no_errors, open_page, settle, snap

TEXT = ("Peter Blackburn, the U.S. envoy, met officials of the European Commission in Brussels on Thursday.\n"
        "Shares of <Samsung> rose 3.5% in Seoul.")


def test_ner_highlights_entities(app, browser, shots):
    page = open_page(browser, app, "tagging?text=" + urllib.parse.quote(TEXT))
    no_errors(page)
    assert (REPO / "models" / "ner-conll2003.safetensors").exists()
    marks = page.locator("mark")
    assert marks.count() >= 4
    shown = " ".join(marks.all_inner_texts())
    assert "Peter Blackburn" in shown and "Brussels" in shown and "PER" in shown and "LOC" in shown
    assert page.get_by_text("<Samsung>").count() >= 1  # the angle brackets are text, not markup
    assert page.locator('[data-testid="stVegaLiteChart"]').count() >= 3  # probabilities, forward, backward
    snap(page, shots / "ner.png")


def test_ner_in_korean_with_the_gates(app, browser, shots):
    page = open_page(browser, app, "tagging?lang=ko&text=" + urllib.parse.quote("EU rejects German call to boycott British lamb."))
    no_errors(page)
    assert page.get_by_text("태깅: 단어마다 태그 하나").is_visible()
    page.get_by_text("망각 게이트 f_t").first.click()  # the LSTM's forget gate, both directions
    settle(page)
    no_errors(page)
    snap(page, shots / "ner-ko.png")


TINY = "".join(f"{name} NNP B-PER\nvisited VBD O\n{city} NNP B-LOC\n. . O\n\n"
               for name, city in [("Peter", "Paris"), ("Maria", "Rome"), ("John", "London"), ("Anna", "Berlin"),
                                  ("Paul", "Madrid"), ("Eva", "Vienna")] * 4)


@pytest.mark.slow
def test_ner_trains_on_an_upload_stops_and_reports(app, browser, shots):
    page = open_page(browser, app, "tagging?model=train")
    page.get_by_text("A CoNLL file", exact=True).click()  # the shipped WNUT-17 comes first: upload instead
    settle(page)
    page.locator('input[type="file"]').first.set_input_files(
        files=[{"name": "tiny.conll", "mimeType": "text/plain", "buffer": TINY.encode()}])
    page.get_by_text("24 sentences, 96 tokens").wait_for(timeout=30_000)
    page.get_by_role("button", name="Train").first.click()
    page.get_by_role("button", name="Stop").wait_for(timeout=30_000)
    page.wait_for_timeout(5000)  # live loss and validation F1 redraw while it learns
    snap(page, shots / "ner-training.png")
    page.get_by_role("button", name="Stop").click()
    page.get_by_text("Stopped").first.wait_for(timeout=10_000)
    settle(page)
    page.get_by_role("button", name="Download the tagger").wait_for(timeout=30_000)  # the report may
    page.get_by_text("How good is it? (held-out sentences)").wait_for(timeout=30_000)  # need a rerun
    no_errors(page)
    snap(page, shots / "ner-trained.png")
