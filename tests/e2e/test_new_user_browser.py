"""Issue 11's new user, again, in a real browser: Again three times on the character-LM page, Length then
Again, the neuron finder picked on the text itself, the Korean switch; every page of the navigation opened.
The server's log stays clean and no request leaves the app's own host (the app works offline)."""
import re
from urllib.parse import urlparse

import pytest
from streamlit_server import TROUBLE, clean, navigation, settle, snap

SPAN = re.compile(r"\((?:characters )?(\d+)–(\d+)")


def span_shown(page) -> tuple[int, int]:
    text = page.get_by_text(re.compile(r"^Span:|^구간:")).last.inner_text()
    a, b = SPAN.search(text).groups()
    return int(a), int(b)


@pytest.mark.slow
def test_the_steps_that_broke_the_character_lm_page(logged_app, browser, shots):
    url, log = logged_app
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    outside = []
    page.on("request", lambda r: outside.append(r.url) if urlparse(r.url).netloc not in ("", urlparse(url).netloc)
            and not r.url.startswith(("data:", "blob:")) else None)
    page.goto(f"{url}/char_lm", timeout=60_000)
    settle(page)
    clean(page)
    again = page.get_by_role("button", name="Again")
    for _ in range(3):  # §1: Again, two or three times
        again.click()
        settle(page)
        clean(page)
    for _ in range(3):  # §1: Length, then Again (a key at a time: a rerun redraws the slider under the keys)
        page.get_by_role("slider").first.press("ArrowRight")
        settle(page)
    again.click()
    settle(page)
    clean(page)
    assert "330" in page.locator('[data-testid="stSlider"]').first.inner_text()

    # §2, §3: the span is a part of the text, and picking it on the text moves it there
    first = span_shown(page)
    text_len = len(page.locator('[data-testid="stCode"]').first.inner_text())
    assert first[1] - first[0] < text_len - 1, "the span is not the whole text"
    strip = page.locator('[data-testid="stVegaLiteChart"]').nth(2)  # states, top-5, then the text strip
    strip.scroll_into_view_if_needed()
    box = strip.bounding_box()
    page.mouse.click(box["x"] + 5 + 16 * 1 + 8, box["y"] + 5 + 11)  # row 1, column 2: in the first word
    settle(page)
    clean(page)
    picked = span_shown(page)
    assert picked != first and picked[0] <= 1, (first, picked)
    page.keyboard.down("Shift")
    page.mouse.click(box["x"] + 5 + 16 * 3 + 8, box["y"] + 5 + 22 + 11)  # shift-click on the second row
    page.keyboard.up("Shift")
    settle(page)
    clean(page)
    stretched = span_shown(page)
    assert stretched[0] == picked[0] and stretched[1] > picked[1], (picked, stretched)
    bars = page.locator('[data-testid="stVegaLiteChart"]').nth(3)  # the units that stand out: click the third
    third = bars.locator("g.role-axis-label text").all_text_contents()[-8]  # y labels come last, best first
    bars.locator("g.mark-rect path").nth(2).click()
    settle(page)
    clean(page)
    assert strip.locator("g.role-legend-title text").all_text_contents() == [third]  # the text shows that unit
    snap(page, shots / "char_lm_neuron_finder.png")

    again.click()  # a new text: the finder starts again on that text, no stale unit
    settle(page)
    clean(page)
    page.get_by_text("한국어").click()  # the Korean switch: every label changes under the browser's feet
    settle(page)
    clean(page)
    page.get_by_role("button", name="다시").click()
    settle(page)
    clean(page)
    snap(page, shots / "char_lm_ko.png")
    page.close()
    assert outside == [], f"requests left the app's host: {sorted(set(outside))}"
    lines = log.read_text().splitlines()
    assert [line for line in lines if TROUBLE.search(line)] == [], "\n".join(lines[-40:])


@pytest.mark.slow
def test_no_page_fetches_anything_from_another_host(logged_app, browser):
    url, log = logged_app
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    outside = []
    page.on("request", lambda r: outside.append(r.url) if urlparse(r.url).netloc not in ("", urlparse(url).netloc)
            and not r.url.startswith(("data:", "blob:")) else None)
    for path in navigation():
        page.goto(f"{url}/{'' if path == 'pages/home.py' else path[len('pages/'):-len('.py')]}", timeout=60_000)
        settle(page, stable_ms=500)
        clean(page)
    page.close()
    assert outside == [], f"requests left the app's host: {sorted(set(outside))}"
    lines = log.read_text().splitlines()
    assert [line for line in lines if TROUBLE.search(line)] == [], "\n".join(lines[-40:])
