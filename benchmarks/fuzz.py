#!/usr/bin/env python3
"""Mutation fuzzing of the readers and the lint pipeline.

Takes seed documents (the sample DOCX/PDF/MD/TXT drafts, the CUAD dev PDFs),
mutates them (bit flips, truncation, spliced and duplicated chunks, inserted
junk; for DOCX also mutations of the XML parts inside the zip, which the
byte level rarely reaches through the zip checksums), and runs each mutant
through read + analyse + rules in a worker process with a time budget.

Outcomes per case: ok (linted), rejected (one InputError line: the expected
answer to a broken file), crash (any other exception, or the worker dying),
hang (over the budget). Prints the counts, and the first crashes and hangs
with the seed, mutation and error so they can be reproduced (--seed).

Usage: python benchmarks/fuzz.py [--cases 5000] [--budget 10] [--per-mb 4] [--seed 1] [--save DIR]
"""

from __future__ import annotations

import argparse
import io
import multiprocessing as mp
import random
import sys
import time
import traceback
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CUAD = ROOT.parent / "shared" / "corpus" / "cuad-dev"


def seeds() -> list[Path]:
    # the drafts only: the folder's README and KNOWN_ISSUES change, and would change every mutant after them
    notes = ("README.md", "KNOWN_ISSUES.md")
    found = sorted(p for p in (ROOT / "sample_contracts").glob("*") if p.suffix.lower() in (".docx", ".pdf", ".md", ".txt") and p.name not in notes)
    found += sorted((CUAD / "pdf").glob("*.pdf"))[:4]
    if not any(p.suffix == ".docx" for p in found):
        found.append(_built_docx())
    return found


def _built_docx() -> Path:
    import docx

    d = docx.Document()
    d.add_heading("Fuzz seed agreement", 1)
    for i in range(20):
        d.add_paragraph(f"{i + 1}. The Vendor shall notify the City of any security breach within {i + 24} hours.", style="List Number")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "Data"
    t.cell(1, 1).text = "The City owns all data."
    path = Path("/tmp/pcsc-fuzz-seed.docx")
    d.save(path)
    return path


# -- mutations ------------------------------------------------------------
def flip_bits(data: bytes, rng: random.Random) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 32)):
        if b:
            i = rng.randrange(len(b))
            b[i] ^= 1 << rng.randrange(8)
    return bytes(b)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(max(1, len(data)))]


def splice(data: bytes, rng: random.Random) -> bytes:
    if len(data) < 4:
        return data * 2
    i, j = sorted(rng.randrange(len(data)) for _ in range(2))
    k = rng.randrange(len(data))
    return data[:k] + data[i:j] * rng.randint(1, 20) + data[k:]


def junk(data: bytes, rng: random.Random) -> bytes:
    k = rng.randrange(len(data) + 1)
    payload = rng.choice([b"\x00" * 64, bytes(rng.randrange(256) for _ in range(rng.randint(1, 200))), b"<<>>" * 50, b"((((" * 500, b"\xff\xfe", b"obj<</Type/Pages/Kids[1 0 R]>>endobj"])
    return data[:k] + payload + data[k:]


XML_PAYLOADS = [
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><x>&d;&d;&d;&d;</x>',
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>',
    b"<not-xml",
    b"",
]


def mutate_docx_part(data: bytes, rng: random.Random) -> bytes:
    """Mutate one XML part inside the zip and re-zip, so the XML parsers see it."""
    try:
        zin = zipfile.ZipFile(io.BytesIO(data))
        names = zin.namelist()
    except zipfile.BadZipFile:
        return flip_bits(data, rng)
    target = rng.choice([n for n in names if n.endswith(".xml")] or names)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in names:
            part = zin.read(name)
            if name == target:
                part = rng.choice([flip_bits, truncate, splice, junk])(part, rng) if rng.random() < 0.8 else rng.choice(XML_PAYLOADS)
            zout.writestr(name, part)
    return out.getvalue()


def nest_tables(data: bytes, rng: random.Random) -> bytes:
    depth = rng.choice([20, 200, 2000])
    W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    inner = "<w:p><w:r><w:t>deep</w:t></w:r></w:p>"
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl>"
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{inner}</w:body></w:document>'.encode()
    try:
        zin = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            zout.writestr(name, xml if name == "word/document.xml" else zin.read(name))
    return out.getvalue()


BYTE_MUTATIONS = [flip_bits, truncate, splice, junk]


def mutate(path: Path, data: bytes, rng: random.Random) -> tuple[bytes, str]:
    if path.suffix.lower() == ".docx":
        choice = rng.choice([mutate_docx_part, mutate_docx_part, mutate_docx_part, nest_tables, *BYTE_MUTATIONS])
    else:
        choice = rng.choice(BYTE_MUTATIONS)
    out = data
    for _ in range(rng.randint(1, 3) if choice in BYTE_MUTATIONS else 1):
        out = choice(out, rng)
    return out, choice.__name__


# -- worker ---------------------------------------------------------------
def worker(inbox, outbox) -> None:
    from pcsc_procure.errors import UserError
    from pcsc_procure.linter import LintOptions, lint_document, read
    from pcsc_procure.ruleset import load_ruleset

    from pcsc_procure.analysis import analyse_text

    options = LintOptions(rules=load_ruleset(), params={})
    analyse_text("The Vendor shall notify the City.")  # import spaCy and compile the detectors before the clock runs
    outbox.put((None, "ready", ""))
    while True:
        item = inbox.get()
        if item is None:
            return
        case, name, data = item
        try:
            doc = read(name, options, data=data)
            lint_document(doc, options)
            outbox.put((case, "ok", ""))
        except UserError as exc:
            outbox.put((case, "rejected", str(exc)))
        except Exception:
            outbox.put((case, "crash", traceback.format_exc(limit=6)))


def start_worker(ctx, inbox, outbox):
    """A fresh worker, once it has loaded everything: start-up is not charged to the next case."""
    proc = ctx.Process(target=worker, args=(inbox, outbox), daemon=True)
    proc.start()
    outbox.get(timeout=300)
    return proc


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=5000)
    ap.add_argument("--budget", type=float, default=10.0, help="seconds per case before it counts as a hang (plus --per-mb for each MB of input)")
    ap.add_argument("--per-mb", type=float, default=4.0, help="extra seconds per MB: splices grow inputs to several MB, and linear work on them is not a hang")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--save", default="fuzz-problems", help="folder for the inputs that crashed or hung (to rerun them)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    seed_files = seeds()
    seed_data = [(p, p.read_bytes()) for p in seed_files]
    print(f"fuzz: {args.cases} cases from {len(seed_files)} seeds ({', '.join(sorted({p.suffix for p in seed_files}))}), budget {args.budget:g}s/case + {args.per_mb:g}s/MB, seed {args.seed}")
    ctx = mp.get_context("spawn")
    counts = {"ok": 0, "rejected": 0, "crash": 0, "hang": 0}
    problems: list[str] = []
    inbox, outbox = ctx.Queue(), ctx.Queue()
    proc = start_worker(ctx, inbox, outbox)
    started = time.perf_counter()
    slowest, slowest_mb = 0.0, 0.0
    for case in range(args.cases):
        path, data = seed_data[case % len(seed_data)]
        mutant, how = mutate(path, data, rng)
        inbox.put((case, f"fuzz-{case}{path.suffix}", mutant))
        t0 = time.perf_counter()
        while True:
            try:
                _, status, detail = outbox.get(timeout=0.5)
                break
            except Exception:
                if not proc.is_alive():
                    status, detail = "crash", f"worker died (exit code {proc.exitcode})"
                    break
                allowed = args.budget + args.per_mb * len(mutant) / 1e6
                if time.perf_counter() - t0 > allowed:
                    status, detail = "hang", f"over {allowed:.0f}s"
                    proc.kill()
                    break
        if time.perf_counter() - t0 > slowest:
            slowest, slowest_mb = time.perf_counter() - t0, len(mutant) / 1e6
        counts[status] += 1
        if status in ("crash", "hang"):
            saved = Path(args.save) / f"case-{case}{path.suffix}"
            saved.parent.mkdir(parents=True, exist_ok=True)
            saved.write_bytes(mutant)
            problems.append(f"case {case} seed={path.name} mutation={how}: {status}: {detail.strip().splitlines()[-1] if detail else ''} (input: {saved})")
            if not proc.is_alive() or status == "hang":
                inbox, outbox = ctx.Queue(), ctx.Queue()
                proc = start_worker(ctx, inbox, outbox)
    inbox.put(None)
    elapsed = time.perf_counter() - started
    print(f"cases {args.cases}: ok {counts['ok']}, rejected with a clear error {counts['rejected']}, crashes {counts['crash']}, hangs {counts['hang']}; "
          f"{elapsed:.0f}s total, slowest case {slowest:.2f}s ({slowest_mb:.1f} MB)")
    for line in problems[:20]:
        print("  " + line)
    return 1 if counts["crash"] or counts["hang"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
