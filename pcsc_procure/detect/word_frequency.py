"""How often each common word occurs in contract sentences, from a measured table.

`word_frequency.txt` holds, per word found in at least ten CUAD dev contracts,
how many sentences in FREQUENCY_SCALE contain it (written by
benchmarks/word_frequency.py). Two readers: the prefilter tests its rarest
word groups first (an order that never changes what is detected), and the
party reader takes a capitalised word missing from the table for a name.
"""

from __future__ import annotations

from pathlib import Path

FREQUENCY_FILE = Path(__file__).with_name("word_frequency.txt")
FREQUENCY_SCALE = 10000
RARE = 1  # a word not in the table: in fewer than 5 sentences in 10,000


def _load() -> dict[str, int]:
    out: dict[str, int] = {}
    for line in FREQUENCY_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, share = line.split()
            out[word] = int(share)
    return out


SENTENCE_SHARE = _load()
