"""Photos in: open an image file safely, as an RGB picture no larger than needed.

Every way a file can be unusable gives a `DataError` with one line for a person: not an image, empty, cut
short, or so many pixels that decoding it would take gigabytes (Pillow's decompression-bomb guard, with a
tighter limit of our own). Colour modes are normalised: CMYK, 16-bit and grayscale become RGB; transparent
pixels are laid over white; the camera's EXIF orientation is honoured. Nothing is decoded at full size
when a smaller draft will do (JPEG decodes at 1/2, 1/4 or 1/8 scale)."""
import io
import warnings
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from core.errors import DataError

MAX_BYTES = 20 * 1024 * 1024  # a larger file is refused before it is read
MAX_PIXELS = 30_000_000  # width × height, read from the header before decoding (a 24-megapixel photo fits)
MAX_SIDE = 1024  # the picture handed on is at most this many pixels a side (the encoder needs 224)
FORMATS = ("JPEG", "MPO", "PNG", "WEBP", "BMP", "GIF")  # MPO: the JPEG variant many phone cameras write


def open_image(source: str | Path | bytes, name: str | None = None, max_side: int = MAX_SIDE) -> Image.Image:
    """A path or a file's bytes -> an RGB image, at most `max_side` pixels a side, upright."""
    name = name or ("the upload" if isinstance(source, bytes) else Path(source).name)
    data = _read(source, name)
    if not data:
        raise DataError(f"{name} is empty (0 bytes): choose a JPEG or PNG photo")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))  # reads the header only
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise DataError(_too_large(name)) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise DataError(f"{name} is not an image that can be read: choose a JPEG or PNG photo") from None
    if image.format not in FORMATS:
        raise DataError(f"{name} is a {image.format} image: choose a JPEG or PNG photo")
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise DataError(_too_large(name, width, height))
    if width < 1 or height < 1:
        raise DataError(f"{name} has no pixels")
    try:
        if image.format in ("JPEG", "MPO"):
            image.draft("RGB", (max_side, max_side))  # decode at a reduced scale when the photo is large
        image.load()
        image = _upright(image)
        image = _rgb(image)
    except (OSError, ValueError, SyntaxError, EOFError) as e:
        what = "cut short (truncated)" if "truncated" in str(e) or isinstance(e, EOFError) else "damaged"
        raise DataError(f"{name} is {what}: its pixels cannot be read; save it again or choose another photo") from None
    image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    return image


def _read(source, name: str) -> bytes:
    if isinstance(source, bytes):
        data = source
    else:
        path = Path(source)
        try:
            if path.stat().st_size > MAX_BYTES:
                raise DataError(f"{name} is larger than {MAX_BYTES // 2**20} MB: choose a smaller photo")
            data = path.read_bytes()
        except FileNotFoundError:
            raise DataError(f"{name} does not exist") from None
        except IsADirectoryError:
            raise DataError(f"{name} is a folder, not an image") from None
        except OSError as e:
            raise DataError(f"cannot read {name}: {e.strerror}") from None
    if len(data) > MAX_BYTES:
        raise DataError(f"{name} is larger than {MAX_BYTES // 2**20} MB: choose a smaller photo")
    return data


def _too_large(name: str, width: int | None = None, height: int | None = None) -> str:
    size = f" ({width:,} × {height:,} pixels)" if width else ""
    return (f"{name} has too many pixels{size} to open safely (at most {MAX_PIXELS / 1e6:.0f} megapixels): "
            f"choose a smaller photo")


def _upright(image: Image.Image) -> Image.Image:
    """Turn the picture as its EXIF orientation tag says the camera was held (a broken tag is ignored)."""
    try:
        return ImageOps.exif_transpose(image)
    except (KeyError, ValueError, TypeError, SyntaxError, ZeroDivisionError):
        return image


def _rgb(image: Image.Image) -> Image.Image:
    """Any mode -> 8-bit RGB: 16- and 32-bit values scaled down (not clipped), transparency over white."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        values = np.asarray(image, dtype=np.float64)
        top = 65535.0 if image.mode.startswith("I;16") or values.max(initial=0) > 255 else 255.0
        if image.mode == "F":
            low, top = values.min(initial=0), values.max(initial=1)
            values = values - low
            top = max(top - low, 1e-12)
        image = Image.fromarray(np.clip(values / top * 255 + 0.5, 0, 255).astype(np.uint8), "L")
    if image.mode == "P":
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    if image.mode in ("RGBA", "LA", "PA", "La", "RGBa"):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba)
    return image.convert("RGB") if image.mode != "RGB" else image
