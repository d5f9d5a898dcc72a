"""Speed of the engine: training throughput against torch's own kernels, trace and sampling latency.

    python benchmarks/speed.py [--device cuda] [--hidden 256 --batch 32 --steps 100 --repeats 5]

Prints one table. Training: forward + backward + AdamW step on random tokens, H hidden units,
B sequences of T steps; `ratio` is Recurrent's tokens/s over the raw nn.RNN/LSTM/GRU's (1.00: no overhead).
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere: the repo's core
from core import ModelConfig, sample  # noqa: E402
from core.device import describe, pick_device  # noqa: E402
from core.models import build_model  # noqa: E402
from core.rnn import FUSED, Recurrent  # noqa: E402
from core.vocab import Vocab  # noqa: E402


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
    p.add_argument("--hidden", type=int, default=256)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--steps", type=int, default=100, help="sequence length T")
    p.add_argument("--repeats", type=int, default=5, help="timed training steps per round")
    p.add_argument("--rounds", type=int, default=3, help="alternating rounds (engine, raw) per cell")
    args = p.parse_args()
    device = pick_device(args.device)
    H, B, T = args.hidden, args.batch, args.steps
    print(f"device: {describe(device)}; torch {torch.__version__}")
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

    print("\n| latency | ms |")
    print("| --- | ---: |")
    for cell in ("lstm", "gru"):
        rnn = Recurrent(cell, 512, 512, num_layers=2).to(device).eval()
        x = torch.randn(1, 1000, 512, device=device)
        times = []
        with torch.no_grad():
            for _ in range(5):
                sync(device)
                start = time.perf_counter()
                rnn.trace(x)
                sync(device)
                times.append(time.perf_counter() - start)
        print(f"| trace, one 1,000-step sequence, 2×512 {cell.upper()} | {1000 * statistics.median(times[1:]):.0f} |")

    vocab = Vocab([chr(c) for c in range(32, 127)] + ["\n"], specials=False)
    model = build_model(ModelConfig(task="lm", vocab_size=len(vocab), hidden_size=512, num_layers=2)).to(device)
    times = []
    for seed in range(3):
        sync(device)
        start = time.perf_counter()
        text = "".join(sample(model, vocab, "ROMEO:", 1000, generator=torch.Generator().manual_seed(seed)))
        sync(device)
        times.append(time.perf_counter() - start)
        assert len(text) == 1000
    print(f"| sample 1,000 characters, 2×512 LSTM | {1000 * statistics.median(times):.0f} |")


if __name__ == "__main__":
    main()
