"""`python -m core calibrate MODEL DATA --start DATE [--end DATE] [--out CALIBRATED] [--half]`: a saved
forecaster's 10-90% band calibrated on the rolling-origin forecasts from DATE (to END); prints the coverage
before and after as JSON, and with --out writes the model with the factors in its settings (`band_low`,
`band_high`). The median, and so the point forecast, is unchanged."""
import json

import torch

from core.checkpoint import load_checkpoint, save_checkpoint
from core.tasks.forecast.calibrate import calibrated
from core.tasks.registry import TASKS


def add_parser(commands):
    parser = commands.add_parser("calibrate", help="calibrate a forecaster's 10-90%% band on a window of a series",
                                 description=__doc__.split("\n", 1)[1].replace("\n", " "))
    parser.add_argument("model")
    parser.add_argument("data")
    parser.add_argument("--start", help="the first forecast origin of the calibration window (default: the last 10%%)")
    parser.add_argument("--end", help="the last step a calibration forecast may reach (default: the series' end)")
    parser.add_argument("--out", help="write the calibrated model here (.safetensors)")
    parser.add_argument("--half", action="store_true", help="store the weights as float16")


def run(args) -> int:
    bundle = load_checkpoint(args.model, task="forecast")
    series = TASKS["forecast"].read(args.data, target=bundle.cfg.target)
    out, measured = calibrated(bundle, series, args.start, args.end)
    if args.out:
        window = {"data": args.data, "start": args.start, "end": args.end}
        out.info = {**out.info, "calibration": {**measured, **window}}
        save_checkpoint(out, args.out, torch.float16 if args.half else None)
    print(json.dumps(measured))
    return 0
