"""Calibrate a saved forecaster's 10-90% band on a window of a series (`core.conformal`: conformalized
quantile regression; the median, and so the point forecast, unchanged).

    python -m core.calibrate MODEL.safetensors DATA.csv --start DATE [--end DATE] [--out CALIBRATED.safetensors] [--half]

scores the band on the rolling-origin forecasts from DATE (to END), prints the coverage before and after as
JSON, and with --out writes the model with the factors in its settings (`band_low`, `band_high`).
"""
import argparse
import dataclasses
import json
import sys

import numpy as np
import torch

from . import conformal
from .checkpoint import load_checkpoint, save_checkpoint
from .errors import RNNLabError
from .tasks import TASKS


def calibrated(bundle, series, start=None, end=None):
    """The bundle with its band calibrated on the rolling-origin forecasts of `series` from `start` (the
    series' own validation start if None) to `end`, and what was measured: {"before", "after", "band_low",
    "band_high", "steps"}. The factors multiply the ones the model already had."""
    task = TASKS["forecast"]
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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m core.calibrate", description=__doc__.split("\n\n")[0])
    parser.add_argument("model")
    parser.add_argument("data")
    parser.add_argument("--start", help="the first forecast origin of the calibration window (default: the last 10%%)")
    parser.add_argument("--end", help="the last step a calibration forecast may reach (default: the series' end)")
    parser.add_argument("--out", help="write the calibrated model here (.safetensors)")
    parser.add_argument("--half", action="store_true", help="store the weights as float16")
    args = parser.parse_args(argv)
    try:
        bundle = load_checkpoint(args.model, task="forecast")
        series = TASKS["forecast"].read(args.data, target=bundle.cfg.target)
        out, measured = calibrated(bundle, series, args.start, args.end)
        if args.out:
            window = {"data": args.data, "start": args.start, "end": args.end}
            out.info = {**out.info, "calibration": {**measured, **window}}
            save_checkpoint(out, args.out, torch.float16 if args.half else None)
    except RNNLabError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(json.dumps(measured))
    return 0


if __name__ == "__main__":
    sys.exit(main())
