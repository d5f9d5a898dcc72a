"""Forecasting: the CSV reader, the baselines, rolling-origin evaluation that never looks past its origin,
scaling fitted on training rows only, and a network that learns a noisy sine. Tiny data made here."""
import json
import math

import numpy as np
import pandas as pd
import pytest
import torch

from core import fit
from core.checkpoint import load_checkpoint, save_checkpoint, to_bytes
from core.cli import main
from core.config import ModelConfig, TrainConfig
from core.errors import DataError
from core.readers import series as series_module
from core.readers.series import read_series
from core.tasks.forecast import baselines, calibrate, conformal
from core.tasks.registry import TASKS

task = TASKS["forecast"]


def hourly_csv(values, start="2021-03-01", **columns) -> bytes:
    times = pd.date_range(start, periods=len(values), freq="h")
    frame = pd.DataFrame({"time": times.strftime("%Y-%m-%d %H:%M"), "count": values, **columns})
    return frame.to_csv(index=False).encode()


def sine(days=30, noise=0.1, seed=0):
    t = np.arange(24 * days)
    rng = np.random.default_rng(seed)
    return 5 + np.sin(2 * np.pi * t / 24) + noise * rng.standard_normal(len(t))


def small_cfg(**kw):
    return ModelConfig(task="forecast", hidden_size=16, horizon=24, context=48, transform="none", **kw)


def built(values, **kw):
    s = read_series(hourly_csv(values))
    train, valid = task.split(s, 0.2, 0)
    bundle = task.build(train, valid, small_cfg(**kw))
    return s, train, valid, bundle


# ---- the reader

def test_reads_the_seoul_layout_day_first_with_an_hour_column():
    rows = ["Date,Rented Bike Count,Hour,Temperature,Seasons,Functioning Day"]
    for day in range(1, 15):
        for hour in range(24):
            rows.append(f"{day:02d}/12/2017,{100 + hour},{hour},-1.5,Winter,{'No' if day == 3 else 'Yes'}")
    s = read_series("\n".join(rows).encode(), target="Rented Bike Count")
    assert s.frequency == "hourly" and len(s) == 14 * 24
    assert s.times[25] == pd.Timestamp("2017-12-02 01:00")
    assert any("DD/MM/YYYY" in n and "13/12/2017" in n for n in s.notes)  # which reading, and why
    assert s.off.sum() == 24 and "Seasons=Winter" in s.covariates and "Temperature" in s.covariates


@pytest.mark.parametrize("text, message", [
    (b"a,b\nx,1\ny,2\nz,3\n", "no date or time column"),
    (b"month,value\n2020-01,1\n2020-02,two\n2020-03,3\n", "text in row 3"),
    (b"month,value\n2020-01,1\n", "1 row"),
    (b"date,value\n01/01/2020,1\n02/02/2020,2\n03/03/2020,3\n", "could be DD/MM/YYYY or MM/DD/YYYY"),
    (b"date,value\n2020-01-01,1\n2020-01-01,2\n2020-01-02,3\n", "appears more than once"),
    (b"date,a,b\n2020-01-01,1,2\n2020-01-02,2,3\n2020-01-03,3,4\n", "several numeric columns"),
    (b"date,value\n2020-01-01,1\n2020-01-02,2\n2020-01-03,3\n2020-03-09,3\n", "missing"),
    (b"date,value\n2020-01-01,1\n2020-01-05,2\n2020-01-09,3\n", "4 days"),
    (b"", "empty"),
    (b"\x00\x01binary", "binary"),
])
def test_malformed_files_get_one_line(text, message):
    with pytest.raises(DataError, match=message) as err:
        read_series(text, "f.csv")
    assert "\n" not in str(err.value)


def test_too_many_rows_is_refused_without_reading_them_all(monkeypatch):
    monkeypatch.setattr(series_module, "MAX_ROWS", 50)
    with pytest.raises(DataError, match="more than 50 rows"):
        read_series(hourly_csv(np.arange(200.0)))


def test_a_few_missing_steps_are_filled_with_a_note():
    text = hourly_csv(np.arange(100.0)).decode().splitlines()
    del text[10]  # one hour gone
    s = read_series("\n".join(text).encode())
    assert len(s) == 100 and s.values[9] == pytest.approx(9.0) and any("filled" in n for n in s.notes)


def test_month_first_dates_are_read_when_only_that_reading_exists():
    s = read_series(b"date,value\n12/30/2020,1\n12/31/2020,2\n01/01/2021,3\n01/02/2021,4\n")
    assert s.times[0] == pd.Timestamp("2020-12-30") and "MM/DD/YYYY" in s.notes[0]


# ---- baselines and metrics

def test_seasonal_naive_is_a_shifted_copy():
    y = np.random.default_rng(1).standard_normal(100)
    s = read_series(hourly_csv(y))
    origins = np.array([48, 72])
    found = task.baselines(s, origins, 24)["seasonal_naive"]  # (2, 24)
    for row, o in zip(found, origins):
        np.testing.assert_array_equal(row, y[o - 24:o])
    np.testing.assert_array_equal(baselines.seasonal_naive(y, 30, 12), np.concatenate([y[-12:], y[-12:], y[-12:-6]]))


def test_metrics_leave_out_mape_when_there_are_zeros():
    m = baselines.forecast_metrics([1, 0, 3], [2, 0, 3], scale=0.5)
    assert m["mae"] == pytest.approx(1 / 3) and m["rmse"] == pytest.approx(math.sqrt(1 / 3))
    assert "mape" not in m and m["mase"] == pytest.approx(2 / 3)
    assert baselines.forecast_metrics([2, 4], [1, 4])["mape"] == pytest.approx(25.0)


# ---- evaluation never looks past its origin

def test_rolling_origin_counts_rows_and_never_looks_past_the_origin(tmp_path):
    y = sine(days=10)
    s, _, _, bundle = built(y)
    start = 5 * 24
    origins = task.origins(bundle, s, start=start)
    assert len(origins) == (len(y) - start) // 24 == 5
    jumped = y.copy()
    jumped[start:] += 1000.0  # right after the first origin
    j = read_series(hourly_csv(jumped))
    first = task.rolling(bundle, s, origins[:1])
    second = task.rolling(bundle, j, origins[:1])
    np.testing.assert_array_equal(first.quantiles, second.quantiles)
    for name in first.baselines:
        np.testing.assert_array_equal(first.baselines[name], second.baselines[name])
    assert (second.actual > 900).all()
    out = tmp_path / "p.csv"
    metrics = task.evaluate(bundle, s, start=str(s.times[start]), predictions=str(out))
    rows = pd.read_csv(out)
    assert len(rows) == metrics["steps"] == 5 * 24 and metrics["origins"] == 5
    assert {"time", "actual", "forecast", "q10", "q50", "q90", "seasonal_naive", "holt_winters"} <= set(rows)
    assert pd.Timestamp(rows["time"][0]) == s.times[start]


def test_scaling_is_fitted_on_training_rows_only():
    y = np.concatenate([np.full(24 * 8, 10.0) + np.sin(np.arange(24 * 8)), np.full(24 * 2, 1e6)])
    s, train, valid, bundle = built(y)
    assert len(train) == 24 * 8 and valid.start == 24 * 8
    assert bundle.model.y_shift.item() == pytest.approx(np.mean(y[: 24 * 8]), rel=1e-5)
    assert bundle.model.y_scale.item() == pytest.approx(np.std(y[: 24 * 8]), rel=1e-4)


def test_the_scaling_travels_in_the_checkpoint(tmp_path):
    s, _, _, bundle = built(sine(days=8) * 100)
    save_checkpoint(bundle, tmp_path / "f.safetensors")
    again = load_checkpoint(tmp_path / "f.safetensors", task="forecast")
    assert again.model.y_shift.item() == pytest.approx(bundle.model.y_shift.item())
    origins = np.array([24 * 6])
    np.testing.assert_allclose(task.rolling(again, s, origins).quantiles, task.rolling(bundle, s, origins).quantiles,
                               rtol=1e-5)
    assert len(to_bytes(bundle, torch.float16)) < len(to_bytes(bundle))


# ---- learning

def test_a_noisy_sine_is_forecast_within_a_bound():
    torch.manual_seed(0)
    s = read_series(hourly_csv(sine(days=20)))
    bundle, trainer = fit.prepare("forecast", s, None, small_cfg(), TrainConfig(max_steps=250, lr=1e-2, seed=0))
    best = fit.run(bundle, trainer)
    assert best["mae"] < 0.2, best  # the noise alone: 0.08; the naive forecast: about 0.9
    assert best["mae"] < 0.5 * best["naive"]["mae"]
    assert 0.4 < best["coverage_80"] <= 1.0


def test_log_and_seasonal_difference_round_trip_a_monthly_series():
    months = pd.date_range("2000-01-01", periods=96, freq="MS")
    y = 100 * np.exp(0.01 * np.arange(96)) * (1 + 0.2 * np.sin(2 * np.pi * np.arange(96) / 12))
    s = read_series(pd.DataFrame({"month": months.strftime("%Y-%m"), "v": y}))
    train, valid = task.split(s, 0.1, 0)
    bundle = task.build(train, valid, ModelConfig(task="forecast", hidden_size=8, horizon=24))
    assert bundle.cfg.transform == "log+diff" and bundle.cfg.context == 12 and bundle.cfg.frequency == "monthly"
    # the untrained head forecasts the training mean of the seasonal log difference: seasonal naive plus drift
    found = task.rolling(bundle, s, np.array([72]))
    drift = np.mean(np.log(y[12:72]) - np.log(y[:60]))
    expected = np.concatenate([y[60:72] * np.exp(drift), y[60:72] * np.exp(2 * drift)])
    np.testing.assert_allclose(found.median[0], expected, rtol=1e-4)


def test_the_command_line_trains_evaluates_and_predicts(tmp_path, capsys):
    y = sine(days=12)
    data = tmp_path / "s.csv"
    data.write_bytes(hourly_csv(y))
    model = tmp_path / "m.safetensors"
    assert main(["train", "forecast", "--data", str(data), "--out", str(model), "--max-steps", "20",
                 "--context", "48", "--hidden", "8", "--threads", "1"]) == 0
    capsys.readouterr()
    assert main(["evaluate", str(model), str(data), "--start", "2021-03-10", "--json"]) == 0
    metrics = json.loads(capsys.readouterr().out)
    assert metrics["origins"] == 3 and {"naive", "seasonal_naive", "holt_winters"} <= set(metrics)
    assert main(["predict", str(model), str(data)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == "time,q10,q50,q90" and len(lines) == 25 and lines[1].startswith("2021-03-13 00:00")
    assert main(["evaluate", str(model), str(data), "--start", "2030-01-01"]) == 2
    assert "after the series' end" in capsys.readouterr().err


# ---- the band's conformal calibration

def test_calibration_widens_an_under_covering_band_until_it_holds_the_nominal_share():
    s, train, valid, bundle = built(sine(days=12, noise=1.5, seed=3))  # untrained: a band much too narrow
    before = task.evaluate(bundle, valid)
    assert before["coverage_80"] < 0.7 and min(before["band_factors"]) > 1
    out, measured = calibrate.calibrated(bundle, valid)
    assert measured["before"] == pytest.approx(before["coverage_80"])
    assert measured["after"] >= 0.8 and out.cfg.band_low > 1 and out.cfg.band_high > 1
    origins = task.origins(bundle, valid)
    old, new = task.rolling(bundle, s, origins).quantiles, task.rolling(out, s, origins).quantiles
    np.testing.assert_array_equal(old[..., 1], new[..., 1])  # the median, and so the MAE, unchanged
    assert (new[..., 0] < old[..., 0]).all() and (new[..., 2] > old[..., 2]).all()
    assert task.evaluate(out, valid)["coverage_80"] == pytest.approx(measured["after"])
    assert bundle.cfg.band_low == 1.0  # the bundle it came from is left as it was


def test_conformal_factors_narrow_an_over_covering_band_and_scale_each_side_alone():
    rng = np.random.default_rng(0)
    y = rng.standard_normal(1000)
    q = np.stack([np.full(1000, -5.0), np.zeros(1000), np.full(1000, 0.5)], -1)  # too wide below, too narrow above
    low, high = conformal.factors(q, y)
    assert low < 1 < high
    cal = conformal.apply(q, low, high)
    assert 0.8 <= conformal.coverage(cal, y) <= 0.82
    assert np.mean(y < cal[:, 0]) <= 0.1 and np.mean(y > cal[:, 2]) <= 0.1
    assert conformal.conformal_quantile(np.arange(1.0, 25.0), 0.9) == 23.0  # ceil(25 * 0.9) = 23rd of 24


def test_a_checkpoint_from_before_the_calibration_loads_with_the_band_as_trained(tmp_path):
    from safetensors import safe_open
    from safetensors.torch import save_file
    s, _, valid, bundle = built(sine(days=8))
    path = tmp_path / "new.safetensors"
    save_checkpoint(bundle, path)
    with safe_open(str(path), framework="pt") as f:
        meta, tensors = f.metadata(), {k: f.get_tensor(k) for k in f.keys()}
    config = json.loads(meta["config"])
    del config["band_low"], config["band_high"]  # as the files written before these settings
    old = tmp_path / "old.safetensors"
    save_file(tensors, str(old), metadata={**meta, "config": json.dumps(config)})
    loaded = load_checkpoint(old, task="forecast")
    assert loaded.cfg.band_low == loaded.cfg.band_high == 1.0
    origins = task.origins(bundle, valid)
    np.testing.assert_allclose(task.rolling(loaded, s, origins).quantiles, task.rolling(bundle, s, origins).quantiles,
                               rtol=1e-6)


def test_training_from_the_command_line_calibrates_the_band_on_its_validation_part(tmp_path, capsys):
    y = sine(days=14, noise=0.6, seed=5)
    data = tmp_path / "s.csv"
    data.write_bytes(hourly_csv(y))
    model = tmp_path / "m.safetensors"
    assert main(["train", "forecast", "--data", str(data), "--out", str(model), "--max-steps", "30",
                 "--context", "48", "--hidden", "8", "--threads", "1", "--refit", "no"]) == 0
    bundle = load_checkpoint(model, task="forecast")
    assert (bundle.cfg.band_low, bundle.cfg.band_high) != (1.0, 1.0) and "refit" not in bundle.info
    assert bundle.info["band"]["valid_coverage_80"] == pytest.approx(bundle.info["valid"]["coverage_80"])
    capsys.readouterr()
    s = read_series(hourly_csv(y))
    start = str(s.times[task.split(s, 0.1, 0)[1].start])  # its validation part
    assert main(["evaluate", str(model), str(data), "--start", start, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["coverage_80"] >= 0.8


def test_a_short_series_trains_a_fixed_number_of_steps_then_again_on_all_its_months(tmp_path, monkeypatch, capsys):
    from core.tasks.forecast import task as forecast_module
    monkeypatch.setattr(forecast_module, "SHORT_STEPS", 25)
    months = pd.date_range("2000-01-01", periods=96, freq="MS")
    rng = np.random.default_rng(2)
    y = 100 * np.exp(0.01 * np.arange(96)) * (1 + 0.2 * np.sin(2 * np.pi * np.arange(96) / 12)) + rng.normal(0, 2, 96)
    data = tmp_path / "m.csv"
    pd.DataFrame({"month": months.strftime("%Y-%m"), "v": y}).to_csv(data, index=False)
    out = {}
    for refit in ("auto", "no"):
        out[refit] = tmp_path / f"{refit}.safetensors"
        assert main(["train", "forecast", "--data", str(data), "--horizon", "12", "--minutes", "1", "--hidden", "8",
                     "--threads", "1", "--refit", refit, "--out", str(out[refit])]) == 0  # the defaults
    refitted, kept = (load_checkpoint(out[k], task="forecast") for k in ("auto", "no"))
    assert refitted.info["steps"] == kept.info["steps"] == 25  # a fixed number of steps, not the minute
    assert refitted.info["refit"] == {"steps": 25, "minutes": refitted.info["refit"]["minutes"], "rows": 96}
    assert refitted.info["valid"] == kept.info["valid"]  # the validation is the first run's, out of sample
    assert refitted.cfg.band_low == kept.cfg.band_low and refitted.cfg.band_high == kept.cfg.band_high
    # the refitted model's scaling saw every month; the kept one's only the months before its validation part
    assert refitted.model.y_shift.item() != pytest.approx(kept.model.y_shift.item())
    capsys.readouterr()
    assert main(["evaluate", str(out["auto"]), str(data), "--start", "2007-01", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["origins"] == 1
