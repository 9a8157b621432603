"""Pull durations, amounts and percentages out of a sentence.

Thresholds in rules ("breach notice within 72 hours", "initial term at most
5 years") compare against these. Handles digits, words ("seventy-two"),
the contract habit "seventy-two (72) hours", and business/working days.
"""

from __future__ import annotations

import re

_UNITS = {"minute": 1 / 60, "hour": 1.0, "day": 24.0, "week": 168.0, "month": 730.0, "year": 8760.0}
_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1, "single": 1,
}
# words that write a number out: "sixty (60) days" gives its figures in brackets after them
NUMBER_WORDS = frozenset(w for w in _SMALL if w not in ("a", "an", "single")) | {"thousand", "million"}
_NUMWORD = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|a|an|single)"
DURATION = re.compile(
    rf"\b(?:(?P<word>{_NUMWORD})\s*(?:\(\s*(?P<paren>\d{{1,4}})\s*\)\s*)?|(?P<digits>\d{{1,4}}(?:\.\d+)?)\s*(?:-\s*)?)"
    r"(?P<qual>business|working|calendar|consecutive|banking)?\s*(?P<unit>minute|hour|day|week|month|year)s?\b",
    re.IGNORECASE,
)
MONEY = re.compile(r"(?P<cur>[$€£]|USD|EUR|GBP|KES|INR|ZAR)\s?(?P<amount>\d{1,3}(?:[,\s]\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<scale>million|billion|thousand|m|bn|k)?\b", re.IGNORECASE)
PERCENT = re.compile(r"(?P<value>\d{1,3}(?:\.\d+)?)\s*(?:%|per\s*cent|percent)", re.IGNORECASE)


def _word_value(word: str) -> int | None:
    total = 0
    for part in re.split(r"[- ]", word.lower()):
        if part not in _SMALL:
            return None
        total += _SMALL[part]
    return total


def durations(text: str) -> list[dict]:
    out = []
    for m in DURATION.finditer(text):
        if m.group("paren"):
            value = float(m.group("paren"))
        elif m.group("digits"):
            value = float(m.group("digits"))
        else:
            v = _word_value(m.group("word"))
            if v is None:
                continue
            value = float(v)
        unit = m.group("unit").lower()
        qual = (m.group("qual") or "").lower()
        hours = value * _UNITS[unit]
        if unit == "day" and qual in ("business", "working", "banking"):
            hours = value * 24.0 * 7 / 5  # calendar time that many working days can take
        out.append({"value": value, "unit": unit + ("s" if value != 1 else ""), "business": qual in ("business", "working", "banking"), "hours": round(hours, 2), "start": m.start(), "end": m.end()})
    return out


def money(text: str) -> list[dict]:
    out = []
    scale = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3, "k": 1e3}
    for m in MONEY.finditer(text):
        amount = float(re.sub(r"[,\s]", "", m.group("amount")))
        if m.group("scale"):
            amount *= scale[m.group("scale").lower()]
        out.append({"currency": m.group("cur").upper(), "amount": amount, "start": m.start(), "end": m.end()})
    return out


def percents(text: str) -> list[dict]:
    return [{"value": float(m.group("value")), "start": m.start(), "end": m.end()} for m in PERCENT.finditer(text)]


EXTRACTORS = {"duration": ("durations", durations), "money": ("money", money), "percent": ("percents", percents)}


def extract(names: list[str], text: str, base: int = 0) -> dict:
    """Values of the named kinds in `text`; `start`/`end` are shifted by `base`
    so that they are document offsets when `text` is a sentence."""
    values = {}
    for name in names:
        key, fn = EXTRACTORS[name]
        found = fn(text)
        if found:
            if base:
                for v in found:
                    v["start"] += base
                    v["end"] += base
            values[key] = found
    return values
