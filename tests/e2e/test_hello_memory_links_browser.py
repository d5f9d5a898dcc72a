"""Hello RNN's and Memory's links in a real browser (chromium via Playwright): Streamlit writes the bound widgets
into the address, which AppTest cannot show. A copied address opens the same trained network; leaving the page
and coming back keeps it; Memory's levers go into the address under their keys."""
import re
from urllib.parse import unquote

from streamlit_server import no_errors, open_page, settle


def test_a_copied_hello_link_opens_the_same_trained_network(app, browser):
    page = open_page(browser, app, "hello_rnn?word=banana")
    for _ in range(2):
        page.get_by_role("button", name="Train 20 steps").click()
        settle(page, stable_ms=800, draw_ms=300)
    link = unquote(page.url)
    # the old link's ?word= stays until the bound widget writes its own (hello_word=) on a change; either opens it
    assert re.search(r"[?&](hello_)?word=banana", link) and "hello_trained=40@0.1" in link
    loss = page.get_by_text("Loss after").first.inner_text()
    assert loss.startswith("Loss after 40 steps")
    other = open_page(browser, app, page.url.split("/", 3)[3])
    no_errors(other)
    assert other.get_by_text("Loss after").first.inner_text() == loss
    page.get_by_role("link", name="Memory").first.click()
    settle(page, stable_ms=800, draw_ms=300)
    page.get_by_role("link", name="Hello RNN").first.click()
    settle(page, stable_ms=800, draw_ms=300)
    assert page.get_by_text("Loss after").first.inner_text() == loss and "hello_trained=40@0.1" in unquote(page.url)


def test_memory_levers_go_into_the_link(app, browser):
    page = open_page(browser, app, "memory?mem_delay=30&mem_seed=3")
    no_errors(page)
    page.get_by_role("slider").first.focus()  # the delay
    page.keyboard.press("ArrowRight")
    settle(page, stable_ms=800, draw_ms=300)
    assert "mem_delay=31" in page.url and "mem_seed=3" in page.url
    no_errors(open_page(browser, app, page.url.split("/", 3)[3]))
