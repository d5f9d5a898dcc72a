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

A training run calibrates its model on its validation part (`ForecastTask.finish`); `python -m core calibrate`
calibrates a saved model on a window of one's choosing.
"""
import math

import numpy as np

from core.errors import RNNLabError

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
