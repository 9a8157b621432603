"""Load and validate clause-kind detector files (`detect/kinds/*.yaml`).

A detector file describes one clause kind:

    kind: auto-renewal            # name used by rules, reports and `clauses`
    title: Automatic renewal
    description: The term renews by itself unless a party gives notice.
    cuad: Renewal Term            # optional CUAD category it maps to
    negation: drop                # drop (default): "shall not renew automatically" is not this kind
                                  # keep: the kind is itself negative or neutral (anti-assignment)
                                  # bar: kept, and the kind is ordinarily a bar ("X shall not assign",
                                  # "neither party shall be liable"): a passage that a negated part
                                  # opens keeps that part's attributes (see spans.absorb)
    vocab:                        # named phrase groups, case-insensitive, matched on tokens;
      renew: ["renew{s,ed,al}", "extend{ed}"]    # {a,b} expands: renew, renews, renewed, renewal
    match:                        # a sentence is this kind when any cue matches
      - all: [renew, auto]        # every group occurs (the first is the anchor)
        any: [term]               # and at least one of these
        none: [no-renew]          # and none of these
        near: 15                  # all groups within 15 tokens of the anchor
        order: true               # groups occur in the order listed
        heading: [renewal-head]   # the block's heading or caption contains one of these
        modality: [permission]    # optional: the anchor's resolved modality is one of these
                                  # (obligation, permission, weak, prohibition, none)
        negated: false            # optional: only non-negated (false) / negated (true) anchors
        role: public              # optional: the party resolved for the anchor has this role
        stands: false             # optional: what this cue finds is an exception to the clause ("X may
                                  # assign to its affiliates" after "Y shall not assign"): found alone
                                  # it is the kind, but joined to a passage it never stands for it
        party: counterparty       # optional: report the other party to the one resolved (a
                                  # remedy of one party limits the other's liability);
                                  # or `consequence`: when the anchor sits in a leading
                                  # condition, the subject of the main clause ("if X undergoes
                                  # a change of control, Y may terminate": Y holds the right)
        maker: other              # optional: the clause names who makes the thing ("conceived
                                  # by X") and X is not the party resolved (IP made by one
                                  # party and owned by the other is assigned)
        fallback: true            # optional: what this cue finds stands only in a document where
                                  # no other cue of the kind finds anything ("X shall have the right
                                  # to use ..." is the licence of a contract with no grant clause,
                                  # a side permission in one that has one)
        named: true               # optional: the anchor is (true) / is not (false) written as a
                                  # name, each word capitalised ("the Minimum Purchase Commitment":
                                  # a defined term, often named in passing)
        scope: item               # optional: all occurrences lie in one item of an enumerated
                                  # sentence (items begin at "(i)", "(b)" or after ";")
        window: clause            # optional: the cue is also tried on a list's lead-in (a block
                                  # ending with ":") joined with each item after it; the
                                  # detection spans lead-in to item (default: sentence)
      - tokens: [{LOWER: evergreen}]   # a raw spaCy Matcher pattern (anchor = the match; with
                                       # `all`, `near` counts from the match)
    exclude:                      # a sentence matching any of these is never this kind
      - all: [renew, option]
    mask: [non-renewal]           # occurrences of these groups hide any other group's
                                  # occurrence they overlap ("exclusive" in "non-exclusive")
    extract: [duration]           # values to pull from matching sentences
    continue: [policy-words]      # optional: a sentence right after a detection, in the same
                                  # block, that has one of these groups continues the passage
                                  # ("... shall maintain insurance. Such policies shall ...")
    home: [law-head]              # optional: when some detection lies under a heading with one
                                  # of these groups, the kind's detections under other headings
                                  # in the document are dropped (mentions outside its own clause)
    home-scope: clause            # optional: the sub-clauses of a clause with a detection at home
                                  # are at home too, under run-in captions of their own ("12.3
                                  # Exceptions. THE LIMITATIONS ... SHALL NOT APPLY TO ..." beside
                                  # "12.1 Exclusion of Damages"); default: heading
    join: section                 # optional: detections of this kind under the same numbered
                                  # clause and heading are one passage (a clause whose sentences
                                  # are spread over sub-paragraphs is reported once)
    definitions: keep             # optional: a definition may carry this kind, where
                                  # the defined term is the clause ('"Warranty Period"
                                  # means twelve months from delivery')

Groups named in cues but not in `vocab` come from the shared `_vocab.yaml`.

Span policy (`detect.spans`), the same for every kind: a detection is one
sentence; captions ("12. Governing Law."), definitions ('"X" means ...') never
carry one (unless the kind says `definitions: keep`); words inside
cross-reference titles ("Section 14.5 (Governing Law)") are ignored;
detections of one kind in consecutive sentences of one block are joined into
one passage.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from pcsc_procure.errors import RuleError
from pcsc_procure.yamlio import line_of, load_yaml_file

KIND_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_BRACES = re.compile(r"\{([^{}]*)\}")
INF = 10**9
_RANGE = re.compile(r"^\{(\d*)(?:(,)(\d*))?\}$")
# "{0,12}" is expanded into 12 optional tokens, and the Matcher's states double with each:
# "{0,24}" took 2 s and 230 MB on one 30-token sentence, "{0,30}" ran out of memory
MAX_OP_SPAN = 16
# ... and the optional tokens of all a pattern's ranges add up: "exclusive ( even as to {1,14} ) {0,16} license" (30 in all)
# made detection over the CUAD dev contracts four times slower; the widest cues in use have 18
MAX_OP_TOTAL = 20


def op_bounds(op: str) -> tuple[int, int]:
    """(min, max) number of tokens one pattern token with this OP consumes."""
    if op in ("1", "!"):
        return (1, 1) if op == "1" else (0, 0)
    if op == "?":
        return 0, 1
    if op == "*":
        return 0, INF
    if op == "+":
        return 1, INF
    m = _RANGE.match(op)
    if not m:
        return 0, INF
    lo = int(m.group(1) or 0)
    if not m.group(2):
        return lo, lo
    return lo, int(m.group(3)) if m.group(3) else INF


CUE_KEYS = {"id", "all", "any", "none", "near", "order", "heading", "tokens", "negated", "role", "window", "modality", "scope", "party", "stands", "maker",
            "fallback", "named"}
MODALITIES = ("obligation", "permission", "weak", "prohibition", "none")
CONTINUE = "continue"  # the cue id of a kind's `continue` groups, on the detections they make
KIND_KEYS = {"kind", "title", "description", "cuad", "negation", "vocab", "match", "exclude", "extract", "pillar", "mask", "continue", "home", "home-scope", "join", "definitions"}
EXTRACTORS = {"duration", "money", "percent"}
SHARED_VOCAB = "_vocab.yaml"


@dataclass
class Cue:
    id: str
    all: list[str] = field(default_factory=list)
    any: list[str] = field(default_factory=list)
    none: list[str] = field(default_factory=list)
    heading: list[str] = field(default_factory=list)
    near: int | None = None
    order: bool = False
    tokens: list | None = None
    window: str = "sentence"  # or "clause": also read a list's lead-in together with each item
    negated: bool | None = None  # only match negated (True) / non-negated (False) anchors
    role: str | None = None
    modality: list[str] = field(default_factory=list)  # resolved modality must be one of these
    scope: str = "sentence"  # or "item": every occurrence in one item of an enumerated sentence
    party: str | None = None  # "counterparty": report the other party to the one resolved; "consequence": see spec doc
    stands: bool = True  # false: a part it finds never stands for a passage it joins (an exception to a bar)
    maker: str | None = None  # "other": the clause names who makes the thing ("made by X"), and X is not the party
    fallback: bool = False  # true: found only in a document where the kind's other cues find nothing
    named: bool | None = None  # only anchors written (True) / not written (False) as a capitalised name
    line: int | None = None

    @property
    def anchor(self) -> str | None:
        if self.all:
            return self.all[0]
        if self.any:
            return None
        return None

    def groups(self) -> set[str]:
        return set(self.all) | set(self.any) | set(self.none) | set(self.heading)


@dataclass
class KindSpec:
    kind: str
    title: str
    description: str
    path: str
    cuad: str | None = None
    negation: str = "drop"
    vocab: dict[str, list[str]] = field(default_factory=dict)
    match: list[Cue] = field(default_factory=list)
    exclude: list[Cue] = field(default_factory=list)
    extract: list[str] = field(default_factory=list)
    pillar: str | None = None
    mask: list[str] = field(default_factory=list)
    continuation: Cue | None = None  # `continue:` groups, as a cue with `any`
    home: list[str] = field(default_factory=list)  # heading groups of the kind's own clause
    home_scope: str = "heading"  # "clause": a home detection's sibling sub-clauses are at home too
    join: str | None = None  # "section": one passage per numbered clause (see spans.join_sections)
    definitions: str = "drop"  # "keep": a definition can carry this kind ('"Warranty Period" means twelve months ...')

    @property
    def cues(self) -> tuple[Cue, ...]:
        """Every cue whose groups a sentence's hits are read for: match, exclude and the continuation."""
        return (*self.match, *self.exclude, *((self.continuation,) if self.continuation else ()))


def expand_braces(phrase: str) -> list[str]:
    """`terminat{e,es,ion}` -> terminate, terminates, termination; `{}` parts multiply."""
    parts = _BRACES.split(phrase)
    if len(parts) == 1:
        return [phrase]
    literals = parts[0::2]
    options = [opt.split(",") for opt in parts[1::2]]
    out = []
    for combo in itertools.product(*options):
        s = literals[0]
        for opt, lit in zip(combo, literals[1:]):
            s += opt + lit
        out.append(" ".join(s.split()))
    return out


def _str_list(value, path: str, line: int | None, what: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleError(path, f"{what} must be a list of non-empty strings", line)
    return list(value)


def _parse_cue(raw, path: str, index: int, what: str) -> Cue:
    line = line_of(raw)
    if not isinstance(raw, dict):
        raise RuleError(path, f"{what}[{index}] must be a mapping with all/any/tokens", line)
    unknown = set(raw) - CUE_KEYS
    if unknown:
        raise RuleError(path, f"{what}[{index}]: unknown key(s) {', '.join(sorted(map(str, unknown)))} (allowed: {', '.join(sorted(CUE_KEYS))})", line)
    cue = Cue(id=str(raw.get("id") or f"{what}{index}"), line=line)
    for key in ("all", "any", "none", "heading"):
        if key in raw:
            setattr(cue, key, _str_list(raw[key], path, line, f"{what}[{index}].{key}"))
    if "tokens" in raw:
        pattern = raw["tokens"]
        if not isinstance(pattern, list) or not pattern or not all(isinstance(t, dict) for t in pattern):
            raise RuleError(path, f"{what}[{index}].tokens must be a non-empty list of spaCy token patterns", line)
        cue.tokens = [dict(t) for t in pattern]
        optional = 0  # the optional tokens of the whole pattern, its bounded ranges expanded
        for t_index, token in enumerate(cue.tokens):
            op = token.get("OP")
            lo, hi = op_bounds(str(op)) if op is not None and (str(op).startswith("{") or op == "?") else (0, 0)
            if hi != INF and hi - lo > MAX_OP_SPAN:  # ("*" and "{3,}" are one repeating state, not expanded)
                raise RuleError(path, f"{what}[{index}].tokens[{t_index}].OP {op!r}: at most {MAX_OP_SPAN} optional tokens in one "
                                      "range (the matcher's work doubles with each one); use \"*\" and a `near` limit instead", line)
            if hi != INF:
                optional += hi - lo
        if optional > MAX_OP_TOTAL:
            raise RuleError(path, f"{what}[{index}].tokens: {optional} optional tokens in its ranges, at most {MAX_OP_TOTAL} in one "
                                  "pattern (the matcher's work doubles with each one); use \"*\" and a `near` limit instead", line)
    if not cue.all and not cue.any and not cue.tokens:
        raise RuleError(path, f"{what}[{index}] needs `all`, `any` or `tokens`", line)
    if "near" in raw:
        if not isinstance(raw["near"], int) or isinstance(raw["near"], bool) or raw["near"] < 1:
            raise RuleError(path, f"{what}[{index}].near must be a positive integer", line)
        cue.near = raw["near"]
    if "order" in raw:
        cue.order = bool(raw["order"])
    if "window" in raw:
        if raw["window"] not in ("sentence", "clause"):
            raise RuleError(path, f"{what}[{index}].window must be 'sentence' or 'clause'", line)
        cue.window = raw["window"]
    if "scope" in raw:
        if raw["scope"] not in ("sentence", "item"):
            raise RuleError(path, f"{what}[{index}].scope must be 'sentence' or 'item'", line)
        cue.scope = raw["scope"]
    if "negated" in raw:
        if not isinstance(raw["negated"], bool):
            raise RuleError(path, f"{what}[{index}].negated must be true or false", line)
        cue.negated = raw["negated"]
    if "role" in raw:
        if raw["role"] not in ("public", "vendor", "both"):
            raise RuleError(path, f"{what}[{index}].role must be public, vendor or both", line)
        cue.role = raw["role"]
    if "stands" in raw:
        if not isinstance(raw["stands"], bool):
            raise RuleError(path, f"{what}[{index}].stands must be true or false", line)
        cue.stands = raw["stands"]
    if "party" in raw:
        if raw["party"] not in ("counterparty", "consequence"):
            raise RuleError(path, f"{what}[{index}].party must be counterparty or consequence", line)
        cue.party = raw["party"]
    if "maker" in raw:
        if raw["maker"] != "other":
            raise RuleError(path, f"{what}[{index}].maker must be other", line)
        cue.maker = raw["maker"]
    if "fallback" in raw:
        if not isinstance(raw["fallback"], bool):
            raise RuleError(path, f"{what}[{index}].fallback must be true or false", line)
        cue.fallback = raw["fallback"]
    if "named" in raw:
        if not isinstance(raw["named"], bool):
            raise RuleError(path, f"{what}[{index}].named must be true or false", line)
        cue.named = raw["named"]
    if "modality" in raw:
        mods = _str_list(raw["modality"], path, line, f"{what}[{index}].modality")
        bad = [m for m in mods if m not in MODALITIES]
        if bad:
            raise RuleError(path, f"{what}[{index}].modality: unknown {', '.join(bad)} (known: {', '.join(MODALITIES)})", line)
        cue.modality = mods
    return cue


def parse_vocab(raw, path: str) -> dict[str, list[str]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise RuleError(path, "vocab must be a mapping of group name to phrase list", line_of(raw))
    vocab = {}
    for name, phrases in raw.items():
        if not isinstance(name, str) or not KIND_NAME.match(name):
            raise RuleError(path, f"vocab group name {name!r} must be lower-case letters, digits and dashes", line_of(raw))
        items = _str_list(phrases, path, line_of(phrases, line_of(raw)), f"vocab.{name}")
        expanded: list[str] = []
        for p in items:
            expanded.extend(expand_braces(p))
        vocab[name] = expanded
    return vocab


def load_kind(path: Path, shared_vocab: dict[str, list[str]]) -> KindSpec:
    raw = load_yaml_file(path)
    p = str(path)
    if not isinstance(raw, dict):
        raise RuleError(p, "a detector file must be a mapping with kind, title, description, vocab, match", line_of(raw, 1))
    unknown = set(raw) - KIND_KEYS
    if unknown:
        raise RuleError(p, f"unknown key(s) {', '.join(sorted(map(str, unknown)))}", line_of(raw))
    for key in ("kind", "title", "description", "match"):
        if key not in raw:
            raise RuleError(p, f"missing required key `{key}`", line_of(raw))
    kind = raw["kind"]
    if not isinstance(kind, str) or not KIND_NAME.match(kind):
        raise RuleError(p, f"kind {kind!r} must be lower-case letters, digits and dashes", line_of(raw))
    if kind != path.stem:
        # known_kinds() lists kinds by file name, without parsing every detector
        raise RuleError(p, f"kind {kind!r} must match the file name ({path.stem}.yaml)", line_of(raw))
    negation = raw.get("negation", "drop")
    if negation not in ("drop", "keep", "bar"):
        raise RuleError(p, "negation must be 'drop', 'keep' or 'bar'", line_of(raw))
    vocab = parse_vocab(raw.get("vocab"), p)
    if not isinstance(raw["match"], list) or not raw["match"]:
        raise RuleError(p, "match must be a non-empty list of cues", line_of(raw))
    match = [_parse_cue(c, p, i, "match") for i, c in enumerate(raw["match"])]
    exclude_raw = raw.get("exclude") or []
    if not isinstance(exclude_raw, list):
        raise RuleError(p, "exclude must be a list of cues", line_of(raw))
    exclude = [_parse_cue(c, p, i, "exclude") for i, c in enumerate(exclude_raw)]
    extract = _str_list(raw.get("extract", []), p, line_of(raw), "extract") if raw.get("extract") else []
    bad = set(extract) - EXTRACTORS
    if bad:
        raise RuleError(p, f"unknown extractor(s) {', '.join(sorted(bad))} (known: {', '.join(sorted(EXTRACTORS))})", line_of(raw))
    mask = _str_list(raw["mask"], p, line_of(raw), "mask") if raw.get("mask") else []
    continuation = Cue(id=CONTINUE, any=_str_list(raw["continue"], p, line_of(raw), "continue")) if raw.get("continue") else None
    home = _str_list(raw["home"], p, line_of(raw), "home") if raw.get("home") else []
    home_scope = raw.get("home-scope", "heading")
    if home_scope not in ("heading", "clause"):
        raise RuleError(p, f"home-scope must be 'heading' or 'clause' (got {home_scope!r})", line_of(raw))
    if home_scope == "clause" and not home:
        raise RuleError(p, "home-scope needs home headings", line_of(raw))
    join = raw.get("join")
    if join not in (None, "section"):
        raise RuleError(p, f"join must be 'section' (got {join!r})", line_of(raw))
    definitions = raw.get("definitions", "drop")
    if definitions not in ("drop", "keep"):
        raise RuleError(p, f"definitions must be 'drop' or 'keep' (got {definitions!r})", line_of(raw))
    for what, groups in (("mask", mask), ("continue", continuation.any if continuation else []), ("home", home)):
        for group in groups:
            if group not in vocab and group not in shared_vocab:
                raise RuleError(p, f"{what} names vocab group {group!r}, which is defined neither here nor in {SHARED_VOCAB}", line_of(raw))
    for cue in match + exclude:
        for group in cue.groups():
            if group not in vocab and group not in shared_vocab:
                raise RuleError(p, f"cue {cue.id!r} names vocab group {group!r}, which is defined neither here nor in {SHARED_VOCAB}", cue.line)
    return KindSpec(
        kind=kind,
        title=str(raw["title"]),
        description=str(raw["description"]),
        path=p,
        cuad=raw.get("cuad"),
        negation=negation,
        vocab=vocab,
        match=match,
        exclude=exclude,
        extract=extract,
        pillar=raw.get("pillar"),
        mask=mask,
        continuation=continuation,
        home=home,
        home_scope=home_scope,
        join=join,
        definitions=definitions,
    )


def load_kinds(folder: Path) -> tuple[list[KindSpec], dict[str, list[str]]]:
    """All detector files in `folder`, plus the shared vocabulary."""
    shared_path = folder / SHARED_VOCAB
    shared: dict[str, list[str]] = {}
    if shared_path.exists():
        raw = load_yaml_file(shared_path)
        if not isinstance(raw, dict) or "vocab" not in raw:
            raise RuleError(str(shared_path), "the shared vocabulary file must have a top-level `vocab` mapping", 1)
        shared = parse_vocab(raw["vocab"], str(shared_path))
    kinds = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        spec = load_kind(path, shared)
        if spec.kind in seen:
            raise RuleError(str(path), f"kind {spec.kind!r} is already defined in {seen[spec.kind]}", 1)
        seen[spec.kind] = str(path)
        kinds.append(spec)
    return kinds, shared
