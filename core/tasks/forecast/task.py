"""Forecasting (sequences of numbers): the next `horizon` values of a series, with a 10-90% band, beside
the baselines forecasters use. Evaluation is rolling-origin: from each origin, every `horizon` steps, the
model and every baseline see only the values before it (and the known covariates of the forecast steps)."""
import csv
import math
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import torch

from core.config import ModelConfig, TrainConfig
from core.errors import DataError
from core.nn.rnn import Trace
from core.readers.series import DEFAULT_CONTEXT, DEFAULT_HORIZON, FREQUENCIES, Series, frequency_of, read_series
from core.tasks.base import Bundle, Task
from core.tasks.forecast import baselines, conformal
from core.tasks.forecast.forecaster import (
    CALENDAR,
    COVARIATE,
    KNOWN,
    LAG,
    QUANTILES,
    TARGET,
    Forecaster,
    Transform,
    features,
)
from core.text.vocab import Vocab

# The forecaster's defaults where the shared ones (--hidden 256, --dropout 0) are for text: chosen on the
# airline series' own validation years (1957-58, three seeds; models/README.md, forecast section).
HIDDEN, DROPOUT = 32, 0.3
TRANSFORMS = ("auto", "none", "log", "diff", "log+diff")
WEEK = {"hourly": 168, "daily": 7}  # a second lag: the same time last week
MAX_CACHED = 8  # baseline forecasts kept per task (validation repeats them every evaluation)
# A short series (fewer steps than this: monthly, quarterly, yearly ones) trains by default for a fixed number
# of steps, so that the result does not depend on how busy the machine is (--minutes only caps it), and then
# trains afresh on all its steps, the validation part too, for as many (its most recent steps are the ones
# that count most). Chosen, with the monthly context of 12, on the airline series' backtests (1955-56, 1956-57
# and 1957-58 forecast from the years before them, five seeds; models/README.md, forecast section)
SHORT, SHORT_STEPS = 1000, 300
REFITS = ("auto", "yes", "no")


@dataclass
class Forecasts:
    """Forecasts from N origins, h steps each."""

    origins: np.ndarray  # (N,) step indices
    times: pd.DatetimeIndex  # (N*h,) the forecast steps, origin by origin
    actual: np.ndarray  # (N, h), NaN where unknown (the future)
    quantiles: np.ndarray  # (N, h, Q) the model's 10/50/90% quantiles
    baselines: dict  # name -> (N, h)

    @property
    def median(self) -> np.ndarray:
        return self.quantiles[..., QUANTILES.index(0.5)]


def default_transform(series: Series) -> str:
    """Log and seasonal difference for a positive monthly, quarterly or weekly series (trend and
    multiplicative seasonality, as the airline passengers); none otherwise (hourly counts with zeros
    and weather to read)."""
    if series.frequency in ("monthly", "quarterly", "weekly") and series.season > 1:
        return "log+diff" if (series.values[~np.isnan(series.values)] > 0).all() else "diff"
    return "none"


class ForecastTask(Task):
    name, title, key, maximize, model = "forecast", "a forecaster", "mae", False, Forecaster
    help = "a time series: CSV with a date or time column"
    has_labels = False

    def __init__(self):
        self._cache: dict = {}

    # ---- command line
    def add_arguments(self, command: str, parser):
        parser.add_argument("--target", help="forecast: the column to forecast (default: the only numeric one; "
                            "evaluate and predict: the model's own)")
        if command == "train":
            parser.add_argument("--horizon", type=int, help="forecast: steps forecast at once (default from the "
                                "frequency: hourly 24, daily 14, weekly 52, monthly 12, quarterly 8, yearly 10)")
            parser.add_argument("--context", type=int, help="forecast: past steps read (default: hourly 168, "
                                "daily 56, weekly 104, monthly 12, quarterly 16, yearly 30)")
            parser.add_argument("--transform", choices=TRANSFORMS, default="auto", help="forecast: of the target "
                                "before scaling (auto: log+diff for positive monthly, quarterly and weekly series)")
            parser.add_argument("--refit", choices=REFITS, default="auto", help="forecast: after validating, train "
                                f"afresh on every step, the validation part too, for as many steps (auto: for a "
                                f"series of fewer than {SHORT:,} steps, without --valid or --resume; those train "
                                f"{SHORT_STEPS} steps unless --epochs or --max-steps says otherwise)")
        if command == "evaluate":
            parser.add_argument("--start", metavar="DATE", help="forecast: the first forecast origin; then one "
                                "every horizon steps (default: the last 10%% of the series)")
            parser.add_argument("--predictions", metavar="OUT.csv", help="forecast: write every forecast step "
                                "as time,origin,actual,forecast,q10,q50,q90 and the baselines")

    def configure(self, cfg: ModelConfig, args) -> None:
        cfg.horizon, cfg.context = args.horizon or 0, args.context or 0
        cfg.transform, cfg.target = args.transform, args.target or ""
        if cfg.hidden_size == ModelConfig().hidden_size:
            cfg.hidden_size = HIDDEN
        if cfg.dropout == ModelConfig().dropout:
            cfg.dropout = DROPOUT

    def configure_training(self, cfg: TrainConfig, args, series: Series) -> None:
        """`train`: a short series trains for SHORT_STEPS steps unless the command says how long."""
        if series.observed < SHORT and args.epochs is None and args.max_steps is None:
            cfg.epochs, cfg.max_steps = None, SHORT_STEPS

    def read_options(self, args, cfg: ModelConfig | None = None) -> dict:
        target = getattr(args, "target", None)
        if target is None and cfg is not None and cfg.task == self.name:
            target = cfg.target or None
        return {"target": target, "horizon": getattr(args, "horizon", None)}

    def evaluate_options(self, args) -> dict:
        return {"start": args.start, "predictions": args.predictions}

    # ---- data
    def read(self, source, name=None, target: str | None = None, horizon: int | None = None) -> Series:
        return read_series(source, name, target, horizon)

    def split(self, series: Series, fraction: float, seed: int):
        """By time: the last `fraction` (at least one horizon; hourly, from a midnight) validates, forecast
        from origins inside it; the model trains on the steps before it."""
        n = series.observed
        h = series.horizon or DEFAULT_HORIZON[series.frequency]
        cut = n - max(round(fraction * n), h)
        if series.frequency == "hourly":
            cut += (-series.times[cut].hour) % 24 if cut < n else 0
        if cut < 2:
            raise DataError(f"the series has {n} known steps: too few to hold out {h} for validation")
        return series.head(cut), replace(series, start=cut)

    def build(self, train: Series, valid: Series, cfg: ModelConfig) -> Bundle:
        f = train.frequency
        cfg.frequency, cfg.season, cfg.target = f, train.season, train.target
        cfg.horizon, cfg.context = cfg.horizon or DEFAULT_HORIZON[f], cfg.context or DEFAULT_CONTEXT[f]
        cfg.transform = default_transform(train) if cfg.transform in ("", "auto") else cfg.transform
        known = train.values[~np.isnan(train.values)]
        if "log" in cfg.transform and not (known > 0).all():
            raise DataError("the log transform needs a series above 0: choose another transform")
        cfg.nonnegative = bool((known >= 0).all())
        channels = self.channels(train, cfg)
        cfg.vocab_size = len(channels)
        bundle = Bundle(self.build_model(cfg), Vocab(channels, specials=False))
        self.origins(bundle, train, training=True)  # enough steps to learn from? Say so now
        self.fit_scaling(bundle, train)
        return bundle

    def channels(self, series: Series, cfg: ModelConfig) -> list[str]:
        """The input channels: target, known flag, lags (at least the horizon, so always known), calendar,
        covariates."""
        s, h = max(cfg.season, 1), cfg.horizon
        week = WEEK.get(cfg.frequency, 0)
        lags = [s * math.ceil(h / s)] + [week] * (week > max(h, s))
        calendar = [f"{CALENDAR}{name}_{fn}" for name in FREQUENCIES[cfg.frequency][2] for fn in ("sin", "cos")]
        return [TARGET + series.target, KNOWN] + [f"{LAG}{lag}" for lag in dict.fromkeys(lags)] + calendar + \
            [COVARIATE + c for c in series.covariates.columns]

    def matrix(self, bundle: Bundle, series: Series) -> tuple[np.ndarray, np.ndarray]:
        """(T, F) input channels and (T,) transformed target (NaN on off steps and where unknown)."""
        cfg = bundle.cfg
        if series.frequency != cfg.frequency:
            raise DataError(f"the model forecasts a {cfg.frequency} series; this one is {series.frequency}")
        missing = [c[len(COVARIATE):] for c in bundle.vocab.itos if c.startswith(COVARIATE)
                   and c[len(COVARIATE):] not in series.covariates.columns]
        if missing:
            raise DataError(f"the series lacks columns the model reads: {', '.join(map(repr, missing[:5]))}")
        d = Transform(cfg).forward(series.values)
        if series.off is not None:
            d = np.where(series.off, np.nan, d)
        return features(bundle.vocab.itos, series.times, d, series.covariates), d

    def fit_scaling(self, bundle: Bundle, train: Series):
        """Each channel's mean and spread over the training rows only (the target and its lags share the
        target's); the calendar and the known flag stay as they are."""
        X, d = self.matrix(bundle, train)
        y_mean, y_std = float(np.nanmean(d)), float(np.nanstd(d))
        y_std = y_std if y_std > 1e-8 else 1.0
        shift, scale = np.zeros(X.shape[1]), np.ones(X.shape[1])
        for j, name in enumerate(bundle.vocab.itos):
            if name.startswith((TARGET, LAG)):
                shift[j], scale[j] = y_mean, y_std
            elif name.startswith(COVARIATE):
                col = X[:, j].astype(np.float64)
                shift[j], sd = np.nanmean(col), np.nanstd(col)
                scale[j] = sd if sd > 1e-8 else 1.0
        model = bundle.model
        model.shift.copy_(torch.tensor(shift)), model.scale.copy_(torch.tensor(scale))
        model.y_shift.fill_(y_mean), model.y_scale.fill_(y_std)

    def origins(self, bundle: Bundle, series: Series, training: bool = False, start: int | None = None) -> np.ndarray:
        """Training: every step with a full window before it and h known steps after it. Evaluation: from
        `start` (default the series' own start, else its last 10%), every h steps, while h known steps follow."""
        C, h, n = bundle.cfg.context, bundle.cfg.horizon, series.observed
        first = max(C, bundle.cfg.season if "diff" in bundle.cfg.transform else 0)
        if training:
            if n - h < first:
                raise DataError(f"the training part has {n} steps: too few for a context of {C} and a horizon of "
                                f"{h} (give a shorter --context or --horizon, or more data)")
            return np.arange(first, n - h + 1)
        start = series.start or n - max(round(0.1 * n), h) if start is None else start
        if start < first:
            raise DataError(f"the first forecast origin needs {first} steps before it; "
                            f"{series.times[min(start, n - 1)]} "
                            f"has {start}: start later")
        if start + h > n:
            raise DataError(f"from {series.times[min(start, len(series) - 1)]} there are fewer than {h} known steps "
                            "to score: start earlier")
        return np.arange(start, n - h + 1, h)

    def windows(self, bundle: Bundle, X: np.ndarray, d: np.ndarray, origins: np.ndarray) -> dict:
        """The model's inputs from each origin: C steps before it and h after, the target masked after it."""
        C, h = bundle.cfg.context, bundle.cfg.horizon
        offsets = np.arange(-C, h)
        x = X[origins[:, None] + offsets]  # (N, C + h, F)
        future = offsets >= 0
        x[:, future, 0] = np.nan  # the target is unknown from the origin on ...
        x[:, :, 1] = ~future  # ... and the known flag says so
        y = d[origins[:, None] + np.arange(h)] if len(d) >= origins.max(initial=0) + h else None  # (N, h)
        return {"ids": torch.from_numpy(x), "lengths": torch.full((len(origins),), C + h),
                **({} if y is None else {"targets": torch.from_numpy(y.astype(np.float32)),
                                         "mask": torch.from_numpy(~np.isnan(y))})}

    def batches(self, bundle, series: Series, cfg: TrainConfig, seed: int):
        X, d = self.matrix(bundle, series)
        origins = self.origins(bundle, series, training=True)
        rng = np.random.default_rng(seed)

        def batches():
            while True:
                order = rng.permutation(origins)
                for i in range(0, len(order), cfg.batch_size):
                    yield self.windows(bundle, X, d, order[i:i + cfg.batch_size])

        return batches(), max(1, len(origins) // cfg.batch_size)

    # ---- forecasting
    def quantiles(self, bundle: Bundle, series: Series, origins: np.ndarray, X=None, d=None) -> np.ndarray:
        """(N, h, Q) forecasts in the series' own units from each origin."""
        if X is None:
            X, d = self.matrix(bundle, series)
        cfg, out = bundle.cfg, []
        with torch.no_grad():
            for i in range(0, len(origins), 256):
                batch = self.windows(bundle, X, d, origins[i:i + 256])
                q, _ = bundle.model(batch["ids"].to(bundle.device))
                out.append(q.float().cpu().numpy())
        q = np.concatenate(out).astype(np.float64)  # (N, h, Q)
        transform = Transform(cfg)
        s = max(cfg.season, 1)
        history = np.stack([transform.level(series.values[o - s:o]) for o in origins])  # (N, s)
        values = conformal.apply(transform.inverse(q, history), cfg.band_low, cfg.band_high)
        if cfg.nonnegative:
            values = np.maximum(values, 0.0)
        return self._off(series, origins, values)

    def _off(self, series: Series, origins: np.ndarray, values: np.ndarray) -> np.ndarray:
        """0 on the steps when the system was off (known in advance), for every method alike."""
        if series.off is None:
            return values
        off = self.off_steps(series, origins, values.shape[1])  # (N, h)
        return np.where(off[..., None] if values.ndim == 3 else off, 0.0, values)

    def off_steps(self, series: Series, origins: np.ndarray, h: int) -> np.ndarray:
        """(N, h) True on the forecast steps when the system was off."""
        steps = origins[:, None] + np.arange(h)
        return np.zeros(steps.shape, bool) if series.off is None else series.off[steps]

    def baselines(self, series: Series, origins: np.ndarray, h: int) -> dict:
        key = (hash(series.values[: origins.max() + h].tobytes()), tuple(origins), h, series.season)
        if key not in self._cache:
            season = series.season
            positive = bool((series.values[: origins[0]] > 0).all())
            names = baselines.available(int(origins[0]), season, positive)
            forecasts = {name: np.stack([baselines.forecast(name, series.values[:o], h, season) for o in origins])
                         for name in names}
            if len(self._cache) >= MAX_CACHED:
                self._cache.pop(next(iter(self._cache)))
            self._cache[key] = {name: self._off(series, origins, f) for name, f in forecasts.items()}
        return self._cache[key]

    def rolling(self, bundle: Bundle, series: Series, origins: np.ndarray, with_baselines: bool = True) -> Forecasts:
        h = bundle.cfg.horizon
        steps = origins[:, None] + np.arange(h)  # (N, h)
        if steps.max(initial=0) >= len(series):
            raise DataError(f"the series ends {steps.max() - len(series) + 1} steps before the last forecast step")
        actual = series.values[steps]
        return Forecasts(origins, series.times[steps.ravel()], actual, self.quantiles(bundle, series, origins),
                         self.baselines(series, origins, h) if with_baselines else {})

    def evaluate(self, bundle: Bundle, series: Series, start=None, predictions: str | None = None) -> dict:
        """Rolling-origin scores of the model and of each baseline: MAE, RMSE, MAPE (no zeros), MASE,
        the pinball loss, how often the 10-90% band held the actual value (the off steps left out: they are
        known) and `band_factors`, what each side of the band would be multiplied by to hold 80% here
        (`core.tasks.forecast.conformal`; the training run calibrates its model with those of its validation part)."""
        origins = self.origins(bundle, series, start=None if start is None else series.index_of(start))
        found = self.rolling(bundle, series, origins)
        X, d = self.matrix(bundle, series)
        with torch.no_grad():
            batch = self.windows(bundle, X, d, origins)
            _, loss = bundle.model(**{k: v.to(bundle.device) for k, v in batch.items()})
        scale = mase_scale(series.values[: origins[0]], series.season)
        actual, q = found.actual, found.quantiles
        on = np.where(self.off_steps(series, origins, bundle.cfg.horizon), np.nan, actual)  # (N, h)
        result = {**baselines.forecast_metrics(actual, found.median, scale), "loss": float(loss),
                  "coverage_80": conformal.coverage(q, on), "band_factors": list(conformal.factors(q, on)),
                  "origins": len(origins), "steps": int(actual.size)}
        for name, forecast in found.baselines.items():
            result[name] = baselines.forecast_metrics(actual, forecast, scale)
        if predictions:
            write_predictions(found, predictions)
        return result

    def finish(self, bundle: Bundle, trainer, series: Series, args, retrain) -> tuple[Bundle, object]:
        """`train`, after the run: the model to save and the trainer whose optimizer goes with it. The kept
        model is refitted on all of `series` if `--refit` says so (a fresh model, the same settings and seed,
        as many steps as the run took, its last weights kept), and the band is calibrated with the factors
        measured on the validation part (`trainer.best`, the metrics the model was kept for), so that it held
        80% of the validation steps there; the median is left as it is."""
        best = trainer.best
        if self.refits(series, args) and best:
            bundle, trainer = self.refit(bundle, trainer, series, retrain)
        if best and "band_factors" in best:
            cfg = bundle.cfg
            cfg.band_low, cfg.band_high = (min(conformal.MAX_FACTOR, old * new) for old, new in
                                           zip((cfg.band_low, cfg.band_high), best["band_factors"]))
            bundle.info["band"] = {"valid_coverage_80": best["coverage_80"], "band_low": cfg.band_low,
                                   "band_high": cfg.band_high}
        return bundle, trainer

    def refits(self, series: Series, args) -> bool:
        choice = getattr(args, "refit", "no")
        return choice == "yes" or (choice == "auto" and series.observed < SHORT and not args.valid
                                   and not args.resume)

    def refit(self, bundle: Bundle, trainer, series: Series, retrain):
        """A fresh model of the same settings trained on every step of `series` for `trainer.step` steps; its
        info keeps the validation of the run it repeats (the refit's own scores would be in-sample)."""
        cfg = replace(bundle.cfg, band_low=1.0, band_high=1.0)
        again = replace(trainer.cfg, epochs=None, minutes=None, max_steps=max(1, trainer.step), eval_every=2.0)
        _, valid = self.split(series, trainer.cfg.valid_fraction, trainer.cfg.seed)  # scored once, at the end
        refitted, refitter = retrain(self.name, series, valid, cfg, again)
        refitted.info = {**bundle.info, "refit": {"steps": refitter.step, "minutes": refitted.info["minutes"],
                                                  "rows": series.observed},
                         "minutes": round(bundle.info.get("minutes", 0) + refitted.info["minutes"], 3)}
        return refitted, refitter

    def forecast(self, bundle: Bundle, series: Series) -> pd.DataFrame:
        """Past the end of what is known: the next h steps, from the rows with an empty target at the end of
        the file (their covariates known), or for a model that reads no covariates, new time steps."""
        h, n = bundle.cfg.horizon, series.observed
        if len(series) < n + h:
            if any(c.startswith(COVARIATE) for c in bundle.vocab.itos):
                raise DataError(f"to forecast past the end, the file needs {h} more rows with the covariates and an "
                                f"empty {series.target} (it has {len(series) - n})")
            series = extend(series, n + h)
        q = self.quantiles(bundle, series, np.array([n]))[0]  # (h, Q)
        return pd.DataFrame({"time": series.times[n:n + h], **{f"q{round(100 * p)}": q[:, i]
                                                              for i, p in enumerate(QUANTILES)}})

    def predict(self, bundle: Bundle, text: str) -> pd.DataFrame:
        """`text`: a CSV file's path."""
        return self.forecast(bundle, self.read(text, target=bundle.cfg.target))

    def show(self, text: str, result) -> str:
        return result.to_csv(index=False, float_format="%.4g").rstrip("\n")

    def trace(self, bundle: Bundle, series: Series, origin: int) -> tuple[np.ndarray, Trace, pd.DatetimeIndex]:
        """Look inside one forecast: (h, Q) quantiles, the Trace over the window, and its times."""
        X, d = self.matrix(bundle, series)
        batch = self.windows(bundle, X, d, np.array([origin]))
        with torch.no_grad():
            _, trace = bundle.model.trace(batch["ids"].to(bundle.device))
        C, h = bundle.cfg.context, bundle.cfg.horizon
        return self.quantiles(bundle, series, np.array([origin]), X, d)[0], trace, series.times[origin - C:origin + h]


def mase_scale(history: np.ndarray, season: int) -> float | None:
    """The in-sample MAE of the seasonal naive forecast (naive for a series without a season)."""
    s = max(season, 1)
    if len(history) <= s:
        return None
    scale = float(np.nanmean(np.abs(history[s:] - history[:-s])))
    return scale if scale > 0 else None


def extend(series: Series, length: int) -> Series:
    """The series with empty steps after its known end (calendar only), up to `length` steps."""
    n = series.observed
    alias = frequency_of(series.times[:n], "the series")[1]
    times = pd.date_range(series.times[n - 1], periods=length - n + 1, freq=alias)
    times = series.times[:n].append(times[1:])
    values = np.concatenate([series.values[:n], np.full(length - n, np.nan)])
    return replace(series, times=times, values=values, covariates=pd.DataFrame(index=times),
                   off=None if series.off is None else np.concatenate([series.off[:n], np.zeros(length - n, bool)]))


def write_predictions(found: Forecasts, path: str):
    """One row per forecast step: time, origin, actual, forecast (the median), the quantiles, each baseline."""
    N, h = found.actual.shape
    origin_times = np.repeat(np.asarray(found.times).reshape(N, h)[:, 0], h)
    columns = {"time": found.times, "origin": origin_times, "actual": found.actual.ravel(),
               "forecast": found.median.ravel(),
               **{f"q{round(100 * p)}": found.quantiles[..., i].ravel() for i, p in enumerate(QUANTILES)},
               **{name: f.ravel() for name, f in found.baselines.items()}}
    try:
        pd.DataFrame(columns).to_csv(path, index=False, float_format="%.6g", quoting=csv.QUOTE_MINIMAL)
    except OSError as e:
        raise DataError(f"cannot write {path}: {e.strerror}") from None
