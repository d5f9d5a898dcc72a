"""webapp.captioning: the attention overlay lights the region attended, in the photo's own orientation."""
import numpy as np
from PIL import Image

from webapp import captioning


def test_the_overlay_is_brightest_where_the_attention_is():
    picture = Image.new("RGB", (280, 140), (200, 200, 200))
    weights = np.full(49, 0.0)
    weights[1 * 7 + 5] = 1.0  # row 2 from the top, column 6 from the left
    lit = np.asarray(captioning.overlay(picture, weights)).mean(-1)  # (140, 280)
    assert lit.shape == (140, 280)
    y, x = np.unravel_index(lit.argmax(), lit.shape)
    assert 1 <= y * 7 // 140 <= 2 and 5 <= x * 7 // 280 <= 5
    assert lit.min() < 0.3 * lit.max()  # the rest is darkened


def test_the_grid_reads_rows_top_to_bottom_and_typing_gives_every_word():
    grid = captioning.attention_grid(np.arange(49))
    assert grid[0].tolist() == list(range(7)) and grid[6, 6] == 48
    assert "".join(captioning.typed("a dog runs", delay=0)).split() == ["a", "dog", "runs"]


def test_every_example_photo_opens_and_has_a_licence_line():
    notes = (captioning.EXAMPLES_DIR / "README.md").read_text()
    for name in captioning.EXAMPLES:
        picture = captioning.photo(captioning.example_bytes(name), f"{name}.jpg")
        assert picture.mode == "RGB" and max(picture.size) <= captioning.SHOWN_SIDE
        assert f"`{name}.jpg`" in notes
