"""Training throughput with 1 and N processes under torchrun (DistributedDataParallel).

    python benchmarks/distributed.py [--processes 1 2] [--device cpu] [--steps 60]

Trains the same LSTM language model with `torchrun --standalone --nproc-per-node N -m core train lm` and
prints tokens/s over the whole run (global batch = batch size × N; evaluation included), read from the
checkpoint the run wrote. Reads ../shared/data/tinyshakespeare when present, else a generated text.
"""
import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from core.checkpoint import load_checkpoint  # noqa: E402

SHAKESPEARE = ROOT.parent / "shared" / "data" / "tinyshakespeare" / "input.txt"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    p.add_argument("--device", default="cpu")
    p.add_argument("--steps", type=int, default=60)
    p.add_argument("--hidden", type=int, default=256)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--seq-len", type=int, default=100)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        text = SHAKESPEARE.read_text()[:300_000] if SHAKESPEARE.exists() else "To be, or not to be. " * 15_000
        data = Path(tmp) / "text.txt"
        data.write_text(text)
        print("| processes | device | H | batch per process | steps | tokens/s | speed-up |")
        print("| ---: | --- | ---: | ---: | ---: | ---: | ---: |")
        base = None
        for n in args.processes:
            out = Path(tmp) / f"m{n}.safetensors"
            command = [sys.executable, "-m", "torch.distributed.run", "--standalone", f"--nproc-per-node={n}",
                       "-m", "core", "train", "lm", "--data", str(data), "--out", str(out), "--device", args.device,
                       "--max-steps", str(args.steps), "--hidden", str(args.hidden),
                       "--batch-size", str(args.batch), "--seq-len", str(args.seq_len)]
            subprocess.run(command, check=True, cwd=ROOT, capture_output=True)
            info = load_checkpoint(out).info
            rate = info["steps"] * args.batch * args.seq_len * n / (info["minutes"] * 60)
            base = base or rate
            print(f"| {n} | {args.device} | {args.hidden} | {args.batch} | {info['steps']} | {rate:,.0f} | "
                  f"{rate / base:.2f} |")


if __name__ == "__main__":
    main()
