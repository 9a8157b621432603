"""The HTML report in a real headless Chromium (Debian's, driven by Playwright).

Checks what a reader gets: every passage finding highlighted on exactly its
text, missing clauses listed, filters that hide and show, no network request
at all, landmarks, headings, labelled controls, keyboard access, and WCAG AA
contrast for the severity colours (computed here from the rendered styles).
A screenshot goes to test-artifacts/ for a person to look at.

Skips, saying why, when Chromium or Playwright is missing; .ci/run installs both.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from lintkit import BREACH, DRAFT, VENDOR_DATA, write

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = next((p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if Path(p).exists()), shutil.which("chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed (apt-get install -y chromium); .ci/run installs it")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed (pip install '.[test]')")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as pw:
        # a fresh profile dir per run; never a browser downloaded by Playwright
        context = pw.chromium.launch_persistent_context(str(profile), executable_path=CHROMIUM, args=ARGS, headless=True, viewport={"width": 1400, "height": 1000})
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """An HTML report of two drafts, and the JSON findings it must show."""
    from click.testing import CliRunner

    from pcsc_procure.cli import cli

    folder = tmp_path_factory.mktemp("html")
    # overlapping findings: a clause that is both vendor-owned data and monetised
    extra = "\n3.1 The Vendor shall own all data collected by the Sensors and may sell such data to third parties for its own commercial purposes.\n"
    write(folder, "parking.md", DRAFT + extra)
    write(folder, "notes.txt", "Meeting notes <script>alert(1)</script> & more.\n\nThe Vendor shall notify the City of any security breach within 10 days.\n")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(folder)
        runner = CliRunner()
        r = runner.invoke(cli, ["lint", "-f", "html", "-o", "report.html", "parking.md", "notes.txt"], standalone_mode=False)
        assert r.return_value == 1, r.output
        r = runner.invoke(cli, ["lint", "-f", "json", "parking.md", "notes.txt"], standalone_mode=False)
    return folder / "report.html", json.loads(r.stdout), {"parking.md": (folder / "parking.md").read_text(), "notes.txt": (folder / "notes.txt").read_text()}


@pytest.fixture
def page(browser, report):
    path, _, _ = report
    requests = []
    pg = browser.new_page()
    pg.on("request", lambda r: requests.append(r.url))
    pg.goto(path.as_uri())
    pg.wait_for_load_state("load")
    pg.requests = requests
    yield pg
    pg.close()


def luminance(rgb: str) -> float:
    r, g, b = (int(x) / 255 for x in re.findall(r"\d+", rgb)[:3])
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(fg: str, bg: str) -> float:
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_self_contained_no_network(page, report):
    path, _, _ = report
    html = path.read_text()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "@import" not in html and "url(" not in html and "<link" not in html
    page.wait_for_timeout(300)
    assert page.requests == [path.as_uri()]  # the page itself, nothing else


def test_highlights_sit_on_the_findings_text(page, report):
    _, data, texts = report
    checked = 0
    for i, f in enumerate(data["files"]):
        text = texts[f["path"]]
        for j, finding in enumerate(f["findings"]):
            fid = f"f{i}-{j}"
            marks = page.eval_on_selector_all("mark[data-findings]", "(ms, id) => ms.filter(m => m.dataset.findings.split(' ').includes(id)).map(m => m.textContent)", fid)
            if finding["scope"] == "document":
                assert marks == []
                assert page.locator(f'.missing li[data-finding="{fid}"]').count() == 1
                continue
            loc = finding["location"]
            assert "".join(marks) == text[loc["start"]:loc["end"]], (finding["rule"], marks)
            checked += 1
    assert checked >= 4
    # the escaped markup in a draft stays text
    assert page.locator("script", has_text="alert(1)").count() == 0
    assert "<script>alert(1)</script>" in page.locator(".doc-text").nth(1).text_content()
    # overlapping findings share a segment
    assert page.locator("mark[data-findings*=' ']").count() >= 1
    # each side-list entry carries the guideline source and the fix template id
    d2 = next(j for j, x in enumerate(data["files"][0]["findings"]) if x["rule"] == "PCSC-DATA-002")
    item = page.locator(f"nav li#item-f0-{d2}")
    assert "Source: IG-PCSC 2.2.2" in item.text_content() and "public-data-ownership" in item.locator("code").text_content()
    assert page.locator("mark", has_text=VENDOR_DATA[:20]).count() >= 1 and BREACH in page.locator(".doc-text").first.text_content()


def test_filters_hide_and_show(page, report):
    _, data, _ = report
    total = sum(len(f["findings"]) for f in data["files"])
    warnings = sum(1 for f in data["files"] for x in f["findings"] if x["severity"] == "warning")
    privacy = sum(1 for f in data["files"] for x in f["findings"] if x["pillar"] == "privacy" and x["severity"] != "warning")
    visible = "() => [...document.querySelectorAll('nav li[data-finding]')].filter(e => e.offsetParent !== null).length"
    assert page.evaluate(visible) == total
    page.get_by_role("checkbox", name=re.compile("^warning", re.I)).uncheck()
    assert page.evaluate(visible) == total - warnings
    assert page.locator("nav li[data-severity=warning]:visible").count() == 0
    assert page.locator(".missing li[data-severity=warning]:visible").count() == 0
    assert page.locator("#shown-count").text_content() == f"{total - warnings} of {total} findings shown"
    renewal_marks = page.locator("mark", has_text="automatically renew")
    assert renewal_marks.first.get_attribute("class") == "off"  # a warning-only passage is no longer highlighted
    page.get_by_role("checkbox", name=re.compile("^privacy", re.I)).uncheck()
    assert page.evaluate(visible) == total - warnings - privacy
    page.get_by_role("checkbox", name=re.compile("^warning", re.I)).check()
    page.get_by_role("checkbox", name=re.compile("^privacy", re.I)).check()
    assert page.evaluate(visible) == total
    assert renewal_marks.first.get_attribute("class") == "sev-warning"


def test_chart_counts_per_pillar(page, report):
    _, data, _ = report
    from collections import Counter

    counts = Counter(x["pillar"] for f in data["files"] for x in f["findings"])
    bars = page.eval_on_selector_all("svg.chart g[data-pillar]", "gs => gs.map(g => [g.dataset.pillar, g.querySelectorAll('text')[1].textContent])")
    assert {p: int(n) for p, n in bars} == dict(counts)
    assert page.locator("svg.chart title").text_content() == "Findings per pillar"


def test_accessibility_basics(page):
    assert page.locator("main").count() == 1 and page.locator("nav").count() == 1
    assert page.locator("h1").count() == 1 and page.locator("h2").count() >= 3
    unlabeled = page.evaluate("() => [...document.querySelectorAll('input,select,button,textarea')].filter(e => !e.labels || e.labels.length === 0).length")
    assert unlabeled == 0
    assert page.locator("fieldset legend").all_text_contents() == ["Severity", "Pillar"]
    assert page.get_attribute("html", "lang") == "en"
    for sev in ("error", "warning", "info"):
        badge = page.locator(f".badge.sev-{sev}").first
        fg, bg = badge.evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
        assert contrast(fg, bg) >= 4.5, (sev, fg, bg)
    for mark in page.locator("mark[class^=sev-]").all():
        fg, bg = mark.evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
        assert contrast(fg, bg) >= 4.5, (fg, bg)


def test_keyboard_reaches_and_toggles_filters(page, report):
    _, data, _ = report
    total = sum(len(f["findings"]) for f in data["files"])
    page.locator("body").click(position={"x": 5, "y": 5})
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('input[data-filter]')"):
            break
    else:
        pytest.fail("Tab never reached a filter control")
    assert page.evaluate("() => document.activeElement.value") == "error"
    page.keyboard.press("Space")
    errors = sum(1 for f in data["files"] for x in f["findings"] if x["severity"] == "error")
    assert page.locator("#shown-count").text_content() == f"{total - errors} of {total} findings shown"
    page.keyboard.press("Space")
    assert page.locator("#shown-count").text_content() == f"{total} of {total} findings shown"


def test_screenshot_for_people(page):
    out = REPO / "test-artifacts"
    out.mkdir(exist_ok=True)
    shot = out / "html-report.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
