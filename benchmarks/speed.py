"""Speed of the engine: training throughput against torch's own kernels, trace and sampling latency.

    python benchmarks/speed.py [--device cuda] [--threads 1] [--hidden 256 --batch 32 --steps 100 --repeats 5]

Prints two tables. Training: forward + backward + AdamW step on random tokens, H hidden units,
B sequences of T steps; `ratio` is Recurrent's tokens/s over the raw nn.RNN/LSTM/GRU's (1.00: no overhead).
Latency: the shipped character LM (models/char-shakespeare.safetensors, a 2×512 LSTM; a random one of
that shape when the file is missing) and a random 2×512 GRU LM, 1,000 characters each: the fused forward
pass, `trace`, and sampling, each also as a multiple of the fused pass in the same run (median of
alternating rounds); "before" rows are the slower paths the fast ones are tested against.
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere: the repo's core
from core.checkpoint import load_checkpoint
from core.config import ModelConfig  # noqa: E402
from core.decoding.generate import sample
from core.nn.rnn import FUSED, Recurrent  # noqa: E402
from core.tasks.registry import build_model  # noqa: E402
from core.text.vocab import Vocab  # noqa: E402
from core.training.device import describe, pick_device  # noqa: E402

SHIPPED = Path(__file__).resolve().parent.parent / "models" / "char-shakespeare.safetensors"


def sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize()


def train_tokens_per_s(module, x, device, iterations) -> float:
    """Median tokens/s over `iterations` timed steps after two warm-ups."""
    opt = torch.optim.AdamW(module.parameters(), lr=1e-3)
    times = []
    for i in range(iterations + 2):
        sync(device)
        start = time.perf_counter()
        out, _ = module(x)
        out.float().pow(2).mean().backward()
        opt.step()
        opt.zero_grad(set_to_none=True)
        sync(device)
        if i >= 2:
            times.append(time.perf_counter() - start)
    return x.shape[0] * x.shape[1] / statistics.median(times)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--device")
    p.add_argument("--threads", type=int, default=1, help="torch threads on the CPU (1: steadier on a busy machine)")
    p.add_argument("--hidden", type=int, default=256)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--steps", type=int, default=100, help="sequence length T")
    p.add_argument("--repeats", type=int, default=5, help="timed training steps per round")
    p.add_argument("--rounds", type=int, default=3, help="alternating rounds (engine, raw) per cell")
    p.add_argument("--latency-rounds", type=int, default=5, help="alternating rounds of the latency runs")
    args = p.parse_args()
    device = pick_device(args.device)
    torch.set_num_threads(args.threads)
    H, B, T = args.hidden, args.batch, args.steps
    print(f"device: {describe(device)}; torch {torch.__version__}; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores")
    print(f"\n| training, H={H} B={B} T={T} | raw torch tokens/s | Recurrent tokens/s | ratio |")
    print("| --- | ---: | ---: | ---: |")
    for cell in ("rnn", "lstm", "gru"):
        torch.manual_seed(0)
        engine = Recurrent(cell, H, H).to(device)
        raw = FUSED[cell](H, H, batch_first=True).to(device)
        x = torch.randn(B, T, H, device=device)
        ours, theirs = [], []
        for _ in range(args.rounds):  # alternate, so drift in machine load hits both alike
            theirs.append(train_tokens_per_s(raw, x, device, args.repeats))
            ours.append(train_tokens_per_s(engine, x, device, args.repeats))
        a, b = statistics.median(theirs), statistics.median(ours)
        print(f"| {cell.upper()} | {a:,.0f} | {b:,.0f} | {b / a:.2f} |")

    latency(device, args.latency_rounds)


def char_lm(cell: str, device):
    """(model, vocab, name): the shipped LSTM for "lstm" when it is there, else a random 2×512 LM."""
    if cell == "lstm" and SHIPPED.exists():
        bundle = load_checkpoint(SHIPPED, device=device)
        return bundle.model, bundle.vocab, "shipped 2×512 LSTM"
    vocab = Vocab([chr(c) for c in range(32, 127)] + ["\n"], specials=False)
    torch.manual_seed(0)
    cfg = ModelConfig(task="lm", cell=cell, vocab_size=len(vocab), hidden_size=512, num_layers=2)
    return build_model(cfg).to(device).eval(), vocab, f"random 2×512 {cell.upper()}"


def seconds(run, device) -> tuple[float, float]:
    """Wall-clock and CPU seconds of run(): the CPU time (this process's, all threads) leaves out the time
    spent waiting for a core, so it is the steadier of the two when other work shares the machine."""
    sync(device)
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    sync(device)
    return time.perf_counter() - wall, time.process_time() - cpu


def latency(device, rounds: int):
    """ms for 1,000 characters, and each as a multiple of the fused forward pass measured alongside
    (wall clock, and CPU time on the CPU)."""
    print("\n| latency, 1,000 characters | ms | × fused forward | CPU ms | × fused, CPU time |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for cell in ("lstm", "gru"):
        model, vocab, name = char_lm(cell, device)
        ids = torch.randint(len(vocab), (1, 1000), generator=torch.Generator().manual_seed(0)).to(device)

        def write(fused=False):
            gen = torch.Generator().manual_seed(0)
            assert len("".join(sample(model, vocab, "ROMEO:", 1000, generator=gen, fused=fused))) == 1000

        def replay():
            return model.head(model.rnn.replay(model.embed(ids)).outputs)

        runs = {"fused forward (`model.step`)": lambda: model.step(ids), "`trace`": lambda: model.trace(ids),
                "`trace` before: step by step (`replay`)": replay}
        if cell == "lstm":
            runs |= {"sample": write, "sample before: fused kernel a step at a time": lambda: write(True)}
        times = {what: [] for what in runs}
        with torch.no_grad():
            for run in runs.values():  # warm-up
                run()
            for _ in range(rounds):  # alternate, so drift in machine load hits all alike
                for what, run in runs.items():
                    times[what].append(seconds(run, device))
        medians = {what: [statistics.median(t) for t in zip(*ts)] for what, ts in times.items()}  # wall, cpu
        fused = medians["fused forward (`model.step`)"]
        for what, (wall, cpu) in medians.items():
            print(f"| {name}: {what} | {1000 * wall:,.0f} | {wall / fused[0]:.1f} | {1000 * cpu:,.0f} "
                  f"| {cpu / fused[1]:.1f} |")


if __name__ == "__main__":
    main()
