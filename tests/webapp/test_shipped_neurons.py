"""What the README and the character LM page say the neuron finder finds in the shipped Shakespeare LSTM,
checked on that model: a cell of layer 2 that follows the position in the line (365), one that stands out on
speakers' names (71), and no quote neuron to promise (its training text has no double quote)."""
from pathlib import Path

import numpy as np
import pytest

from webapp import inside
from webapp.i18n import t

REPO = Path(__file__).resolve().parents[2]
MODEL = REPO / "models" / "char-shakespeare.safetensors"
TEXT = REPO / "data" / "tinyshakespeare" / "input.txt"
pytestmark = pytest.mark.skipif(not (MODEL.is_file() and TEXT.is_file()),
                                reason="the shipped model or its text is not here")


@pytest.fixture(scope="module")
def stretches():
    from core.checkpoint import load_checkpoint
    bundle = load_checkpoint(MODEL)
    text = TEXT.read_text()
    return bundle, [inside.trace_lm(bundle, text[50_000 * k + 1000:50_000 * k + 1000 + inside.MAX_TRACE])
                    for k in (1, 3, 5)]


def test_the_texts_promise_the_units_the_model_has_and_no_quote_neuron():
    readme = (REPO / "README.md").read_text()
    assert "inside quotes" not in readme and "unit 365" in readme and "unit 71" in readme
    assert "unit 365" in t("lm.neuron.intro", "en") and "유닛 365" in t("lm.neuron.intro", "ko")


def test_the_shipped_model_has_never_seen_a_double_quote(stretches):
    bundle, _ = stretches
    assert '"' not in inside.known_chars(bundle)


def test_cell_365_of_layer_2_follows_the_position_in_the_line(stretches):
    _, looks = stretches
    for look in looks:
        position, p = [], 0
        for c in look.tokens:
            position.append(p)
            p = 0 if c == "\n" else p + 1
        r = np.corrcoef(look.states["cell"][-1][:, 365], position)[0, 1]
        assert r > 0.8, r


def test_the_finder_ranks_cell_71_first_on_a_speakers_name(stretches):
    _, looks = stretches
    for look in looks:
        names = inside.speakers(look.tokens)
        assert names
        assert inside.rank_units(look.states["cell"][-1], *names[0])[0][0] == 71
