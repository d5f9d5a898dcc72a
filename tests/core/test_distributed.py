"""`python -m core train` under torchrun: two CPU processes (gloo) train one model with DDP."""
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.checkpoint import load_checkpoint
from core.decoding.generate import sample

WORKER = Path(__file__).with_name("ddp_worker.py")


def torchrun(tmp_path, *args, **env):
    command = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc-per-node", "2",
               str(WORKER), *map(str, args)]
    environ = {**os.environ, "REPORT_DIR": str(tmp_path), "PYTHONPATH": os.getcwd(), **env}
    return subprocess.run(command, capture_output=True, text=True, timeout=240, env=environ)


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "text.txt"
    path.write_text("To be, or not to be: that is the question.\n" * 100)
    return path


def test_two_processes_train_one_model(tmp_path, corpus):
    out = tmp_path / "model.safetensors"
    result = torchrun(tmp_path, "train", "lm", "--data", corpus, "--out", out, "--max-steps", 20, "--hidden", 16,
                      "--batch-size", 4, "--seq-len", 16, "--device", "cpu")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "× 2 processes" in result.stderr and result.stdout.count("saved") == 1  # rank 0 alone reports
    checksums = [(tmp_path / f"rank{r}.txt").read_text() for r in (0, 1)]
    assert checksums[0] == checksums[1]  # both ranks ran and hold identical parameters
    bundle = load_checkpoint(out, task="lm")
    assert bundle.info["processes"] == 2
    assert len("".join(sample(bundle.model, bundle.vocab, "To be", 20))) == 20


def test_a_failing_rank_ends_every_rank(tmp_path, corpus):
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01binary\xff")
    start = time.perf_counter()
    result = torchrun(tmp_path, "train", "lm", "--data", corpus, "--out", tmp_path / "m.safetensors",
                      "--max-steps", 2000, "--hidden", 16, "--device", "cpu", BREAK_RANK="1", BROKEN_FILE=str(broken))
    assert result.returncode != 0
    assert time.perf_counter() - start < 120
    assert "looks like a binary file" in result.stderr
    assert not (tmp_path / "m.safetensors").exists()
