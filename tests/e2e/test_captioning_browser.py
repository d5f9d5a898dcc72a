"""The captioning page in a real browser, with the shipped captioner: an example photo with its caption and
the attention over it, a later word picked on the slider, and an uploaded photo."""
import io

from PIL import Image, ImageDraw
from streamlit_server import REPO, no_errors, open_page, settle, snap


def test_captioning_example_and_the_attention_overlay(app, browser, shots):
    assert (REPO / "models" / "caption-flickr8k.safetensors").exists()
    page = open_page(browser, app, "captioning?example=astronaut")
    page.get_by_text("Where it looked, word by word").wait_for(timeout=90_000)  # the first visit loads torch
    settle(page)
    no_errors(page)
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    assert page.locator('[data-testid="stImage"]').count() >= 2  # the photo and the attention over it
    slider = page.get_by_role("slider", name="Word")
    slider.focus()
    for _ in range(2):
        page.keyboard.press("ArrowRight")  # the third word
    settle(page)
    no_errors(page)
    assert page.get_by_role("slider", name="Word").get_attribute("aria-valuetext").startswith("3: ")
    snap(page, shots / "captioning.png")


def test_captioning_an_uploaded_photo(app, browser, shots):
    picture = Image.new("RGB", (320, 240), (90, 160, 60))  # grass, with a dark shape on it
    ImageDraw.Draw(picture).ellipse((110, 80, 210, 170), fill=(60, 40, 20))
    data = io.BytesIO()
    picture.save(data, "JPEG")
    page = open_page(browser, app, "captioning?input=upload")
    page.locator('input[type="file"]').last.set_input_files(
        files=[{"name": "field.jpg", "mimeType": "image/jpeg", "buffer": data.getvalue()}])
    page.get_by_text("Where it looked, word by word").wait_for(timeout=90_000)
    settle(page)
    no_errors(page)
    snap(page, shots / "captioning-upload.png")
