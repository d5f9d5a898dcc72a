"""The forecasting page's exercises (issue 24), on Seoul bikes with the shipped forecaster: will the network beat
seasonal naive from the origin the exercise number picks (checked here with the MAEs of the model's own
forecast), and what seasonal naive forecasts for a step (computed here from the series). A wrong answer gets a
hint, another number another origin, a link keeps the number, Korean works too."""
import re

import numpy as np
import pandas as pd
import pytest
from app_helpers import REPO, answer_exercise, clean, open_app

from core.checkpoint import load_checkpoint
from core.tasks.registry import TASKS
from webapp import forecast as fc

pytestmark = pytest.mark.usefixtures("no_pages_mode_rerun")  # conftest.py

PAGE = "pages/forecast.py"
pytestmark = pytest.mark.skipif(not (REPO / "models" / fc.SHIPPED).is_file(), reason="no shipped forecaster")


@pytest.fixture(scope="module")
def seoul():
    """(the shipped forecaster, the Seoul bike series), read here."""
    return load_checkpoint(REPO / "models" / fc.SHIPPED, task="forecast"), fc.builtin("seoul_bike")


def question(at, number: int) -> str:
    found = [m.value for m in at.markdown if m.value.startswith(f"**{number}.** ")]
    assert len(found) == 1, found
    return found[0]


def origin_asked(at, series) -> int:
    """The index of the origin exercise 1 names (as the slider writes it)."""
    stamp = re.search(r"\*\*(\d{4}-\d\d-\d\d[ \d:]*)\*\*", question(at, 1)).group(1)
    return int(series.times.get_loc(pd.Timestamp(stamp)))


def network_wins(bundle, series, origin: int) -> bool:
    """MAE of the network's median against seasonal naive's over the horizon from `origin`, computed here."""
    h = bundle.cfg.horizon
    found = TASKS["forecast"].rolling(bundle, series, np.array([origin]))
    actual = series.values[origin:origin + h]
    naive = series.values[origin - series.season:origin - series.season + h]
    off = series.off[origin:origin + h] if series.off is not None else np.zeros(h, bool)
    naive = np.where(off, 0.0, naive)
    return np.nanmean(np.abs(found.median[0] - actual)) < np.nanmean(np.abs(naive - actual))


def seasonal_naive(series, origin: int, step: int) -> float:
    """y_{o+k} = y_{o+k-s} (k < s), or 0 where the system was off."""
    index = origin + step - 1
    if series.off is not None and series.off[index]:
        return 0.0
    return float(series.values[index - series.season])


def verdicts(at) -> tuple[list[str], list[str]]:
    """(the exercises' right-answer boxes, their hints): the page's own who-wins boxes left out."""
    return ([b.value for b in at.success if b.icon == ":material/check_circle:"],
            [b.value for b in at.warning if b.icon == ":material/lightbulb:"])


answer = answer_exercise  # tests/app/app_helpers.py


def test_will_the_network_beat_seasonal_naive_is_checked_with_the_maes(seoul):
    bundle, series = seoul
    at = open_app(PAGE)
    clean(at)
    origin = origin_asked(at, series)
    wins = network_wins(bundle, series, origin)
    answer(at, "fc_beat", "No" if wins else "Yes")
    right, hints = verdicts(at)
    assert not right and len(hints) == 1 and "From this origin" in hints[0]
    answer(at, "fc_beat", "Yes" if wins else "No")
    right, hints = verdicts(at)
    assert len(right) == 1 and "MAE" in right[0] and not hints
    step = int(re.search(r"for step (\d+)", question(at, 2)).group(1))
    expected = seasonal_naive(series, origin, step)
    answer(at, "fc_value", expected + 500)
    assert any("is not it" in hint for hint in verdicts(at)[1])
    answer(at, "fc_value", f"{expected:,.1f}")  # as the chart's tooltip writes it
    assert any(f"{expected:,.1f}" in box for box in verdicts(at)[0])


def test_another_exercise_number_asks_about_another_origin_and_a_link_keeps_it(seoul):
    bundle, series = seoul
    at = open_app(PAGE)
    first = origin_asked(at, series)
    at.number_input(key="ex_fc_seed").set_value(4).run()
    clean(at)
    fourth = origin_asked(at, series)
    assert fourth == first + 4 * bundle.cfg.horizon  # the origins are a horizon apart
    linked = open_app(PAGE, ex_fc_seed=4)
    clean(linked)
    assert linked.number_input(key="ex_fc_seed").value == 4 and origin_asked(linked, series) == fourth
    step = int(re.search(r"for step (\d+)", question(linked, 2)).group(1))
    answer(linked, "fc_value", seasonal_naive(series, fourth, step))
    assert verdicts(linked)[0]


def test_a_right_answer_in_korean(seoul, monkeypatch):
    monkeypatch.setattr("webapp.i18n.language", lambda: "ko")  # AppTest formats the choices outside the run
    bundle, series = seoul
    at = open_app(PAGE, locale="ko")
    clean(at)
    assert "MAE가" in question(at, 1)
    origin = origin_asked(at, series)
    answer(at, "fc_beat", "예" if network_wins(bundle, series, origin) else "아니요")
    right, _ = verdicts(at)
    assert right and "맞았습니다" in right[0]
