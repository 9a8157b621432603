"""Negation, modality and party role around a detection's anchor.

No dependency parse is available (blank pipeline), so structure comes from
clause boundaries and word order: the modal verb nearest before the anchor in
the same clause, the party named nearest before that modal, and negation cues
in that stretch. Rules read these attributes; patterns never need to encode
them.

- negated: "shall not assign", "no party may ...", "in no event shall ..."
- modality: obligation (shall/must/will/agrees), permission (may/is entitled
  to/has the right), weak (reasonable efforts/where practicable/should),
  prohibition (a negated obligation or permission)
- party/role: who the clause binds or empowers; role is "public" (city,
  authority...), "vendor" (contractor, supplier...), "both" (either party) or
  None when only a name is known.
"""

from __future__ import annotations

from dataclasses import dataclass

_BOUNDARY = {";", ":", "unless", "except", "provided", "but", "however", "whereas", "although", "if", "until", "where", "when", "whereby"}
_NEG = {"not", "n't", "no", "never", "neither", "nor", "cannot", "nothing", "none", "nobody"}
_SENTENCE_NEG = (("in", "no", "event"), ("under", "no", "circumstances"), ("in", "no", "case"), ("nothing", "in", "this"), ("neither", "party"))
_NOT_NEGATING_AFTER = {"limited", "limit", "only", "less", "more", "later", "earlier", "fewer", "exceeding", "to", "withstanding"}

OBLIGATION = (("shall",), ("must",), ("will",), ("agrees",), ("agree",), ("undertakes",), ("undertake",), ("covenants",), ("is", "required"), ("are", "required"), ("is", "obligated"), ("are", "obligated"), ("is", "obliged"), ("has", "to"), ("is", "responsible"), ("are", "responsible"), ("commits",), ("guarantees",))
PERMISSION = (("may",), ("can",), ("is", "entitled"), ("are", "entitled"), ("be", "entitled"), ("has", "the", "right"), ("have", "the", "right"), ("reserves", "the", "right"), ("at", "its", "option"), ("at", "its", "sole", "option"), ("in", "its", "discretion"), ("at", "its", "discretion"), ("at", "its", "sole", "discretion"), ("in", "its", "sole", "discretion"), ("is", "permitted"), ("are", "permitted"), ("is", "authorized"), ("is", "authorised"), ("has", "the", "option"), ("right", "to"), ("option", "to"), ("be", "permitted"))
WEAK = (("reasonable", "efforts"), ("reasonable", "endeavours"), ("reasonable", "endeavors"), ("best", "efforts"), ("best", "endeavours"), ("good", "faith", "efforts"), ("endeavour",), ("endeavor",), ("endeavours",), ("endeavors",), ("where", "practicable"), ("where", "possible"), ("if", "practicable"), ("if", "possible"), ("as", "far", "as", "possible"), ("to", "the", "extent", "practicable"), ("to", "the", "extent", "possible"), ("to", "the", "extent", "feasible"), ("as", "appropriate"), ("where", "appropriate"), ("aim", "to"), ("aims", "to"), ("strive",), ("strives",), ("seek", "to"), ("seeks", "to"), ("should",), ("is", "encouraged"), ("are", "encouraged"), ("intends", "to"), ("expects", "to"), ("where", "feasible"), ("if", "feasible"), ("as", "soon", "as", "practicable"), ("subject", "to", "availability"))

PUBLIC = {"city", "town", "municipality", "council", "county", "borough", "authority", "government", "ministry", "department", "agency", "commission", "purchaser", "district", "region", "province", "state", "metropolis", "township", "village", "prefecture", "administration", "employer", "procuring"}
PUBLIC_PHRASES = (("public", "body"), ("contracting", "authority"), ("contracting", "entity"), ("public", "authority"), ("the", "public", "sector"), ("local", "government"), ("procuring", "entity"))
VENDOR = {"contractor", "vendor", "supplier", "provider", "consultant", "developer", "operator", "concessionaire", "bidder", "bidders", "proposer", "proposers", "respondent", "respondents", "tenderer", "tenderers", "integrator", "manufacturer", "licensor", "subcontractor", "contractors", "vendors", "suppliers", "providers", "offeror", "offerors", "seller"}
VENDOR_PHRASES = (("service", "provider"), ("successful", "bidder"), ("successful", "proposer"), ("solution", "provider"), ("private", "partner"))
BOTH_PHRASES = (("either", "party"), ("each", "party"), ("both", "parties"), ("the", "parties"), ("neither", "party"), ("any", "party"), ("a", "party"), ("either", "of", "the", "parties"), ("each", "of", "the", "parties"), ("the", "other", "party"))


@dataclass(slots=True)
class Attributes:
    negated: bool
    modality: str | None
    party: str | None
    role: str | None
    party_index: int | None = None


def _match_at(words: list[str], i: int, seq: tuple[str, ...]) -> bool:
    return words[i : i + len(seq)] == list(seq)


def clause_start(words: list[str], anchor: int) -> int:
    """Index of the first token of the clause containing `anchor`."""
    i = anchor - 1
    while i >= 0:
        w = words[i]
        if w in (";", ":") or (w in _BOUNDARY and i > 0 and words[i - 1] == ","):
            return i + 1
        i -= 1
    return 0


def _find_back(words: list[str], start: int, end: int, seqs) -> tuple[int, tuple[str, ...]] | None:
    """Nearest sequence from `seqs` that starts in [start, end), searching backwards."""
    for i in range(end - 1, start - 1, -1):
        for seq in seqs:
            if _match_at(words, i, seq) and i + len(seq) <= end + 3:
                return i, seq
    return None


def is_negated(words: list[str], anchor: int, start: int | None = None) -> bool:
    if start is None:
        start = clause_start(words, anchor)
    lo = max(start, anchor - 12)
    for i in range(lo, anchor):
        w = words[i]
        if w in _NEG:
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if w == "not" and (nxt in _NOT_NEGATING_AFTER or (i > 0 and words[i - 1] in ("but", "whether", "or"))):
                continue
            if w == "no" and nxt in ("later", "less", "more", "fewer", "earlier", "additional", "extra", "charge", "cost"):
                continue
            if w == "nor" and i > 0 and words[i - 1] == "or":
                continue
            return True
    head = words[: min(len(words), 6)]
    for seq in _SENTENCE_NEG:
        n = len(seq)
        for i in range(0, max(0, min(len(head), 4) - n + 2)):
            if words[i : i + n] == list(seq) and i + n <= anchor:
                return True
    return False


def modality(words: list[str], anchor: int, start: int, sentence_words: list[str]) -> tuple[str | None, int | None]:
    """(modality, index of the modal) for the anchor's clause."""
    for i in range(len(sentence_words)):
        for seq in WEAK:
            if _match_at(sentence_words, i, seq):
                return "weak", i
    hit = None
    for i in range(anchor - 1, start - 1, -1):
        for seq in PERMISSION:
            if _match_at(words, i, seq):
                hit = ("permission", i)
                break
        if hit:
            break
        for seq in OBLIGATION:
            if _match_at(words, i, seq):
                # "shall have the right" / "will be entitled" read as permission
                after = words[i + 1 : i + 5]
                if after[:3] in (["have", "the", "right"], ["be", "entitled", "to"]) or after[:2] == ["be", "entitled"] or after[:3] == ["have", "the", "option"]:
                    hit = ("permission", i)
                else:
                    hit = ("obligation", i)
                break
        if hit:
            break
    if hit is None:
        # Passive or post-anchor modal: "Data shall remain the property of..."
        for i in range(anchor, min(len(words), anchor + 6)):
            for kind, seqs in (("permission", PERMISSION), ("obligation", OBLIGATION)):
                if any(_match_at(words, i, s) for s in seqs):
                    return kind, i
        return None, None
    return hit


def find_party(words: list[str], texts: list[str], before: int, start: int, party_terms: dict[str, str | None]) -> tuple[str | None, str | None, int | None]:
    """Nearest party mention before index `before` within the clause."""
    for i in range(before - 1, start - 1, -1):
        for seq in BOTH_PHRASES:
            if _match_at(words, i, seq):
                return " ".join(texts[i : i + len(seq)]), "both", i
        for seq in PUBLIC_PHRASES:
            if _match_at(words, i, seq):
                return " ".join(texts[i : i + len(seq)]), "public", i
        for seq in VENDOR_PHRASES:
            if _match_at(words, i, seq):
                return " ".join(texts[i : i + len(seq)]), "vendor", i
        w = words[i]
        if w in PUBLIC and (texts[i][:1].isupper() or (i > 0 and words[i - 1] in ("the", "each", "any"))):
            return texts[i], "public", i
        if w in VENDOR:
            return texts[i], "vendor", i
        if w in party_terms and texts[i][:1].isupper():
            return texts[i], party_terms[w], i
    return None, None, None


def passive_agent(words: list[str], texts: list[str], anchor: int, end: int, party_terms: dict[str, str | None]):
    """"... may be terminated by the City" -> City."""
    for i in range(anchor + 1, min(end, anchor + 8)):
        if words[i] == "by":
            party, role, idx = find_party(words, texts, min(end, i + 5), i + 1, party_terms)
            if party:
                return party, role, idx
            return None, None, None
    return None, None, None


def resolve(words: list[str], texts: list[str], anchor: int, party_terms: dict[str, str | None]) -> Attributes:
    start = clause_start(words, anchor)
    negated = is_negated(words, anchor, start)
    mod, modal_at = modality(words, anchor, start, words)
    if negated and mod in ("obligation", "permission"):
        mod = "prohibition"
    party_before = modal_at if modal_at is not None and modal_at < anchor else anchor
    party, role, idx = find_party(words, texts, party_before, start, party_terms)
    if party is None and start > 0:
        # "Upon notice, the City may ..." is one clause; but "..., provided that Vendor may" starts a new one.
        party, role, idx = find_party(words, texts, party_before, 0, party_terms)
    if party is None:
        party, role, idx = passive_agent(words, texts, anchor, len(words), party_terms)
    return Attributes(negated=negated, modality=mod, party=party, role=role, party_index=idx)
