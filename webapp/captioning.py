"""The captioning page's building blocks: example photos with free licences, the frozen encoder once per
server, captions with every step's record, and the attention map laid over the photo."""
import hashlib
import io
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import streamlit as st
import torch
from PIL import Image

from core.decoding.search import Decoded
from core.readers.image import open_image
from core.tasks.base import Bundle
from core.tasks.caption.image_encoder import GRID, ImageEncoder
from core.tasks.registry import TASKS

EXAMPLES_DIR = Path(__file__).resolve().parent / "examples" / "captioning"  # licences in its README.md
# first the one the shipped captioner gets partly right (a man, standing): none of these photos is of what
# Flickr8k shows (dogs, people outdoors), and the others it gets wrong; the page says so under each caption
EXAMPLES = ("camera", "cat", "astronaut", "coffee", "rocket")
# the words a person would use for each example: the page says which of them the model knows, and how well
EXAMPLE_WORDS = {"camera": ("man", "camera", "grass", "tripod"), "cat": ("cat", "kitten"),
                 "astronaut": ("woman", "astronaut", "flag", "suit"), "coffee": ("cup", "coffee", "saucer"),
                 "rocket": ("rocket", "smoke", "sky", "launch")}
# left out of "the words it saw most": articles, prepositions and the like say nothing of what it can name
FUNCTION_WORDS = frozenset("a an the in on is are and with of to at his her its their while through into by for "
                           "from up down near front as it".split())
SHIPPED = "caption-flickr8k.safetensors"
MAX_UPLOAD_MB = 16
SHOWN_SIDE = 448  # pixels a side of the photo as the page draws it
METHODS = ("beam", "greedy", "sample")
END = "</s>"
SPEC = TASKS["caption"]


@st.cache_resource(show_spinner=False)
def encoder() -> ImageEncoder:
    """EfficientNet-Lite0, frozen and in eval mode: loaded once per server, shared by every visitor."""
    return ImageEncoder()


def first_word(bundle: Bundle) -> int:
    """The id of the first real word: after <pad>, <unk>, <s> and </s>."""
    itos = bundle.vocab.itos
    return next((i for i, w in enumerate(itos) if not (w.startswith("<") and w.endswith(">"))), len(itos))


def word_ranks(bundle: Bundle, words) -> dict[str, int | None]:
    """Each word's place among the model's words by how often its training captions used them (1: the most
    frequent; a vocabulary is built most frequent first, core.text.vocab), None for a word it never saw."""
    first = first_word(bundle)
    return {w: (bundle.vocab.stoi[w] - first + 1 if bundle.vocab.stoi.get(w, -1) >= first else None) for w in words}


def most_seen(bundle: Bundle, n: int = 12) -> list[str]:
    """The n words the model's training captions used most, function words left out."""
    words = [w for w in bundle.vocab.itos[first_word(bundle):] if w not in FUNCTION_WORDS and w.isalpha()]
    return words[:n]


def example_bytes(name: str) -> bytes:
    return (EXAMPLES_DIR / f"{name}.jpg").read_bytes()


def photo(data: bytes, name: str) -> Image.Image:
    """The picture in an uploaded or example file (DataError: why it cannot be used)."""
    return open_image(data, name, max_side=SHOWN_SIDE)


def digest(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()[:16]


@dataclass
class Written:
    """One caption and how it was written."""
    method: str
    decoded: Decoded
    words: list[str]  # the caption's words (without </s>)
    tokens: list[str]  # what each recorded step wrote: the words, then </s> if it finished

    @property
    def text(self) -> str:
        return " ".join(self.words)


def write(bundle: Bundle, picture: Image.Image, method: str = "beam", beam_size: int = 3,
          temperature: float = 1.0, seed: int = 0) -> dict[str, Written]:
    """The caption by `method`, and (for beam search) the greedy one beside it: method -> Written."""
    features = encoder().encode([picture])  # (1, 49, 1280)
    methods = [method] + (["greedy"] if method == "beam" else [])
    out = {}
    for m in methods:
        generator = torch.Generator().manual_seed(seed)
        decoded = SPEC.decode(bundle, features, m, beam_size=beam_size, temperature=temperature,
                              generator=generator, record_k=5)[0]
        words = bundle.vocab.decode(decoded.tokens)
        tokens = [bundle.vocab.itos[s.token] for s in decoded.steps]
        out[m] = Written(m, decoded, words, tokens)
    return out


def typed(text: str, delay: float = 0.06, prefix: str = ""):
    """The caption a word at a time, for st.write_stream: it appears as the decoder wrote it."""
    yield prefix
    for word in text.split():
        yield word + " "
        time.sleep(delay)


def attention_grid(weights) -> np.ndarray:
    """(49,) attention weights -> (7, 7), rows top to bottom as in the photo."""
    return np.asarray(weights, dtype=float).reshape(GRID, GRID)


def overlay(picture: Image.Image, weights, strength: float = 0.85) -> Image.Image:
    """The photo lit where the decoder looked: the 7 × 7 weights upsampled smoothly to the photo's size,
    scaled so the most attended region is at full brightness, the rest darkened towards black."""
    grid = attention_grid(weights)
    grid = grid / grid.max() if grid.max() > 0 else grid
    light = Image.fromarray(grid.astype(np.float32), "F").resize(picture.size, Image.Resampling.BICUBIC)
    light = np.clip(np.asarray(light), 0.0, 1.0)[..., None]  # (H, W, 1)
    pixels = np.asarray(picture.convert("RGB"), dtype=np.float32)
    lit = pixels * ((1 - strength) + strength * light)
    return Image.fromarray(np.clip(lit, 0, 255).astype(np.uint8), "RGB")


@st.cache_data(max_entries=512, show_spinner=False)
def lit(photo_digest: str, weights: np.ndarray, _picture: Image.Image) -> bytes:
    """`overlay` as JPEG bytes, once per server for a photo and the weights (a class looking at the same
    example's words shares them; Streamlit shows bytes without encoding them again)."""
    out = io.BytesIO()
    overlay(_picture, weights).save(out, format="JPEG", quality=85)
    return out.getvalue()


def top_words(written: Written, step: int, vocab) -> tuple[list[str], list[float]]:
    """The five most probable words at a step, most probable first, with their probabilities."""
    candidates = written.decoded.steps[step].candidates
    return [vocab.itos[i] for i, _ in candidates], [p for _, p in candidates]


def hidden_states(written: Written) -> np.ndarray:
    """(T, H): the decoder's top-layer hidden state at each step, under the word it wrote."""
    return np.stack([s.hidden.numpy() for s in written.decoded.steps]) if written.decoded.steps else np.zeros((0, 1))


def beam_rows(written: Written, vocab, per_step: int = 3) -> list[dict]:
    """The beam at every step: its best `per_step` hypotheses with their scores (length-normalised log
    probability), finished ones marked; the winner's last row is flagged."""
    rows = []
    for t, kept in enumerate(written.decoded.beams or []):
        for rank, hyp in enumerate(kept[:per_step]):
            words = [vocab.itos[i] for i in hyp.tokens]
            rows.append({"step": t + 1, "rank": rank + 1, "hypothesis": " ".join(words), "score": hyp.score,
                         "log p": hyp.logprob, "finished": hyp.finished})
    return rows
