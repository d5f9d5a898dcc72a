"""core.readers.image: every kind of bad or odd image file gives one clear line or a usable RGB picture."""
import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from core.errors import DataError
from core.readers.image import MAX_SIDE, open_image


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def photo(size=(64, 48)) -> Image.Image:
    x = np.linspace(0, 255, size[0], dtype=np.uint8)
    return Image.fromarray(np.stack([np.tile(x, (size[1], 1))] * 3, -1), "RGB")


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims width × height pixels (its pixels are missing: nothing would be decoded anyway)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" * 10)) + chunk(b"IEND", b""))


@pytest.mark.parametrize("data, message", [
    (b"", r"is empty \(0 bytes\)"),
    (b"image,caption\ndog.jpg,a dog\n", "is not an image"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "is not an image"),
    (png_header(20_000, 20_000), "too many pixels"),
    (png_header(8_000, 5_000), "too many pixels"),
])
def test_bad_files_give_one_line(data, message):
    with pytest.raises(DataError, match=message) as e:
        open_image(data, "photo.jpg")
    assert "\n" not in str(e.value) and str(e.value).startswith("photo.jpg")


def test_a_truncated_jpeg_says_so():
    data = encoded(photo((400, 300)), "JPEG", quality=90)
    with pytest.raises(DataError, match="truncated"):
        open_image(data[: len(data) // 2], "cut.jpg")


def test_a_missing_file_and_a_folder(tmp_path):
    with pytest.raises(DataError, match="does not exist"):
        open_image(tmp_path / "none.jpg")
    with pytest.raises(DataError, match="folder"):
        open_image(tmp_path)


@pytest.mark.parametrize("mode", ["CMYK", "L", "RGBA", "LA", "P", "I;16", "1"])
def test_every_colour_mode_becomes_rgb(mode):
    if mode == "I;16":
        values = np.full((20, 30), 40_000, dtype=np.uint16)  # 16-bit: about 61% of full scale
        source = Image.fromarray(values)  # mode I;16
        fmt = "PNG"
    else:
        source = photo((30, 20)).convert(mode)
        fmt = "JPEG" if mode in ("CMYK", "L") else "PNG"
    image = open_image(encoded(source, fmt))
    assert image.mode == "RGB" and image.size == (30, 20)
    if mode == "I;16":
        assert abs(int(np.asarray(image)[0, 0, 0]) - round(40_000 / 65535 * 255)) <= 1  # scaled, not clipped to 255


def test_transparent_pixels_lie_over_white():
    clear = Image.new("RGBA", (10, 10), (255, 0, 0, 0))
    assert np.asarray(open_image(encoded(clear, "PNG")))[0, 0].tolist() == [255, 255, 255]


def test_exif_rotation_is_honoured():
    wide = photo((60, 20))
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: the camera was turned; show it rotated 90°
    image = open_image(encoded(wide, "JPEG", exif=exif))
    assert image.size == (20, 60)


def test_a_large_photo_comes_back_small():
    image = open_image(encoded(photo((3000, 2000)), "JPEG"))
    assert max(image.size) <= MAX_SIDE and image.size[0] > image.size[1]
