"""Calibrate a forecaster's 10-90% band on a window of a series (`conformal`: conformalized quantile
regression; the median, and so the point forecast, unchanged). `python -m core calibrate` runs it on a file."""
import dataclasses

import numpy as np

from core.errors import RNNLabError
from core.tasks.forecast.task import ForecastTask, conformal


def calibrated(bundle, series, start=None, end=None):
    """The bundle with its band calibrated on the rolling-origin forecasts of `series` from `start` (the
    series' own validation start if None) to `end`, and what was measured: {"before", "after", "band_low",
    "band_high", "steps"}. The factors multiply the ones the model already had."""
    task = ForecastTask()
    origins = task.origins(bundle, series, start=None if start is None else series.index_of(start))
    if end is not None:
        origins = origins[origins + bundle.cfg.horizon <= series.index_of(end) + 1]
        if not len(origins):
            raise RNNLabError(f"no forecast of {bundle.cfg.horizon} steps fits between {start} and {end}")
    found = task.rolling(bundle, series, origins, with_baselines=False)
    off = task.off_steps(series, origins, bundle.cfg.horizon)  # (N, h) known in advance: left out
    actual = np.where(off, np.nan, found.actual)
    low, high = conformal.factors(found.quantiles, actual)
    cfg = dataclasses.replace(bundle.cfg, band_low=bundle.cfg.band_low * low, band_high=bundle.cfg.band_high * high)
    model = type(bundle.model)(cfg)
    model.load_state_dict(bundle.model.state_dict())
    out = dataclasses.replace(bundle, model=model.to(bundle.device).eval())
    after = conformal.apply(found.quantiles, low, high)
    return out, {"before": conformal.coverage(found.quantiles, actual), "after": conformal.coverage(after, actual),
                 "band_low": cfg.band_low, "band_high": cfg.band_high, "steps": int((~np.isnan(actual)).sum())}
