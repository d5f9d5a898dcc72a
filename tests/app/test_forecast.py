"""The forecasting page through AppTest: the first view opens on the Seoul bikes of data/ with the shipped
forecaster, every built-in series draws, the shipped model (a tiny stand-in, on a small Seoul-like file)
forecasts with its band beside the baselines and looks inside, an uploaded CSV trains a small model in the
background, and bad files get one line."""

import json
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from app_helpers import clean, open_app

from core import fit
from core.checkpoint import save_checkpoint
from core.cli import main
from core.config import ModelConfig, TrainConfig
from core.readers.series import read_series
from webapp import forecast as fc
from webapp.loading import REPO

PAGE = "pages/forecast.py"


def chart_columns(at) -> list[set]:
    found = []
    for chart in at.get("vega_lite_chart"):
        for dataset in chart.proto.datasets:
            found.append(set(pa.ipc.open_stream(dataset.data.data).read_pandas().columns))
    return found


def seoul_like(days: int = 21) -> str:
    """The Seoul file's layout: DD/MM/YYYY dates, an Hour column, weather, seasons, a Functioning Day."""
    rng = np.random.default_rng(0)
    rows = ["Date,Rented Bike Count,Hour,Temperature,Humidity,Seasons,Holiday,Functioning Day"]
    for day in range(days):
        date = pd.Timestamp("2018-08-10") + pd.Timedelta(days=day)
        for hour in range(24):
            temp = 25 + 5 * np.sin(2 * np.pi * (hour - 9) / 24) + rng.normal()
            count = 0 if day == 3 else int(600 + 400 * np.sin(2 * np.pi * (hour - 12) / 24) + 10 * temp)
            rows.append(f"{date:%d/%m/%Y},{count},{hour},{temp:.1f},{rng.integers(30, 90)},Summer,No Holiday,"
                        f"{'No' if day == 3 else 'Yes'}")
    return "\n".join(rows) + "\n"


@pytest.fixture(scope="module")
def seoul_files(tmp_path_factory):
    """A data/ folder with a small Seoul-like file, and models/ with a tiny forecaster trained on it."""
    root = tmp_path_factory.mktemp("data")
    (root / "seoul_bike").mkdir()
    (root / "seoul_bike" / "train.csv").write_text(seoul_like())
    series = read_series(root / "seoul_bike" / "train.csv", target="Rented Bike Count")
    bundle, trainer = fit.prepare("forecast", series, None,
                                  ModelConfig(task="forecast", hidden_size=8, horizon=24, context=48),
                                  TrainConfig(max_steps=5, seed=0))
    fit.run(bundle, trainer)
    models = tmp_path_factory.mktemp("models")
    save_checkpoint(bundle, models / fc.SHIPPED)
    path = str(models / fc.SHIPPED)  # its band calibrated on the last 10%, as the shipped one on September
    assert main(["calibrate", path, str(root / "seoul_bike" / "train.csv"), "--out", path]) == 0
    return root, models


@pytest.fixture
def seoul(seoul_files, monkeypatch):
    root, models = seoul_files
    monkeypatch.setattr(fc, "DATA", root)
    monkeypatch.setenv("RNNLAB_MODELS", str(models))


@pytest.fixture
def no_data(tmp_path, monkeypatch):
    monkeypatch.setattr(fc, "DATA", tmp_path)  # a copy stripped of data/ and models/: statsmodels' series only
    monkeypatch.setenv("RNNLAB_MODELS", str(tmp_path))


def test_seoul_bikes_and_airline_passengers_are_read_from_the_data_folder():
    assert fc.DATA == REPO / "data"
    assert fc.available()[:2] == ["seoul_bike", "airline"]  # Seoul first: the page opens on it
    seoul, airline = fc.builtin("seoul_bike"), fc.builtin("airline")
    assert (len(seoul), seoul.frequency, seoul.target) == (7296, "hourly", "Rented Bike Count")
    assert (len(airline), airline.frequency, airline.target) == (144, "monthly", "Passengers")


def test_a_copy_without_data_files_offers_the_statsmodels_series(tmp_path):
    assert fc.available(tmp_path) == list(fc.STATSMODELS)


@pytest.mark.skipif(not (REPO / "models" / fc.SHIPPED).is_file(), reason="the shipped forecaster is not here")
def test_the_first_view_is_seoul_bikes_with_the_shipped_forecaster_forecasting():
    """No query, no fixture: the repository's own data/ and models/, as a fresh clone has them."""
    at = open_app(PAGE)
    clean(at)
    assert at.selectbox(key="fc_series").value == "seoul_bike"
    assert any(o.startswith("Airline passengers") for o in at.selectbox(key="fc_series").options)  # offered
    assert at.radio(key="fc_model").value == "shipped"
    assert {"q10", "q50", "q90"} <= set().union(*chart_columns(at))  # the forecast and its band
    assert len(at.dataframe) == 2 and (at.warning or at.success)
    assert not at.info  # no "no model yet"


@pytest.mark.parametrize("name", fc.STATSMODELS)
def test_each_statsmodels_series_draws_without_data_files(name, no_data):
    at = open_app(PAGE, series=name)
    clean(at)
    assert at.selectbox(key="fc_series").value == name
    assert any("value" in cols for cols in chart_columns(at))  # the series chart
    assert at.info  # no model yet: it says how to get one


def test_the_shipped_model_forecasts_with_its_band_beside_the_baselines_and_looks_inside(seoul):
    at = open_app(PAGE, series="seoul_bike")
    clean(at)
    assert at.radio(key="fc_model").value == "shipped"
    assert {"q10", "q50", "q90", "seasonal_naive", "holt_winters"} <= set().union(*chart_columns(at))
    assert any("DD/MM/YYYY" in c.value for c in at.caption)  # which reading of the dates, and why
    held = [re.search(r"calibrated on that month, held (\d+)%", c.value) for c in at.caption]
    assert [int(m.group(1)) for m in held if m][0] >= 80  # the band's coverage, calibrated
    series = fc.builtin("seoul_bike", fc.DATA)
    first, last, steps = fc.valid_period(series, fc.split(series, 24)[1].start)
    scored = [c.value for c in at.caption if "validation part" in c.value]  # the series shown, not "September"
    assert scored and f"{steps:,} hourly steps, {first} to {last}" in scored[0] and "September" not in scored[0]
    assert any(re.search(r"stretched on the last [\d,]+ hourly steps of the series", c.value) for c in at.caption)
    assert at.warning or at.success  # says plainly who wins
    assert len(at.dataframe) == 2
    first = at.select_slider(key="fc_origin").value
    options = at.select_slider(key="fc_origin").options
    at.select_slider(key="fc_origin").set_value(options[-1]).run()
    clean(at)
    assert at.select_slider(key="fc_origin").value != first
    again = open_app(PAGE, series="seoul_bike", fc_origin=options[-1])  # the slider is bound to the URL
    clean(again)
    assert again.select_slider(key="fc_origin").value == options[-1]
    at.multiselect(key="fc_baselines").set_value(["naive"]).run()
    clean(at)
    at.radio(key="fc_signal").set_value("temperature").run()
    clean(at)
    assert at.selectbox(key="fc_unit").value is not None


def test_a_link_from_before_the_slider_was_bound_still_opens_its_origin(seoul):
    at = open_app(PAGE, series="seoul_bike")
    options = at.select_slider(key="fc_origin").options
    again = open_app(PAGE, series="seoul_bike", origin=options[1])
    clean(again)
    assert again.select_slider(key="fc_origin").value == options[1]


def monthly_csv(n=72) -> bytes:
    months = pd.date_range("2000-01-01", periods=n, freq="MS")
    y = 100 * np.exp(0.01 * np.arange(n)) * (1 + 0.2 * np.sin(2 * np.pi * np.arange(n) / 12))
    return pd.DataFrame({"month": months.strftime("%Y-%m"), "sales": y.round(1)}).to_csv(index=False).encode()


def test_an_uploaded_csv_trains_a_small_model_in_the_background(no_data, monkeypatch):
    monkeypatch.setenv("RNNLAB_MAX_SECONDS", "2")
    at = open_app(PAGE, series="upload")
    at.file_uploader(key="fc_file").upload("sales.csv", monthly_csv(), "text/csv").run()
    clean(at)
    assert at.radio(key="fc_model").value == "train"
    at.select_slider(key="fc_hidden").set_value(8).run()
    at.number_input(key="fc_horizon").set_value(12).run()
    at.number_input(key="fc_context").set_value(24).run()
    at.button(key="fc_start").click().run()
    clean(at)
    run = at.session_state["fc_run"]
    assert run.join(timeout=60)
    at.run()
    clean(at)
    assert {"q10", "q90", "sarima"} <= set().union(*chart_columns(at))
    specs = [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]
    titles = json.dumps(specs)
    assert "pinball (quantile) loss on scaled values" in titles and "nats per character" not in titles
    assert any("monthly steps, " in c.value for c in at.caption)  # its validation part, in months
    assert at.session_state["fc_run"].bundle.cfg.transform == "log+diff"


@pytest.mark.parametrize("data, message", [
    (b"a,b\nx,1\ny,2\nz,3\n", "no date or time column"),
    (b"month,value\n2020-01,1\n2020-02,two\n2020-03,3\n", "text in row 3"),
    (b"month,value\n2020-01,1\n", "1 row"),
    (b"date,value\n01/01/2020,1\n02/02/2020,2\n03/03/2020,3\n", "DD/MM/YYYY or MM/DD/YYYY"),
])
def test_a_bad_file_gets_one_line(no_data, data, message):
    at = open_app(PAGE, series="upload")
    at.file_uploader(key="fc_file").upload("bad.csv", data, "text/csv").run()
    assert not at.exception
    assert len(at.error) == 1 and message in at.error[0].value


def test_a_copied_link_opens_the_same_view_and_leaving_the_page_keeps_it(seoul):
    at = open_app(PAGE, series="seoul_bike")
    options = at.select_slider(key="fc_origin").options
    at.select_slider(key="fc_origin").set_value(options[-1]).run()
    at.multiselect(key="fc_baselines").set_value(["naive", "holt_winters"]).run()
    at.radio(key="fc_signal").set_value("temperature").run()
    at.number_input(key="ex_fc_seed").set_value(3).run()
    clean(at)
    link = {"series": "seoul_bike", "model": "shipped", "fc_origin": options[-1], "signal": "temperature",
            "baselines": "naive,holt_winters"}
    assert all(at.query_params[k] == link[k] for k in ("signal", "baselines"))  # the page writes what changed

    def same_view(view):
        clean(view)
        assert view.selectbox(key="fc_series").value == "seoul_bike" and view.radio(key="fc_model").value == "shipped"
        assert view.select_slider(key="fc_origin").value == options[-1]
        assert view.multiselect(key="fc_baselines").value == ["naive", "holt_winters"]
        assert view.radio(key="fc_signal").value == "temperature"
        assert view.number_input(key="ex_fc_seed").value == 3

    same_view(open_app(PAGE, ex_fc_seed=3, **link))  # the link, in a fresh session
    at.switch_page("pages/home.py").run()
    same_view(at.switch_page(PAGE).run())  # another page and back
    none = open_app(PAGE, series="seoul_bike", baselines="none")
    assert none.multiselect(key="fc_baselines").value == []


def test_a_training_goes_on_while_the_visitor_is_away_and_a_second_click_starts_no_second_run(no_data, monkeypatch):
    monkeypatch.setenv("RNNLAB_MAX_SECONDS", "2")
    at = open_app(PAGE, series="upload")
    at.file_uploader(key="fc_file").upload("sales.csv", monthly_csv(), "text/csv").run()
    at.select_slider(key="fc_hidden").set_value(8).run()
    at.number_input(key="fc_horizon").set_value(9).run()
    at.number_input(key="fc_context").set_value(30).run()
    assert at.query_params["h"] == "9" and at.query_params["ctx"] == "30"  # a link opens the form as it was
    at.button(key="fc_start").click().run()
    clean(at)
    run = at.session_state["fc_run"]
    assert (run.bundle.cfg.horizon, run.bundle.cfg.context) == (9, 30)
    assert at.button(key="fc_start").disabled  # one run at a time; a click sent before the page redrew:
    at.session_state["fc_start_asked"] = True
    at.run()
    assert at.session_state["fc_run"] is run
    at.switch_page("pages/home.py").run()  # away: the uploader forgets the file, the run goes on
    assert run.join(timeout=60)
    at.switch_page(PAGE).run()
    clean(at)
    assert at.selectbox(key="fc_series").value == "upload" and at.radio(key="fc_model").value == "train"
    assert at.number_input(key="fc_context").value == 30 and at.number_input(key="fc_horizon").value == 9
    assert any("sales.csv" in c.value and "still in use" in c.value for c in at.caption)
    assert at.session_state["fc_run"] is run
    assert {"q10", "q90"} <= set().union(*chart_columns(at))  # the model trained while away forecasts
