"""Forecast helpers the page needs around core: the built-in series (Seoul bikes and airline passengers from
the repository's data/ folder, statsmodels' own public-domain series), a person's CSV, settings
from widget values, a training run, the forecast from one origin beside the baselines, and what the
network's units did over that window. No Streamlit here."""
import io
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd

from core.config import ModelConfig, TrainConfig
from core.errors import DataError
from core.readers.series import Series, read_series
from core.readers.table import read_table
from core.tasks.base import Bundle
from core.tasks.forecast import baselines
from core.tasks.forecast.task import mase_scale
from core.tasks.registry import TASKS

from .runner import Start, TrainingRun

DATA = Path(__file__).resolve().parent.parent / "data"  # shipped with the repository (data/README.md)
MAX_UPLOAD_MB = 16
SHIPPED = "forecast-seoul-bike.safetensors"
task = TASKS["forecast"]

# name -> (file under data/, its target column); Seoul bikes first: the shipped forecaster's series
DATA_SERIES = {"seoul_bike": ("seoul_bike/train.csv", "Rented Bike Count"),
                 "airline": ("airline/airline-passengers.csv", "Passengers")}
STATSMODELS = ("co2", "sunspots", "elnino", "nile")  # inside the statsmodels wheel, public domain


def available(root: Path | None = None) -> list[str]:
    """The built-in series this copy of the app has (a data/ file missing from a stripped copy is left out)."""
    root = root or DATA
    return [name for name, (path, _) in DATA_SERIES.items() if (root / path).is_file()] + list(STATSMODELS)


def builtin(name: str, root: Path | None = None) -> Series:
    """A built-in series, read by the same reader as an upload."""
    root = root or DATA
    if name in DATA_SERIES:
        path, target = DATA_SERIES[name]
        return read_series(root / path, Path(path).name, target)
    import statsmodels.api as sm  # only here: its import takes a second

    data = getattr(sm.datasets, name).load_pandas().data
    if name == "co2":  # weekly CO2 at Mauna Loa (ppm), 1958-2001, with a few weeks missing
        frame = pd.DataFrame({"week": data.index.strftime("%Y-%m-%d"), "co2": data["co2"].to_numpy()})
    elif name == "sunspots":  # yearly sunspot numbers, 1700-2008
        frame = pd.DataFrame({"year": data["YEAR"].astype(int), "sunspots": data["SUNACTIVITY"]})
    elif name == "elnino":  # monthly sea surface temperature off Peru (°C), 1950-2010: a table of months
        long = data.melt(id_vars="YEAR", var_name="month", value_name="temperature")
        long["date"] = pd.to_datetime(long["YEAR"].astype(int).astype(str) + "-" + long["month"], format="%Y-%b")
        frame = long.sort_values("date")[["date", "temperature"]].assign(date=lambda f: f["date"].dt.strftime("%Y-%m"))
    else:  # nile: yearly flow of the Nile at Aswan (10^8 m³), 1871-1970
        frame = pd.DataFrame({"year": data["year"].astype(int), "volume": data["volume"]})
    return read_series(frame.reset_index(drop=True), name)


def numeric_columns(data: bytes) -> list[str]:
    """The numeric columns of an uploaded CSV (to choose a target from), [] if it cannot be read."""
    try:
        table = read_table(bytes(data))
        frame = pd.read_csv(io.StringIO(table.text), nrows=1000, sep=table.delimiter, skipinitialspace=True)
    except Exception:  # noqa: BLE001 - the reader proper says what is wrong
        return []
    return [str(c) for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]


def from_upload(data: bytes, name: str, target: str | None = None) -> Series:
    if not data:
        raise DataError(f"{name} is empty")
    return read_series(bytes(data), name, target)


def with_horizon(series: Series, horizon: int) -> Series:
    return replace(series, horizon=horizon)


# ---------------------------------------------------------------- training


def configs(cell: str = "lstm", hidden: int = 64, layers: int = 1, lr: float = 3e-3, seconds: float = 30,
            dropout: float = 0.3, horizon: int = 0, context: int = 0, seed: int = 0, device: str | None = None):
    model_cfg = ModelConfig(task="forecast", cell=cell, hidden_size=hidden, num_layers=layers, horizon=horizon,
                            context=context, transform="auto", dropout=dropout)
    train_cfg = TrainConfig(lr=lr, minutes=seconds / 60, seed=seed, device=device, warmup_steps=20, eval_every=0.1)
    return model_cfg, train_cfg


def split(series: Series, horizon: int, valid_start: int | None = None) -> tuple[Series, Series]:
    """Training part and validation part (the whole series, scored from its start); by default the last
    10% (at least one horizon) validates, else from `valid_start`."""
    if valid_start is None:
        return task.split(with_horizon(series, horizon), 0.1, 0)
    return series.head(valid_start), replace(series, start=valid_start)


def valid_period(series: Series, valid_start: int) -> tuple[str, str, int]:
    """The validation part the page scores on: its first and last observed times (as text, as fine as the
    series' frequency) and how many steps it holds."""
    last_index = max(series.observed - 1, 0)
    start = min(max(int(valid_start), 0), last_index)
    fmt = {"hourly": "%Y-%m-%d %H:%M", "monthly": "%Y-%m", "quarterly": "%Y-%m", "yearly": "%Y"}.get(
        series.frequency, "%Y-%m-%d")
    return series.times[start].strftime(fmt), series.times[last_index].strftime(fmt), last_index - start + 1


def start_training(series: Series, model_cfg: ModelConfig, train_cfg: TrainConfig, valid_start: int | None = None,
                   start: Start | None = None, **facts) -> TrainingRun:
    """Prepare (may raise DataError at once) and start a run in the background."""
    horizon = start.load().cfg.horizon if start is not None else model_cfg.horizon
    train, valid = split(series, horizon, valid_start)
    return TrainingRun.prepare("forecast", train, valid, model_cfg, train_cfg, start=start, **facts).start()


# ---------------------------------------------------------------- forecasts


def origins(bundle: Bundle, series: Series, valid_start: int) -> np.ndarray:
    """The forecast origins of the validation part: from its start, every horizon steps."""
    return task.origins(bundle, series, start=max(valid_start, bundle.cfg.context))


@dataclass
class View:
    """The forecast from one origin, drawn and scored."""

    frame: pd.DataFrame  # time, actual, q10, q50, q90 and each baseline (NaN before the origin)
    origin: pd.Timestamp
    scores: pd.DataFrame  # method, MAE, RMSE, MASE (+ MAPE), best first
    winner: str  # the method with the lowest MAE ("model" or a baseline's name)


def view(bundle: Bundle, series: Series, origin: int, shown_before: int | None = None) -> View:
    """The model's and the baselines' forecasts from `origin`, beside `shown_before` actual steps before it
    (default: the model's context)."""
    h, C = bundle.cfg.horizon, bundle.cfg.context
    found = task.rolling(bundle, series, np.array([origin]))
    before = min(origin, C if shown_before is None else shown_before)
    times = series.times[origin - before:origin + h]
    frame = pd.DataFrame({"time": times, "actual": series.values[origin - before:origin + h]})
    pad = np.full(before, np.nan)
    for i, name in enumerate(("q10", "q50", "q90")):
        frame[name] = np.concatenate([pad, found.quantiles[0, :, i]])
    for name, f in found.baselines.items():
        frame[name] = np.concatenate([pad, f[0]])
    return View(frame, series.times[origin], *score(found, series))


def score(found, series: Series) -> tuple[pd.DataFrame, str]:
    """A row per method (MAE, RMSE, MASE, MAPE where defined) over the forecasts in `found`, best MAE first."""
    scale = mase_scale(series.values[: found.origins[0]], series.season)
    rows = [{"method": "model", **baselines.forecast_metrics(found.actual, found.median, scale)}]
    rows += [{"method": name, **baselines.forecast_metrics(found.actual, f, scale)}
             for name, f in found.baselines.items()]
    table = pd.DataFrame(rows).sort_values("mae").reset_index(drop=True)
    return table, str(table["method"][0])


def overall(bundle: Bundle, series: Series, starts: np.ndarray) -> tuple[pd.DataFrame, str]:
    """The same table over every origin of the validation part (rolling origin)."""
    return score(task.rolling(bundle, series, starts), series)


# ---------------------------------------------------------------- inside


@dataclass
class Inside:
    times: pd.DatetimeIndex  # (T,) the window: context, then the forecast steps
    hidden: np.ndarray  # (T, H) the last layer's h_t
    forget: np.ndarray | None  # (T, H) the LSTM's forget gate
    signals: dict  # name -> (T,) what a unit may follow: the daily cycle, the temperature, the target
    origin: int  # index of the origin in the window


def shown_before(bundle: Bundle) -> int:
    """Context steps drawn before the origin: enough to see the pattern, few enough to see the forecast."""
    return min(bundle.cfg.context, 3 * bundle.cfg.horizon)


def inside(bundle: Bundle, series: Series, origin: int, before: int | None = None) -> Inside:
    """The recurrence over the model's whole window; the last `before` context steps and the forecast
    steps are kept for drawing (default: all)."""
    _, trace, times = task.trace(bundle, series, origin)
    C, h = bundle.cfg.context, bundle.cfg.horizon
    before = C if before is None else min(before, C)
    keep = slice(C - before, C + h)
    hidden = trace.hidden[-1, 0, keep].cpu().numpy()  # (T, H)
    forget = trace.gates["forget"][-1, 0, keep].cpu().numpy() if "forget" in trace.gates else None
    times = times[keep]
    window = slice(origin - before, origin + h)
    signals = {"target": series.values[window]}
    if series.frequency == "hourly":
        signals["daily"] = np.cos(2 * np.pi * (times.hour.to_numpy() - 14) / 24)  # peaks mid-afternoon
    temperature = next((c for c in series.covariates.columns if "temp" in c.lower()), None)
    if temperature is not None:
        signals["temperature"] = series.covariates[temperature].to_numpy()[window]
    return Inside(times, hidden, forget, signals, before)


def follow(values: np.ndarray, signal: np.ndarray, n: int = 8) -> list[tuple[int, float]]:
    """The units whose state over time correlates most (either sign) with `signal`: [(unit, r)], strongest first."""
    v = values - values.mean(0)
    s = signal - np.nanmean(signal)
    s = np.nan_to_num(s)
    denom = np.sqrt((v ** 2).sum(0) * (s ** 2).sum()) + 1e-12
    r = (v * s[:, None]).sum(0) / denom  # (H,)
    order = np.argsort(-np.abs(r))[:n]
    return [(int(u), float(r[u])) for u in order]
