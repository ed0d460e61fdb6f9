"""Small hand-built fact-table frames for the indicator and model tests (helper C)."""
from __future__ import annotations

import pandas as pd

NAMES = {"000000": "中国", "110000": "北京市", "120000": "天津市", "130000": "河北省",
         "140000": "山西省", "150000": "内蒙古自治区", "440000": "广东省", "620000": "甘肃省"}


def facts(rows):
    """rows: (region_code, year, indicator, area, value, unit[, period]) → fact-table frame."""
    out = []
    for r in rows:
        code, year, indicator, area, value, unit, *rest = r
        out.append({"region_code": code, "region": NAMES[code],
                    "level": "national" if code == "000000" else "province", "year": year,
                    "period": rest[0] if rest else str(year), "indicator": indicator,
                    "area": area, "variant": None, "value": float(value), "value_high": None,
                    "unit": unit, "qualifier": None, "flags": [], "source": "test",
                    "source_ref": "hand-built"})
    return pd.DataFrame(out)
