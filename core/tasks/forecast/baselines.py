"""The forecasts a forecaster must beat, from the values before the origin only: naive (the last value),
seasonal naive (the same step a season ago), Holt-Winters exponential smoothing and, where it fits in
seconds, SARIMA(0,1,1)(0,1,1)s on the log ('the airline model'), both from statsmodels."""
import warnings

import numpy as np

HW_HISTORY, HW_SEASONS = 400, 8  # Holt-Winters fits on the last 400 steps or 8 seasons, whichever is more
SARIMA_MAX_SEASON = 12  # SARIMA only for short seasons (monthly, quarterly) ...
SARIMA_MAX_LENGTH = 600  # ... and short histories: there it fits in about a second
NAMES = {"naive": "naive (last value)", "seasonal_naive": "seasonal naive", "holt_winters": "Holt-Winters",
         "sarima": "SARIMA"}


def naive(history: np.ndarray, h: int, season: int = 1) -> np.ndarray:
    return np.full(h, history[-1], dtype=np.float64)


def seasonal_naive(history: np.ndarray, h: int, season: int) -> np.ndarray:
    """y_{o+k} = y_{o+k-s}, repeating the last season for k >= s."""
    last = history[-season:]
    return np.asarray(last[np.arange(h) % season], dtype=np.float64)


def holt_winters(history: np.ndarray, h: int, season: int) -> np.ndarray:
    """Additive trend; multiplicative seasonality for a positive series (additive otherwise)."""
    from statsmodels.tsa.holtwinters import ExponentialSmoothing

    seasonal = season > 1 and len(history) >= 2 * season
    y = history[-max(HW_HISTORY, HW_SEASONS * season):]
    kind = "mul" if (y > 0).all() else "add"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = ExponentialSmoothing(y, trend="add", seasonal=kind if seasonal else None,
                                     seasonal_periods=season if seasonal else None,
                                     initialization_method="estimated").fit()
        out = np.asarray(model.forecast(h), dtype=np.float64)
    return out if np.isfinite(out).all() else seasonal_naive(history, h, season)


def sarima_fits(history_length: int, season: int, positive: bool) -> bool:
    return 1 < season <= SARIMA_MAX_SEASON and 3 * season <= history_length <= SARIMA_MAX_LENGTH and positive


def sarima(history: np.ndarray, h: int, season: int) -> np.ndarray:
    from statsmodels.tsa.statespace.sarimax import SARIMAX

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = SARIMAX(np.log(history), order=(0, 1, 1), seasonal_order=(0, 1, 1, season)).fit(disp=False)
        out = np.exp(np.asarray(fit.forecast(h), dtype=np.float64))
    return out if np.isfinite(out).all() else seasonal_naive(history, h, season)


def available(history_length: int, season: int, positive: bool) -> list[str]:
    """The baselines that apply to a series like this (seasonal ones need a season and two of them)."""
    names = ["naive"]
    if season > 1 and history_length >= season:
        names.append("seasonal_naive")
    if history_length >= max(10, 2 * season):
        names.append("holt_winters")
    if sarima_fits(history_length, season, positive):
        names.append("sarima")
    return names


FORECASTS = {"naive": naive, "seasonal_naive": seasonal_naive, "holt_winters": holt_winters, "sarima": sarima}


def forecast(name: str, history: np.ndarray, h: int, season: int) -> np.ndarray:
    """The baseline `name`'s next h values after `history` (the values before the origin, oldest first)."""
    return FORECASTS[name](np.asarray(history, dtype=np.float64), h, season)


def forecast_metrics(actual, forecast, scale: float | None = None) -> dict:
    """MAE, RMSE; MAPE (%) only if no actual value is 0; MASE: the MAE over `scale`, the in-sample MAE of
    the seasonal naive forecast on the training part (Hyndman & Koehler 2006). NaN actuals are left out."""
    actual, forecast = np.asarray(actual, np.float64).ravel(), np.asarray(forecast, np.float64).ravel()
    keep = ~np.isnan(actual)
    error = forecast[keep] - actual[keep]
    out = {"mae": float(np.abs(error).mean()), "rmse": float(np.sqrt((error ** 2).mean()))}
    if (actual[keep] != 0).all():
        out["mape"] = float(100 * np.abs(error / actual[keep]).mean())
    if scale:
        out["mase"] = out["mae"] / scale
    return out
