"""RNN vs LSTM vs GRU on "which letter came first?" at a long delay: accuracy on fresh sequences and how
much gradient reaches the first step (‖∂L/∂h_1‖ / ‖∂L/∂h_T‖), with the same settings, data and seed for
every cell. Needs no data files.

    python benchmarks/memory.py                      # the table, delay 50
    python benchmarks/memory.py --json               # one line of JSON
    python benchmarks/memory.py --sweep --out models/memory-accuracy.json   # accuracy against the delay
"""
import argparse
import json
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from core.lessons.gate_race import Race, RaceConfig  # noqa: E402

SWEEP = (10, 20, 50, 100, 200)


def race(args, delay: int) -> tuple[Race, float]:
    cfg = RaceConfig(delay=delay, hidden=args.hidden, lr=args.lr, batch_size=args.batch_size,
                     max_steps=args.steps, clip=args.clip or None, rnn_radius=args.radius,
                     gate_bias=args.gate_bias, seed=args.seed, eval_every=max(1, args.steps // 10))
    start = time.perf_counter()
    r = Race(cfg)
    r.run()
    return r, time.perf_counter() - start


def cells(r: Race) -> dict:
    return {cell: {"accuracy": round(res["accuracy"], 4), "grad_ratio": float(f"{res['grad_ratio']:.3e}"),
                   "grad_ratio_init": float(f"{res['grad_ratio_init']:.3e}"), "diverged": res["diverged"]}
            for cell, res in r.results().items()}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--delay", type=int, default=50)
    p.add_argument("--hidden", type=int, default=64)
    p.add_argument("--steps", type=int, default=1000, help="training steps, the same for every cell")
    p.add_argument("--lr", type=float, default=RaceConfig.lr)
    p.add_argument("--batch-size", type=int, default=RaceConfig.batch_size)
    p.add_argument("--clip", type=float, default=1.0, help="gradient-norm clipping (0: off)")
    p.add_argument("--radius", type=float, default=None,
                   help="the RNN's initial W_hh spectral radius (default: torch's initialisation, about 0.58)")
    p.add_argument("--gate-bias", type=float, default=RaceConfig.gate_bias)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--json", action="store_true", help="print one line of JSON instead of the table")
    p.add_argument("--sweep", action="store_true", help=f"every delay of {SWEEP}; --out writes the table")
    p.add_argument("--out", type=Path, help="with --sweep: write the accuracy-against-delay JSON here")
    args = p.parse_args(argv)
    torch.set_num_threads(args.threads)

    if args.sweep:
        points = []
        for delay in SWEEP:
            r, seconds = race(args, delay)
            points.append({"delay": delay, "seconds": round(seconds, 1), "cells": cells(r)})
            print(json.dumps(points[-1]), flush=True)
        table = {"task": r.task.name, "chance": r.task.chance, "hidden": args.hidden, "steps": args.steps,
                 "radius": args.radius, "gate_bias": args.gate_bias,
                 "seed": args.seed, "command": "python benchmarks/memory.py --sweep " + " ".join(
                     f"--{k.replace('_', '-')} {getattr(args, k)}" for k in ("hidden", "steps", "lr", "radius", "seed")
                     if getattr(args, k) is not None),
                 "points": points}
        if args.out:
            args.out.write_text(json.dumps(table, indent=1) + "\n")
        return

    r, seconds = race(args, args.delay)
    result = cells(r)
    if args.json:
        print(json.dumps({"task": r.task.name, "delay": args.delay, "cells": result, "hidden": args.hidden,
                          "steps": args.steps, "seed": args.seed, "chance": r.task.chance,
                          "seconds": round(seconds, 1)}))
        return
    print(f"task: which letter came first, delay {args.delay}, hidden {args.hidden}, {args.steps} steps of "
          f"batch {args.batch_size}, seed {args.seed}, chance {r.task.chance:.2f}; {seconds:.0f} s")
    print("| cell | accuracy | ‖∂L/∂h_1‖ / ‖∂L/∂h_T‖ at init | after training |")
    print("| --- | ---: | ---: | ---: |")
    for cell, res in result.items():
        note = f" (stopped: {res['diverged']})" if res["diverged"] else ""
        print(f"| {cell.upper()} | {res['accuracy']:.3f}{note} | {res['grad_ratio_init']:.1e} | {res['grad_ratio']:.1e} |")


if __name__ == "__main__":
    main()
