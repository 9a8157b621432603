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
  a name is known. Reading the party is `parties`' job; this module decides
  which of its readings applies.
"""

from __future__ import annotations

from dataclasses import dataclass

from pcsc_procure.detect.parties import (
    LETS, action_agent, available_to, beneficiary, duty_owner, owner_of_duty, find_party, first_party_from, grantee, helped, inverted_name, modal_passive_agent, owner_after, passive_agent,
    obligation_on, report_receiver, subject_party,
)
from pcsc_procure.detect.wordscan import MAIN_MODALS as _MAIN_MODALS, PhraseIndex, clause_end, clause_start, is_participle, match_at, open_inline_lead, open_lead_in

_NEG = {"not", "n't", "no", "never", "neither", "nor", "cannot", "nothing", "none", "nobody"}
# Every negation this module reads has one of these tokens (the scoped and sentence negators
# too): the prefilter passes over a `negated: true` cue in a sentence without one.
NEGATORS = frozenset(_NEG)
# "in no event shall X be ...": the subject follows the modal
_INVERTING = (["no", "event"], ["no", "circumstances"], ["no", "circumstance"], ["no", "case"])
# ("Nothing in the Contract shall be construed as conferring on the Supplier any exclusive right": the World Bank forms' "the Contract")
_SENTENCE_NEG = (("in", "no", "event"), ("under", "no", "circumstances"), ("in", "no", "case"), ("nothing", "in", "this"), ("nothing", "in", "the", "contract"),
                 ("nothing", "in", "the", "agreement"), ("neither", "party"),
                 # ("Nothing contained in this Agreement shall be deemed to ... grant any license", "Nothing herein shall ...")
                 ("nothing", "contained", "in"), ("nothing", "contained", "herein"), ("nothing", "herein"))
_SCOPED_NEG = (("in", "no", "event"), ("under", "no", "circumstances"), ("in", "no", "case"), ("neither",), ("none", "of"))
_CONDITION = {"if", "unless", "when", "whenever", "where", "should", "whether", "absent"}
# conditions of more than one word (not "provided" alone: "Except as may otherwise be provided in this Agreement, X may not assign")
# ("to the extent" too: "To the extent any Improvement is not assignable, Franchisee hereby grants ... a licence")
# ("for so long as": "For so long as Manufacturer is not in material breach of this Agreement, Brand Owner shall purchase ...")
_IN_CASE = (("in", "the", "event"), ("in", "case"), ("provided", "that"), ("to", "the", "extent"), ("so", "long", "as"), ("as", "long", "as"))
_NOT_NEGATING_AFTER = {"limited", "limit", "only", "less", "more", "later", "earlier", "fewer", "exceeding", "to", "withstanding"}

OBLIGATION = (("shall",), ("must",), ("will",), ("agrees",), ("agree",), ("undertakes",), ("undertake",), ("covenants",), ("is", "required"), ("are", "required"), ("is", "obligated"), ("are", "obligated"), ("is", "obliged"), ("has", "to"), ("is", "responsible"), ("are", "responsible"), ("commits",), ("guarantees",))
PERMISSION = (("may",), ("can",), ("is", "entitled"), ("are", "entitled"), ("be", "entitled"), ("has", "the", "right"), ("have", "the", "right"), ("reserves", "the", "right"), ("at", "its", "option"), ("at", "its", "sole", "option"), ("in", "its", "discretion"), ("at", "its", "discretion"), ("at", "its", "sole", "discretion"), ("in", "its", "sole", "discretion"), ("is", "permitted"), ("are", "permitted"), ("is", "authorized"), ("is", "authorised"), ("has", "the", "option"), ("right", "to"), ("option", "to"), ("be", "permitted"),
              # "This Agreement shall be terminable by either party on ninety days' notice": what may be done
              ("is", "terminable"), ("are", "terminable"), ("be", "terminable"))
WEAK = (("reasonable", "efforts"), ("reasonable", "endeavours"), ("reasonable", "endeavors"), ("best", "efforts"), ("best", "endeavours"), ("good", "faith", "efforts"), ("endeavour",), ("endeavor",), ("endeavours",), ("endeavors",), ("where", "practicable"), ("where", "possible"), ("if", "practicable"), ("if", "possible"), ("as", "far", "as", "possible"), ("to", "the", "extent", "practicable"), ("to", "the", "extent", "possible"), ("to", "the", "extent", "feasible"), ("as", "appropriate"), ("where", "appropriate"), ("aim", "to"), ("aims", "to"), ("strive",), ("strives",), ("seek", "to"), ("seeks", "to"), ("should",), ("is", "encouraged"), ("are", "encouraged"), ("intends", "to"), ("expects", "to"), ("where", "feasible"), ("if", "feasible"), ("as", "soon", "as", "practicable"), ("subject", "to", "availability"))


@dataclass(slots=True)
class Attributes:
    negated: bool
    modality: str | None
    party: str | None
    role: str | None
    party_index: int | None = None


_WEAK = PhraseIndex(WEAK)
_PERMISSION = PhraseIndex(PERMISSION)
_OBLIGATION = PhraseIndex(OBLIGATION)
_MODAL_FIRSTS = _PERMISSION.firsts | _OBLIGATION.firsts  # a word where some modal phrase may start
_SENTENCE_NEG_INDEX = PhraseIndex(_SENTENCE_NEG)
_SCOPED_NEG_INDEX = PhraseIndex(_SCOPED_NEG)
_AS_PERMISSION = (("have", "the", "right"), ("be", "entitled"), ("have", "the", "option"))


_CLAUSE_OPENERS = _MAIN_MODALS | {"agrees", "agree"}  # what opens a main clause after a leading condition
_MADE = frozenset({"made", "conceived", "developed", "created", "invented", "authored", "generated", "produced", "prepared",
                   "suggested", "designed", "written", "discovered", "reduced"})


def maker_of(words: list[str], texts: list[str], party_terms, anchor: int | None = None) -> str | None:
    """The party named as the one who makes the thing: "Any invention conceived by Supplier in the
    performance of the Services ..." -> Supplier ("made solely by", "developed jointly by" too).

    With `anchor`, the maker named last before it (else the first after it): in "inventions made by
    Hospital shall be owned by Hospital, and inventions made by Licensee shall be owned by Licensee"
    each owner has its own maker."""
    chosen, before = None, False
    for k, w in enumerate(words):
        if w not in _MADE:
            continue
        j = k + 1
        while j < len(words) and words[j] in ("solely", "jointly", "exclusively", "independently", "to", "practice"):
            j += 1
        if words[j : j + 1] != ["by"]:
            continue
        if anchor is not None and k >= anchor and before:
            break  # (a maker named before the anchor, even one that is no party, is the anchor's)
        found = first_party_from(words, texts, j + 1, j + 5, party_terms)[0]
        if anchor is None or k >= anchor:
            if found is not None:
                return found
        else:
            chosen, before = found, True
    return chosen


def consequence_holder(words: list[str], texts: list[str], anchor: int, party_terms) -> tuple[str | None, str | None] | None:
    """The subject of the main clause when the anchor sits in a leading condition: "in the event
    Sutro undergoes a Change of Control ..., then SutroVax shall have the right to ..." -> SutroVax,
    the one the change gives a right to (the party named first, before a modal, within a few words
    of the comma that closes the condition). A condition that trails its main clause has that
    clause's subject: "Either party may terminate ... if the other party ... or if ... sells all or
    substantially all of its assets" -> either party. None when the anchor is in no condition."""
    opened = _condition_start(words, clause_start(words, anchor), anchor)
    if opened is None:
        return None
    comma = next((k for k in range(anchor + 1, len(words)) if words[k] in (",", ";", ".")), None)
    if comma is not None and words[comma] == ",":
        lo = comma + 1 + (words[comma + 1 : comma + 2] == ["then"])
        party, role, at = first_party_from(words, texts, lo, lo + 4, party_terms)
        if party is not None and _MAIN_MODALS.intersection(words[at + 1 : at + 5]):
            return party, role
    # a trailing condition: the sentence opens with its main clause, a party and its modal
    party, role, at = first_party_from(words, texts, 0, 3, party_terms)
    if party is not None:
        modal = next((k for k in range(at + 1, min(at + 5, opened)) if words[k] in _MAIN_MODALS), None)
        if modal is not None:
            return party, role
    return None


# what opens a participle clause with no subject of its own: "until terminated by either party"
_REDUCED_PASSIVE = (["until"], ["unless"], ["if"], ["when"], ["once"], ["whether"], ["where"], ["or"], [","])

# the contract itself, or its term, as a clause's subject: no party acts ("this Agreement shall renew")
_THING_SUBJECTS = frozenset({"agreement", "contract", "term", "subscription"})


def _own_thing_subject(words: list[str], start: int, before: int) -> bool:
    """Is the subject right before the modal at `before` (after the clause's last comma) the contract
    or its term ("..., this Agreement shall automatically renew")? Then a party named in a leading
    condition is not its subject: "Unless Customer notifies Metavante of its intent not to renew ...,
    this Agreement shall automatically renew" renews by itself."""
    comma = next((k for k in range(before - 1, start - 1, -1) if words[k] == ","), None)
    if comma is None:
        return False  # no leading phrase: the subject is read as before
    seg = range(comma + 1, before)
    return len(seg) <= 6 and any(words[k] in _THING_SUBJECTS and words[k - 1] in ("this", "the", "such") for k in seg)


def _in_condition(words: list[str], start: int, neg: int, anchor: int) -> bool:
    """True when the negator at `neg` sits in a leading condition that a comma
    closes before the anchor: "If the Software is not compliant, Customer's
    sole remedy is ..." does not negate the remedy."""
    if "," not in words[neg + 1 : anchor]:
        return False
    for i in range(start, neg):
        if words[i] in _CONDITION or any(match_at(words, i, seq) for seq in _IN_CASE):
            # (unless the condition closed before the negator, whose own clause has begun with its modal:
            # "provided that Franchisee is not in default, Franchisor shall not operate, or grant ...")
            comma = next((k for k in range(neg - 1, i, -1) if words[k] == ","), None)
            return comma is None or not _CLAUSE_OPENERS.intersection(words[comma + 1 : neg])
    return False


def _condition_opens_before(words: list[str], lo: int, i: int) -> bool:
    """Does a condition word ("if", "unless", "in the event", "provided that" ...) come before `i`,
    back to `lo`, with no comma, semicolon or colon between?"""
    return _condition_start(words, lo, i) is not None


def _condition_start(words: list[str], lo: int, i: int) -> int | None:
    """The index of that condition word (see `_condition_opens_before`), or None."""
    for k in range(i - 1, lo - 1, -1):
        if words[k] in (",", ";", ":"):
            return None
        if words[k] in _CONDITION or any(match_at(words, k, seq) for seq in _IN_CASE):
            return k
    return None


def _opens_condition(words: list[str], start: int, neg: int, anchor: int) -> bool:
    """True when a scoped negator is the subject of a leading condition that a comma closes
    before the anchor: "If neither party gives notice ..., this Agreement shall automatically
    renew" renews. (Not "If X, neither party shall, without consent, assign": the condition
    closed before the negator.) A clause may start right after its "if" (", if neither party ...")."""
    return "," in words[neg + 1 : anchor] and _condition_opens_before(words, max(0, start - 1), neg)


def _anchor_in_condition(words: list[str], start: int, neg: int, anchor: int) -> bool:
    """True when negator and anchor both sit inside an "if" condition: "if Licensee
    does not transfer the Product" states a condition, not a prohibition on transfer."""
    for i in range(neg - 1, start - 1, -1):
        w = words[i]
        if w in (",", ";", ":"):
            return False
        if w in ("if", "whether") or match_at(words, i, ("in", "the", "event")):
            return "," not in words[neg:anchor]
    return False


def _in_closed_parenthesis(words: list[str], neg: int, anchor: int) -> bool:
    """True when the negator sits in a parenthesis that closes before the anchor: "Tenant or an independent
    certified public accountant engaged by Tenant (who is not compensated on a contingency basis) may examine and
    audit those books" negates the accountant's fee, not the audit."""
    close = next((k for k in range(neg + 1, anchor) if words[k] in (")", "(")), None)
    if close is None or words[close] != ")":
        return False
    for k in range(neg - 1, max(-1, neg - 30), -1):
        if words[k] == "(":
            return True
        if words[k] == ")":
            return False
    return False


_COPULA = frozenset({"is", "are", "was", "were", "be"})
_RELATIVE_AUX = frozenset({"is", "are", "was", "were", "does", "do", "did", "has", "have", "had", "shall", "will", "would", "can", "could"})


def _in_closed_relative(words: list[str], neg: int, anchor: int) -> bool:
    """True when the negator sits in a relative clause that a main-clause modal closes before the anchor: "An independent
    accountant who is not compensated on a contingency basis may audit the books", "Any Party that does not wish to continue
    may terminate" negate the accountant's fee and the party's wish, not the audit or the termination."""
    # ("not" after the pronoun's auxiliary only: in "provided, however, that no party may assign" the "that" opens the proviso)
    if words[neg] != "not" or neg < 2 or words[neg - 1] not in _RELATIVE_AUX or words[neg - 2] not in _RELATIVE:
        return False
    return any(words[k] in _MAIN_MODALS for k in range(neg + 1, anchor))


def _modal_coordinated_after(words: list[str], neg: int, anchor: int) -> bool:
    """True when "and" or "or" and a modal of their own come between the negator and the anchor: in "The Supplier shall not
    disable any meter and shall deliver all passwords" the delivery is a duty, not barred. (A negator of the second verb's
    own -- "and shall not permit" -- is nearer the anchor and is read on its own. Not "shall not, and shall cause its Affiliates
    not to, sell": there the negated verb comes after the aside.)"""
    if words[neg + 1] in (",", "("):
        return False
    return any(words[k] in ("and", "or") and words[k + 1] in _MAIN_MODALS for k in range(neg + 1, anchor - 1))


def _describing_neither(words: list[str], i: int) -> bool:
    """ "Any invention ... that is neither a Product Invention nor an improvement ... shall be owned jointly":
    a "neither" after a relative pronoun and its copula says what a noun is not; the main clause is not negated."""
    return i >= 2 and words[i - 1] in _COPULA and words[i - 2] in _RELATIVE


def is_negated(words: list[str], anchor: int, start: int | None = None) -> bool:
    """Whether the anchor's clause is negated.

    Scoped negators ("in no event", "neither party") reach the anchor from
    anywhere earlier in its clause; plain ones ("not", "no") only from the 12
    tokens before it, and not from inside a leading condition.
    """
    if start is None:
        start = clause_start(words, anchor)
    scoped_firsts = _SCOPED_NEG_INDEX.firsts
    described = None  # a "neither ... nor" that describes a noun, not the clause (see _describing_neither)
    for i in range(max(start, anchor - 40), anchor):
        if words[i] not in scoped_firsts:
            continue
        if words[i] == "neither" and _describing_neither(words, i):
            described = i
            continue
        seq = _SCOPED_NEG_INDEX.at(words, i)
        if seq and i + len(seq) <= anchor and not _opens_condition(words, start, i, anchor):
            return True
    lo = max(start, anchor - 12)
    # "shall not, without the prior consent of the Grantor, permit any change in its controlling
    # shareholders": the parenthesis between the negator and its verb does not count toward the 12
    # (nor a longer one, of when: "Supplier shall not, during the Term and for a period of eighteen (18) months after its
    # expiration or termination, sell ... to any Person other than Buyer")
    for i in range(max(start, anchor - 40), lo):
        if words[i] == "not" and i + 1 < anchor and words[i + 1] == ",":
            close = next((j for j in range(i + 2, min(anchor, i + 28)) if words[j] == ","), None)
            if close is not None and anchor - close <= 12 and not _in_condition(words, start, i, anchor):
                return True
    # an item of a list whose lead-in leaves "shall not" open ("shall not: (a) ...; or (b) assign ...")
    # is negated by the lead-in however long the items before it
    colon = open_lead_in(words, anchor, start)
    if colon is not None and is_negated(words, colon, start):
        return True
    # ... and so is a later item of an inline list after "shall not (a) ..., or (b) ..."
    first = open_inline_lead(words, anchor, start)
    if first is not None and is_negated(words, first, start):
        return True
    for i in range(lo, anchor):
        w = words[i]
        if w in _NEG:
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if w == "not" and (nxt in _NOT_NEGATING_AFTER or (i > 0 and words[i - 1] in ("but", "whether", "or"))):
                continue
            if w == "no" and nxt in ("later", "less", "more", "fewer", "earlier", "additional", "extra", "charge", "cost"):
                continue
            if w == "no" and nxt == "reason" and i > 0 and words[i - 1] == "for":
                continue  # "may, for any reason or for no reason, terminate": a reason not needed, nothing negated
            if w == "nor" and i > 0 and words[i - 1] == "or":
                continue
            if w in ("neither", "nor") and described is not None and i >= described:
                continue
            if _in_condition(words, start, i, anchor) or _anchor_in_condition(words, start, i, anchor) or _opens_condition(words, start, i, anchor):
                continue
            if _in_closed_parenthesis(words, i, anchor) or _in_closed_relative(words, i, anchor) or _modal_coordinated_after(words, i, anchor):
                continue
            return True
    # "In no event shall ...", "Neither party ..." at the head of the sentence.
    for i in range(0, min(len(words), 4)):
        seq = _SENTENCE_NEG_INDEX.at(words, i)
        if seq and i + len(seq) <= anchor and not _opens_condition(words, 0, i, anchor):
            return True
    return False


_RELATIVE = frozenset({"which", "that", "who", "whom", "whose"})
# verbs that do what they say in the present tense ("X hereby grants", "X assigns"): the clause's own verb
_OPERATIVE = frozenset({"grants", "assigns", "licenses", "licences", "sublicenses", "sublicences", "transfers", "conveys", "waives", "appoints"})
_RIGHT_WORDS = frozenset({"right", "rights", "option", "options"})
_LICENCE_WORDS = frozenset({"license", "licence"})
_LEADING = frozenset({"after", "upon", "following", "if", "when", "where", "once"})
_CONDITION_OPENS = _LEADING | {"in", "unless", "should"}


def modality(words: list[str], anchor: int, start: int, sentence_words: list[str] | None = None) -> tuple[str | None, int | None]:
    """(modality, index of the modal) for the anchor's clause.

    A hedge anywhere in the anchor's clause makes it weak; otherwise the modal
    nearest before the anchor decides, then one shortly after it (passives:
    "Data shall remain the property of ...").
    """
    end = clause_end(words, anchor)
    weak_at = _WEAK.first_in(words, start, end)
    if weak_at is not None and _conditional_should(words, start, weak_at, end):
        weak_at = _WEAK.first_in(words, weak_at + 1, end)  # "Should Licensee fail to pay ..., Licensor may terminate"
    if weak_at is not None and not _hedges_a_later_modal(words, start, anchor, weak_at):
        return "weak", weak_at
    # (a cue that opens with a modal is that modal's clause: "The Professional agrees that the Company
    # shall own ..." is the Company's "shall", not the Professional's "agrees")
    modal_firsts = _MODAL_FIRSTS
    for i in range(anchor, start - 1, -1):
        if words[i] not in modal_firsts:
            continue  # (most words: no modal starts here, and no call to find that out)
        if (_PERMISSION.at(words, i) or _OBLIGATION.at(words, i)) and (_in_aside(words, start, i, anchor) or _opens_condition(words, start, i, anchor)):
            # "Zynga will pay WPT ... (which the parties may alter ...) (the "Annual Minimum Guarantee")";
            # "Unless the Parties otherwise mutually agree in writing, the Development Purchase Commitment ..."
            continue
        if _PERMISSION.at(words, i):
            return "permission", i
        if _OBLIGATION.at(words, i):
            return _obligation_or_right(words, i), i
    end = clause_end(words, anchor)
    # past ten tokens, only the main clause after a leading phrase that a comma closes: "Upon
    # termination of this Agreement for any reason, if requested by MBRK, DD shall provide ..."
    # (not from inside a relative clause: "notice from Developer which cancels ..., Distributor may")
    stop, comma = min(end, anchor + 10), None
    if not _RELATIVE.intersection(words[start:anchor]):
        comma = next((k for k in range(anchor, min(end, anchor + 30)) if words[k] == ","), None)
        if comma is not None:
            stop = min(end, anchor + 30)
    if words[anchor] in _OPERATIVE:
        # an operative verb in the present tense is its clause's own verb: a modal after a comma that opens a
        # coordinated clause is that clause's ("The Department grants the Contractor a limited, non-exclusive
        # ... license ..., and the Contractor shall not use ...")
        coordinated = next((k for k in range(anchor + 1, stop - 1) if words[k] == "," and words[k + 1] in ("and", "but")), None)
        if coordinated is not None:
            stop = coordinated
    if _OPERATIVE.intersection(words[start:anchor]):
        # the clause's verb is an operative one before the anchor ("County grants Contractor a perpetual, irrevocable
        # ... license to use ... such feedback ..., provided that feedback shall not include County Data"): a modal past
        # the next comma is another clause's
        cut = next((k for k in range(anchor, stop) if words[k] in (",", ";")), None)
        if cut is not None:
            stop = cut
    extended = False
    i = anchor
    while i < stop:
        if (i >= anchor + 10 and i <= comma) or (i > 0 and words[i - 1] in _RELATIVE):
            # (a far modal counts only past the comma that closes the leading phrase; "liability for any
            # loss that may be suffered by TELKOM shall be limited": not the subject's modal)
            i += 1
            continue
        if words[i] not in modal_firsts:
            i += 1
            continue
        permission, obligation = _PERMISSION.at(words, i), _OBLIGATION.at(words, i)
        if (permission or obligation) and _condition_between(words, anchor, i, end):
            # "Subject to Section 7.2.2(a) (Minimum ... Commitments), unless the Parties otherwise agree, the ... shall";
            # the main clause's modal may come past the usual reach, soon after the condition closes
            # ("Upon termination ..., if the parties do not enter into a successor Franchise Agreement whereby
            # the Franchisee shall continue ..., BKC or its designee shall have the option")
            if not extended:
                close = next((k for k in range(i + 1, end) if words[k] == ","), None)
                if close is not None:
                    extended = True
                    stop = max(stop, min(end, close + 12))
            i += 1
            continue
        if permission:
            return "permission", i
        if obligation:
            return _obligation_or_right(words, i), i
        i += 1
    return None, None


def _conditional_should(words: list[str], start: int, at: int, end: int) -> bool:
    """Is the "should" at `at` an inverted condition ("Should the Customer so request, the Supplier
    shall ..."), not a hedge ("the Supplier should use ...")? It opens its clause and a comma closes it."""
    return words[at] == "should" and (at == start or words[at - 1] in (",", ";", ":", "(", ")")) and "," in words[at + 1 : end]


def _condition_between(words: list[str], anchor: int, i: int, end: int) -> bool:
    """Is the modal at `i`, after the anchor, inside a condition that opens after the anchor and that a
    comma closes ("..., unless the Parties otherwise agree in writing, the Commitment shall ...")?"""
    return _condition_opens_before(words, anchor + 1, i) and "," in words[i + 1 : end]


def _in_aside(words: list[str], start: int, i: int, anchor: int) -> bool:
    """Is the modal at `i` a relative clause's, set off by a comma or a bracket and closed before
    the anchor ("... (which the parties may alter upon mutual agreement) (the "Annual Minimum
    Guarantee")")? Its subject is not the sentence's. (Not when the anchor is in it: "..., which
    aggregated form shall be jointly owned by ebix and About".)"""
    if not any(w in (")", ",") for w in words[i + 1 : anchor]):
        return False
    return any(words[k] in ("which", "who", "whom") and k > start and words[k - 1] in ("(", ",") for k in range(max(start, i - 4), i))


def _obligation_or_right(words: list[str], i: int) -> str:
    """"shall have the right", "will have the exclusive right", "shall be entitled" read as permission."""
    if any(match_at(words, i + 1, seq) for seq in _AS_PERMISSION):
        return "permission"
    if words[i + 1 : i + 2] in (["have"], ["has"]) and _RIGHT_WORDS.intersection(words[i + 2 : i + 6]):
        return "permission"  # "shall have the sole and exclusive right to"
    if words[i + 1 : i + 3] in (["have", "a"], ["have", "an"]):
        # "shall have a perpetual, irrevocable, royalty-free licence to use" (its terms before the noun;
        # not "shall have a duty to obtain a licence")
        terms = next((words[i + 3 : k] for k in range(i + 3, min(len(words), i + 12)) if words[k] in _LICENCE_WORDS), None)
        if terms is not None and "to" not in terms:
            return "permission"
    return "obligation"


def _hedges_a_later_modal(words: list[str], start: int, anchor: int, weak_at: int) -> bool:
    """A hedge after the anchor that another modal owns: "Zynga shall permit ... auditors ...,
    and WPT shall use reasonable efforts to minimise disruption" is not Zynga's hedge. When the
    anchor has no modal before it ("Upon termination, the Supplier shall use reasonable efforts
    ..."), the first modal after it is its own, and so is that modal's hedge."""
    if weak_at <= anchor:
        return False
    def is_modal(k: int) -> bool:
        return bool(_OBLIGATION.at(words, k) or _PERMISSION.at(words, k)) and words[k - 1] != "to"
    later = sum(1 for k in range(anchor + 1, weak_at) if is_modal(k))
    own_before = any(is_modal(k) for k in range(start, anchor))
    return later >= (1 if own_before else 2)


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


def _inverted_subject(words: list[str], texts: list[str], after: int, modal_at: int | None, anchor: int, party_terms):
    """The subject between the modal (or `after`) and the anchor, "shall the City be liable": a
    party word, else a name between the modal and "be" ("SHALL eGAIN BE LIABLE")."""
    found = duty_owner(words, texts, after + 1, anchor, party_terms)  # "shall the AS Parties' indemnification obligations to MusclePharm exceed"
    if found[0] is None:
        found = find_party(words, texts, anchor, after + 1, party_terms)
    if found[0] is None and modal_at is not None:
        found = inverted_name(words, texts, modal_at, anchor)
    return found


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
        if party is None:
            party, role, idx = report_receiver(words, texts, modal_at, anchor, party_terms)
        if party is not None:
            mod = "permission"  # what the clause gives that party: it may act
    if party is None and modal_at is not None and modal_at < anchor and words[modal_at + 1 : modal_at + 3] in (["not", "be"], ["n't", "be"]):
        # "This Agreement may not be assigned, disposed of, alienated or otherwise transferred by either Party"
        party, role, idx = modal_passive_agent(words, texts, modal_at, party_terms)
    if party is None and modal_at is not None and modal_at < anchor and words[modal_at + 1 : modal_at + 2] == ["be"]:
        # a passive: the agent acts, not a party named in the subject's own clause ("Each Item ...
        # used by the Company shall be exclusively repaired by the Repairer"); the participle is the
        # anchor or the modal's own verb, before it ("this Agreement may be assigned without consent
        # by MusclePharm in connection with a change of control")
        verb = anchor if anchor <= modal_at + 4 and is_participle(words, anchor) else modal_at + 2
        if verb < len(words) and is_participle(words, verb) and (verb == anchor or words[modal_at - 1] not in _RELATIVE):
            # (not a relative clause's passive: "liability for any loss that may be suffered by TELKOM")
            party, role, idx = passive_agent(words, texts, verb, len(words), party_terms)
    if party is None and modal_at == anchor:
        party, role, idx = modal_passive_agent(words, texts, anchor, party_terms)
    if party is None and modal_at is not None and modal_at < anchor and words[max(0, modal_at - 2) : modal_at] in _INVERTING:
        # "Except ... without limiting a Party's indemnity, in no event shall either Party be liable":
        # the inverted subject, not a party named in the phrase before it
        party, role, idx = _inverted_subject(words, texts, modal_at, modal_at, anchor, party_terms)
    if (party is None and modal_at is not None and modal_at + 2 < anchor and words[modal_at] in ("agrees", "agree")
            and words[modal_at + 1] == "that" and words[modal_at + 2] not in _CONDITION_OPENS):
        # what one party agrees another has: "Producer agrees that ConvergTV has the exclusive right" (the
        # subject of what is agreed, when it is a party, not a pronoun: "agrees that it shall not ...";
        # nor a condition's: "The parties agree that if Distributor places Purchase Orders after ...")
        party, role, idx = first_party_from(words, texts, modal_at + 2, min(anchor, modal_at + 8), party_terms)
    if party is None and (modal_at is None or modal_at > anchor):
        party, role, idx = duty_owner(words, texts, start, anchor, party_terms)  # "Ginkgo's obligations to pay ... shall"
    if party is None:
        party, role, idx = obligation_on(words, texts, anchor, clause_end(words, anchor), party_terms)
    # a participle with its agent and no subject of its own: "... shall continue until terminated by
    # either party giving the other notice" (not the subject of "shall continue"); the anchor is the
    # participle, or the word that opens its clause ("until terminated")
    verb = anchor + 1 if words[anchor : anchor + 1] in _REDUCED_PASSIVE else anchor
    if (party is None and verb + 1 < len(words) and words[verb + 1] == "by" and words[verb - 1 : verb] in _REDUCED_PASSIVE
            and is_participle(words, verb)):
        party, role, idx = passive_agent(words, texts, verb, verb + 8, party_terms)
    thing_subject = party is None and _own_thing_subject(words, start, party_before)
    if party is None and not thing_subject:
        party, role, idx = subject_party(words, texts, party_before, start, party_terms)
    if party is None and mod == "weak" and party_before < anchor:
        # the hedged party is the subject, before any "allow Y to ...": "Where practicable, the
        # Contractor shall allow the City to export ..." is the Contractor's hedged promise
        lets = next((j for j in range(party_before + 1, anchor) if words[j] in LETS), anchor)
        party, role, idx = find_party(words, texts, lets, start, party_terms)
    if party is None and start > 0 and not thing_subject:
        # "Upon notice, the City may ..." is one clause; but "..., provided that Vendor may" starts a new one.
        party, role, idx = find_party(words, texts, party_before, 0, party_terms)
    if party is None and party_before < anchor:
        # Inverted subject: "In no event shall the City be liable ..."
        party, role, idx = _inverted_subject(words, texts, party_before, modal_at, anchor, party_terms)
    if party is None and modal_at is not None and modal_at > anchor:
        # The modal follows the anchor: "Upon termination, the Contractor shall ...", "The aggregate
        # liability of the Contractor to the Employer shall not exceed ..."
        party, role, idx = subject_party(words, texts, modal_at, anchor, party_terms)
    if party is None and modal_at is not None and modal_at > anchor and words[modal_at - 2 : modal_at] in _INVERTING:
        # the anchor is the inverting phrase itself: "In no event shall any party be responsible ..."
        be = next((k for k in range(modal_at + 1, min(len(words), modal_at + 7)) if words[k] == "be"), min(len(words), modal_at + 5))
        party, role, idx = _inverted_subject(words, texts, modal_at, modal_at, be, party_terms)
    if party is None:
        party, role, idx = passive_agent(words, texts, anchor, len(words), party_terms)
    if party is None:
        # the party whose duty or liability the clause names after the anchor: "The limitation in Clause 20
        # shall not apply to the Supplier's liability for breach of Clause 15"
        party, role, idx = duty_owner(words, texts, anchor, clause_end(words, anchor), party_terms)
    if party is None:
        # a clause with no modal, whose subject is the anchor: "The aggregate liability of Supplier ... is limited to"
        party, role, idx = owner_of_duty(words, texts, anchor, party_terms)
    return Attributes(negated=negated, modality=mod, party=party, role=role, party_index=idx)
