"""Exercises on the forecasting page, made from the forecasts the page computes: from an origin the exercise seed
picks, will the network beat the seasonal-naive forecast (the naive one for a series without a season), and what
does that baseline forecast for a step? Both are checked against the page's own forecast from that origin
(`webapp.forecast.view`). Computing here, Streamlit only through `t` and the shared `Exercise`."""
import random
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.readers.series import Series

from ..forecast import View
from ..i18n import t
from .base import Exercise, Verdict, choice_check, parse_number


def pick_origin(origins: np.ndarray, seed: int) -> int:
    """The origin the exercises ask about: each seed the next origin of the validation part (seed 0: the first,
    where the slider starts)."""
    return int(origins[seed % len(origins)])


def rival(view: View) -> str:
    """The baseline to beat: seasonal naive where the series has a season, else naive (the last value)."""
    methods = set(view.scores["method"])
    return "seasonal_naive" if "seasonal_naive" in methods else "naive"


def pick_step(horizon: int, seed: int) -> int:
    """The forecast step (1 = the step right after the origin) the value exercise asks about."""
    return random.Random(seed).randint(1, horizon)


def when(time) -> str:
    """A time as the chart's tooltips write it (the origin is written as the slider writes it: str(time))."""
    stamp = pd.Timestamp(time)
    return stamp.strftime("%Y-%m-%d %H:%M") if (stamp.hour or stamp.minute) else stamp.strftime("%Y-%m-%d")


def mae_of(view: View, method: str) -> float:
    return float(view.scores.loc[view.scores["method"] == method, "mae"].iloc[0])


def beat(view: View, baseline: str, horizon: int, method_name) -> Exercise:
    """Will the network's forecast from this origin have a lower MAE than `baseline`'s? Yes or no."""
    yes, no = t("ex.forecast.yes"), t("ex.forecast.no")
    model, other = mae_of(view, "model"), mae_of(view, baseline)
    wins = model < other
    facts = {"origin": str(view.origin), "h": horizon, "baseline": method_name(baseline),
             "model": f"{model:,.2f}", "other": f"{other:,.2f}",
             "verdict": t("ex.forecast.beat.wins" if wins else "ex.forecast.beat.loses")}
    check = choice_check(yes if wins else no, t("ex.forecast.beat.right", **facts),
                         t("ex.forecast.beat.wrong", **facts))
    return Exercise("fc_beat", t("ex.forecast.beat.q", **facts), check, t("ex.forecast.beat.solution", **facts),
                    options=[yes, no])


@dataclass(frozen=True)
class Step:
    """The baseline's forecast for one step after the origin, and where it comes from."""
    time: pd.Timestamp  # the step forecast
    value: float  # what the baseline forecasts there (as the page's chart draws it)
    source_time: pd.Timestamp  # the observed step it repeats
    source_value: float
    off: bool  # the system was off at that step: every method forecasts 0


def baseline_step(view: View, series: Series, origin: int, step: int, baseline: str) -> Step:
    """The `baseline`'s forecast for step `step` after `origin`, read from the page's forecast frame, and the
    observed step it repeats (a season earlier for seasonal naive, the last one before the origin for naive)."""
    index = origin + step - 1
    row = view.frame.loc[view.frame["time"] == series.times[index]].iloc[0]
    season = series.season if baseline == "seasonal_naive" else 1
    back = origin - season + (step - 1) % season  # the last season repeated: y_{o+k} = y_{o+k-s} for k < s
    off = bool(series.off is not None and series.off[index])
    return Step(series.times[index], float(row[baseline]), series.times[back], float(series.values[back]), off)


def number_near(expected: float, tolerance: float):
    """Is the answer within `tolerance` of `expected`? A number as the chart's tooltip writes it (1,234.5) is
    read with its thousands separators; None: not a number."""
    def near(answer) -> bool | None:
        readings = [parse_number(answer), parse_number(str(answer or "").replace(",", ""))]
        readings = [r for r in readings if r is not None]
        if not readings:
            return None
        return any(abs(r - expected) <= tolerance for r in readings)
    return near


def value(view: View, series: Series, origin: int, step: int, baseline: str, method_name) -> Exercise:
    """What does the baseline forecast for that step? A number, checked against the page's forecast."""
    found = baseline_step(view, series, origin, step, baseline)
    tolerance = max(0.05, 0.001 * abs(found.value))  # the tooltips show one decimal
    near = number_near(found.value, tolerance)
    why = ("ex.forecast.value.off" if found.off else
           "ex.forecast.value.seasonal" if baseline == "seasonal_naive" else "ex.forecast.value.naive")
    facts = {"origin": str(view.origin), "step": step, "time": when(found.time), "baseline": method_name(baseline),
             "expected": f"{found.value:,.1f}", "source": when(found.source_time),
             "source_value": f"{found.source_value:,.1f}", "season": series.season}
    because = t(why, **facts)

    def check(answer) -> Verdict:
        ok = near(answer)
        if ok is None:
            return Verdict(False, t("ex.not_a_number"))
        if ok:
            return Verdict(True, because)
        return Verdict(False, t("ex.forecast.value.wrong", got=answer, **facts))

    return Exercise("fc_value", t("ex.forecast.value.q", **facts), check,
                    t("ex.forecast.value.solution", because=because, **facts))


def build(view: View, series: Series, origin: int, horizon: int, seed: int, method_name) -> list[Exercise]:
    """The page's exercises for the origin `view` was computed from (`pick_origin`) and `seed`."""
    baseline = rival(view)
    step = pick_step(horizon, seed)
    return [beat(view, baseline, horizon, method_name), value(view, series, origin, step, baseline, method_name)]
