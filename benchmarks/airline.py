"""The airline passengers measurement of issue 14: fit on 1949-1958, forecast 1959-1960, seeds 0-4.

For each seed it runs the issue's command, the forecaster's other settings at their defaults,

    python -m core train forecast --data FIRST_120_MONTHS.csv --horizon 24 --minutes 1 --threads 1 --seed S --out M

and scores the saved model on the 24 months after them (`evaluate --start 1959-01`), beside Holt-Winters,
SARIMA(0,1,1)(0,1,1)12 on the log and the seasonal naive fitted on the same 120 months. The band's coverage is
given as trained and as calibrated (the run calibrates it on its own validation months, 1957-58).

    OMP_NUM_THREADS=1 python benchmarks/airline.py [--data ../shared/data/airline/airline-passengers.csv]
        [--seeds 0,1,2,3,4] [--backtest] [-- EXTRA TRAIN OPTIONS]

`--backtest` scores the same command where the defaults were chosen, never on 1959-60: fit on the first 72, 84
and 96 months and forecast the 24 after each (1955-56, 1956-57, 1957-58).

The 1-minute budget makes a run depend on how busy the CPU is; the load average is printed with the table.
"""
import argparse
import dataclasses
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from core.checkpoint import load_checkpoint  # noqa: E402
from core.tasks.registry import TASKS  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "airline" / "airline-passengers.csv"
MONTHS = 120  # 1949-1958; scored on the 24 months after
BACKTEST = (72, 84, 96)
BASELINES = ("holt_winters", "sarima", "seasonal_naive")


def first_months(data: Path, out: Path, n: int = MONTHS) -> Path:
    lines = data.read_text().splitlines()
    out.write_text("\n".join(lines[: n + 1]) + "\n")  # the header and n months
    return out


def train(first: Path, model: Path, seed: int, extra: list[str]) -> str:
    command = [sys.executable, "-m", "core", "train", "forecast", "--data", str(first), "--horizon", "24",
               "--minutes", "1", "--threads", "1", "--seed", str(seed), "--out", str(model), *extra]
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"seed {seed}: the training command failed:\n{done.stderr[-2000:]}")
    return " ".join(command[1:])


def score(model: Path, data: Path, months: int) -> dict:
    """The saved model's forecast of the 24 months after the first `months`, as trained and calibrated."""
    task = TASKS["forecast"]
    bundle = load_checkpoint(model, task="forecast")
    series = task.read(str(data), target=bundle.cfg.target).head(months + 24)
    start = str(series.times[months].date())
    calibrated = task.evaluate(bundle, series, start=start)
    raw = dataclasses.replace(bundle.cfg, band_low=1.0, band_high=1.0)
    model_raw = type(bundle.model)(raw)
    model_raw.load_state_dict(bundle.model.state_dict())
    as_trained = task.evaluate(dataclasses.replace(bundle, model=model_raw.eval()), series, start=start)
    return {"rmse": calibrated["rmse"], "coverage": as_trained["coverage_80"],
            "coverage_calibrated": calibrated["coverage_80"], "steps": bundle.info.get("steps"),
            "minutes": bundle.info.get("minutes"), "valid_rmse": bundle.info.get("valid", {}).get("rmse"),
            "baselines": {name: calibrated[name]["rmse"] for name in BASELINES if name in calibrated}}


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--seeds", default="0,1,2,3,4")
    parser.add_argument("--json", action="store_true", help="also print every run as a JSON line")
    parser.add_argument("--backtest", action="store_true", help="fit on 72, 84 and 96 months instead (how the "
                        "defaults were chosen)")
    args = parser.parse_args(argv[: argv.index("--")] if "--" in argv else argv)
    if not args.data.exists():
        raise SystemExit(f"{args.data} not found (the airline passengers, ../shared/data/airline/)")
    seeds = [int(s) for s in args.seeds.split(",")]
    if args.backtest:
        return backtest(args.data, seeds, extra, args.json)
    rows, load = [], []
    with tempfile.TemporaryDirectory() as tmp:
        first = first_months(args.data, Path(tmp) / "first_120_months.csv")
        for seed in seeds:
            model = Path(tmp) / f"air{seed}.safetensors"
            start = time.time()
            command = train(first, model, seed, extra)
            load.append(os.getloadavg()[0])
            row = {"seed": seed, **score(model, args.data, MONTHS), "wall_s": round(time.time() - start, 1)}
            rows.append(row)
            if args.json:
                print(json.dumps(row), flush=True)
    shown = command.replace(str(first), "FIRST_120_MONTHS.csv").rsplit(" --seed", 1)[0]
    print(f"command: python {shown} --seed S{''.join(' ' + x for x in extra)}")
    print(f"load average (1 min) after each run: {', '.join(f'{x:.1f}' for x in load)} on {os.cpu_count()} cores\n")
    print("| seed | steps | valid RMSE 1957-58 | test RMSE 1959-60 | band held (as trained → calibrated) |")
    print("| ---: | ---: | ---: | ---: | --- |")
    for r in rows:
        print(f"| {r['seed']} | {r['steps']:,} | {r['valid_rmse']:.1f} | {r['rmse']:.1f} | "
              f"{r['coverage']:.0%} → {r['coverage_calibrated']:.0%} |")
    rmse = [r["rmse"] for r in rows]
    spread = statistics.stdev(rmse) if len(rmse) > 1 else 0.0
    print(f"\nmodel: RMSE mean {statistics.mean(rmse):.1f}, sd {spread:.1f}, {min(rmse):.1f} to {max(rmse):.1f}; "
          f"{sum(x <= 43 for x in rmse)} of {len(rmse)} at most 43")
    for name, value in rows[0]["baselines"].items():
        print(f"{name}: RMSE {value:.1f}")
    cov, cal = (statistics.mean(r[k] for r in rows) for k in ("coverage", "coverage_calibrated"))
    print(f"10-90% band on 1959-60, mean over seeds: {cov:.0%} as trained, {cal:.0%} calibrated")
    return 0


def backtest(data: Path, seeds: list[int], extra: list[str], as_json: bool) -> int:
    """RMSE of the 24 months after each of BACKTEST's cuts, per seed, beside the baselines."""
    print("| fit on | forecast | model RMSE, seeds " + "/".join(map(str, seeds)) + " | mean | Holt-Winters | SARIMA |")
    print("| --- | --- | --- | ---: | ---: | ---: |")
    means = []
    with tempfile.TemporaryDirectory() as tmp:
        for months in BACKTEST:
            first = first_months(data, Path(tmp) / f"first_{months}_months.csv", months)
            found = []
            for seed in seeds:
                model = Path(tmp) / f"air{months}_{seed}.safetensors"
                train(first, model, seed, extra)
                found.append(score(model, data, months))
                if as_json:
                    print(json.dumps({"months": months, "seed": seed, **found[-1]}), flush=True)
            rmse = [f["rmse"] for f in found]
            means.append(statistics.mean(rmse))
            years = 1949 + months // 12
            b = found[0]["baselines"]
            print(f"| {months} months | {years}-{years + 1 - 1900:02d} | {' / '.join(f'{x:.1f}' for x in rmse)} | "
                  f"{means[-1]:.1f} | {b.get('holt_winters', float('nan')):.1f} | {b.get('sarima', float('nan')):.1f} |")
    print(f"\nmean over the backtests: {statistics.mean(means):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
