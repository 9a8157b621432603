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
