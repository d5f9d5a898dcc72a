"""The classifier page in a real browser (chromium via Playwright): each shipped model answers a text with
its over-time chart, saliency and heatmap; bad input shows a message; a model trains on an uploaded CSV.
Screenshots go to the folder of conftest.py ($RNNLAB_SCREENSHOTS, default screenshots/)."""
import pytest
from streamlit_server import REPO, no_errors, open_page, settle, snap

SHIPPED = all((REPO / "models" / name).exists() for name in ("sentiment-sst2.safetensors", "spam-sms.safetensors"))


@pytest.mark.skipif(not SHIPPED, reason="the shipped classifiers are not in models/")
@pytest.mark.parametrize("query,answer,shot", [
    ("classifier?model=sentiment&text=not%20bad%20at%20all", None, "classifier-sentiment.png"),
    ("classifier?model=sentiment&text=the%20acting%20was%20great%20but%20the%20plot%20made%20no%20sense", None,
     "classifier-sentiment-contrast.png"),
    ("classifier?model=spam&text=WINNER!!%20You%20have%20been%20selected%20for%20a%20%C2%A31000%20prize.%20Call"
     "%2009061701461%20now&why=leave-one-out", "spam", "classifier-spam.png"),
    ("classifier?model=sentiment&text=not%20bad%20at%20all&lang=ko", None, "classifier-sentiment-ko.png"),
])
def test_a_shipped_model_answers_and_explains(app, browser, shots, query, answer, shot):
    page = open_page(browser, app, query)
    no_errors(page)
    metric = page.locator('[data-testid="stMetricValue"]').first
    assert metric.is_visible()
    if answer:
        assert metric.inner_text().strip() == answer
    # the over-time chart, the heatmap, and the text coloured by saliency are all drawn
    assert page.locator('[data-testid="stVegaLiteChart"]').count() >= 2
    assert page.locator('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg').count() >= 2
    assert page.locator('span[title][style*="background"]').count() >= 4
    snap(page, shots / shot)


def test_bad_text_gets_a_message(app, browser, shots):
    page = open_page(browser, app, "classifier?model=spam&text=%F0%9F%99%82%F0%9F%99%83%F0%9F%98%82")
    no_errors(page)
    assert page.get_by_text("unknown to this model").first.is_visible()
    snap(page, shots / "classifier-emoji.png")


@pytest.mark.slow
def test_a_model_trains_on_an_uploaded_csv(app, browser, shots, tmp_path):
    rows = [f"{w} movie number {i},{'pos' if w in ('great', 'lovely') else 'neg'}"
            for i in range(40) for w in ("great", "lovely", "awful", "boring")]
    data = tmp_path / "reviews.csv"
    data.write_text("text,label\n" + "\n".join(rows) + "\n")
    page = open_page(browser, app, "classifier?model=train")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(str(data))
    page.get_by_text("160 examples, 2 classes").wait_for(timeout=30_000)
    settle(page)
    page.get_by_role("button", name="Train", exact=True).click()
    page.get_by_role("button", name="Stop").wait_for(timeout=30_000)
    page.wait_for_timeout(3000)
    snap(page, shots / "classifier-training.png")
    page.get_by_text("Done").first.wait_for(timeout=90_000)
    settle(page)
    assert page.get_by_text("Macro-F1").first.is_visible()  # the report on the held-out part
    assert page.get_by_text("Rows: the true label").first.is_visible()  # under the confusion matrix
    assert page.get_by_role("button", name="Download the model (.safetensors)").is_visible()
    no_errors(page)
    snap(page, shots / "classifier-trained.png")


def test_an_oversized_upload_is_refused_with_a_message(app, browser, shots, tmp_path):
    big = tmp_path / "huge.csv"
    row = "text,label\n" + "a very long review that goes on and on,pos\n" * 400_000  # 17 MB, over the 16 MB limit
    big.write_text(row)
    page = open_page(browser, app, "classifier?model=train")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(str(big))
    page.get_by_text("or smaller").first.wait_for(timeout=30_000)
    no_errors(page)
    assert page.get_by_role("button", name="Train", exact=True).is_disabled()
    snap(page, shots / "classifier-too-big.png")
