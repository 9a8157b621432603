"""The results cache: hits on unchanged input, misses on any change that matters."""

from __future__ import annotations

import json
from pathlib import Path

from pcsc_procure.cache import ResultCache, run_key
from pcsc_procure.ruleset import load_ruleset

DRAFT = """# Sensor Services Agreement

This Agreement is between the City of Riverton (the "City") and ParkSense Ltd. (the "Vendor").

1. The Vendor shall install 400 parking sensors.

2. This Agreement shall automatically renew for successive one-year terms unless either party gives notice of non-renewal.
"""

USER_RULE = """pillar: local
title: Local rules
rules:
  - id: LOCAL-001
    name: sensors-mentioned
    title: Sensors need a local sign-off
    severity: error
    applies_to: [contract, rfp]
    domains: [general]
    source: "Riverton procurement policy 4.2"
    rationale: Every sensor contract needs the city engineer's sign-off.
    message: {message}
    check:
      forbid: automatic-renewal
    examples:
      fail:
        - "This Agreement shall automatically renew for successive one-year terms unless either party gives notice of non-renewal."
        - "Thereafter the Agreement will be renewed automatically for further periods of twelve months."
      pass:
        - "This Agreement ends on 31 December 2030."
        - "The City may extend the Agreement for one further year by written notice."
"""


def entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.json"))


def lint(cli, cwd, *args, cache):
    r = cli("lint", "-f", "json", "--fail-on", "never", "-j", "1", *args, cwd=cwd, env={"PCSC_PROCURE_CACHE_DIR": str(cache)})
    assert r.returncode == 0, r.stderr.decode()
    return json.loads(r.stdout)["files"]


def rules_of(files) -> list[str]:
    return sorted(f["rule"] for f in files[0]["findings"])


def test_unchanged_file_is_answered_from_the_cache(tmp_path, cli):
    (tmp_path / "draft.md").write_text(DRAFT)
    cache = tmp_path / "cache"
    first = lint(cli, tmp_path, "draft.md", cache=cache)
    stored = entries(cache)
    assert len(stored) == 1 and (cache / "CACHEDIR.TAG").is_file() and (cache / ".gitignore").read_text().strip().endswith("*")
    # poison the stored entry: a second run that printed it proves the cache was read
    entry = json.loads(stored[0].read_text())
    entry["findings"][0]["message"] = "FROM THE CACHE"
    stored[0].write_text(json.dumps(entry))
    second = lint(cli, tmp_path, "draft.md", cache=cache)
    assert "FROM THE CACHE" in [f["message"] for f in second[0]["findings"]]
    assert rules_of(first) == rules_of(second)
    # --no-cache neither reads nor writes it
    fresh = json.loads(cli("lint", "-f", "json", "--fail-on", "never", "--no-cache", "draft.md", cwd=tmp_path, env={"PCSC_PROCURE_CACHE_DIR": str(cache)}).stdout)["files"]
    assert "FROM THE CACHE" not in [f["message"] for f in fresh[0]["findings"]]
    assert entries(cache) == stored


def test_same_bytes_under_another_name_report_that_name(tmp_path, cli):
    (tmp_path / "a.md").write_text(DRAFT)
    (tmp_path / "b.md").write_text(DRAFT)
    files = lint(cli, tmp_path, "a.md", "b.md", cache=tmp_path / "cache")
    assert [f["path"] for f in files] == ["a.md", "b.md"]
    assert all(x["path"] == "b.md" for x in files[1]["findings"])


def test_file_change_invalidates(tmp_path, cli):
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT)
    cache = tmp_path / "cache"
    assert "PCSC-LOCK-002" in rules_of(lint(cli, tmp_path, "draft.md", cache=cache))
    draft.write_text(DRAFT.replace("shall automatically renew for successive one-year terms unless either party gives notice of non-renewal", "ends on 31 December 2030"))
    assert "PCSC-LOCK-002" not in rules_of(lint(cli, tmp_path, "draft.md", cache=cache))
    assert len(entries(cache)) == 2


def test_rule_change_invalidates(tmp_path, cli):
    (tmp_path / "draft.md").write_text(DRAFT)
    cache = tmp_path / "cache"
    local = tmp_path / "local-rules"
    local.mkdir()
    (local / "local.yaml").write_text(USER_RULE.format(message="First wording."))
    first = lint(cli, tmp_path, "--rules", str(local), "draft.md", cache=cache)
    assert [f["message"] for f in first[0]["findings"] if f["rule"] == "LOCAL-001"] == ["First wording."]
    (local / "local.yaml").write_text(USER_RULE.format(message="Second wording."))
    second = lint(cli, tmp_path, "--rules", str(local), "draft.md", cache=cache)
    assert [f["message"] for f in second[0]["findings"] if f["rule"] == "LOCAL-001"] == ["Second wording."]
    # so does a selection or a parameter: different findings, different key
    selected = lint(cli, tmp_path, "--select", "PCSC-LOCK", "draft.md", cache=cache)
    assert {r.split("-")[1] for r in rules_of(selected)} == {"LOCK"}


def test_version_and_options_change_the_run_key():
    rules = load_ruleset()
    base = run_key(rules, {"retention_days": 365}, {"doc_type": None}, version="0.1.0")
    assert base == run_key(rules, {"retention_days": 365}, {"doc_type": None}, version="0.1.0")
    assert base != run_key(rules, {"retention_days": 365}, {"doc_type": None}, version="0.2.0")
    assert base != run_key(rules, {"retention_days": 30}, {"doc_type": None}, version="0.1.0")
    assert base != run_key(rules, {"retention_days": 365}, {"doc_type": "rfp"}, version="0.1.0")
    assert base != run_key(rules[1:], {"retention_days": 365}, {"doc_type": None}, version="0.1.0")


def test_broken_or_unwritable_cache_only_costs_speed(tmp_path, cli):
    (tmp_path / "draft.md").write_text(DRAFT)
    cache = tmp_path / "cache"
    expected = rules_of(lint(cli, tmp_path, "draft.md", cache=cache))
    for entry in entries(cache):
        entry.write_text("{not json")
    assert rules_of(lint(cli, tmp_path, "draft.md", cache=cache)) == expected
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    assert rules_of(lint(cli, tmp_path, "draft.md", cache=blocker)) == expected


def test_cache_entries_are_data_not_code(tmp_path):
    c = ResultCache(tmp_path, "k" * 32)
    c.put("abc", {"findings": []})
    (path,) = entries(tmp_path)
    assert json.loads(path.read_text())["format"] == 1
    assert c.get("abc")["findings"] == [] and c.get("missing") is None


def test_jobs_give_the_same_report_in_input_order(tmp_path, cli):
    names = []
    for i in range(6):
        name = f"draft-{i}.md"
        (tmp_path / name).write_text(DRAFT.replace("400", str(100 + i)) + ("\n3. The Vendor shall encrypt all data.\n" if i % 2 else ""))
        names.append(name)
    one = cli("lint", "-f", "json", "--fail-on", "never", "--no-cache", "-j", "1", *names, cwd=tmp_path)
    two = cli("lint", "-f", "json", "--fail-on", "never", "--no-cache", "-j", "2", *names, cwd=tmp_path)
    assert one.returncode == two.returncode == 0
    assert json.loads(one.stdout) == json.loads(two.stdout)
    assert [f["path"] for f in json.loads(two.stdout)["files"]] == names


def test_per_file_time_budget_is_one_line_and_the_run_goes_on(tmp_path, cli):
    big = tmp_path / "huge.txt"
    big.write_text((DRAFT + "\n") * 4000)
    (tmp_path / "draft.md").write_text(DRAFT)
    (tmp_path / ".pcsc-procure.yaml").write_text("time-budget: 0.05\n")
    r = cli("lint", "-f", "json", "--no-cache", "-j", "1", "huge.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.decode().strip() == "pcsc-procure: error: huge.txt: took longer than the 0.05 s per-file time budget (time-budget); split the file or raise the limit"
    (tmp_path / ".pcsc-procure.yaml").write_text("time-budget: -1\n")
    bad = cli("lint", "draft.md", cwd=tmp_path)
    assert bad.returncode == 2 and "time-budget" in bad.stderr.decode()
