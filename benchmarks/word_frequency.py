#!/usr/bin/env python3
"""Write the table of how often words occur in contract sentences.

The prefilter (pcsc_procure/detect/prefilter.py) gates each detection cue on
the rarest of the word groups it needs: the fewer sentences the gate opens,
the fewer are tested further. Choosing the rarest group needs word
frequencies; a guess ("information" and "use" are rare) opened the gates of
some kinds for a quarter of all sentences. This script counts, over the CUAD
dev contracts, the share of sentences that contain each word (as the
prefilter reduces a sentence to words) and writes the words common enough to
matter to `pcsc_procure/detect/word_frequency.txt` (read by
`pcsc_procure/detect/word_frequency.py`).

The table orders the prefilter's tests: which sentences are detected as
which kind does not depend on it (the prefilter is exact whatever it tests
first), so it does not tune detection to the dev contracts. It also tells
the party reader which capitalised words are ordinary contract vocabulary
and so no name ("Axiometric shall" names a party, "Payment shall" does
not). Words found in fewer than MIN_DOCS contracts (names of one party or
product) are left out, so no dev contract's names are in it.

Usage: python benchmarks/word_frequency.py [--corpus DIR]
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pcsc_procure.detect.prefilter import words_of  # noqa: E402
from pcsc_procure.detect.word_frequency import FREQUENCY_FILE, FREQUENCY_SCALE  # noqa: E402
from pcsc_procure.document import read_document  # noqa: E402
from pcsc_procure.segment.sentences import split_sentences  # noqa: E402

MIN_DOCS = 10  # a word must occur in this many contracts
MIN_SHARE = 5  # ... and in this many sentences per FREQUENCY_SCALE


def count(corpus: Path) -> tuple[int, collections.Counter, collections.Counter]:
    """Sentences, and per word the sentences and the contracts containing it."""
    sentences, in_sentences, in_docs = 0, collections.Counter(), collections.Counter()
    for path in sorted((corpus / "txt").glob("*.txt")):
        doc = read_document(path)
        text = doc.analysis_text
        seen: set[str] = set()
        for block in doc.blocks:
            for start, end in split_sentences(text, block.start, block.end):
                words = words_of(text[start:end])
                sentences += 1
                in_sentences.update(words)
                seen |= words
        in_docs.update(seen)
    return sentences, in_sentences, in_docs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("PCSC_CUAD_DIR", ROOT.parent / "shared" / "corpus" / "cuad-dev")))
    args = parser.parse_args()
    sentences, in_sentences, in_docs = count(args.corpus)
    rows = []
    for word, n in in_sentences.items():
        share = round(FREQUENCY_SCALE * n / sentences)
        if in_docs[word] >= MIN_DOCS and share >= MIN_SHARE:
            rows.append((share, word))
    rows.sort(key=lambda r: (-r[0], r[1]))
    lines = [
        f"# Sentences per {FREQUENCY_SCALE:,} containing each word, over {sentences:,} sentences of the CUAD dev contracts.",
        f"# Words in at least {MIN_DOCS} contracts and {MIN_SHARE} per {FREQUENCY_SCALE:,} sentences. Written by benchmarks/word_frequency.py.",
        *(f"{word} {share}" for share, word in rows),
    ]
    tmp = FREQUENCY_FILE.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, FREQUENCY_FILE)
    print(f"{len(rows)} words from {sentences} sentences -> {FREQUENCY_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
