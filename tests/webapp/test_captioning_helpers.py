"""webapp.captioning: the attention overlay lights the region attended, in the photo's own orientation."""
import io

import numpy as np
import pytest
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


SHIPPED = captioning.Path(__file__).resolve().parents[2] / "models" / captioning.SHIPPED


@pytest.mark.skipif(not SHIPPED.is_file(), reason="the shipped captioner is not here")
def test_the_verdicts_shown_beside_the_examples_are_what_the_shipped_captioner_writes():
    """The page labels the first example 'partly right' and the others 'wrong', with a note on each: they were
    read off the shipped model's beam captions, and this keeps them true if the model or a photo changes."""
    from core.checkpoint import load_checkpoint
    bundle = load_checkpoint(SHIPPED)
    assert captioning.EXAMPLES[0] == "camera"
    said = {name: captioning.write(bundle, captioning.photo(captioning.example_bytes(name), f"{name}.jpg"))
            ["beam"].text
            for name in captioning.EXAMPLES}
    assert said["camera"].startswith("a man") and "standing" in said["camera"]  # right: a man, standing
    assert "red shirt" in said["camera"] and "dog" in said["camera"]  # the note's "invented"
    assert "dog" in said["cat"] and "cat" not in said["cat"]
    assert "boy" in said["astronaut"] and "red shirt" in said["astronaut"]
    assert "dog" in said["coffee"] and "bench" in said["coffee"]
    assert "jumping" in said["rocket"] and "beach" in said["rocket"]
    # what the notes say of its words, measured from its vocabulary (built most frequent first)
    assert captioning.most_seen(bundle)[:2] == ["dog", "man"]
    ranks = {w: r for name in captioning.EXAMPLES
             for w, r in captioning.word_ranks(bundle, captioning.EXAMPLE_WORDS[name]).items()}
    assert ranks["cup"] is None and ranks["rocket"] is None and ranks["astronaut"] is None
    assert ranks["cat"] > 500 and ranks["man"] < 10


def test_word_ranks_count_from_the_first_real_word():
    from core.text.vocab import Vocab
    bundle = type("B", (), {"vocab": Vocab(["<pad>", "<unk>", "<s>", "</s>", "a", "dog", "runs"])})()
    assert captioning.first_word(bundle) == 4
    assert captioning.word_ranks(bundle, ["a", "dog", "cat", "<s>"]) == {"a": 1, "dog": 2, "cat": None, "<s>": None}
    assert captioning.most_seen(bundle) == ["dog", "runs"]  # "a" says nothing of what it can name


def test_the_lit_photo_is_the_overlay_as_jpeg_and_the_same_bytes_for_the_same_weights():


    picture = Image.new("RGB", (70, 70), (200, 180, 160))
    weights = np.zeros(49)
    weights[0] = 1.0
    first = captioning.lit("photo-a", weights, picture)
    assert captioning.lit("photo-a", weights.copy(), picture) == first
    shown = np.asarray(Image.open(io.BytesIO(first)), dtype=float)
    expected = np.asarray(captioning.overlay(picture, weights), dtype=float)
    assert shown.shape == expected.shape and np.abs(shown - expected).mean() < 3  # JPEG's small losses


# ---------------------------------------------------------------- the page's exercises (webapp.exercises.captioning)
def one_hot(row: int, col: int) -> np.ndarray:
    weights = np.zeros(49)
    weights[row * 7 + col] = 1.0
    return weights


def test_the_grid_is_cut_into_nine_regions_as_the_photo_reads():
    from webapp.exercises.captioning import REGIONS, region_means, region_of
    assert [REGIONS[region_of(r, c)] for r, c in ((0, 0), (1, 6), (3, 3), (6, 0), (4, 2))] == \
        ["top_left", "top_right", "centre", "bottom_left", "centre"]
    means = region_means(one_hot(6, 0))
    assert REGIONS[int(np.argmax(means))] == "bottom_left" and means.max() == pytest.approx(1 / 4)  # 2 × 2 cells
    assert region_means(np.full(49, 1 / 49)) == pytest.approx(np.full(9, 1 / 49))


def test_a_pick_is_right_where_the_peak_is_or_on_the_runner_up_with_half_the_best_mean():
    from webapp.exercises.captioning import REGIONS, looked_there
    alone = one_hot(0, 6)
    assert looked_there(alone, REGIONS.index("top_right"))
    assert not looked_there(alone, REGIONS.index("top_left"))  # second by a stable sort, but never looked at
    shared = (one_hot(0, 6) * 0.55 + one_hot(6, 6) * 0.45)
    assert looked_there(shared, REGIONS.index("bottom_right")) and not looked_there(shared, REGIONS.index("centre"))


def fake_caption(tokens: list[str], probs: list[float]):
    """A Written caption whose every step wrote its token with probability p (ids: the tokens' places)."""
    import torch

    from core.decoding.search import Decoded, Step
    steps = [Step(i, [(i, p), (99, (1 - p) / 2)], torch.zeros(49), torch.zeros(4)) for i, p in enumerate(probs)]
    words = [w for w in tokens if w != captioning.END]
    return captioning.Written("greedy", Decoded(list(range(len(words))), 0.0, True, steps), words, tokens)


def test_the_least_certain_word_and_the_word_to_find():
    from webapp.exercises.captioning import word_probabilities, word_to_find
    written = fake_caption(["a", "dog", "runs", "<unk>", captioning.END], [0.9, 0.3, 0.6, 0.5, 0.8])
    assert word_probabilities(written) == [0.9, 0.3, 0.6, 0.5]  # the end mark left out
    picks = {word_to_find(written, "photo", seed) for seed in range(20)}
    assert picks == {1, 2}  # the content words, not "a" or <unk>
    assert word_to_find(written, "photo", 4) == word_to_find(written, "photo", 4)
    assert {word_to_find(written, photo, 0) for photo in "abcdefgh"} == {1, 2}  # another photo, another word
    assert word_to_find(fake_caption([captioning.END], [0.5]), "photo", 0) is None
