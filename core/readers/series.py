"""Time series from a CSV file: a date or time column and numeric columns, read without flags.

`read_series` finds the time column (and an `Hour` column beside a date, as in the Seoul bike file), the
target (`target=NAME`, or the only numeric column) and the covariates (numbers, and categories one-hot
encoded). Every repair is said in `Series.notes`; what cannot be repaired is one clear `DataError`.
"""
import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd

from core.errors import DataError
from core.readers.table import read_table
from core.readers.text import name_of, shown

MAX_ROWS = 1_000_000
MAX_CATEGORIES = 20  # a text column with more distinct values is left out, with a note
MAX_GAP_FRACTION = 0.05  # missing time steps filled by interpolation, up to this share of the series
TIME_NAMES = re.compile(r"date|time|month|year|week|day|period|timestamp|^ds$", re.IGNORECASE)
SLASHED = re.compile(r"^\s*\d{1,2}/\d{1,2}/\d{4}(\s.*)?$")
# frequency -> (pandas alias, season in steps, calendar features); a month/year start or end alias is set on reading
FREQUENCIES = {
    "hourly": ("h", 24, ("hour", "dow")),
    "daily": ("D", 7, ("dow", "doy")),
    "weekly": ("W", 52, ("woy",)),
    "monthly": ("MS", 12, ("month",)),
    "quarterly": ("QS", 4, ("quarter",)),
    "yearly": ("YS", 1, ()),
}
DEFAULT_HORIZON = {"hourly": 24, "daily": 14, "weekly": 52, "monthly": 12, "quarterly": 8, "yearly": 10}
DEFAULT_CONTEXT = {"hourly": 168, "daily": 56, "weekly": 104, "monthly": 12, "quarterly": 16, "yearly": 30}
OFF_COLUMN = re.compile(r"function|operat|running|open", re.IGNORECASE)  # "Functioning Day": Yes/No


@dataclass
class Series:
    """One evenly spaced series. `values` is NaN where unknown (rows at the end with an empty target are
    the future, whose covariates are given). `off`: steps when the system was not running (the count is
    0 by definition: known in advance, forecast as 0 and left out of the loss)."""

    times: pd.DatetimeIndex
    values: np.ndarray  # (T,) float64
    target: str
    covariates: pd.DataFrame  # (T, K) numbers; categories already one-hot, named "Column=value"
    frequency: str  # a key of FREQUENCIES
    off: np.ndarray | None = None  # (T,) bool
    notes: list[str] = field(default_factory=list)
    start: int = 0  # evaluation: the first forecast origin (a validation part made by `split`)
    horizon: int = 0  # the horizon asked for, if any: the validation part `split` holds out is no shorter

    def __len__(self) -> int:
        return len(self.times)

    @property
    def season(self) -> int:
        return FREQUENCIES[self.frequency][1]

    @property
    def observed(self) -> int:
        """Steps up to the last known value (the rest is the given future)."""
        known = np.flatnonzero(~np.isnan(self.values))
        return int(known[-1]) + 1 if len(known) else 0

    def head(self, n: int) -> "Series":
        """The first n steps."""
        return replace(self, times=self.times[:n], values=self.values[:n], covariates=self.covariates.iloc[:n],
                       off=None if self.off is None else self.off[:n], start=min(self.start, n))

    def index_of(self, when) -> int:
        """The step at or after a date or time."""
        try:
            stamp = pd.Timestamp(when)
        except (ValueError, TypeError):
            raise DataError(f"{shown(str(when), 40)!r} is not a date or time (say 2018-09-01)") from None
        i = int(self.times.searchsorted(stamp))
        if i >= len(self):
            raise DataError(f"{stamp} lies after the series' end ({self.times[-1]})")
        return i

    def frame(self) -> pd.DataFrame:
        """time, target, covariates: as the page draws it."""
        return pd.DataFrame({"time": self.times, self.target: self.values}).join(
            self.covariates.reset_index(drop=True))


def read_series(source: str | Path | bytes | pd.DataFrame, name: str | None = None,
                target: str | None = None, horizon: int | None = None) -> Series:
    """A CSV (path or bytes) or a DataFrame -> Series; DataError with one line for a file that cannot be used."""
    name = name or ("the table" if isinstance(source, pd.DataFrame) else name_of(source))
    frame = source.copy() if isinstance(source, pd.DataFrame) else _table(source, name)
    if len(frame) > MAX_ROWS:
        raise DataError(f"{name} has more than {MAX_ROWS:,} rows: cut it or sum it to a coarser frequency")
    if len(frame) < 3:
        raise DataError(f"{name} has {len(frame)} row{'s' * (len(frame) != 1)}: a series needs many more")
    notes: list[str] = []
    frame.columns = [str(c).strip() for c in frame.columns]
    time_col, times = _times(frame, name, notes)
    frame = frame.drop(columns=[time_col])
    hour_col = _hour_column(frame, times)
    if hour_col is not None:
        times = times + pd.to_timedelta(frame[hour_col].astype(int), unit="h")
        frame = frame.drop(columns=[hour_col])
        notes.append(f"the time of each row is its {time_col} plus its {hour_col}")
    frame.index = pd.DatetimeIndex(times)
    target = _target(frame, target, name)
    values = _numbers(frame[target], target, name)
    frame = frame.drop(columns=[target])
    if not (~np.isnan(values)).any():
        raise DataError(f"{name}: the column {target!r} has no numbers")
    frame = _sorted(frame, values, name, notes)
    values = frame.pop("__y__").to_numpy(np.float64)
    frequency, alias = frequency_of(frame.index, name)
    frame, values = _fill_gaps(frame, values, alias, frequency, name, notes)
    off, covariates = _covariates(frame, name, notes)
    values = _interpolate(values, name, notes)
    if np.isinf(values).any():
        raise DataError(f"{name}: the column {target!r} has infinite values")
    return Series(pd.DatetimeIndex(frame.index), values, target, covariates, frequency, off, notes,
                  horizon=horizon or 0)


def _table(source, name: str) -> pd.DataFrame:
    """The file as `core.readers.table` reads every table (encoding, delimiter), its cells typed by pandas."""
    table = read_table(source, name)
    try:
        frame = pd.read_csv(io.StringIO(table.text), nrows=MAX_ROWS + 1, sep=table.delimiter, skipinitialspace=True,
                            decimal="," if table.delimiter == ";" else ".")  # semicolons: a spreadsheet's decimal comma
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, UnicodeError) as e:
        raise DataError(f"{name} is not a readable CSV file ({shown(str(e), 80)})") from None
    if frame.shape[1] < 2:
        raise DataError(f"{name} needs a date or time column and a column of numbers (it has {frame.shape[1]} column)")
    return frame


def _times(frame: pd.DataFrame, name: str, notes: list[str]) -> tuple[str, pd.Series]:
    """The time column and its parsed times; named ones (date, time, month, ...) are tried first."""
    columns = sorted(frame.columns, key=lambda c: not TIME_NAMES.search(c))
    for col in columns:
        parsed = _parse_times(frame[col], col, name, notes)
        if parsed is not None:
            return col, parsed
    raise DataError(f"{name} has no date or time column (a column of dates such as 2018-01-31)")


def _parse_times(column: pd.Series, col: str, name: str, notes: list[str]) -> pd.Series | None:
    if column.isna().any():
        return None
    if pd.api.types.is_numeric_dtype(column):  # a year column: 1700, 1701, ... (or 1700.0)
        if not TIME_NAMES.search(col) or not np.all(np.mod(column, 1) == 0) or not column.between(1, 9999).all():
            return None
        return pd.to_datetime(column.astype(int).astype(str).str.zfill(4), format="%Y")
    text = column.astype(str).str.strip()
    if text.map(lambda s: bool(SLASHED.match(s))).all():
        return _day_month(text, col, name, notes)
    if not text.str.contains(r"\d").all() or text.str.fullmatch(r"[-+]?\d*\.?\d+").all():
        return None  # plain numbers are values, not times
    for kwargs in ({"format": "ISO8601"}, {"format": "mixed"}):
        try:
            parsed = pd.to_datetime(text, **kwargs)
        except (ValueError, TypeError, OverflowError):
            continue
        if not parsed.isna().any():
            return pd.Series(parsed.dt.tz_localize(None) if parsed.dt.tz is not None else parsed)
    return None


def _day_month(text: pd.Series, col: str, name: str, notes: list[str]) -> pd.Series:
    """DD/MM/YYYY or MM/DD/YYYY: the reading under which every date exists; if both do, the one under which
    the dates step evenly; else a message."""
    date = text.str.split().str[0]
    rest = text.map(lambda s: s.split(None, 1)[1] if " " in s else "")
    readings = {}
    for label, fmt in (("DD/MM/YYYY", "%d/%m/%Y"), ("MM/DD/YYYY", "%m/%d/%Y")):
        parsed = pd.to_datetime(date, format=fmt, errors="coerce")
        if not parsed.isna().any():
            readings[label] = parsed
    if not readings:
        bad = date[pd.to_datetime(date, format="%d/%m/%Y", errors="coerce").isna()].iloc[0]
        raise DataError(f"{name}: {col} {bad!r} is a date under neither DD/MM/YYYY nor MM/DD/YYYY")
    if len(readings) == 2:
        steps = {label: p.drop_duplicates().sort_values().diff().dropna().nunique() for label, p in readings.items()}
        if steps["DD/MM/YYYY"] == steps["MM/DD/YYYY"]:
            raise DataError(f"{name}: dates such as {date.iloc[0]} could be DD/MM/YYYY or MM/DD/YYYY: "
                            "write them as YYYY-MM-DD")
        label = min(steps, key=steps.get)
        why = "they then step evenly"
    else:
        label = next(iter(readings))
        other = "MM/DD/YYYY" if label == "DD/MM/YYYY" else "DD/MM/YYYY"
        fmt = "%m/%d/%Y" if other == "MM/DD/YYYY" else "%d/%m/%Y"
        example = date[pd.to_datetime(date, format=fmt, errors="coerce").isna()].iloc[0]
        why = f"{example} is no date as {other}"
    notes.append(f"dates read as {label} ({why})")
    parsed = readings[label]
    if (rest != "").any():
        try:
            parsed = parsed + pd.to_timedelta(rest.where(rest != "", "0:00") + ":00" * (rest.str.count(":") == 1))
        except ValueError:
            raise DataError(f"{name}: the times after the dates in {col} are not HH:MM") from None
    return parsed


def _hour_column(frame: pd.DataFrame, times: pd.Series) -> str | None:
    """A column of whole hours 0-23 beside dates without a time of day (the Seoul file's `Hour`)."""
    if (times.dt.normalize() != times).any():
        return None
    for col in frame.columns:
        values = frame[col]
        if col.lower() in ("hour", "hr", "hour of day") and pd.api.types.is_numeric_dtype(values) \
                and values.notna().all() and values.between(0, 23).all() and (np.mod(values, 1) == 0).all():
            return col
    return None


def _target(frame: pd.DataFrame, target: str | None, name: str) -> str:
    if target is not None:
        if target not in frame.columns:
            raise DataError(f"{name} has no column {target!r}; its columns: {', '.join(map(repr, frame.columns))}")
        return target
    numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]
    if len(numeric) == 1:
        return numeric[0]
    if not numeric:
        col = frame.columns[0]
        _numbers(frame[col], col, name)  # says which row holds text
        raise DataError(f"{name} has no column of numbers")
    raise DataError(f"{name} has several numeric columns ({', '.join(map(repr, numeric[:8]))}): "
                    "choose the one to forecast (--target NAME)")


def _numbers(column: pd.Series, col: str, name: str) -> np.ndarray:
    """A column as float64; text other than an empty cell is an error that names its row."""
    numbers = pd.to_numeric(column, errors="coerce")
    text = numbers.isna() & column.notna() & (column.astype(str).str.strip() != "")
    if text.any():
        row = int(np.flatnonzero(text.to_numpy())[0])
        raise DataError(f"{name}: the column {col!r} has text in row {row + 2}: "
                        f"{shown(str(column.iloc[row]), 30)!r} (the target must be numbers)")
    return numbers.to_numpy(np.float64)


def _sorted(frame: pd.DataFrame, values: np.ndarray, name: str, notes: list[str]) -> pd.DataFrame:
    frame = frame.assign(__y__=values)
    if frame.index.has_duplicates:
        dup = frame.index[frame.index.duplicated()]
        raise DataError(f"{name}: the time {dup[0]} appears more than once" +
                        (f" (and {len(dup) - 1:,} more repeated times)" if len(dup) > 1 else "") +
                        ": one row a time step")
    if not frame.index.is_monotonic_increasing:
        notes.append("rows sorted by time")
        frame = frame.sort_index()
    return frame


def frequency_of(times: pd.DatetimeIndex, name: str) -> tuple[str, str]:
    """The frequency from the most common step between rows, and its pandas alias."""
    steps = pd.Series(times[1:] - times[:-1])
    step = steps.mode().iloc[0]
    days = step / pd.Timedelta(days=1)
    month_end, year_end = times.is_month_end.all(), times.is_year_end.all()
    for frequency, low, high in (("hourly", 1 / 24, 1 / 24), ("daily", 1, 1), ("weekly", 7, 7),
                                 ("monthly", 28, 31), ("quarterly", 89, 92), ("yearly", 365, 366)):
        if low <= days <= high:
            alias = FREQUENCIES[frequency][0]
            if frequency == "weekly":
                alias = f"W-{times[0].day_name()[:3].upper()}"
            elif frequency in ("monthly", "quarterly", "yearly"):
                start = times.is_month_start.all() and (frequency != "yearly" or times.is_year_start.all())
                end = month_end and (frequency != "yearly" or year_end)
                if not (start or end):
                    raise DataError(f"{name}: {frequency} times must fall on the first (or last) day of their "
                                    f"{'month' if frequency != 'yearly' else 'year'}")
                alias = {"monthly": "MS", "quarterly": "QS", "yearly": "YS"}[frequency] if start else \
                    {"monthly": "ME", "quarterly": "QE", "yearly": "YE"}[frequency]
                if frequency == "quarterly":
                    alias += "-" + times[0].month_name()[:3].upper() if start else ""
            return frequency, alias
    raise DataError(f"{name}: its rows are {step} apart; RNN Lab reads hourly, daily, weekly, monthly, "
                    "quarterly or yearly series")


def _fill_gaps(frame, values, alias, frequency, name, notes):
    full = pd.date_range(frame.index[0], frame.index[-1], freq=alias)
    if len(full) > MAX_ROWS:
        raise DataError(f"{name}: from its first to its last time there are {len(full):,} {frequency} steps, "
                        f"more than {MAX_ROWS:,}")
    off_grid = frame.index.difference(full)
    if len(off_grid):
        raise DataError(f"{name}: the time {off_grid[0]} is off the {frequency} grid the other rows keep")
    missing = full.difference(frame.index)
    if len(missing):
        if len(missing) > MAX_GAP_FRACTION * len(full):
            raise DataError(f"{name}: {len(missing):,} of {len(full):,} {frequency} time steps are missing "
                            f"(the first: {missing[0]}); fill them, or give a coarser series")
        notes.append(f"{len(missing):,} missing {frequency} step{'s' * (len(missing) > 1)} (the first: "
                     f"{missing[0]}) filled by linear interpolation")
        frame = frame.assign(__y__=values).reindex(full)
        values = frame.pop("__y__").to_numpy(np.float64)
        for col in frame.columns:  # covariates: numbers interpolated, categories carried forward
            frame[col] = frame[col].interpolate(limit_direction="both") \
                if pd.api.types.is_numeric_dtype(frame[col]) else frame[col].ffill().bfill()
        values = np.where(np.isin(full, missing), np.interp(np.arange(len(full)), np.flatnonzero(~np.isnan(values)),
                                                           values[~np.isnan(values)]), values)
    return frame, values


def _covariates(frame: pd.DataFrame, name: str, notes: list[str]) -> tuple[np.ndarray | None, pd.DataFrame]:
    """Numeric columns as they are (gaps interpolated), text columns one-hot; a Yes/No 'running' column
    (Seoul's `Functioning Day`) also gives the off steps."""
    off, columns = None, {}
    for col in frame.columns:
        values = frame[col]
        if pd.api.types.is_numeric_dtype(values):
            if values.isna().all():
                notes.append(f"the column {col!r} is empty and left out")
                continue
            columns[col] = values.astype(np.float64).interpolate(limit_direction="both").to_numpy()
            continue
        text = values.astype(str).str.strip()
        kinds = sorted(text.unique())
        if len(kinds) > MAX_CATEGORIES:
            notes.append(f"the text column {col!r} has {len(kinds):,} different values and is left out")
            continue
        if OFF_COLUMN.search(col) and set(kinds) <= {"Yes", "No"}:
            off = (text == "No").to_numpy()
            if off.any():
                notes.append(f"{int(off.sum()):,} steps have {col} = No: the system was off, so the count there "
                             "is known to be 0; every method forecasts 0 there and training leaves them out")
        for kind in kinds:
            columns[f"{col}={kind}"] = (text == kind).to_numpy(np.float64)
    return off, pd.DataFrame(columns, index=frame.index)


def _interpolate(values: np.ndarray, name: str, notes: list[str]) -> np.ndarray:
    """Empty target cells inside the series are interpolated, with a note; empty ones at the end stay:
    they are the future (its covariates given)."""
    known = np.flatnonzero(~np.isnan(values))
    inside = np.isnan(values[: known[-1] + 1]) if len(known) else np.array([], bool)
    if inside.any():
        first_known = known[0]
        if first_known > 0:
            raise DataError(f"{name}: the target is empty in its first {first_known:,} rows: cut them")
        values = values.copy()
        holes = np.flatnonzero(inside)
        values[holes] = np.interp(holes, known, values[known])
        notes.append(f"{len(holes):,} empty target value{'s' * (len(holes) > 1)} inside the series filled by "
                     "linear interpolation")
    return values
