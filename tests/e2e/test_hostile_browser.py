"""Hostile input in a real browser (the app and browser of conftest.py): a shared link whose text is
HTML and script shows that text as text and runs nothing; the uploader refuses a file over the server's
16 MB limit and a file of another type."""
import urllib.parse

from streamlit_server import no_errors, settle

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
TEXT = f"Peter {SCRIPT} met {IMG} in Paris"


def visit(browser, app, path):
    """The page, with every alert/confirm/prompt it opens recorded (there must be none)."""
    dialogs = []
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{app}/{path}", timeout=60_000)
    settle(page)
    return page, dialogs


def injected(page) -> int:
    """Elements the hostile text would have made, had it been read as HTML."""
    return page.locator("img[src='x'], script:has-text('alert(1)')").count()


def test_ner_shows_hostile_text_as_text(app, browser):
    page, dialogs = visit(browser, app, "tagging?text=" + urllib.parse.quote(TEXT))
    no_errors(page)
    assert dialogs == [] and injected(page) == 0
    shown = page.locator('[data-testid="stHtml"]').all_inner_texts()
    assert any(SCRIPT in s and IMG in s for s in shown)  # the highlighted text, angle brackets and all


def test_classifier_colours_hostile_text_as_text(app, browser):
    page, dialogs = visit(browser, app, "classifier?model=sentiment&text=" + urllib.parse.quote(TEXT))
    no_errors(page)
    assert dialogs == [] and injected(page) == 0
    shown = " ".join(page.locator('[data-testid="stHtml"]').all_inner_texts())
    assert "< script >" in shown and "onerror" in shown  # the saliency behind each token


def test_the_uploader_refuses_big_files_and_other_types(app, browser):
    page, _ = visit(browser, app, "classifier?model=train")
    chooser = page.locator('[data-testid="stFileUploaderDropzoneInput"]').first
    chooser.set_input_files({"name": "big.csv", "mimeType": "text/csv", "buffer": b"text,label\n" + b"x" * (17 << 20)})
    page.get_by_text("or smaller").first.wait_for(timeout=30_000)  # "File must be 16.0MB or smaller."
    no_errors(page)
    chooser.set_input_files({"name": "tool.exe", "mimeType": "application/octet-stream", "buffer": b"MZ\x90\x00"})
    page.get_by_text("not allowed").first.wait_for(timeout=30_000)
    no_errors(page)
    assert page.get_by_text("This table cannot be used").count() == 0  # nothing reached the app
