"""Helpers for the clause-kind tests: run a sentence through the real pipeline."""

from __future__ import annotations

from pcsc_procure.analysis import analyse_text


def found(text: str, kind: str) -> list:
    """Detections of `kind` in `text`."""
    return [d for d in analyse_text(text).detections if d.kind == kind]


def one(text: str, kind: str):
    """The single detection of `kind` in `text` (fails the test otherwise)."""
    dets = found(text, kind)
    assert len(dets) == 1, f"expected one {kind} in {text!r}, got {[(d.kind, d.cue) for d in dets]}"
    return dets[0]


def passage(text: str, det) -> str:
    return text[det.start : det.end]


def passages(text: str, kind: str) -> list[str]:
    """The text of each detection of `kind` in `text`."""
    return [passage(text, d) for d in found(text, kind)]


def absent_why(text: str, kind: str) -> list:
    """What was wrongly found (cue and passage), for a negative case's failure message."""
    return [(d.cue, passage(text, d)) for d in found(text, kind)]


def check_presence(kind: str, text: str, present: bool) -> None:
    """A (kind, text, present?) case: the kind is found, or is not, with the cue named on failure."""
    dets = found(text, kind)
    if present:
        assert dets, f"{kind} not found in {text!r}"
    else:
        assert not dets, f"{kind} wrongly found in {text!r}: cue {[d.cue for d in dets]}"
