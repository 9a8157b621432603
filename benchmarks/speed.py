#!/usr/bin/env python3
"""Speed and memory of pcsc-procure, against reference points in the same run.

Prints one table per question (all figures are medians of repeated runs in
fresh processes; the machine is shared, so compare ratios, not seconds):

1. cold start: `--version`, `--help`, `rules list`, `lint` of a one-page
   Markdown draft, against bare `python -c pass` and against
   `python -c "import spacy; spacy.blank('en')"`;
2. text throughput: `clauses` and `lint` over CUAD dev txt files (MB/s and
   pages/s at 3,000 characters a page), against a naive regex scan of the
   same files (one keyword regex per clause kind, in a fresh process);
3. PDF: `lint` of the CUAD dev PDFs against `pdftotext` (poppler-utils) and
   against pdfplumber's own `extract_text` on the same files;
4. scaling: time and peak memory for 50-, 200- and 500-page PDFs and a 5 MB
   text file; `--jobs 1` vs `--jobs 2` on 100 files.

Every lint run uses --no-cache when the tool has a cache.
Usage: python benchmarks/speed.py [--repeat N] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CUAD = Path(os.environ.get("PCSC_CUAD_DIR", ROOT.parent / "shared" / "corpus" / "cuad-dev"))
PY = sys.executable
TOOL = [PY, "-m", "pcsc_procure"]
PAGE_CHARS = 3000

ONE_PAGE = textwrap.dedent("""\
    # Air-quality sensor network: services agreement

    This Agreement is made between the City of Lakeview (the "City") and AirSense Ltd (the "Vendor").

    1. The Vendor shall install and operate 120 air-quality sensors and publish readings every 10 minutes.
    2. The City shall own all data collected by the sensors.
    3. The Vendor shall notify the City of any security breach within 48 hours.
    4. This Agreement shall automatically renew for successive one-year terms.
    5. The City may terminate this Agreement for convenience on 60 days' written notice.
    6. The Vendor shall comply with applicable data protection law.
""")

WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter(); r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)\n"
)


def measure(cmd: list[str], repeat: int, cwd: Path | None = None) -> tuple[float, float]:
    """(median seconds, max peak RSS in MB) of `cmd` run in a fresh process each time."""
    times, peaks = [], []
    for _ in range(repeat):
        out = subprocess.run([PY, "-c", WRAPPER, *cmd], capture_output=True, text=True, cwd=cwd, check=True).stdout.split()
        times.append(float(out[0]))
        peaks.append(int(out[1]) / 1024)
    return statistics.median(times), max(peaks)


def tool_supports(flag: str) -> bool:
    help_text = subprocess.run([*TOOL, "lint", "--help"], capture_output=True, text=True).stdout
    return flag in help_text


def row(name: str, seconds: float, base: float | None = None, extra: str = "") -> str:
    ratio = f"{seconds / base:6.2f}x" if base else "       "
    return f"  {name:<52} {seconds * 1000:9.0f} ms {ratio}  {extra}"


def cold_start(repeat: int, tmp: Path, no_cache: list[str]) -> None:
    print("1. Cold start (median of fresh processes)")
    draft = tmp / "one-page.md"
    draft.write_text(ONE_PAGE)
    bare, _ = measure([PY, "-c", "pass"], repeat)
    spacy_t, _ = measure([PY, "-c", "import spacy; spacy.blank('en')"], repeat)
    print(row("python -c pass", bare))
    print(row("python -c \"import spacy; spacy.blank('en')\"", spacy_t, bare))
    for name, cmd in (("pcsc-procure --version", ["--version"]), ("pcsc-procure --help", ["--help"]), ("pcsc-procure rules list", ["rules", "list"])):
        t, _ = measure([*TOOL, *cmd], repeat)
        print(row(name, t, bare, "(target: within 6x of bare python)"))
    t, peak = measure([*TOOL, "lint", *no_cache, "--fail-on", "never", str(draft)], repeat)
    print(row("pcsc-procure lint one-page.md", t, spacy_t, f"vs spacy import+blank (target 1.2x); peak {peak:.0f} MB"))


NAIVE_SCAN = r'''
import re, sys
patterns = [re.compile(p, re.I) for p in (
    r"governed by|governing law", r"terminat\w* for convenience|without cause", r"renew", r"audit", r"escrow",
    r"exclusiv", r"hereby assign", r"jointly owned|joint ownership", r"shall not exceed|limitation of liability",
    r"unlimited liability|shall not apply", r"insurance", r"after termination|upon termination", r"change of control",
    r"assign", r"minimum", r"perpetual|irrevocable", r"grant\w* .{0,40}licen[cs]e", r"warrant\w* .{0,40}period")]
hits = 0
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    for rx in patterns:
        hits += len(rx.findall(text))
print(hits)
'''


def throughput(repeat: int, no_cache: list[str]) -> None:
    files = sorted((CUAD / "txt").glob("*.txt"))[:40]
    if not files:
        print("2. Text throughput: CUAD dev corpus not found, skipped")
        return
    chars = sum(len(f.read_text(encoding="utf-8")) for f in files)
    mb = sum(f.stat().st_size for f in files) / 1e6
    pages = chars / PAGE_CHARS
    print(f"\n2. Text throughput: {len(files)} CUAD dev contracts, {mb:.2f} MB, {pages:.0f} pages of {PAGE_CHARS} chars")
    naive, _ = measure([PY, "-c", NAIVE_SCAN, *map(str, files)], repeat)
    print(row("naive regex scan (18 keyword regexes, fresh process)", naive, None, f"{mb / naive:5.2f} MB/s"))
    for name, cmd in (("pcsc-procure clauses", ["clauses", "-f", "json"]), ("pcsc-procure lint", ["lint", *no_cache, "-f", "json", "--fail-on", "never", "--jobs", "1"] if tool_supports("--jobs") else ["lint", "-f", "json", "--fail-on", "never"])):
        t, peak = measure([*TOOL, *cmd, *map(str, files)], repeat)
        print(row(name, t, naive, f"{mb / t:5.2f} MB/s, {pages / t:6.1f} pages/s, peak {peak:.0f} MB (target for clauses: 1.5x)"))
    if no_cache:
        # A pre-commit run over unchanged files: every result comes from the cache.
        with tempfile.TemporaryDirectory() as cache:
            cmd = [*TOOL, "lint", "--cache-dir", cache, "-f", "json", "--fail-on", "never", *map(str, files)]
            subprocess.run(cmd, capture_output=True, check=False)
            t, peak = measure(cmd, repeat)
        print(row("pcsc-procure lint, cache warm (nothing changed)", t, naive, f"peak {peak:.0f} MB"))


PLUMBER = r'''
import sys, pdfplumber
n = 0
for path in sys.argv[1:]:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            n += len(page.extract_text() or "")
            page.close()
print(n)
'''


def pdf_speed(repeat: int, no_cache: list[str]) -> None:
    pdfs = sorted((CUAD / "pdf").glob("*.pdf"))
    if not pdfs:
        print("\n3. PDF: no CUAD PDFs, skipped")
        return
    import pypdfium2 as pdfium

    pages = sum(len(pdfium.PdfDocument(str(p))) for p in pdfs)
    print(f"\n3. PDF: {len(pdfs)} CUAD dev PDFs, {pages} pages")
    lint_t, peak = measure([*TOOL, "lint", *no_cache, "--fail-on", "never", *map(str, pdfs)], repeat)
    base = None
    if shutil.which("pdftotext"):
        script = "import subprocess, sys\nfor p in sys.argv[1:]: subprocess.run(['pdftotext', p, '-'], stdout=subprocess.DEVNULL, check=True)"
        base, _ = measure([PY, "-c", script, *map(str, pdfs)], repeat)
        print(row("pdftotext (poppler), all files", base, None, f"{pages / base:6.1f} pages/s"))
    else:
        print("  pdftotext not installed (apt-get install poppler-utils): reference skipped")
    plumber_t, _ = measure([PY, "-c", PLUMBER, *map(str, pdfs)], 1)
    print(row("pdfplumber extract_text, all files", plumber_t, base, f"{pages / plumber_t:6.1f} pages/s"))
    print(row("pcsc-procure lint, all files", lint_t, base, f"{pages / lint_t:6.1f} pages/s, peak {peak:.0f} MB (target: <= pdftotext)"))


def make_pdf(path: Path, pages: int, source_text: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    words = source_text.split()
    w = 0
    for _ in range(pages):
        y = 800
        for _ in range(48):
            line = " ".join(words[(w + i) % len(words)] for i in range(12))
            w += 12
            c.drawString(40, y, line)
            y -= 16
        c.showPage()
    c.save()


def scaling(repeat: int, tmp: Path, no_cache: list[str]) -> None:
    print("\n4. Scaling (time and peak memory of one lint run each)")
    corpus = " ".join(f.read_text(encoding="utf-8") for f in sorted((CUAD / "txt").glob("*.txt"))[:20]) if (CUAD / "txt").exists() else ONE_PAGE * 50
    for n in (50, 200, 500):
        pdf = tmp / f"scale-{n}.pdf"
        make_pdf(pdf, n, corpus)
        t, peak = measure([*TOOL, "lint", *no_cache, "--fail-on", "never", str(pdf)], max(1, repeat // 2))
        print(row(f"{n}-page PDF", t, None, f"{n / t:6.1f} pages/s, peak {peak:.0f} MB (target < 400 MB at 500 pages)"))
    big = tmp / "five-mb.txt"
    text = (corpus * (5_000_000 // max(len(corpus), 1) + 1))[:5_000_000]
    big.write_text(text, encoding="utf-8")
    t, peak = measure([*TOOL, "lint", *no_cache, "--fail-on", "never", str(big)], max(1, repeat // 2))
    print(row("5 MB text", t, None, f"{5 / t:5.2f} MB/s, peak {peak:.0f} MB"))
    if not tool_supports("--jobs"):
        print("  --jobs: not available in this version")
        return
    files_dir = tmp / "hundred"
    files_dir.mkdir()
    sources = sorted((CUAD / "txt").glob("*.txt"))
    for i in range(100):
        shutil.copy(sources[i % len(sources)], files_dir / f"c{i:03d}.txt")
    t1, _ = measure([*TOOL, "lint", *no_cache, "--fail-on", "never", "--jobs", "1", str(files_dir)], max(1, repeat // 2))
    t2, _ = measure([*TOOL, "lint", *no_cache, "--fail-on", "never", "--jobs", "2", str(files_dir)], max(1, repeat // 2))
    print(row("100 files, --jobs 1", t1))
    print(row("100 files, --jobs 2", t2, None, f"speed-up {t1 / t2:.2f}x (target >= 1.7x)"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="cold start and throughput only")
    args = ap.parse_args()
    no_cache = ["--no-cache"] if tool_supports("--no-cache") else []
    print(f"pcsc-procure speed benchmark; python {sys.version.split()[0]}, {os.cpu_count()} CPUs; medians of {args.repeat} runs\n")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        cold_start(args.repeat, tmp, no_cache)
        throughput(max(1, args.repeat // 2), no_cache)
        if not args.quick:
            pdf_speed(max(1, args.repeat // 2), no_cache)
            scaling(args.repeat, tmp, no_cache)
    _ = (json, time)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
