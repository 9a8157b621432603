"""Sentence splitting: where a full stop ends a sentence in contract text, and where it does not."""

from __future__ import annotations

import pytest

from pcsc_procure.segment.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an initial or an abbreviation ends nothing
        ("Signed by J. Smith for Acme Inc. on behalf of the Buyer. The Buyer agrees.", ["Signed by J. Smith for Acme Inc. on behalf of the Buyer.", "The Buyer agrees."]),
        ("Delivery to the U.S. Government is by sea. The Buyer pays.", ["Delivery to the U.S. Government is by sea.", "The Buyer pays."]),
        # a lettered part of the document ends a sentence: its letter is a label, not an initial
        (
            "The Integration will perform in accordance with Exhibit A. As Buyer's sole remedy, Seller shall correct it.",
            ["The Integration will perform in accordance with Exhibit A.", "As Buyer's sole remedy, Seller shall correct it."],
        ),
        ("The prices are in Schedule B. They are fixed.", ["The prices are in Schedule B.", "They are fixed."]),
    ],
)
def test_split_sentences(text, expected):
    assert sentences(text) == expected
