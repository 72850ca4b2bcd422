"""Dates at the boundary: ISO strings, ``datetime`` objects and ``numpy.datetime64`` arrays to float days.

Every date-taking function of the orbit package converts its input once here, to ``datetime64[us]`` (naive,
UTC) and then to days since the J2000 epoch, 2000-01-01 12:00. UTC, UT1 and TT are not distinguished: they
differ by at most about 70 s in 1950-2050, which moves the Sun by 0.0008 deg, ten times less than the
accuracy of the low-precision solar ephemeris that uses these days.
"""

from __future__ import annotations

import datetime
import warnings
from typing import Any

import numpy as np

__all__ = ["as_datetime64", "days_since_j2000"]

_J2000 = np.datetime64("2000-01-01T12:00:00", "us")
_EARLIEST = np.datetime64("1900-01-01", "us")
_LATEST = np.datetime64("2100-01-01", "us")
_US_PER_DAY = 86_400e6


def _parse_one(value: Any, name: str) -> np.datetime64:
    if isinstance(value, np.datetime64):
        return value.astype("datetime64[us]")
    if isinstance(value, str):
        try:
            value = datetime.datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"{name} = {value!r}: not an ISO 8601 date such as '2030-01-01' or "
                             f"'2030-06-21T12:00:00Z'") from None
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        return np.datetime64(value, "us")
    if isinstance(value, datetime.date):
        return np.datetime64(datetime.datetime.combine(value, datetime.time()), "us")
    raise TypeError(f"{name} = {value!r}: expected a date (ISO string, datetime or numpy.datetime64), "
                    f"not {type(value).__name__}")


def _parse_many(values: np.ndarray, name: str) -> np.ndarray:
    if values.dtype.kind == "U":
        with warnings.catch_warnings():
            warnings.simplefilter("error", DeprecationWarning)  # numpy's timezone parsing is deprecated
            try:
                return values.astype("datetime64[us]")  # fast path: naive ISO strings
            except (ValueError, DeprecationWarning):
                pass
    flat = [_parse_one(v, name) for v in values.ravel()]  # parsing only; arithmetic stays vectorized
    return np.asarray(flat, dtype="datetime64[us]").reshape(values.shape)


def as_datetime64(date: Any, name: str = "date") -> np.ndarray:
    """Convert a date, or a list or array of dates, to a ``datetime64[us]`` array (0-d for a scalar).

    Parameters
    ----------
    date : str, datetime.datetime, datetime.date, numpy.datetime64, or a list/array of them
        ISO 8601 strings (``"2030-01-01"``, ``"2030-06-21T12:00:00Z"``); time-zone aware values are converted
        to UTC, naive values are taken as UTC. Dates must lie in 1900-2099.
    name : str
        Parameter name for error messages.

    Raises
    ------
    TypeError
        For numbers or other objects that are not dates.
    ValueError
        For unparseable strings, NaT, or dates outside 1900-2099.
    """
    if isinstance(date, np.ndarray) and date.dtype.kind == "M":
        out = date.astype("datetime64[us]")
    elif isinstance(date, (list, tuple, np.ndarray)):
        values = np.asarray(date)
        if values.dtype.kind in "biufc":
            raise TypeError(f"{name}: a bare number is not a date; pass ISO strings such as '2030-01-01', "
                            f"datetime objects or numpy.datetime64 values")
        out = values.astype("datetime64[us]") if values.dtype.kind == "M" else _parse_many(values, name)
    else:
        out = np.asarray(_parse_one(date, name))
    if np.any(np.isnat(out)):
        raise ValueError(f"{name}: must be a valid date (got NaT)")
    outside = (out < _EARLIEST) | (out >= _LATEST)
    if np.any(outside):
        raise ValueError(f"{name} = {out[outside].ravel()[0]}: outside 1900-2099, the validity range of the "
                         f"low-precision solar ephemeris")
    return out


def days_since_j2000(dates: np.ndarray) -> np.ndarray:
    """Float days from J2000 (2000-01-01 12:00) for a ``datetime64`` array from :func:`as_datetime64`."""
    return (dates - _J2000).astype("timedelta64[us]").astype(np.int64) / _US_PER_DAY
