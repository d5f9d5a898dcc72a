"""The forecasting page in a real browser (chromium via Playwright): the shipped Seoul bike model's forecast
with its band, the baselines and the origin, and the hidden-state heatmap under it; a statsmodels series
(in every copy of the app) draws. Screenshots go to $RNNLAB_SCREENSHOTS (default screenshots/)."""
import pytest
from streamlit_server import no_errors, open_page, snap


def charts(page) -> int:
    return page.locator('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg').count()


@pytest.mark.parametrize("query,shot", [
    ("forecast?series=seoul_bike&origin=2018-09-14%2000:00:00", "forecast-seoul.png"),
    ("forecast?series=seoul_bike&origin=2018-09-14%2000:00:00&signal=temperature&lang=ko", "forecast-seoul-ko.png"),
])
@pytest.mark.slow
def test_the_shipped_model_draws_its_forecast_band_and_heatmaps(app, browser, shots, query, shot):
    page = open_page(browser, app, query)
    no_errors(page)
    assert page.locator('[data-testid="stAlert"]').count() >= 1  # who wins, said plainly
    assert charts(page) >= 5  # series, forecast, hidden state, forget gate, unit finder
    chart = page.locator('[data-testid="stVegaLiteChart"]').nth(1)
    chart.scroll_into_view_if_needed()
    chart.screenshot(path=shots / shot.replace(".png", "-chart.png"))
    snap(page, shots / shot)


def test_a_statsmodels_series_draws(app, browser, shots):
    page = open_page(browser, app, "forecast?series=co2")
    no_errors(page)
    assert charts(page) >= 1
    snap(page, shots / "forecast-co2.png")
