"""Units as Chinese statistical tables and reports write them, mapped to the fact schema's base units.

Tables state magnitudes in 万人, 万户, 亿元 and 万元 (万 = 10⁴, 亿 = 10⁸); the fact table stores
persons, households and yuan, so every loader multiplies out here, in one place. Per-person
amounts must say whether they are monthly or yearly: the dibao standard is set per month, while
income, consumption and the rural standard after 2012 are reported per year, and mixing them is
the commonest error in the field. A unit we cannot place is an error, never a guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import DataError


@dataclass(frozen=True)
class Unit:
    """A stated unit resolved to a schema unit and the factor that converts to it."""

    unit: str          # one of mzanalysis.schema.UNITS
    factor: float      # value_in_base_units = stated_value * factor
    stated: str        # the unit as written


def _norm(text: str) -> str:
    """Fold the many spellings of one unit: full-width brackets, middle dots, spaces, case."""
    t = str(text).strip()
    t = t.translate(str.maketrans({"（": "(", "）": ")", "／": "/", "·": "/", "•": "/", "・": "/",
                                   "、": "/", "％": "%", " ": ""}))
    t = t.replace("每人每月", "元/人/月").replace("每人每年", "元/人/年")
    t = re.sub(r"\((?:current prices|当年价格)\)$", "", t, flags=re.I)
    return t.lower()


# Stated unit (normalised) -> (schema unit, factor). Per-person amounts without a period (元/人,
# 元) are ambiguous and resolved by the caller from the indicator (income is yearly).
_UNITS: dict[str, tuple[str, float]] = {
    "人": ("persons", 1.0), "万人": ("persons", 1e4), "人次": ("persons", 1.0),
    "万人次": ("persons", 1e4), "persons": ("persons", 1.0), "10000persons": ("persons", 1e4),
    "10000persons.": ("persons", 1e4), "millionpersons": ("persons", 1e6),
    "户": ("households", 1.0), "万户": ("households", 1e4), "households": ("households", 1.0),
    "元": ("yuan", 1.0), "万元": ("yuan", 1e4), "亿元": ("yuan", 1e8), "yuan": ("yuan", 1.0),
    "元/人/月": ("yuan_per_person_month", 1.0), "元/月": ("yuan_per_person_month", 1.0),
    "元/人月": ("yuan_per_person_month", 1.0), "元/月/人": ("yuan_per_person_month", 1.0),
    "元/人/年": ("yuan_per_person_year", 1.0), "元/年": ("yuan_per_person_year", 1.0),
    "元/人年": ("yuan_per_person_year", 1.0), "元/年/人": ("yuan_per_person_year", 1.0),
    "千元/人/年": ("yuan_per_person_year", 1e3),
    "%": ("percent", 1.0), "percent": ("percent", 1.0),
    "index": ("index", 1.0), "index,previousyear=100": ("index", 1.0),
    "上年=100": ("index", 1.0),
}

#: Units that name an amount per person without saying per month or per year.
PER_PERSON_UNDATED = {"元/人", "元"}


def parse_unit(stated: str, *, per_person: str | None = None, where: str = "") -> Unit:
    """Resolve a stated unit such as ``万人``, ``元/人·月`` or ``亿元``.

    ``per_person`` ('month' or 'year') settles ``元/人`` and bare ``元`` for per-capita
    indicators (income per capita is yearly). ``where`` names the file/row/column for the error.
    """
    if stated is None or str(stated).strip() in ("", "nan", "None"):
        raise DataError(f"{where}: no unit stated" if where else "no unit stated")
    key = _norm(stated)
    if key in PER_PERSON_UNDATED and per_person is not None:
        return Unit(f"yuan_per_person_{per_person}", 1.0, str(stated))
    if key.startswith("元/人/年(") or key.startswith("元/年("):  # 元/人·年 (2010 constant prices)
        return Unit("yuan_per_person_year", 1.0, str(stated))
    if key == "元/人" and per_person is None:
        raise DataError(f"{where}: unit {stated!r} does not say per month or per year"
                        if where else f"unit {stated!r} does not say per month or per year")
    if key in _UNITS:
        unit, factor = _UNITS[key]
        return Unit(unit, factor, str(stated))
    known = "万人, 人, 万户, 户, 亿元, 万元, 元, 元/人·月, 元/人·年, %, index"
    msg = f"unknown unit {stated!r} (known: {known})"
    raise DataError(f"{where}: {msg}" if where else msg)


def decimal_step(text: str) -> float:
    """The rounding step a number was written to: '2143.5' -> 0.1, '4284' -> 1.

    Two sources 'agree' when they differ by less than half the coarser step (see
    :mod:`mzanalysis.provenance`): 21.43 million and 2143.5万 are the same figure, rounded.
    """
    t = str(text).strip().replace(",", "")
    if "." in t:
        return 10.0 ** -len(t.split(".", 1)[1])
    return 1.0
