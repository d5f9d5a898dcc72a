"""Data-parallel training under torchrun: one process per device, PyTorch's DistributedDataParallel
(gloo between CPU processes, nccl between GPUs). Every rank runs the same loop on its own batches."""
import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import torch
import torch.distributed as dist

from core.training.device import pick_device


@dataclass(frozen=True)
class Group:
    rank: int
    world_size: int
    device: torch.device

    @property
    def is_main(self) -> bool:
        return self.rank == 0

    def sum(self, *values: float) -> list[float]:
        """Each value summed over all ranks (every rank gets the sums)."""
        t = torch.tensor(values, dtype=torch.float64, device=self.device)
        dist.all_reduce(t, op=dist.ReduceOp.SUM)
        return t.tolist()

    def any(self, *flags: bool) -> list[bool]:
        """Each flag true on every rank when it is true on any: the ranks decide together."""
        return [s > 0 for s in self.sum(*map(float, flags))]

    def from_main(self, flag: bool) -> bool:
        """Rank 0's flag, on every rank."""
        t = torch.tensor([float(flag)], device=self.device)
        dist.broadcast(t, src=0)
        return bool(t.item())


def from_environment(device: str | None = None, timeout_s: float = 300) -> Group | None:
    """The group torchrun describes in the environment (WORLD_SIZE, RANK, LOCAL_RANK, MASTER_ADDR...),
    or None for a plain run. Each process takes the GPU of its LOCAL_RANK, or the CPU."""
    if int(os.environ.get("WORLD_SIZE", "1")) <= 1:
        return None
    local_rank = int(os.environ["LOCAL_RANK"])
    kind = pick_device(device).type
    if kind == "cuda":
        torch.cuda.set_device(local_rank)
        target, backend = torch.device("cuda", local_rank), "nccl"
    else:
        target, backend = torch.device("cpu"), "gloo"
    dist.init_process_group(backend, timeout=timedelta(seconds=timeout_s))
    return Group(dist.get_rank(), dist.get_world_size(), target)


def shard(batches: Iterator[dict], group: Group | None) -> Iterator[dict]:
    """Every rank draws the same seeded stream of batches and keeps every world_size-th one, from its rank
    on: disjoint data on each rank, with no sampler to keep in step."""
    return batches if group is None else itertools.islice(batches, group.rank, None, group.world_size)


def close():
    """Leave the group together: a rank tearing down while a peer still talks to it aborts (gloo)."""
    if dist.is_available() and dist.is_initialized():
        dist.barrier()
        dist.destroy_process_group()
