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
- party/role: who the clause binds or empowers; where it gives one party a
  right the other grants or must allow, the party holding the right: the
  licensee of a grant, the new owner of an assignment or vesting, the party
  a bound party must permit to audit. Role is "public" (city, authority...),
  "vendor" (contractor, supplier...), "both" (either party) or None when only
  a name is known.
"""

from __future__ import annotations

from dataclasses import dataclass

_BOUNDARY = {";", ":", "unless", "except", "provided", "but", "however", "whereas", "although", "if", "until", "where", "when", "whereby"}
_NEG = {"not", "n't", "no", "never", "neither", "nor", "cannot", "nothing", "none", "nobody"}
_SENTENCE_NEG = (("in", "no", "event"), ("under", "no", "circumstances"), ("in", "no", "case"), ("nothing", "in", "this"), ("neither", "party"))
_SCOPED_NEG = (("in", "no", "event"), ("under", "no", "circumstances"), ("in", "no", "case"), ("neither",), ("none", "of"))
_CONDITION = {"if", "unless", "when", "whenever", "where", "should", "whether"}
_NOT_NEGATING_AFTER = {"limited", "limit", "only", "less", "more", "later", "earlier", "fewer", "exceeding", "to", "withstanding"}

OBLIGATION = (("shall",), ("must",), ("will",), ("agrees",), ("agree",), ("undertakes",), ("undertake",), ("covenants",), ("is", "required"), ("are", "required"), ("is", "obligated"), ("are", "obligated"), ("is", "obliged"), ("has", "to"), ("is", "responsible"), ("are", "responsible"), ("commits",), ("guarantees",))
PERMISSION = (("may",), ("can",), ("is", "entitled"), ("are", "entitled"), ("be", "entitled"), ("has", "the", "right"), ("have", "the", "right"), ("reserves", "the", "right"), ("at", "its", "option"), ("at", "its", "sole", "option"), ("in", "its", "discretion"), ("at", "its", "discretion"), ("at", "its", "sole", "discretion"), ("in", "its", "sole", "discretion"), ("is", "permitted"), ("are", "permitted"), ("is", "authorized"), ("is", "authorised"), ("has", "the", "option"), ("right", "to"), ("option", "to"), ("be", "permitted"))
WEAK = (("reasonable", "efforts"), ("reasonable", "endeavours"), ("reasonable", "endeavors"), ("best", "efforts"), ("best", "endeavours"), ("good", "faith", "efforts"), ("endeavour",), ("endeavor",), ("endeavours",), ("endeavors",), ("where", "practicable"), ("where", "possible"), ("if", "practicable"), ("if", "possible"), ("as", "far", "as", "possible"), ("to", "the", "extent", "practicable"), ("to", "the", "extent", "possible"), ("to", "the", "extent", "feasible"), ("as", "appropriate"), ("where", "appropriate"), ("aim", "to"), ("aims", "to"), ("strive",), ("strives",), ("seek", "to"), ("seeks", "to"), ("should",), ("is", "encouraged"), ("are", "encouraged"), ("intends", "to"), ("expects", "to"), ("where", "feasible"), ("if", "feasible"), ("as", "soon", "as", "practicable"), ("subject", "to", "availability"))

PUBLIC = {"city", "town", "municipality", "council", "county", "borough", "authority", "government", "ministry", "department", "agency", "commission", "purchaser", "district", "region", "province", "state", "metropolis", "township", "village", "prefecture", "administration", "employer", "procuring"}
PUBLIC_PHRASES = (("public", "body"), ("contracting", "authority"), ("contracting", "entity"), ("public", "authority"), ("the", "public", "sector"), ("local", "government"), ("procuring", "entity"))
VENDOR = {"contractor", "vendor", "supplier", "provider", "consultant", "developer", "operator", "concessionaire", "bidder", "bidders", "proposer", "proposers", "respondent", "respondents", "tenderer", "tenderers", "integrator", "manufacturer", "licensor", "subcontractor", "contractors", "vendors", "suppliers", "providers", "offeror", "offerors", "seller", "projectco"}
# Commercial parties with no public or vendor role by their name alone: "Customer may terminate",
# "Distributor shall purchase". Read as a party only when capitalised, as a defined party is.
NAMED = {"customer", "client", "company", "licensee", "distributor", "franchisee", "franchisor", "buyer", "reseller", "sponsor",
         "endorser", "lessee", "lessor", "tenant", "landlord", "lender", "borrower", "servicer", "shipper", "carrier", "recipient",
         "discloser", "publisher", "producer", "promoter", "participant", "member", "institution", "university", "bank"}
# The last word of a term introduced as (the "...") that names a thing, not a party.
NOT_PARTY_HEADS = frozenset(
    "date dates agreement agreements contract term terms territory product products mark marks trademark trademarks business "
    "license licence licenses licences service services fee fees period program programme plan property data information "
    "software materials material patent patents area site premises notice price prices amount amounts year years schedule "
    "exhibit closing transaction transactions shares stock content system platform technology know-how documentation "
    "specifications specification deliverables work works project equipment goods assets rights royalty royalties "
    # events, money and paperwork that drafts define in parentheses too: (the "Termination"), (the "Deposit")
    "termination expiration conditions condition delivery deliveries reconciliation credit deposit payment payments invoice "
    "invoices order orders report reports cost costs expenses loss losses claim claims event events default breach tax taxes "
    "account accounts document documents records liability insurance obligations requirements standards policy policies "
    "procedures manual guidelines budget forecast forecasts case cases".split()
)
VENDOR_PHRASES = (("service", "provider"), ("successful", "bidder"), ("successful", "proposer"), ("solution", "provider"), ("private", "partner"),
                  ("project", "company"))  # the private side of a PPP
BOTH_PHRASES = (("either", "party"), ("each", "party"), ("both", "parties"), ("the", "parties"), ("neither", "party"), ("any", "party"), ("a", "party"), ("either", "of", "the", "parties"), ("each", "of", "the", "parties"), ("the", "other", "party"))


@dataclass(slots=True)
class Attributes:
    negated: bool
    modality: str | None
    party: str | None
    role: str | None
    party_index: int | None = None


class PhraseIndex:
    """Word sequences indexed by their first word: a test at a position costs one dict lookup."""

    __slots__ = ("_by_first", "firsts")

    def __init__(self, seqs):
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for seq in sorted(seqs, key=len, reverse=True):  # longest first
            self._by_first.setdefault(seq[0], []).append(tuple(seq))
        self.firsts = frozenset(self._by_first)

    def at(self, words: list[str], i: int) -> tuple[str, ...] | None:
        """The longest sequence that starts at words[i], if any."""
        cands = self._by_first.get(words[i])
        if cands:
            for seq in cands:
                n = len(seq)
                if n == 1 or tuple(words[i : i + n]) == seq:
                    return seq
        return None

    def first_in(self, words: list[str], lo: int, hi: int) -> int | None:
        """Index of the first sequence starting in [lo, hi)."""
        by_first = self._by_first
        if self.firsts.isdisjoint(words[lo:hi]):
            return None
        for i in range(lo, hi):
            if words[i] in by_first and self.at(words, i):
                return i
        return None


_WEAK = PhraseIndex(WEAK)
_PERMISSION = PhraseIndex(PERMISSION)
_OBLIGATION = PhraseIndex(OBLIGATION)
_SENTENCE_NEG_INDEX = PhraseIndex(_SENTENCE_NEG)
_SCOPED_NEG_INDEX = PhraseIndex(_SCOPED_NEG)
_PARTY_PHRASES = [(PhraseIndex(BOTH_PHRASES), "both"), (PhraseIndex(PUBLIC_PHRASES), "public"), (PhraseIndex(VENDOR_PHRASES), "vendor")]
_PARTY_FIRST = {seq[0] for seq in BOTH_PHRASES + PUBLIC_PHRASES + VENDOR_PHRASES}
_VENDOR_DETERMINERS = frozenset({"the", "a", "an", "each", "any", "every", "such", "that", "its", "no", "all", "other", "another", "selected", "awarded", "chosen", "preferred", "prospective", "winning"})
_AS_PERMISSION = (("have", "the", "right"), ("be", "entitled"), ("have", "the", "option"))


def _match_at(words: list[str], i: int, seq: tuple[str, ...]) -> bool:
    return tuple(words[i : i + len(seq)]) == tuple(seq)


def clause_start(words: list[str], anchor: int) -> int:
    """Index of the first token of the clause containing `anchor`."""
    i = anchor - 1
    while i >= 0:
        w = words[i]
        if w in (";", ":") or (w in _BOUNDARY and i > 0 and words[i - 1] == ","):
            return i + 1
        i -= 1
    return 0


def clause_end(words: list[str], anchor: int) -> int:
    """Index just after the last token of the anchor's clause (next semicolon or the end)."""
    for i in range(anchor, len(words)):
        if words[i] == ";":
            return i
    return len(words)


def _in_condition(words: list[str], start: int, neg: int, anchor: int) -> bool:
    """True when the negator at `neg` sits in a leading condition that a comma
    closes before the anchor: "If the Software is not compliant, Customer's
    sole remedy is ..." does not negate the remedy."""
    if "," not in words[neg + 1 : anchor]:
        return False
    for i in range(start, neg):
        if words[i] in _CONDITION or _match_at(words, i, ("in", "the", "event")):
            return True
    return False


def _anchor_in_condition(words: list[str], start: int, neg: int, anchor: int) -> bool:
    """True when negator and anchor both sit inside an "if" condition: "if Licensee
    does not transfer the Product" states a condition, not a prohibition on transfer."""
    for i in range(neg - 1, start - 1, -1):
        w = words[i]
        if w in (",", ";", ":"):
            return False
        if w in ("if", "whether") or _match_at(words, i, ("in", "the", "event")):
            return "," not in words[neg:anchor]
    return False


def is_negated(words: list[str], anchor: int, start: int | None = None) -> bool:
    """Whether the anchor's clause is negated.

    Scoped negators ("in no event", "neither party") reach the anchor from
    anywhere earlier in its clause; plain ones ("not", "no") only from the 12
    tokens before it, and not from inside a leading condition.
    """
    if start is None:
        start = clause_start(words, anchor)
    for i in range(max(start, anchor - 40), anchor):
        seq = _SCOPED_NEG_INDEX.at(words, i)
        if seq and i + len(seq) <= anchor:
            return True
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
            if _in_condition(words, start, i, anchor) or _anchor_in_condition(words, start, i, anchor):
                continue
            return True
    # "In no event shall ...", "Neither party ..." at the head of the sentence.
    for i in range(0, min(len(words), 4)):
        seq = _SENTENCE_NEG_INDEX.at(words, i)
        if seq and i + len(seq) <= anchor:
            return True
    return False


_RELATIVE = frozenset({"which", "that", "who", "whom", "whose"})
_LEADING = frozenset({"after", "upon", "following", "if", "when", "where", "once"})


def modality(words: list[str], anchor: int, start: int, sentence_words: list[str] | None = None) -> tuple[str | None, int | None]:
    """(modality, index of the modal) for the anchor's clause.

    A hedge anywhere in the anchor's clause makes it weak; otherwise the modal
    nearest before the anchor decides, then one shortly after it (passives:
    "Data shall remain the property of ...").
    """
    weak_at = _WEAK.first_in(words, start, clause_end(words, anchor))
    if weak_at is not None:
        return "weak", weak_at
    for i in range(anchor - 1, start - 1, -1):
        if _PERMISSION.at(words, i):
            return "permission", i
        if _OBLIGATION.at(words, i):
            # "shall have the right" / "will be entitled" read as permission
            if any(_match_at(words, i + 1, seq) for seq in _AS_PERMISSION):
                return "permission", i
            return "obligation", i
    end = clause_end(words, anchor)
    # past ten tokens, only the main clause after a leading phrase that a comma closes: "Upon
    # termination of this Agreement for any reason, if requested by MBRK, DD shall provide ..."
    # (not from inside a relative clause: "notice from Developer which cancels ..., Distributor may")
    stop, comma = min(end, anchor + 10), None
    if not _RELATIVE.intersection(words[start:anchor]):
        comma = next((k for k in range(anchor, min(end, anchor + 30)) if words[k] == ","), None)
        if comma is not None:
            stop = min(end, anchor + 30)
    for i in range(anchor, stop):
        if i >= anchor + 10 and i <= comma:
            continue  # (a far modal counts only past the comma that closes the leading phrase)
        if _PERMISSION.at(words, i):
            return "permission", i
        if _OBLIGATION.at(words, i):
            return "obligation", i
    return None, None


# the second word of a defined term named after a party ("Customer Data", "City Data", "Licensor Marks")
_THING_AFTER_PARTY = frozenset({"data", "information", "materials", "material", "content", "marks", "mark", "trademarks", "software",
                                "property", "records", "ip", "technology", "know-how", "patents", "products", "deliverables",
                                "equipment", "premises", "systems", "system", "sites", "site", "assets"})


_ANY_PARTY_WORD = frozenset(PUBLIC | VENDOR | NAMED)


def _participle(words: list[str], i: int) -> bool:
    """A passive verb at `i`, perhaps after an adverb: "repaired", "exclusively repaired", "granted"."""
    w = words[i]
    if w.endswith("ly") and i + 1 < len(words):
        w = words[i + 1]
    return w.endswith(("ed", "en", "wn")) and len(w) > 3


_NOT_NAME_PART = frozenset({"shall", "will", "may", "must", "agrees", "agree", "hereby", "is", "are", "has", "have", "does", "and", "or",
                            "acknowledges", "represents", "warrants", "grants", "covenants", "undertakes", "should", "can", "cannot"})


def _compound_name(texts: list[str], i: int, before: int) -> bool:
    """Is the word at `i` the first word of a Title Case name ("Member Clubs", "Customer Data")?
    Not in ALL CAPS text, where every word is capitalised, and not before a verb ("Customer Shall")."""
    if i + 1 >= before:
        return False
    t, nxt = texts[i], texts[i + 1]
    return (t[:1].isupper() and not t.isupper() and len(nxt) > 1 and nxt[0].isupper() and nxt[1:].islower()
            and nxt.lower() not in _NOT_NAME_PART)


def _possessive(words: list[str], i: int) -> bool:
    return i + 1 < len(words) and words[i + 1] in ("'s", "’s", "'")


def find_party(words: list[str], texts: list[str], before: int, start: int, party_terms: dict[str, str | None]) -> tuple[str | None, str | None, int | None]:
    """Nearest party mention before index `before` within the clause."""
    for i in range(before - 1, start - 1, -1):
        w = words[i]
        if w in _ANY_PARTY_WORD or w in party_terms:
            if i + 1 < before and words[i + 1] in _THING_AFTER_PARTY and texts[i + 1][:1].isupper():
                continue  # "Customer Data", "Authority Materials": a thing named after a party, not the party
            if w == "employer" and "liability" in words[i + 1 : i + 3]:
                continue  # "employer's liability insurance": a kind of cover
        if i > start and words[i - 1] in _PARTY_FIRST:
            # the last word of a party phrase, met first when reading backwards: "the Contracting Authority"
            for index, role in _PARTY_PHRASES:
                seq = index.at(words, i - 1)
                if seq and len(seq) == 2 and i - 1 + len(seq) <= before:
                    return " ".join(texts[i - 1 : i + 1]), role, i - 1
        if w in _PARTY_FIRST:
            for index, role in _PARTY_PHRASES:
                seq = index.at(words, i)
                if seq:
                    return " ".join(texts[i : i + len(seq)]), role, i
        if w in PUBLIC and (texts[i][:1].isupper() or (i > 0 and words[i - 1] in ("the", "each", "any") and not _possessive(words, i))):
            # "the city shall ...", but not "across the district's towns": a place, not the party
            return texts[i], "public", i
        if w in VENDOR and (texts[i][:1].isupper() or i == 0 or words[i - 1] in _VENDOR_DETERMINERS):
            # "the contractor", "Vendor", "each supplier" -- not "the City's identity provider"
            return texts[i], "vendor", i
        if (w in party_terms or w in NAMED) and _compound_name(texts, i, before):
            continue  # "its 32 Member Clubs", "Licensee Products": a name built on a party word
        if w in party_terms and texts[i][:1].isupper():
            for n in (3, 2, 1):  # a defined name of several words ("ADAMS GOLF"), given whole
                if i - n >= 0 and " ".join(words[i - n : i + 1]) in party_terms:
                    return " ".join(texts[i - n : i + 1]), party_terms[w], i - n
            return texts[i], party_terms[w], i
        if w in NAMED and texts[i][:1].isupper():
            return texts[i], None, i
    return None, None, None


def subject_party(words: list[str], texts: list[str], before: int, start: int, party_terms: dict[str, str | None]):
    """`find_party`, reading "<noun> of X to Y" as about X: in "the liability of the Contractor to
    the Employer shall ...", the Employer receives and the clause is about the Contractor."""
    party, role, idx = find_party(words, texts, before, start, party_terms)
    nor = None if idx is None else idx - 1 if words[idx - 1 : idx] == ["nor"] else idx - 2 if words[max(0, idx - 2) : idx] == ["nor", "the"] else None
    if nor is not None:
        # "neither PB nor SFJ will be permitted to delegate", "Neither the Licensor nor the Licensee may": both are bound
        neither = next((k for k in range(nor - 1, max(start - 1, nor - 7), -1) if words[k] == "neither"), None)
        if neither is not None:
            return " ".join(texts[neither : idx + 1]), "both", neither
    if idx is not None and "to" in words[max(start, idx - 2) : idx]:
        to_at = max(k for k in range(max(start, idx - 2), idx) if words[k] == "to")
        earlier = find_party(words, texts, to_at, start, party_terms)
        at = earlier[2]
        if at is not None and to_at - at <= 3 and "of" in words[max(start, at - 2) : at]:
            return earlier
    return party, role, idx


def passive_agent(words: list[str], texts: list[str], anchor: int, end: int, party_terms: dict[str, str | None]):
    """"... may be terminated by the City" -> City."""
    for i in range(anchor + 1, min(end, anchor + 8)):
        if words[i] == "by":
            return find_party(words, texts, min(end, i + 5), i + 1, party_terms)
    return None, None, None


# "X shall permit Y to audit": the right is Y's
_LETS = frozenset({"permit", "permits", "allow", "allows", "enable", "enables", "authorize", "authorizes", "authorise", "authorises", "entitle", "entitles"})
# "... shall be the property of Y", "... shall vest in Y", "... shall belong to Y": Y owns
_OWNED = {"property": ("of",), "owner": ("of",), "vest": ("in",), "vests": ("in",), "belong": ("to",), "belongs": ("to",),
          "pass": ("to",), "passes": ("to",)}  # "Ownership of ... shall pass to the Authority"
# what may stand between the anchor and the ownership word ("shall be the sole and exclusive property
# of"): anything else ("shall insure all property of the City") means the owner is not the clause's
_OWN_GLUE = frozenset({"shall", "will", "be", "become", "becomes", "remain", "remains", "is", "are", "and", "the", "sole", "exclusive",
                       "absolute", "automatically", "immediately", "fully", "solely", "hereby", "thereupon"})


def beneficiary(words: list[str], texts: list[str], modal_at: int, anchor: int, party_terms: dict[str, str | None]):
    """The party a bound party must let act: "The Supplier shall permit the Authority (and its
    auditors) to audit ...", "... permit the Procuring Entity to inspect the accounts and to have
    them audited" -> the Authority, the Procuring Entity, who hold the right."""
    for j in range(modal_at + 1, anchor):
        if words[j] in _LETS:
            to_at = next((k for k in range(j + 2, min(anchor, j + 10)) if words[k] == "to"), None)
            if to_at is None:
                return None, None, None
            return find_party(words, texts, to_at, j + 1, party_terms)
    return None, None, None


_GRANTS = frozenset({"grant", "grants", "granted", "authorises", "authorizes"})
# operative only with "hereby": "the Contractor hereby assigns to the City", "the Supplier hereby licenses the Authority"
_HEREBY_GRANTS = frozenset({"assigns", "assign", "transfers", "conveys", "licenses", "licences"})


def grantee(words: list[str], texts: list[str], anchor: int, party_terms: dict[str, str | None]):
    """Who receives what is granted or assigned, and so holds it: "The Licensor hereby grants to
    the Licensee a licence", "the Supplier grants the City a perpetual licence", "the Contractor
    hereby assigns to the City all right, title and interest" -> the Licensee, the City."""
    for g in range(min(len(words) - 1, anchor + 2), max(-1, anchor - 9), -1):  # the anchor may be "hereby grants"
        w = words[g]
        if w in _GRANTS or (w in _HEREBY_GRANTS and _operative(words, g)):
            if g > 0 and words[g - 1] in ("is", "are", "be", "been", "being"):
                return None, None, None  # "is granted to" / "the Licensee is granted": the subject holds it
            for i in range(g + 1, min(len(words), g + 7)):
                found = find_party(words, texts, i + 1, i, party_terms)
                if found[0] is not None:
                    return found
            named = _name_after(words, texts, g)
            if named[0] is not None:
                return named
            # the assignee or licensee after what is given: "hereby assigns all right, title and
            # interest in the Improvements to Licensor", "will grant a royalty-free licence to HERC"
            for k in range(g + 7, min(clause_end(words, g), g + 40)):
                if words[k] == "to" and k + 1 < len(words) and (texts[k + 1][:1].isupper() or words[k + 1] in ("the", "each", "either")):
                    # ("to HERC", "to the Licensor"; not "licenses to utilize the other party's marks")
                    found = find_party(words, texts, min(len(words), k + 4), k + 1, party_terms)
                    if found[0] is not None:
                        return found
            return None, None, None
    return None, None, None


# what follows the grantee's name in "grants X a licence", "grants to X the right"
_AFTER_GRANTEE = frozenset({"a", "an", "the", ",", "and", "all", "any", "its", "non-exclusive", "nonexclusive", "exclusive", "perpetual",
                            "royalty-free", "worldwide", "limited", "irrevocable", "permission"})


def _name_after(words: list[str], texts: list[str], g: int):
    """A grantee named by a word that is not a known party term: "VerticalNet hereby grants
    LeadersOnline a non-exclusive ... license" -> LeadersOnline."""
    i = g + 2 if words[g + 1 : g + 2] == ["to"] else g + 1
    if i + 1 >= len(words) or words[i + 1] not in _AFTER_GRANTEE:
        return None, None, None
    t = texts[i]
    if t[:1].isupper() and t.isalpha() and words[i] not in _NOT_A_NAME:
        return t, None, i
    return None, None, None


_NOT_A_NAME = frozenset({"the", "this", "that", "each", "any", "all", "such", "a", "an", "its", "their", "his", "her", "it", "them", "you",
                         "us", "we", "licensed", "exclusive", "non", "said"})


# between "hereby" (or the promise to assign) and the verb: "hereby irrevocably assigns", "shall and hereby does assign"
_ASSIGN_GLUE = frozenset({"irrevocably", "unconditionally", "absolutely", "does", "do", "and", "hereby", "shall", "will", "agrees", "agree", "to", "also"})


def _operative(words: list[str], g: int) -> bool:
    """An assignment that transfers or binds to transfer: "hereby (irrevocably) assigns", "shall
    assign", "agrees to assign" -- not "may assign", a permission whose holder is the assignor."""
    for i in range(g - 1, max(-1, g - 5), -1):
        if words[i] in ("hereby", "shall", "will", "must") or (words[i] == "to" and i > 0 and words[i - 1] in ("agrees", "agree")):
            return True
        if words[i] not in _ASSIGN_GLUE:
            return False
    return False


def action_agent(words: list[str], texts: list[str], anchor: int, party_terms: dict[str, str | None]):
    """Who acts, when the anchor names the action and its agent follows: "... available for
    inspection by the City", "subject to audit by the Authority", "available for audit or review
    by MBRK" -> the City, the Authority, MBRK."""
    lead = anchor - 1
    if lead > 0 and words[lead] in _ACTION_ADJ:
        lead -= 1  # "for reasonable audit and inspection by the Trust"
    if lead < 0 or words[lead] not in ("for", "to"):
        return None, None, None
    reach = 6 if anchor + 1 < len(words) and words[anchor + 1] in ("or", "and") else 4  # "audit or review by"
    return passive_agent(words, texts, anchor, min(len(words), anchor + reach), party_terms)


_PROVIDES = frozenset({"provide", "provides", "give", "gives", "afford", "affords", "extend", "extends"})
_HELP = frozenset({"access", "assistance", "cooperation", "co-operation"})
# the anchor is what the help is for: "... access to its books for audit", "... assistance to X to conduct audits"
_FOR_ACTION = frozenset({"for", "to", "conduct", "perform", "carry", "undertake", "of"})
_DETERMINERS = frozenset({"any", "an", "a", "the", "such", "each", "every"})


def helped(words: list[str], texts: list[str], modal_at: int, anchor: int, party_terms: dict[str, str | None]):
    """The party a bound party must give access or help to so that it can act: "The Supplier shall
    provide the Authority with access to its books and records for audit", "HSWI shall provide
    reasonable assistance to World Book to conduct audits" -> the Authority, World Book. Only when
    the anchor is the act the help serves (not "shall provide the Customer with assistance upon
    termination", which is the Supplier's duty)."""
    before = words[max(0, anchor - 2) : anchor]
    if not before or not (before[-1] in _FOR_ACTION or (len(before) == 2 and before[0] in ("in", "with", "for", "of") and before[1] in _DETERMINERS)):
        return None, None, None  # "... for audit", "... to conduct audits", "... in any audit"
    for j in range(modal_at + 1, anchor):
        if words[j] not in _PROVIDES:
            continue
        help_at = next((k for k in range(j + 1, min(anchor, j + 9)) if words[k] in _HELP), None)
        if help_at is None:
            return None, None, None
        if words[help_at] != "access" and words[help_at + 1 : help_at + 2] == ["to"]:  # "assistance to World Book" (but "access to its premises")
            found = find_party(words, texts, min(anchor, help_at + 7), help_at + 2, party_terms)
            if found[0] is not None:
                return found
        return find_party(words, texts, help_at, j + 1, party_terms)  # "provide the Authority with access"
    return None, None, None


_ACTION_ADJ = frozenset({"reasonable", "periodic", "annual", "independent", "any", "an", "a", "such", "the", "its", "their"})


# what is opened for checking (not "make the Services available to the Customer", a supply duty)
_RECORDS = frozenset({"records", "books", "accounts", "ledgers", "documents", "documentation", "premises", "facilities", "files", "logs"})


def available_to(words: list[str], texts: list[str], anchor: int, party_terms: dict[str, str | None]):
    """Who the records are opened to: "The Vendor shall make its records available to the City
    for audit" -> the City, who may audit them."""
    for i in range(max(0, anchor - 20), min(len(words) - 1, anchor + 10)):  # "... available to Developer, at ... hours, to audit"
        if words[i] == "available" and words[i + 1] == "to" and _RECORDS.intersection(words[max(0, i - 8) : i + 16]):
            # (the records before or after: "make available to the Trust during business hours all records")
            for k in range(i + 2, min(len(words), i + 6)):  # the first party after "to" (not "at Distributor's place")
                found = find_party(words, texts, k + 1, k, party_terms)
                if found[0] is not None:
                    return found
            return None, None, None
    return None, None, None


def owner_after(words: list[str], texts: list[str], anchor: int, party_terms: dict[str, str | None]):
    """Who owns, when the owner follows: "All Work Product shall be the sole property of the Company"."""
    for i in range(anchor, min(len(words) - 1, anchor + 8)):
        preps = _OWNED.get(words[i])
        if preps and words[i + 1] in preps:
            return find_party(words, texts, min(len(words), i + 6), i + 2, party_terms)
        if preps is None and words[i] not in _OWN_GLUE:
            break
    return None, None, None


def _shared_subject(words: list[str], start: int, modal_at: int) -> int:
    """Where to look back from for the subject of the modal at `modal_at`: a modal that
    continues a coordinated predicate ("The Company shall not engage ... without the City's
    approval, and shall never sell ...") shares the subject of the first one, not the party
    named last."""
    at = modal_at
    while at > start and words[at - 1] in ("and", "or") or (at > start + 1 and words[at - 1] == "then" and words[at - 2] in ("and", "or")):
        back = at - (2 if words[at - 1] == "then" else 1)
        prev = next((i for i in range(back - 1, start - 1, -1) if _OBLIGATION.at(words, i) or _PERMISSION.at(words, i)), None)
        if prev is None:
            break
        at = prev
    return at


def resolve(words: list[str], texts: list[str], anchor: int, party_terms: dict[str, str | None]) -> Attributes:
    start = clause_start(words, anchor)
    negated = is_negated(words, anchor, start)
    mod, modal_at = modality(words, anchor, start)
    if not negated and mod in ("obligation", "permission") and modal_at is not None and modal_at > anchor:
        # The anchor leads into a clause whose subject comes later, and the subject's modal carries
        # the negation: "Upon termination, the Vendor shall not ...". (When the anchor is the subject,
        # "liability shall not exceed" bounds it rather than negating it.)
        # The subject follows a comma that closes the leading phrase ("to the Council under this
        # Agreement shall not exceed" has a party after the anchor, but not as the subject).
        subject, _, at = find_party(words, texts, modal_at, anchor + 1, party_terms)
        if subject is None and _LEADING.intersection(words[start : anchor + 1]):
            at = modal_at  # a leading phrase, then a main clause without a known party: "After termination, you may not retain ..."
        negated = (at is not None and "," in words[anchor + 1 : at]
                   and any(w in ("not", "n't", "never") for w in words[modal_at + 1 : modal_at + 3])
                   and "exceed" not in words[modal_at + 2 : modal_at + 4])  # "it shall not exceed" bounds, not negates
    if negated and mod in ("obligation", "permission"):
        mod = "prohibition"
    # The party is the subject of the modal verb; with a hedge ("shall use reasonable efforts
    # to ...", "where practicable, X should ...") it is before the hedge, else before the anchor.
    party_before = modal_at if modal_at is not None and modal_at < anchor else anchor
    if modal_at is not None and modal_at < anchor:
        party_before = _shared_subject(words, start, modal_at)
    # Who owns, when the clause names the owner after the thing owned ("... shall belong to the
    # Customer"), comes before the sentence's subject ("created by the Supplier ...").
    party, role, idx = owner_after(words, texts, anchor, party_terms) if not negated else (None, None, None)
    if party is None and (not negated or "hereby" in words[max(0, anchor - 1) : anchor + 3]):
        # (an operative "hereby assigns" is not itself negated, whatever "In no event ..." led the sentence)
        party, role, idx = grantee(words, texts, anchor, party_terms)
    if party is None and not negated and mod in ("obligation", "permission") and modal_at is not None and modal_at < anchor:
        # (a hedged "where practicable, X shall allow Y to ..." stays X's weak promise)
        party, role, idx = beneficiary(words, texts, modal_at, anchor, party_terms)
        if party is None:
            party, role, idx = action_agent(words, texts, anchor, party_terms)
        if party is None:
            party, role, idx = available_to(words, texts, anchor, party_terms)
        if party is None:
            party, role, idx = helped(words, texts, modal_at, anchor, party_terms)
        if party is not None:
            mod = "permission"  # what the clause gives that party: it may act
    if (party is None and modal_at is not None and modal_at < anchor <= modal_at + 4 and words[modal_at + 1 : modal_at + 2] == ["be"]
            and _participle(words, anchor)):
        # a passive: the agent acts, not a party named in the subject's own clause ("Each Item ...
        # used by the Company shall be exclusively repaired by the Repairer")
        party, role, idx = passive_agent(words, texts, anchor, len(words), party_terms)
    if party is None:
        party, role, idx = subject_party(words, texts, party_before, start, party_terms)
    if party is None and mod == "weak" and party_before < anchor:
        # the hedged party is the subject, before any "allow Y to ...": "Where practicable, the
        # Contractor shall allow the City to export ..." is the Contractor's hedged promise
        lets = next((j for j in range(party_before + 1, anchor) if words[j] in _LETS), anchor)
        party, role, idx = find_party(words, texts, lets, start, party_terms)
    if party is None and start > 0:
        # "Upon notice, the City may ..." is one clause; but "..., provided that Vendor may" starts a new one.
        party, role, idx = find_party(words, texts, party_before, 0, party_terms)
    if party is None and party_before < anchor:
        # Inverted subject: "In no event shall the City be liable ..."
        party, role, idx = find_party(words, texts, anchor, party_before + 1, party_terms)
    if party is None and modal_at is not None and modal_at > anchor:
        # The modal follows the anchor: "Upon termination, the Contractor shall ...", "The aggregate
        # liability of the Contractor to the Employer shall not exceed ..."
        party, role, idx = subject_party(words, texts, modal_at, anchor, party_terms)
    if party is None:
        party, role, idx = passive_agent(words, texts, anchor, len(words), party_terms)
    return Attributes(negated=negated, modality=mod, party=party, role=role, party_index=idx)
