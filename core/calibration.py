"""Conformal calibration of the forecaster's 10-90% band (conformalized quantile regression, Romano, Patterson
& Candès 2019, in its scaled, two-tailed form).

The pinball loss gives quantiles that are right on the training windows; on new ones the band is often too
narrow (the network has fitted its training data). On a calibration window the network never trained on
(the training run's own validation part), each tail's conformity score says how far outside its side of the
band the actual value fell, in units of that side's width:

    s_lo = (q50 - y) / (q50 - q10),    s_hi = (y - q50) / (q90 - q50)

and each side is multiplied by the ceil((n + 1)(1 - tail)) / n empirical quantile of its scores (tail = 0.1).
Then at most one value in ten falls below the new q10 on the calibration window, at most one above the new
q90, and the band holds at least 80% there; on exchangeable new data, at least 80% in expectation. The median
is untouched, so the point forecast and its MAE stay what they were.

    python -m core.calibration MODEL.safetensors DATA.csv --start DATE [--end DATE] [--out CALIBRATED.safetensors]

scores the band on the rolling-origin forecasts from DATE (to END), prints the coverage before and after,
and, with --out, writes the model with the factors in its settings (`band_low`, `band_high`).
"""
import argparse
import dataclasses
import json
import math
import sys

import numpy as np

from .errors import RNNLabError

TAIL = 0.1  # each side of the 10-90% band leaves out this share
MAX_FACTOR = 1000.0  # a side never grows more than this (a zero-width side with a miss would be infinite)
EPS = 1e-9


def conformal_quantile(scores: np.ndarray, level: float) -> float:
    """The ceil((n + 1) level)-th smallest score (the largest where n is too small for that)."""
    s = np.sort(np.asarray(scores, np.float64).ravel())
    k = min(math.ceil((len(s) + 1) * level), len(s))
    return float(s[k - 1])


def factors(quantiles: np.ndarray, actual: np.ndarray) -> tuple[float, float]:
    """quantiles (..., 3) as 10/50/90%, actual (...) with NaN where unknown -> the factors (low, high) that
    each side of the band is multiplied by, from the median out (0 to MAX_FACTOR; 1: as it is)."""
    keep = ~np.isnan(actual)
    lo, mid, hi = (quantiles[..., i][keep] for i in range(3))
    y = actual[keep]
    if not len(y):
        raise RNNLabError("no known values to calibrate the band on")
    below = (mid - y) / np.maximum(mid - lo, EPS)  # (n,) > 1: under the band
    above = (y - mid) / np.maximum(hi - mid, EPS)  # (n,) > 1: over it
    return tuple(float(np.clip(conformal_quantile(s, 1 - TAIL), 0.0, MAX_FACTOR)) for s in (below, above))


def apply(quantiles: np.ndarray, low: float, high: float) -> np.ndarray:
    """(..., 3) quantiles -> the same with each side of the band scaled from the median."""
    if low == 1.0 and high == 1.0:
        return quantiles
    mid = quantiles[..., 1]
    return np.stack([mid - low * (mid - quantiles[..., 0]), mid, mid + high * (quantiles[..., 2] - mid)], -1)


def coverage(quantiles: np.ndarray, actual: np.ndarray) -> float:
    """The share of known values inside the band [q10, q90]."""
    keep = ~np.isnan(actual)
    inside = (quantiles[..., 0] <= actual) & (actual <= quantiles[..., -1])
    return float(inside[keep].mean())


def calibrated(bundle, series, start=None, end=None):
    """The bundle with its band calibrated on the rolling-origin forecasts of `series` from `start` (the
    series' own validation start if None) to `end`, and what was measured: {"before", "after", "band_low",
    "band_high", "steps"}. The factors multiply the ones the model already had."""
    from .tasks import TASKS  # the registry imports the tasks, which import this module

    task = TASKS["forecast"]
    origins = task.origins(bundle, series, start=None if start is None else series.index_of(start))
    if end is not None:
        origins = origins[origins + bundle.cfg.horizon <= series.index_of(end) + 1]
        if not len(origins):
            raise RNNLabError(f"no forecast of {bundle.cfg.horizon} steps fits between {start} and {end}")
    found = task.rolling(bundle, series, origins, with_baselines=False)
    actual = np.where(task.off_steps(series, origins, bundle.cfg.horizon), np.nan, found.actual)  # the off hours are known: left out
    low, high = factors(found.quantiles, actual)
    cfg = dataclasses.replace(bundle.cfg, band_low=bundle.cfg.band_low * low, band_high=bundle.cfg.band_high * high)
    model = type(bundle.model)(cfg)
    model.load_state_dict(bundle.model.state_dict())
    out = dataclasses.replace(bundle, model=model.to(bundle.device).eval())
    return out, {"before": coverage(found.quantiles, actual), "after": coverage(apply(found.quantiles, low, high), actual),
                 "band_low": cfg.band_low, "band_high": cfg.band_high, "steps": int((~np.isnan(actual)).sum())}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m core.calibration", description=__doc__.split("\n\n")[0])
    parser.add_argument("model")
    parser.add_argument("data")
    parser.add_argument("--start", help="the first forecast origin of the calibration window (default: the last 10%%)")
    parser.add_argument("--end", help="the last step a calibration forecast may reach (default: the series' end)")
    parser.add_argument("--out", help="write the calibrated model here (.safetensors)")
    parser.add_argument("--half", action="store_true", help="store the weights as float16")
    args = parser.parse_args(argv)
    from .checkpoint import load_checkpoint, save_checkpoint
    from .tasks import TASKS

    try:
        bundle = load_checkpoint(args.model, task="forecast")
        series = TASKS["forecast"].read(args.data, target=bundle.cfg.target)
        out, measured = calibrated(bundle, series, args.start, args.end)
        if args.out:
            import torch
            out.info = {**out.info, "calibration": {**measured, "data": args.data, "start": args.start, "end": args.end}}
            save_checkpoint(out, args.out, torch.float16 if args.half else None)
    except RNNLabError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(json.dumps(measured))
    return 0


if __name__ == "__main__":
    sys.exit(main())
