"""Render Word list numbers the way a reader sees them ("3.2", "(b)", "iv.").

Word stores list numbers as definitions (numbering.xml) plus a reference on
each paragraph; the visible number exists only once counted. This module does
the counting: abstract definitions, per-instance start overrides, level
restarts (`lvlRestart`), number formats, `isLgl`, bullets, and levels tied to
paragraph styles (multi-level heading numbering: the level whose `pStyle` is
"Heading2" numbers Heading 2 paragraphs).

Numbers run on per abstract definition: two `w:num` instances of the same
abstract list continue one count, and a `startOverride` (Word's "Restart
numbering") resets it when its instance is first used.
"""

from __future__ import annotations

from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _val(el, tag: str):
    if el is None:
        return None
    child = el.find(W + tag)
    return None if child is None else child.get(W + "val")


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False
    restart: int | None = None  # lvlRestart: restart after this 1-based level (0 = never)
    style: str | None = None  # pStyle: the paragraph style this level belongs to


@dataclass
class _Instance:
    abstract_id: str
    starts: dict[int, int] = field(default_factory=dict)  # ilvl -> startOverride
    levels: dict[int, Level] = field(default_factory=dict)  # full overrides


def _roman(n: int) -> str:
    pairs = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = []
    for value, sym in pairs:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out) or "0"


def _letters(n: int) -> str:
    # Word repeats the letter: a..z, aa..zz, aaa..
    if n <= 0:
        return "0"
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter",):
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


def _parse_level(lvl) -> Level:
    level = Level()
    start = _val(lvl, "start")
    if start is not None and start.lstrip("-").isdigit():
        level.start = int(start)
    level.fmt = _val(lvl, "numFmt") or "decimal"
    text = _val(lvl, "lvlText")
    level.text = text if text is not None else ""
    level.legal = lvl.find(W + "isLgl") is not None and lvl.find(W + "isLgl").get(W + "val") not in ("0", "false", "off")
    restart = _val(lvl, "lvlRestart")
    if restart is not None and restart.isdigit():
        level.restart = int(restart)
    level.style = _val(lvl, "pStyle")
    return level


class Numbering:
    """Counts list numbers through a document in reading order."""

    def __init__(self, numbering_element=None):
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.instances: dict[str, _Instance] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        if numbering_element is None:
            return
        for absn in numbering_element.iter(W + "abstractNum"):
            aid = absn.get(W + "abstractNumId")
            levels = {}
            for lvl in absn.iter(W + "lvl"):
                ilvl = lvl.get(W + "ilvl")
                if ilvl is not None and ilvl.isdigit():
                    levels[int(ilvl)] = _parse_level(lvl)
            self.abstracts[aid] = levels
        for num in numbering_element.iter(W + "num"):
            nid = num.get(W + "numId")
            aid = _val(num, "abstractNumId")
            if nid is None or aid is None:
                continue
            inst = _Instance(aid)
            for ov in num.iter(W + "lvlOverride"):
                ilvl = ov.get(W + "ilvl")
                if ilvl is None or not ilvl.isdigit():
                    continue
                so = _val(ov, "startOverride")
                if so is not None and so.lstrip("-").isdigit():
                    inst.starts[int(ilvl)] = int(so)
                lvl = ov.find(W + "lvl")
                if lvl is not None:
                    inst.levels[int(ilvl)] = _parse_level(lvl)
            self.instances[nid] = inst

    def _level(self, inst: _Instance, ilvl: int) -> Level | None:
        if ilvl in inst.levels:
            return inst.levels[ilvl]
        return self.abstracts.get(inst.abstract_id, {}).get(ilvl)

    def level_for_style(self, num_id: str, style_id: str | None) -> int | None:
        """The level of list `num_id` that belongs to paragraph style `style_id`."""
        inst = self.instances.get(num_id)
        if inst is None or style_id is None:
            return None
        levels = {**self.abstracts.get(inst.abstract_id, {}), **inst.levels}
        for ilvl in sorted(levels):
            if levels[ilvl].style == style_id:
                return ilvl
        return None

    def next_label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """Advance the counter for (num_id, ilvl); return (label, format)."""
        inst = self.instances.get(num_id)
        if inst is None or num_id == "0":
            return None
        level = self._level(inst, ilvl)
        if level is None:
            return None
        counters = self.counters.setdefault(inst.abstract_id, {})
        if num_id not in self._started:
            self._started.add(num_id)
            for lv, start in inst.starts.items():
                counters[lv] = start - 1
                for deeper in [k for k in counters if k > lv]:
                    del counters[deeper]
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            sub = self._level(inst, deeper)
            if sub is None or sub.restart is None or (sub.restart and ilvl < sub.restart):
                del counters[deeper]
        if level.fmt == "bullet":
            return "•", "bullet"
        label = level.text
        for k in range(8, -1, -1):
            token = f"%{k + 1}"
            if token not in label:
                continue
            lv = self._level(inst, k) or Level()
            value = counters.get(k, lv.start)
            fmt = "decimal" if level.legal and lv.fmt not in ("decimalZero", "none") else lv.fmt
            label = label.replace(token, format_number(value, fmt))
        return label.strip(), level.fmt
