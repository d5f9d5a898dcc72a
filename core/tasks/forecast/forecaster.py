"""The forecaster: a window of the past and the known future in, the next `horizon` values' quantiles out.

One recurrent network reads `context` past steps and then the `horizon` forecast steps as one sequence
(a decoder in the same network, not autoregressive): each step's input is the target (masked to 0 in
the forecast steps, with a `known` flag saying so), the target one season-multiple back (always known,
the lag is at least the horizon), the calendar and the covariates (for the forecast steps, the weather of
those hours: a stand-in for a weather forecast). The head gives the 10/50/90% quantiles at each
forecast step, trained with the pinball loss.

The target is forecast after an optional log and seasonal difference (`Transform`); the scaling of every
input channel and of the target is fitted on the training rows only and kept as buffers, so a
checkpoint carries it.
"""
import math

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
from torch import Tensor, nn

from core.config import ModelConfig
from core.nn.rnn import Recurrent, Trace

QUANTILES = (0.1, 0.5, 0.9)
TARGET, KNOWN, LAG, CALENDAR, COVARIATE = "y:", "known", "lag:", "cal:", "x:"  # channel names (+ target, lag, ...)
CALENDAR_FEATURES = {  # name -> (function of the times, period)
    "hour": (lambda t: t.hour, 24), "dow": (lambda t: t.day_of_week, 7), "doy": (lambda t: t.day_of_year - 1, 365.25),
    "woy": (lambda t: t.isocalendar().week.to_numpy() - 1, 52.18), "month": (lambda t: t.month - 1, 12),
    "quarter": (lambda t: t.quarter - 1, 4),
}


class Transform:
    """y -> z = log(y) (optional) -> d_t = z_t - z_{t-s} (optional seasonal difference), and back."""

    def __init__(self, cfg: ModelConfig):
        self.log, self.season = "log" in cfg.transform, cfg.season if "diff" in cfg.transform else 0

    def forward(self, y: np.ndarray) -> np.ndarray:
        """(T,) values -> (T,) what the network forecasts (NaN where it cannot be computed)."""
        z = self.level(y)
        if not self.season:
            return z
        d = np.full_like(z, np.nan)
        d[self.season:] = z[self.season:] - z[:-self.season]
        return d

    def level(self, y: np.ndarray) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.log(y) if self.log else y.astype(np.float64)

    def inverse(self, d: np.ndarray, history: np.ndarray) -> np.ndarray:
        """d (N, h, Q) forecasts from N origins, history (N, s) the last s levels z before each origin ->
        (N, h, Q) values. Each quantile is integrated on its own path (as if the errors of the seasons
        moved together: for h > s the band is the wider for it, never the narrower)."""
        z = d.copy()
        if self.season:
            s = self.season
            for k in range(d.shape[1]):
                z[:, k] += history[:, k - s][:, None] if k < s else z[:, k - s]
        return np.exp(z) if self.log else z


def calendar(times: pd.DatetimeIndex, names: list[str]) -> dict[str, np.ndarray]:
    """Each feature as a sine and a cosine of its phase: `cal:hour_sin`, `cal:hour_cos`, ..."""
    out = {}
    for name in names:
        fn, period = CALENDAR_FEATURES[name]
        phase = 2 * math.pi * np.asarray(fn(times), dtype=np.float64) / period
        out[f"{CALENDAR}{name}_sin"], out[f"{CALENDAR}{name}_cos"] = np.sin(phase), np.cos(phase)
    return out


def features(channels: list[str], times: pd.DatetimeIndex, d: np.ndarray, covariates: pd.DataFrame) -> np.ndarray:
    """The input channels, by name, at every step -> (T, F) float32, NaN where unknown. Causal: row t holds
    d_t, d_{t-lag}, the calendar at t and the covariates at t, nothing later."""
    T = len(times)
    cal = calendar(times, sorted({c[len(CALENDAR):].rsplit("_", 1)[0] for c in channels if c.startswith(CALENDAR)}))
    out = np.empty((T, len(channels)), np.float32)
    for j, name in enumerate(channels):
        if name.startswith(TARGET):
            out[:, j] = d
        elif name == KNOWN:
            out[:, j] = 1.0
        elif name.startswith(LAG):
            lag = int(name[len(LAG):])
            out[:, j] = np.nan
            out[lag:, j] = d[:-lag]
        elif name.startswith(CALENDAR):
            out[:, j] = cal[name]
        else:
            out[:, j] = covariates[name[len(COVARIATE):]].to_numpy(np.float64)
    return out


class Forecaster(nn.Module):
    """ids: the input windows (B, C + h, F), unscaled, NaN where unknown -> (B, h, Q) quantiles of the
    transformed target, and the pinball loss against `targets` (B, h) where `mask` (B, h) holds."""

    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.cfg = cfg
        n = cfg.vocab_size  # the input channels (their names are the checkpoint's vocabulary)
        self.register_buffer("shift", torch.zeros(n))
        self.register_buffer("scale", torch.ones(n))
        self.register_buffer("y_shift", torch.zeros(1))
        self.register_buffer("y_scale", torch.ones(1))
        self.rnn = Recurrent(cfg.cell, n, cfg.hidden_size, cfg.num_layers, dropout=cfg.dropout)
        self.drop = nn.Dropout(cfg.dropout)
        self.head = nn.Linear(cfg.hidden_size, len(QUANTILES))
        nn.init.zeros_(self.head.weight)  # it starts at the training mean of the transformed target: with
        nn.init.zeros_(self.head.bias)  # a seasonal difference, the seasonal naive forecast plus the drift

    def scaled(self, x: Tensor) -> Tensor:
        """(B, T, F) -> standardised channels; unknown (NaN) inputs read as 0, the training mean."""
        return torch.nan_to_num((x - self.shift) / self.scale, nan=0.0)

    def quantiles(self, out: Tensor) -> Tensor:
        """(B, h, H) states of the forecast steps -> (B, h, 3) scaled quantiles, in order by construction."""
        raw = self.head(self.drop(out))
        mid = raw[..., 1]
        return torch.stack([mid - F.softplus(raw[..., 0]), mid, mid + F.softplus(raw[..., 2])], -1)

    def forward(self, ids, targets=None, lengths=None, mask=None):
        out, _ = self.rnn(self.drop(self.scaled(ids)))  # (B, C + h, H)
        q = self.quantiles(out[:, -self.cfg.horizon:])  # (B, h, Q)
        loss = None if targets is None else pinball(q, (targets - self.y_shift) / self.y_scale, mask)
        return q * self.y_scale + self.y_shift, loss

    def trace(self, ids, lengths=None) -> tuple[Tensor, Trace]:
        trace = self.rnn.trace(self.scaled(ids))
        return self.quantiles(trace.outputs[:, -self.cfg.horizon:]) * self.y_scale + self.y_shift, trace


def pinball(q: Tensor, y: Tensor, mask: Tensor | None) -> Tensor:
    """Mean quantile loss: q (B, h, Q), y (B, h) scaled, over the steps where mask holds (and y is known)."""
    keep = ~torch.isnan(y) if mask is None else mask & ~torch.isnan(y)
    e = torch.nan_to_num(y)[..., None] - q  # (B, h, Q)
    tau = torch.tensor(QUANTILES, device=q.device, dtype=q.dtype)
    loss = torch.maximum(tau * e, (tau - 1) * e).mean(-1)  # (B, h)
    return (loss * keep).sum() / keep.sum().clamp_min(1)
