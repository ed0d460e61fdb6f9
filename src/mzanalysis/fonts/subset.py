"""Rebuild the vendored CJK font subset (``NotoSansSC-mz-subset.otf``) from Noto Sans CJK SC.

Why vendored: plots must render Chinese glyphs on any machine (CI, Binder) without relying on
whatever CJK fonts happen to be installed, and SimHei/SimSun are not freely licensed. Noto Sans CJK
is under the SIL Open Font License 1.1 (``OFL.txt`` beside this file), which permits subsetting and
redistribution with the licence; the subset is renamed ("MZ Noto Sans SC") as the OFL recommends
for modified versions.

Why a subset: the full face is ~16 MB. We keep ASCII, Latin-1 punctuation, general punctuation,
CJK symbols and punctuation, full-width forms and every hanzi in GB 2312 (levels 1 and 2, 6,763
characters), so arbitrary report text in Simplified Chinese renders in plots.

Run (needs the Debian package ``fonts-noto-cjk`` or another copy of NotoSansCJK-Regular.ttc)::

    python -m mzanalysis.fonts.subset /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "NotoSansSC-mz-subset.otf"
FAMILY = "MZ Noto Sans SC"


def gb2312_chars() -> set[str]:
    """Every character GB 2312 encodes (symbols rows 1-9, hanzi rows 16-87)."""
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def wanted_codepoints() -> set[int]:
    cps = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
    cps |= set(range(0x2000, 0x2070))      # general punctuation (—, …, ‰, ′)
    cps |= set(range(0x2100, 0x2200))      # letterlike (℃, №) and number forms (Ⅰ Ⅱ)
    cps |= set(range(0x2212, 0x2213))      # minus sign used by matplotlib tick labels
    cps |= set(range(0x3000, 0x3040))      # CJK symbols and punctuation (、。《》【】)
    cps |= set(range(0xFF00, 0xFFF0))      # full-width forms (，：（）％)
    cps |= {ord(c) for c in gb2312_chars()}
    return cps


def build(source: Path, out: Path = OUT) -> Path:
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont

    if source.suffix.lower() == ".ttc":
        font = next(f for f in TTCollection(str(source)).fonts
                    if f["name"].getDebugName(1) == "Noto Sans CJK SC")
    else:
        font = TTFont(str(source))
    options = subset.Options()
    options.layout_features = ["kern", "liga", "vert", "vrt2", "locl"]
    options.hinting = False
    options.desubroutinize = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    sub = subset.Subsetter(options)
    sub.populate(unicodes=sorted(wanted_codepoints()))
    sub.subset(font)
    name = font["name"]
    for rec in list(name.names):
        if rec.nameID in (1, 16):
            rec.string = FAMILY
        elif rec.nameID == 4:
            rec.string = FAMILY + " Regular"
        elif rec.nameID == 6:
            rec.string = "MZNotoSansSC-Regular"
        elif rec.nameID == 3:
            rec.string = "mzanalysis subset of Noto Sans CJK SC Regular"
    font.save(str(out))
    return out


if __name__ == "__main__":
    src = Path(sys.argv[1] if len(sys.argv) > 1
               else "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
    path = build(src)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)")
