"""Region groupings used to decompose dispersion (Theil between / within).

NBS four-region division (东部、中部、西部和东北地区, NBS 2011 "东西中部和东北地区划分方法"), keyed by
the two-digit province prefix of the GB/T 2260 code.
"""
from __future__ import annotations

NBS_FOUR_REGIONS: dict[str, tuple[str, ...]] = {
    "east": ("11", "12", "13", "31", "32", "33", "35", "37", "44", "46"),
    "central": ("14", "34", "36", "41", "42", "43"),
    "west": ("15", "45", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"),
    "northeast": ("21", "22", "23"),
}


def nbs_region(region_code: str) -> str:
    """East / central / west / northeast for a province (or lower-level) code."""
    prefix = str(region_code)[:2]
    for name, prefixes in NBS_FOUR_REGIONS.items():
        if prefix in prefixes:
            return name
    from .base import IndicatorError

    raise IndicatorError(f"region code {region_code!r} is not in a mainland province")
