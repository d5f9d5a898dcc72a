"""Issue 25's clicks, in a real browser: four rapid Trains on Hello RNN, leaving the character LM during a
training and coming back, Back after three pages, every page's copied link opened in a fresh browser. The
server's log stays clean."""
import re
import time
from urllib.parse import unquote

import pytest
from streamlit_server import TROUBLE, clean, settle, snap

# Each page opened from a link with settings of a visitor's own (not the defaults).
LINKS = ["hello_rnn?hello_seed=7&hello_hidden=4", "memory?mem_delay=30&mem_seed=2",
         "char_lm?lm_seed=5&lm_temperature=0.5", "captioning?method=greedy",
         "classifier?model=spam&why=leave-one-out", "forecast?ex_fc_seed=2", "tagging?task=pos_en&ex_tagging_seed=3",
         "translate?ex_translate_seed=2", "?lang=ko"]

# What a person sees as a page's settings: every widget's value, read from the page as drawn.
VIEW_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const out = [];
  main.querySelectorAll('input[type=text], input[type=number], textarea').forEach(e => out.push(e.value));
  main.querySelectorAll('input[type=radio]:checked, input[type=checkbox]:checked').forEach(
      e => out.push('on:' + (e.closest('label') || e).innerText));
  main.querySelectorAll('[data-baseweb=select]').forEach(e => out.push('select:' + e.innerText));
  main.querySelectorAll('[data-testid=stSliderThumbValue]').forEach(e => out.push('slider:' + e.innerText));
  return out;
}"""


def sidebar_link(page, name: str):
    return page.locator(f'[data-testid="stSidebarNav"] a[href$="/{name}"]')


def open_page(page, url: str):
    page.goto(url, timeout=60_000)
    settle(page)
    clean(page)


def log_is_clean(log):
    lines = log.read_text().splitlines()
    assert [line for line in lines if TROUBLE.search(line)] == [], "\n".join(lines[-40:])


@pytest.mark.slow
def test_four_rapid_trains_on_hello_rnn(logged_app, browser, shots):
    url, log = logged_app
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    open_page(page, f"{url}/hello_rnn")
    train = page.get_by_role("button", name="Train 20 steps")
    for _ in range(4):
        train.click()
        page.wait_for_timeout(150)
    settle(page, stable_ms=1500)
    clean(page)
    assert page.get_by_text("Loss after").first.inner_text().startswith("Loss after 80 steps")
    assert "hello_trained=80@0.1" in unquote(page.url) or "hello_trained=20@0.1" in unquote(page.url)
    snap(page, shots / "hello_rnn-four-trains.png")
    page.close()
    log_is_clean(log)


@pytest.mark.slow
def test_each_pages_copied_link_opens_the_same_view_in_a_fresh_browser(logged_app, browser):
    url, log = logged_app
    for link in LINKS:
        first = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        open_page(first, f"{url}/{link}")
        copied, seen = first.url, first.evaluate(VIEW_JS)
        fresh = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()  # another browser
        open_page(fresh, copied)
        assert fresh.evaluate(VIEW_JS) == seen, (link, copied)
        assert fresh.locator("h1").first.inner_text() == first.locator("h1").first.inner_text()
        first.context.close()
        fresh.context.close()
    log_is_clean(log)


@pytest.mark.slow
def test_back_walks_the_pages_visited_one_entry_each(logged_app, browser):
    url, log = logged_app
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    open_page(page, url)
    start = page.evaluate("history.length")
    visited = ["hello_rnn", "memory", "char_lm"]
    for name in visited:
        sidebar_link(page, name).click()
        settle(page)
        clean(page)
    assert page.evaluate("history.length") == start + len(visited)  # one entry per page visited
    for name in ["memory", "hello_rnn", ""]:
        page.go_back()
        settle(page)
        clean(page)
        assert page.evaluate("location.pathname") == f"/{name}"
    page.close()
    log_is_clean(log)


@pytest.mark.slow
def test_leaving_the_character_lm_during_a_training_and_coming_back(logged_app, browser, shots):
    url, log = logged_app
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    open_page(page, f"{url}/char_lm")
    page.get_by_text("Train your own", exact=True).click()
    settle(page)
    page.get_by_role("button", name="Train", exact=True).click()
    time.sleep(2)
    sidebar_link(page, "memory").click()
    settle(page)
    clean(page)
    sidebar_link(page, "char_lm").click()
    settle(page, stable_ms=1500)
    clean(page)
    snap(page, shots / "char_lm_back_during_training.png")
    view = page.evaluate(VIEW_JS)
    assert "on:Train your own" in view, view
    assert page.get_by_role("button", name=re.compile("^Stop")).count() or page.get_by_text("step").count()
    page.close()
    log_is_clean(log)
