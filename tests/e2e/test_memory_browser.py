"""The memory lab and Hello RNN's backward walk in a real browser (chromium via Playwright): the gradient
through time drawn on a log scale, a short race run live and stopped, the heatmaps of a long word.
Screenshots go to the folder of conftest.py ($RNNLAB_SCREENSHOTS, default screenshots/)."""
import pytest
from streamlit_server import no_errors, open_page, settle, snap


def charts_drawn(page) -> int:
    return page.locator('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg').count()


def test_the_gradient_through_time_at_initialisation(app, browser, shots):
    page = open_page(browser, app, "memory?delay=100&scale=1.0")
    no_errors(page)
    snap(page, shots / "memory.png")
    assert page.get_by_text("The gradient through time").first.is_visible()
    assert charts_drawn(page) >= 1  # (the chart's title is drawn inside its canvas)


@pytest.mark.slow
def test_a_short_race_runs_live_and_stops(app, browser, shots):
    page = open_page(browser, app, "memory?delay=20&hidden=32")
    page.get_by_role("button", name="Race for 60 s").click()
    page.get_by_role("button", name="Stop").wait_for(timeout=30_000)
    page.wait_for_timeout(12_000)  # a few validations: three live curves
    snap(page, shots / "memory-racing.png")
    page.get_by_role("button", name="Stop").click()
    page.get_by_text("‖∂L/∂h_1‖ / ‖∂L/∂h_T‖, at the start → after").first.wait_for(timeout=30_000)
    settle(page)
    no_errors(page)
    snap(page, shots / "memory-raced.png")


def test_hello_rnn_walks_back_through_a_long_word(app, browser, shots):
    page = open_page(browser, app, "hello_rnn?word=mississippi&hidden=4")
    page.get_by_role("button", name="Train 20 steps").click()
    settle(page)
    no_errors(page)
    assert page.get_by_text("Walk back through time").first.is_visible()
    snap(page, shots / "hello_rnn-backward.png")
