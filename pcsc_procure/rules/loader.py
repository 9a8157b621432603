"""Load rule files and check them, pointing at `file:line` on any mistake.

A rule file holds one pillar's rules:

    pillar: data-ownership
    rules:
      - id: PCSC-DATA-001
        name: missing-public-data-ownership
        title: The public body owns the data
        severity: error                 # error | warning | info
        applies_to: [contract, rfp]
        domains: [general]              # general = every document; else any of the inferred domains
        source: "IG-PCSC 2.2.4, Actions 1 (public control over data)"
        rationale: Why it matters, in plain words.
        message: What is wrong in a contract.
        message_rfp: What is wrong in an RFP (optional).
        check:
          require: public-data-ownership      # or forbid / weak / threshold
          where: {role: [public, both], modality: [...], negated: false,
                  unless: {role: [vendor], modality: [permission]}}   # detections matching all of these do not count
          when: {domains: [iot], present: [kind], absent: [kind]}
        fix: public-data-ownership            # clause template id
        examples:
          fail: ["a passage that triggers the rule"]
          pass: ["a passage that satisfies it"]
"""

from __future__ import annotations

import re
from pathlib import Path

from pcsc_procure.errors import RuleError
from pcsc_procure.rules.model import DOC_TYPES, SEVERITIES, Check, Rule, Threshold, When, Where
from pcsc_procure.yamlio import line_of, load_yaml_file

RULE_ID = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$")
NAME = re.compile(r"^[a-z][a-z0-9-]*$")
RULE_KEYS = {"id", "name", "title", "pillar", "severity", "applies_to", "domains", "source", "rationale", "message", "message_rfp", "check", "fix", "examples", "help_uri"}
REQUIRED = ("id", "title", "severity", "source", "rationale", "message", "check")
CHECK_TYPES = ("require", "forbid", "weak", "threshold")
CHECK_KEYS = set(CHECK_TYPES) | {"where", "when", "modality"}
ROLES = {"public", "vendor", "both", "unknown"}
MODALITIES = {"obligation", "permission", "weak", "prohibition", "none"}
VALUES = {"hours", "days", "years", "months", "amount", "percent"}


def _err(path, msg, node=None, line=None):
    return RuleError(path, msg, line or line_of(node))


def _strings(value, path, node, what, allowed=None) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise _err(path, f"{what} must be a string or a list of strings", node)
    if allowed is not None:
        bad = [v for v in value if v not in allowed]
        if bad:
            raise _err(path, f"{what}: unknown value(s) {', '.join(bad)} (allowed: {', '.join(sorted(allowed))})", node)
    return list(value)


def _parse_where(raw, path, node, what: str = "check.where") -> Where:
    if raw is None:
        return Where()
    if not isinstance(raw, dict):
        raise _err(path, f"{what} must be a mapping", node)
    nested = what != "check.where"
    allowed = {"role", "modality", "negated"} | (set() if nested else {"unless"})
    unknown = set(raw) - allowed
    if unknown:
        raise _err(path, f"{what}: unknown key(s) {', '.join(sorted(map(str, unknown)))}", raw)
    where = Where(negated=None) if nested else Where()  # `unless` filters only on what it names
    if "role" in raw:
        where.role = _strings(raw["role"], path, raw, f"{what}.role", ROLES)
    if "modality" in raw:
        where.modality = _strings(raw["modality"], path, raw, f"{what}.modality", MODALITIES)
    if "negated" in raw:
        if raw["negated"] is not None and not isinstance(raw["negated"], bool):
            raise _err(path, f"{what}.negated must be true, false or null", raw)
        where.negated = raw["negated"]
    if "unless" in raw:
        where.unless = _parse_where(raw["unless"], path, raw, "check.where.unless")
        if where.unless.role is None and where.unless.modality is None and where.unless.negated is None:
            raise _err(path, "check.where.unless must name a role, modality or negated", raw)
    return where


def _parse_when(raw, path, node, kinds: set[str] | None) -> When:
    if raw is None:
        return When()
    if not isinstance(raw, dict):
        raise _err(path, "check.when must be a mapping", node)
    unknown = set(raw) - {"doc_type", "domains", "present", "absent"}
    if unknown:
        raise _err(path, f"check.when: unknown key(s) {', '.join(sorted(map(str, unknown)))}", raw)
    when = When()
    if "doc_type" in raw:
        when.doc_type = _strings(raw["doc_type"], path, raw, "check.when.doc_type", set(DOC_TYPES))
    if "domains" in raw:
        when.domains = _strings(raw["domains"], path, raw, "check.when.domains")
    for key in ("present", "absent"):
        if key in raw:
            setattr(when, key, _strings(raw[key], path, raw, f"check.when.{key}", kinds))
    return when


def _parse_check(raw, path, node, kinds: set[str] | None) -> Check:
    if not isinstance(raw, dict):
        raise _err(path, "check must be a mapping with one of: " + ", ".join(CHECK_TYPES), node)
    unknown = set(raw) - CHECK_KEYS
    if unknown:
        raise _err(path, f"check: unknown key(s) {', '.join(sorted(map(str, unknown)))} (allowed: {', '.join(sorted(CHECK_KEYS))})", raw)
    types = [t for t in CHECK_TYPES if t in raw]
    if len(types) != 1:
        raise _err(path, "check needs exactly one of: " + ", ".join(CHECK_TYPES), raw)
    ctype = types[0]
    check = Check(type=ctype, where=_parse_where(raw.get("where"), path, raw), when=_parse_when(raw.get("when"), path, raw, kinds))
    if ctype == "threshold":
        t = raw["threshold"]
        if not isinstance(t, dict) or "kind" not in t or "value" not in t or not ({"max", "min"} & set(t)):
            raise _err(path, "check.threshold needs kind, value and max or min", raw)
        extra = set(t) - {"kind", "value", "max", "min", "param", "missing"}
        if extra:
            raise _err(path, f"check.threshold: unknown key(s) {', '.join(sorted(map(str, extra)))}", t)
        kind = _strings(t["kind"], path, t, "check.threshold.kind", kinds)[0]
        if t["value"] not in VALUES:
            raise _err(path, f"check.threshold.value must be one of {', '.join(sorted(VALUES))}", t)
        for bound in ("max", "min"):
            if bound in t and (not isinstance(t[bound], (int, float)) or isinstance(t[bound], bool)):
                raise _err(path, f"check.threshold.{bound} must be a number", t)
        check.threshold = Threshold(kind=kind, value=t["value"], max=t.get("max"), min=t.get("min"), param=t.get("param"), missing=bool(t.get("missing", False)))
        check.kinds = [kind]
    else:
        check.kinds = _strings(raw[ctype], path, raw, f"check.{ctype}", kinds)
    if "modality" in raw:
        if ctype != "weak":
            raise _err(path, "check.modality only applies to weak checks (use where.modality to filter)", raw)
        check.weak_modalities = _strings(raw["modality"], path, raw, "check.modality", MODALITIES)
    return check


def parse_rule(raw, path: str, pillar: str, kinds: set[str] | None) -> Rule:
    if not isinstance(raw, dict):
        raise _err(path, "each rule must be a mapping", raw, 1)
    unknown = set(raw) - RULE_KEYS
    if unknown:
        raise _err(path, f"unknown key(s) {', '.join(sorted(map(str, unknown)))} in rule {raw.get('id', '?')}", raw)
    for key in REQUIRED:
        if key not in raw or raw[key] in (None, ""):
            raise _err(path, f"rule {raw.get('id', '?')}: missing required key `{key}`", raw)
    rid = raw["id"]
    if not isinstance(rid, str) or not RULE_ID.match(rid):
        raise _err(path, f"rule id {rid!r} must look like PCSC-DATA-001 (upper-case words joined by dashes)", raw)
    name = raw.get("name") or rid.lower()
    if not isinstance(name, str) or not NAME.match(name):
        raise _err(path, f"rule {rid}: name must be kebab-case", raw)
    if raw["severity"] not in SEVERITIES:
        raise _err(path, f"rule {rid}: severity must be one of {', '.join(SEVERITIES)}", raw)
    for key in ("title", "source", "rationale", "message"):
        if not isinstance(raw[key], str):
            raise _err(path, f"rule {rid}: {key} must be text", raw)
    applies = _strings(raw.get("applies_to", list(DOC_TYPES)), path, raw, f"rule {rid}: applies_to", set(DOC_TYPES))
    domains = _strings(raw.get("domains", ["general"]), path, raw, f"rule {rid}: domains")
    rule_pillar = raw.get("pillar", pillar)
    if not isinstance(rule_pillar, str) or not NAME.match(rule_pillar):
        raise _err(path, f"rule {rid}: pillar must be kebab-case", raw)
    check = _parse_check(raw["check"], path, raw, kinds)
    examples: dict[str, list[str]] = {}
    example_lines: dict[str, int | None] = {}
    ex = raw.get("examples")
    if ex is not None:
        if not isinstance(ex, dict) or set(ex) - {"fail", "pass"}:
            raise _err(path, f"rule {rid}: examples must be a mapping with fail and pass lists", raw)
        for key in ("fail", "pass"):
            if key in ex:
                examples[key] = _strings(ex[key], path, ex, f"rule {rid}: examples.{key}")
                example_lines[key] = line_of(ex[key], line_of(ex))
    fix = raw.get("fix")
    if fix is not None and (not isinstance(fix, str) or not NAME.match(fix)):
        raise _err(path, f"rule {rid}: fix must be a template id (kebab-case)", raw)
    msg_rfp = raw.get("message_rfp")
    if msg_rfp is not None and not isinstance(msg_rfp, str):
        raise _err(path, f"rule {rid}: message_rfp must be text", raw)
    return Rule(
        id=rid, name=name, title=raw["title"].strip(), pillar=rule_pillar, severity=raw["severity"],
        applies_to=applies, domains=domains, source=raw["source"].strip(), rationale=" ".join(raw["rationale"].split()),
        message=" ".join(raw["message"].split()), message_rfp=" ".join(msg_rfp.split()) if msg_rfp else None,
        check=check, path=path, line=line_of(raw), fix=fix, examples=examples, example_lines=example_lines,
        help_uri=raw.get("help_uri"),
    )


def load_rule_file(path: Path, kinds: set[str] | None) -> list[Rule]:
    raw = load_yaml_file(path)
    p = str(path)
    if not isinstance(raw, dict) or "rules" not in raw:
        raise RuleError(p, "a rule file must be a mapping with `pillar` and a `rules` list", line_of(raw, 1))
    unknown = set(raw) - {"pillar", "title", "description", "rules"}
    if unknown:
        raise RuleError(p, f"unknown top-level key(s) {', '.join(sorted(map(str, unknown)))}", line_of(raw, 1))
    pillar = raw.get("pillar")
    if not isinstance(pillar, str) or not NAME.match(pillar):
        raise RuleError(p, "top-level `pillar` must be a kebab-case name", line_of(raw, 1))
    rules_raw = raw["rules"]
    if not isinstance(rules_raw, list):
        raise RuleError(p, "`rules` must be a list", line_of(raw, 1))
    return [parse_rule(r, p, pillar, kinds) for r in rules_raw]


def rule_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise RuleError(str(folder), "rule folder does not exist")
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and not p.name.startswith("."))


def load_rules(folders: list[Path], kinds: set[str] | None = None) -> list[Rule]:
    """Rules from each folder in order; a later rule may not reuse an id."""
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for folder in folders:
        for path in rule_files(folder):
            for rule in load_rule_file(path, kinds):
                if rule.id in seen:
                    raise RuleError(rule.path, f"rule id {rule.id} is already defined in {seen[rule.id]}", rule.line)
                seen[rule.id] = f"{rule.path}:{rule.line}"
                rules.append(rule)
    return rules


def known_kinds() -> set[str]:
    """Clause kinds the bundled detectors provide: their file names (each detector's
    `kind` must match its file name), so listing rules parses no detector file."""
    from pcsc_procure.resources import detector_dir

    return {p.stem for p in detector_dir().glob("*.yaml") if not p.name.startswith("_")}
