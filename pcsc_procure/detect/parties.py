"""Which party a clause binds or empowers, read from word order.

The party named nearest before the modal verb is the subject; but where a
clause gives one party a right that the other grants or must allow, the
party holding the right is named elsewhere: the licensee after "grants", the
owner after "shall vest in", the party a bound party must permit to audit or
give access to, the agent of a passive. Party words are public bodies
("City", "Authority"), vendors ("Contractor", "Supplier"), commercial names
("Customer", "Licensee") and the parties a draft introduces itself
(`party_terms`: 'Acme Ltd (the "Vendor")').
"""

from __future__ import annotations

import re

from pcsc_procure.detect.word_frequency import SENTENCE_SHARE
from pcsc_procure.detect.wordscan import PhraseIndex, clause_end, is_participle

PUBLIC = {"city", "town", "municipality", "council", "county", "borough", "authority", "government", "ministry", "department", "agency", "commission", "purchaser", "district", "region", "province", "state", "metropolis", "township", "village", "prefecture", "administration", "employer", "procuring"}
PUBLIC_PHRASES = (("public", "body"), ("contracting", "authority"), ("contracting", "entity"), ("public", "authority"), ("the", "public", "sector"), ("local", "government"), ("procuring", "entity"))
VENDOR = {"contractor", "vendor", "supplier", "provider", "consultant", "developer", "operator", "concessionaire", "bidder", "bidders", "proposer", "proposers", "respondent", "respondents", "tenderer", "tenderers", "integrator", "manufacturer", "licensor", "subcontractor", "contractors", "vendors", "suppliers", "providers", "offeror", "offerors", "seller", "projectco"}
# Commercial parties with no public or vendor role by their name alone: "Customer may terminate",
# "Distributor shall purchase". Read as a party only when capitalised, as a defined party is.
NAMED = {"customer", "client", "company", "licensee", "distributor", "franchisee", "franchisor", "buyer", "reseller", "sponsor",
         "endorser", "lessee", "lessor", "tenant", "landlord", "lender", "borrower", "servicer", "shipper", "carrier", "recipient",
         "discloser", "publisher", "producer", "promoter", "participant", "member", "institution", "university", "bank"}
# The parties of a contract written in the first and second person ("we" the franchisor or provider,
# "you" the franchisee or customer); no role: which side "we" is depends on whose paper it is.
PRONOUN_PARTIES = frozenset({"we", "you", "us"})
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
BOTH_PHRASES = (("either", "party"), ("each", "party"), ("both", "parties"), ("the", "parties"), ("neither", "party"), ("any", "party"), ("a", "party"), ("either", "of", "the", "parties"), ("each", "of", "the", "parties"), ("the", "other", "party"),
                ("no", "party"), ("neither", "of", "the", "parties"))

_PARTY_PHRASES = [(PhraseIndex(BOTH_PHRASES), "both"), (PhraseIndex(PUBLIC_PHRASES), "public"), (PhraseIndex(VENDOR_PHRASES), "vendor")]
_PARTY_FIRST = {seq[0] for seq in BOTH_PHRASES + PUBLIC_PHRASES + VENDOR_PHRASES}
_VENDOR_DETERMINERS = frozenset({"the", "a", "an", "each", "any", "every", "such", "that", "its", "no", "all", "other", "another", "selected", "awarded", "chosen", "preferred", "prospective", "winning"})


# the second word of a defined term named after a party ("Customer Data", "City Data", "Licensor Marks")
_THING_AFTER_PARTY = frozenset({"data", "information", "materials", "material", "content", "marks", "mark", "trademarks", "software",
                                "property", "records", "ip", "technology", "know-how", "patents", "products", "deliverables",
                                "equipment", "premises", "systems", "system", "sites", "site", "assets"})


_OTHER_PARTY = ("the", "other", "party")
# words before "the other party" that make it the one told, given to or dealt with
_TOLD = frozenset({"to", "inform", "informs", "informing", "notify", "notifies", "notifying", "give", "gives", "giving", "provide",
                   "provides", "with", "against", "than", "towards"})
_SUFFERED = frozenset({"suffered", "incurred", "sustained", "caused"})
# verbs whose next word is the one given something: "gives CONSULTANT written notice"
_GIVEN_TO = frozenset({"gives", "give", "giving", "sends", "send", "sending", "serves", "serve", "tells"})
_ANY_PARTY_WORD = frozenset(PUBLIC | VENDOR | NAMED | PRONOUN_PARTIES)


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


def _joined_by(words: list[str], idx: int | None, word: str) -> int | None:
    """Index of `word` ("and", "nor") joining the party at `idx` to one before it, "the" allowed between."""
    if idx is None:
        return None
    if words[idx - 1 : idx] == [word]:
        return idx - 1
    return idx - 2 if words[max(0, idx - 2) : idx] == [word, "the"] else None


def _opens_clause(texts: list[str], start: int, at: int) -> bool:
    """Is the word at `at` the head of its clause, after at most a clause label ("12.1", "(c)")
    and "the", "both", "each" or "each of"? (Tokens, so "(c)" arrives as "(", "c", ")".)"""
    def lead_token(t: str) -> bool:
        w = t.lower()
        return w in ("the", "both", "each", "of", ",", "(", ")", ".") or w.replace(".", "").isdigit() or (len(w) == 1 and w.isalpha())
    return all(lead_token(t) for t in texts[start:at])


def _told(words: list[str], seq: tuple[str, ...], at: int, start: int) -> bool:
    """"the other party" as the one told, given to or dealt with: "until either Party informs the
    other Party" (the actor is named before it), or the one who suffers a loss: "a Party's
    liability for damage suffered by the other Party shall be limited"."""
    if seq != _OTHER_PARTY or at <= start:
        return False
    return words[at - 1] in _TOLD or (at - 1 > start and words[at - 1] == "by" and words[at - 2] in _SUFFERED)


def _phrase_ending_at(words: list[str], i: int, start: int):
    """A party phrase of two to four words whose last word is at `i` ("the Contracting Authority",
    "the other Party", "each of the Parties"), met at its end when reading backwards: (text start,
    role) or None, the longest first."""
    for back in (3, 2, 1):
        if i - back >= start and words[i - back] in _PARTY_FIRST:
            for index, role in _PARTY_PHRASES:
                seq = index.at(words, i - back)
                if seq and len(seq) == back + 1:
                    return i - back, role
    return None


def _defined_name_from(words: list[str], texts: list[str], i: int, party_terms) -> tuple[str, str | None, int] | None:
    """A defined party name of two to four words that starts at `i` ("Village Media Company")."""
    for n in (3, 2, 1):
        if i + n < len(words):
            name = " ".join(words[i : i + n + 1])
            if name in party_terms:
                return " ".join(texts[i : i + n + 1]), party_terms[name], i
    return None


def _aside_opening(words: list[str], close: int, start: int) -> int | None:
    """Index of the "(" that the ")" at `close` closes, within the clause from `start`; None when
    it opens before the clause, or the parentheses hold a label ("(a)", "(ii)") or a definition."""
    depth = 0
    for k in range(close, start - 1, -1):
        if words[k] == ")":
            depth += 1
        elif words[k] == "(":
            depth -= 1
            if depth == 0:
                if close - k <= 2 or (close - k <= _DEFINITION_ASIDE and any(w in _QUOTES for w in words[k:close])):
                    return None  # a label, or a defined name given to the words before it: 'its users ("Users")'
                return k
    return None


_DEFINITION_ASIDE = 8  # tokens from "(" to ")" of '(the "Licensee")', '(collectively, "Users")'
_QUOTES = frozenset('"“”\'‘’')


def find_party(words: list[str], texts: list[str], before: int, start: int, party_terms: dict[str, str | None]) -> tuple[str | None, str | None, int | None]:
    """Nearest party mention before index `before` within the clause."""
    skip_from = before  # reading backwards, words from here on are already read
    for i in range(before - 1, start - 1, -1):
        if i >= skip_from:
            continue
        w = words[i]
        if w == ")":
            # an aside closed before the verb is not its subject: "(such period, as it may be
            # extended by the mutual agreement of the parties or automatically) ... and shall renew"
            opening = _aside_opening(words, i, start)
            if opening is not None:
                skip_from = opening
                continue
        if len(w) == 1 and texts[i].isupper() and i > start and texts[i - 1] in ("Party", "PARTY"):
            return f"{texts[i - 1]} {texts[i]}", None, i - 1  # "Party A shall ...", as contracts in translation name them
        if w in _ANY_PARTY_WORD or w in party_terms:
            if i > start and words[i - 1] in _GIVEN_TO:
                continue  # "the date the Company gives CONSULTANT written notice of termination": the receiver
            if i + 1 < before and words[i + 1] in _THING_AFTER_PARTY and texts[i + 1][:1].isupper():
                continue  # "Customer Data", "Authority Materials": a thing named after a party, not the party
            if w == "employer" and "liability" in words[i + 1 : i + 3]:
                continue  # "employer's liability insurance": a kind of cover
        phrase = _phrase_ending_at(words, i, start)  # (before a defined "Party" cuts "the other Party" short)
        if phrase is not None:
            at, role = phrase
            if _told(words, tuple(words[at : i + 1]), at, start):
                skip_from = at
                continue
            return " ".join(texts[at : i + 1]), role, at
        if w in _PARTY_FIRST:
            for index, role in _PARTY_PHRASES:
                seq = index.at(words, i)
                if seq:
                    if _told(words, seq, i, start):
                        break
                    return " ".join(texts[i : i + len(seq)]), role, i
        if w in PUBLIC or w in VENDOR:
            whole = _defined_name_from(words, texts, i, party_terms)
            if whole is not None:
                return whole  # "the Village Media Company": a defined name that begins with a role word
        if w in PUBLIC and (texts[i][:1].isupper() or (i > 0 and words[i - 1] in ("the", "each", "any") and not _possessive(words, i))):
            # "the city shall ...", but not "across the district's towns": a place, not the party
            return texts[i], "public", i
        if w in VENDOR and (texts[i][:1].isupper() or i == 0 or words[i - 1] in _VENDOR_DETERMINERS):
            # "the contractor", "Vendor", "each supplier" -- not "the City's identity provider"
            return texts[i], "vendor", i
        if (w in party_terms or w in NAMED) and _compound_name(texts, i, before):
            continue  # "its 32 Member Clubs", "Licensee Products": a name built on a party word
        if w in party_terms and (texts[i][:1].isupper() or w in getattr(party_terms, "lower_case", ())):
            # ("PAPA JOHN'S": a name that ends in "'s" is given with it)
            tail = texts[i + 1] if w in getattr(party_terms, "apostrophe", ()) and _possessive(words, i) else ""
            for n in (3, 2, 1):  # a defined name of several words ("ADAMS GOLF"), given whole
                if i - n >= 0 and " ".join(words[i - n : i + 1]) in party_terms:
                    return " ".join(texts[i - n : i + 1]) + tail, party_terms[w], i - n
            return texts[i] + tail, party_terms[w], i
        if w in NAMED and texts[i][:1].isupper():
            return texts[i], None, i
        if w in PRONOUN_PARTIES:
            # franchise and online terms speak as "we" and "you": "We may terminate ...", "you must pay"
            return texts[i], None, i
    return None, None, None


def first_party_from(words: list[str], texts: list[str], lo: int, hi: int, party_terms: dict[str, str | None]):
    """The first party that starts in [lo, hi), reading forward (`find_party` reads backward)."""
    for i in range(lo, min(len(words), hi)):
        found = find_party(words, texts, i + 1, i, party_terms)
        if found[0] is not None:
            return found
    return None, None, None


_LIABILITY_ADJ = frozenset({"sole", "entire", "total", "aggregate", "maximum", "cumulative", "whole", "overall", "collective"})


def _liability_owner(words: list[str], texts: list[str], before: int, start: int, party_terms: dict[str, str | None]):
    """The party whose liability is the subject when another party's remedy shares it: "XACCT'S
    SOLE LIABILITY AND LICENSEE'S EXCLUSIVE REMEDY ... SHALL BE LIMITED TO ..." -> XACCT."""
    subject = words[start:before]
    if "liability" not in subject or ("remedy" not in subject and "remedies" not in subject):
        return None, None, None
    k = start + subject.index("liability") - 1
    while k > start and (words[k] in _LIABILITY_ADJ or (words[k] == "and" and words[k - 1] in _LIABILITY_ADJ)):
        k -= 1  # "SOLE AND EXCLUSIVE LIABILITY"
    if k > start and words[k] in ("'s", "’s", "'"):
        found = find_party(words, texts, k, max(start, k - 4), party_terms)
        if found[0] is not None and found[2] + len(found[0].split()) == k:
            return found
    return None, None, None


_DUTY_NOUNS = frozenset({"obligation", "obligations", "commitment", "commitments", "duty", "duties", "liability", "liabilities"})


def duty_owner(words: list[str], texts: list[str], start: int, before: int, party_terms: dict[str, str | None]):
    """The party whose duty the clause's subject names: "Ginkgo's obligations to pay to BLI the Minimum
    Cumulative Purchase Commitment ... shall terminate" -> Ginkgo (not BLI, named nearer the anchor);
    one word may qualify the duty: "the AS Parties' indemnification obligations to MusclePharm"."""
    for k in range(start + 2, before):
        if words[k] in _DUTY_NOUNS:
            pos = k - 1 if words[k - 1] in ("'s", "’s", "'") else k - 2 if k - 3 >= start and words[k - 2] in ("'s", "’s", "'") else None
            if pos is None:
                continue
            found = find_party(words, texts, pos, max(start, pos - 4), party_terms)
            if found[0] is not None and found[2] + len(found[0].split()) == pos:
                return found
    return None, None, None


def owner_of_duty(words: list[str], texts: list[str], anchor: int, party_terms: dict[str, str | None]):
    """The party named right after the duty the anchor is (or begins): "The aggregate liability of
    Supplier for all claims ... is limited to $1,000,000" -> Supplier."""
    for k in range(anchor, min(len(words) - 1, anchor + 3)):
        if words[k] in _DUTY_NOUNS and words[k + 1] == "of":
            return first_party_from(words, texts, k + 2, k + 5, party_terms)
    return None, None, None


def obligation_on(words: list[str], texts: list[str], anchor: int, end: int, party_terms: dict[str, str | None]):
    """The party a clause puts its duty on, or reserves its right to, after the anchor: "the Development
    Purchase Commitment ... shall constitute a binding obligation on Ginkgo" -> Ginkgo; "The right to
    terminate this Agreement for convenience is reserved to the Licensor" -> the Licensor."""
    for k in range(anchor + 1, min(end, anchor + 40)):
        if (words[k] in ("obligation", "obligations") and words[k + 1 : k + 2] in (["on"], ["upon"])) or (
                words[k] == "reserved" and words[k + 1 : k + 2] in (["to"], ["for"])):
            return first_party_from(words, texts, k + 2, k + 5, party_terms)
    return None, None, None


def pair_ending(words: list[str], texts: list[str], found, lo: int, party_terms: dict[str, str | None], subject: bool = False):
    """The party `found` and the one joined to it before "and", as one holder: "the joint property
    of SAP AFRICA and TELKOM", "jointly owned by ebix and About" -> both. Else `found` as it is.
    A verb after the pair makes it a new clause's subject, unless a `subject` is read."""
    party, role, idx = found
    conj = _joined_by(words, idx, "and")
    if conj is None or conj <= lo or role == "both":
        return found
    other, other_role, at = find_party(words, texts, conj, max(lo, conj - 4), party_terms)
    end = idx + len(party.split())
    if other is not None and other_role != "both" and at + len(other.split()) == conj and (subject or not _new_clause_at(words, end)):
        return " ".join(texts[at:end]), "both", at
    return found


def _new_clause_at(words: list[str], i: int) -> bool:
    """Does a verb follow at `i`, making the party before it the subject of a new clause ("the
    property of the City and the Contractor shall deliver ...")?"""
    return i < len(words) and (words[i] in _MODALS or words[i] in ("agrees", "agree", "hereby", "is", "are"))


def pair_starting(words: list[str], texts: list[str], found, party_terms: dict[str, str | None]):
    """The party `found` and the one joined to it after "and": "grants to ABG and CELEBRITY a
    ... license" -> both. Else `found` as it is."""
    party, role, idx = found
    if party is None or role == "both":
        return found
    end = idx + len(party.split())
    if words[end : end + 1] != ["and"]:
        return found
    other, other_role, at = first_party_from(words, texts, end + 1, end + 3, party_terms)
    if other is None or other_role == "both" or other.lower() == party.lower():
        return found
    if at != end + 1 and not (at == end + 2 and words[end + 1] == "the"):
        return found
    if _new_clause_at(words, at + len(other.split())):
        return found
    return " ".join(texts[idx : at + len(other.split())]), "both", idx


def subject_party(words: list[str], texts: list[str], before: int, start: int, party_terms: dict[str, str | None]):
    """`find_party`, reading "<noun> of X to Y" as about X: in "the liability of the Contractor to
    the Employer shall ...", the Employer receives and the clause is about the Contractor; and
    "X'S SOLE LIABILITY AND Y'S EXCLUSIVE REMEDY ... SHALL BE LIMITED" as about X."""
    owner = _liability_owner(words, texts, before, start, party_terms)
    if owner[0] is not None:
        return owner
    party, role, idx = (None, None, None)
    if (before - 2 >= start and words[before - 2] == "," and texts[before - 1].isalpha() and texts[before - 1].isupper()
            and words[before - 1] not in party_terms and words[before - 1] not in _ANY_PARTY_WORD):
        # a name in capitals right after a leading phrase: "In addition to the provisions in the Manual
        # of the Shipper, ECOPETROL shall not be responsible ..." is ECOPETROL's, not the Shipper's
        # (a party word, "CONSULTANT", is read below with its role)
        party, role, idx = capitalised_subject(words, texts, before, before - 1)
    if party is None:
        party, role, idx = find_party(words, texts, before, start, party_terms)
    if party is None:
        party, role, idx = capitalised_subject(words, texts, before, start)
    nor = _joined_by(words, idx, "nor")
    while nor is not None:
        # "neither PB nor SFJ will be permitted to delegate", "Neither the Licensor nor the Licensee may": both are
        # bound; and all three of "NEITHER ABG NOR AUTHENTIC BRANDS GROUP LLC NOR CELEBRITY SHALL BE LIABLE"
        back = next((k for k in range(nor - 1, max(start - 1, nor - 7), -1) if words[k] in ("neither", "nor")), None)
        if back is not None and words[back] == "neither":
            return " ".join(texts[back : idx + 1]), "both", back
        nor = back
    if party is not None:
        pair = either_or(words, texts, (party, role, idx), start, party_terms)  # "Either Vendor or Distributor may"
        if pair[2] != idx:
            return pair
        # "The Company and MBE shall jointly own ...", "Upon termination, VerticalNet and LeadersOnline
        # shall jointly own ...": two parties, one subject (only when the pair opens the clause or
        # follows a leading phrase: not "deliver the data to the City and the Contractor shall")
        pair = pair_ending(words, texts, (party, role, idx), start, party_terms, subject=True)
        if pair[2] != idx and (_opens_clause(texts, start, pair[2]) or texts[pair[2] - 1] == ","):
            return pair
    if idx is not None and "to" in words[max(start, idx - 2) : idx]:
        to_at = max(k for k in range(max(start, idx - 2), idx) if words[k] == "to")
        earlier = find_party(words, texts, to_at, start, party_terms)
        at = earlier[2]
        if at is not None and to_at - at <= 3 and "of" in words[max(start, at - 2) : at]:
            return earlier
    return party, role, idx


_MODALS = frozenset({"shall", "will", "may", "must", "should", "can"})
_RIGHT_PHRASE = frozenset({"have", "has", "the", "a", "sole", "exclusive", "full", "absolute", "unilateral", "right"})
_NOT_A_SUBJECT = frozenset({"it", "this", "that", "these", "those", "which", "who", "each", "either", "neither", "all", "any", "no",
                            "such", "he", "she", "they", "i", "a", "an", "the", "party", "parties", "nothing", "none"})


def capitalised_subject(words: list[str], texts: list[str], before: int, start: int):
    """A party never introduced but written in capitals right before the verb, in a sentence
    written in ordinary case: "ECOPETROL may assign the Contract", "SAP AFRICA shall".

    Only the words right before `before`, a modal or other verb; not in an all-capitals sentence,
    where every word is so written, nor a defined thing ("AGREEMENT", "SOFTWARE")."""
    # from a modality read at "right" in "will have the right to", back to its verb
    for _ in range(4):
        if before <= start + 1 or before >= len(words) or words[before] in _NOT_NAME_PART or words[before - 1] not in _RIGHT_PHRASE:
            break
        before -= 1
    if before >= len(words) or words[before] not in _NOT_NAME_PART:
        return None, None, None  # a verb must follow: not "EXCLUDING LIABILITY", a heading run into the text
    while before - 1 > start and words[before - 1] in _MODALS:
        before -= 1  # "Axiometric will have the right": the name is before the modal, not before "have"
    name = _unknown_name(words, texts, before - 1, start)
    if name is not None:
        return name
    i = before - 1
    while i >= start and texts[i].isalpha() and texts[i].isupper() and len(texts[i]) >= 2:
        i -= 1
    first = i + 1
    if first >= before or first - start > 12:
        return None, None, None
    if max(len(t) for t in texts[first:before]) < 3 and (before - first > 1 or words[first] in SENTENCE_SHARE):
        return None, None, None  # two letters: a short name ("PB will obtain"), not a word ("IT will", "US")
    if words[before - 1] in NOT_PARTY_HEADS or words[before - 1] in _NOT_A_SUBJECT or before - first > 4:
        return None, None, None
    if not any(t.islower() for t in texts):
        return None, None, None
    return " ".join(texts[first:before]), None, first


def _unknown_name(words: list[str], texts: list[str], i: int, start: int):
    """A capitalised word no contract vocabulary has, opening its clause right before the verb:
    a name ("3.2.1 Axiometric shall have the exclusive right"), not "The Products shall"."""
    if i < start or (i > start and texts[i - 1][:1].isalpha()):
        return None  # a word before it ("The Escrow Agent", "such Hydrocarbon"): not a bare name
    name = _bare_name(words, texts, i)
    return name if name[0] is not None else None


def inverted_name(words: list[str], texts: list[str], modal_at: int, anchor: int):
    """The subject between an inverted modal and "be", when it is no known party word: "IN NO
    EVENT SHALL eGAIN BE LIABLE" -> eGAIN; not "shall such payment be", "shall its liability be"."""
    be = next((k for k in range(modal_at + 2, min(anchor, modal_at + 6)) if words[k] == "be"), None)
    if be is None:
        return None, None, None
    name = texts[modal_at + 1 : be]
    if words[modal_at + 1] in _NOT_A_NAME or words[be - 1] in NOT_PARTY_HEADS or words[be - 1] in _NOT_A_SUBJECT:
        return None, None, None
    if not all(t.isalpha() and any(c.isupper() for c in t) for t in name):
        return None, None, None
    return " ".join(name), None, modal_at + 1


def passive_agent(words: list[str], texts: list[str], anchor: int, end: int, party_terms: dict[str, str | None]):
    """"... may be terminated by the City" -> City; and the first item's agent after a lead-in: "This
    Agreement may be terminated as follows: (a) by the Customer at any time on notice ..." -> Customer."""
    for i in range(anchor + 1, min(end, anchor + 8)):
        if words[i] == ":":
            item = _after_item_label(words, i + 1, end)
            if words[item : item + 1] == ["by"]:
                i = item
        if words[i] == "by":
            if words[i + 1 : i + 5] == ["or", "on", "behalf", "of"]:
                i += 4  # "conducted by or on behalf of Customer"
            found = find_party(words, texts, min(end, i + 5), i + 1, party_terms)
            if found[0] is not None:
                return either_or(words, texts, pair_ending(words, texts, found, i, party_terms), i, party_terms)
            return found if i + 1 >= end else _bare_name(words, texts, i + 1)
    return None, None, None


_LABEL_TOKENS = frozenset({"(", ")", ".", "-", "•"})


def _after_item_label(words: list[str], i: int, end: int) -> int:
    """Index after a list item's label at `i` ("1.1.1.", "(a)", "ii)"), if any."""
    stop = min(end, i + 6)
    while i < stop and (words[i] in _LABEL_TOKENS or words[i].replace(".", "").isdigit()
                        or (len(words[i]) <= 4 and words[i + 1 : i + 2] == [")"] and words[i].isalpha())):
        i += 1
    return i


def either_or(words: list[str], texts: list[str], found, lo: int, party_terms: dict[str, str | None]):
    """The party `found` and the other of "either A or B", as one holder: "may be terminated by
    either Vendor or Distributor", "by either the Vendor or the Distributor" -> both. Else `found`."""
    party, role, idx = found
    if party is None or role == "both":
        return found
    end = idx + len(party.split())
    if words[idx - 1 : idx] == ["either"] or words[max(0, idx - 2) : idx] == ["either", "the"]:
        back = idx - 1 if words[idx - 1] == "either" else idx - 2
        if words[end : end + 1] != ["or"]:
            return found
        other, other_role, at = first_party_from(words, texts, end + 1, end + 3, party_terms)
        if other is None or other_role == "both" or at not in (end + 1, end + 2) or (at == end + 2 and words[end + 1] != "the"):
            return found
        return " ".join(texts[back : at + len(other.split())]), "both", back
    alt = _joined_by(words, idx, "or")
    if alt is None:
        return found
    back = next((k for k in range(alt - 1, max(lo - 1, alt - 6), -1) if words[k] in ("either", ",", ";", "by")), None)
    if back is None or words[back] != "either":
        return found
    return " ".join(texts[back:end]), "both", back


def modal_passive_agent(words: list[str], texts: list[str], modal_at: int, party_terms: dict[str, str | None]):
    """The agent of a passive that a cue opens with its modal: "The Options shall not be assigned,
    transferred or alienated by the Professional" -> the Professional. Only across the coordinated
    participles themselves ("assigned, transferred or alienated by"), so "shall be limited to the
    fees paid by the Customer" names no agent of "limited"."""
    j = modal_at + 1
    if words[j : j + 1] in (["not"], ["n't"]):
        j += 1
    if words[j : j + 1] != ["be"]:
        return None, None, None
    j += 1
    if j >= len(words) or not is_participle(words, j):
        return None, None, None
    end = min(len(words), j + 10)
    while j < end and (is_participle(words, j) or words[j] in (",", "or", "and", "otherwise") or words[j].endswith("ly")
                       or (words[j] == "of" and is_participle(words, j - 1))):  # "assigned, disposed of, alienated or ... transferred by"
        j += 1
    if j + 1 >= len(words) or words[j] != "by":
        return None, None, None
    found = find_party(words, texts, min(len(words), j + 5), j + 1, party_terms)
    return found if found[0] is not None else _bare_name(words, texts, j + 1)


def _bare_name(words: list[str], texts: list[str], i: int):
    """A name never introduced: a word in Title case or CamelCase that no contract vocabulary has
    ("Axiometric", "assigned ... by MusclePharm"), not "by Section 5", "by Law"."""
    t = texts[i]
    if not (t.isalpha() and t[:1].isupper() and not t.isupper() and len(t) >= 3):
        return None, None, None
    if words[i] in SENTENCE_SHARE or words[i] in NOT_PARTY_HEADS or words[i] in _NOT_A_SUBJECT:
        return None, None, None
    return t, None, i


# "X shall permit Y to audit": the right is Y's
LETS = frozenset({"permit", "permits", "allow", "allows", "enable", "enables", "authorize", "authorizes", "authorise", "authorises", "entitle", "entitles"})
# "... shall be the property of Y", "... shall vest in Y", "... shall belong to Y": Y owns
_OWNED = {"property": ("of",), "owner": ("of",), "vest": ("in",), "vests": ("in",), "belong": ("to",), "belongs": ("to",),
          "pass": ("to",), "passes": ("to",),  # "Ownership of ... shall pass to the Authority"
          "hire": ("for",),  # "... shall be deemed a work made for hire for PAPA JOHN'S"
          "names": ("of",), "name": ("of",)}  # "... trademark the series name in joint names of TL and Integrity"
# what may stand between the anchor and the ownership word ("shall be the sole and exclusive property
# of"): anything else ("shall insure all property of the City") means the owner is not the clause's
_OWN_GLUE = frozenset({"shall", "will", "be", "become", "becomes", "remain", "remains", "is", "are", "and", "the", "sole", "exclusive",
                       "absolute", "automatically", "immediately", "fully", "solely", "hereby", "thereupon",
                       "joint", "common", "in", "work", "works", "made", "for", '"', "“", "”", ","})  # "shall be the joint property of SAP AFRICA and TELKOM"


_OWN_ADVERBS = frozenset({"exclusively", "solely", "absolutely", "entirely", "wholly", "fully", "automatically", "immediately"})


_APPOINTED = frozenset({"designated", "appointed", "selected", "nominated", "chosen", "engaged", "retained"})


def beneficiary(words: list[str], texts: list[str], modal_at: int, anchor: int, party_terms: dict[str, str | None]):
    """The party a bound party must let act: "The Supplier shall permit the Authority (and its
    auditors) to audit ...", "... permit the Procuring Entity to inspect the accounts and to have
    them audited" -> the Authority, the Procuring Entity, who hold the right."""
    for j in range(modal_at + 1, anchor):
        if words[j] in LETS:
            to_at = next((k for k in range(j + 2, min(anchor, j + 10)) if words[k] == "to"), None)
            # "permit an independent accounting firm ... designated by the other Party ... to audit":
            # whoever appoints the one let in holds the right
            appointer = next((k for k in range(j + 2, min(anchor, j + 12)) if words[k] in _APPOINTED and words[k + 1] == "by"), None)
            if appointer is not None:
                found = find_party(words, texts, min(anchor, appointer + 6), appointer + 2, party_terms)
                if found[0] is not None:
                    return found
            if to_at is None:
                return None, None, None
            found = find_party(words, texts, to_at, j + 1, party_terms)
            if found[0] is None and words[to_at + 1 : to_at + 2] == ["be"]:
                # "shall permit such records to be examined by authorized representatives of WPT"
                found = passive_agent(words, texts, to_at + 2, min(len(words), to_at + 14), party_terms)
            return found
    return None, None, None


_GRANTS = frozenset({"grant", "grants", "granted", "authorises", "authorizes"})
# the appointee holds what an appointment gives, when named right after the verb: "hereby appoints Distributor
# as its exclusive distributor", "agrees to designate XC as ... the exclusive technology sponsor" (not "the
# Repairer or any representative it designates shall have the right to inspect")
_APPOINTS = frozenset({"appoint", "appoints", "designate", "designates"})
# operative only with "hereby": "the Contractor hereby assigns to the City", "the Supplier hereby licenses the Authority"
_HEREBY_GRANTS = frozenset({"assigns", "assign", "transfers", "transfer", "conveys", "licenses", "licences"})


def grantee(words: list[str], texts: list[str], anchor: int, party_terms: dict[str, str | None]):
    """Who receives what is granted or assigned, and so holds it: "The Licensor hereby grants to
    the Licensee a licence", "the Supplier grants the City a perpetual licence", "the Contractor
    hereby assigns to the City all right, title and interest" -> the Licensee, the City."""
    top = anchor + 2  # the anchor may be "hereby grants", or "hereby does, assign": past the glue to the verb
    while top < len(words) - 1 and (words[top - 1] in _ASSIGN_GLUE or words[top - 1] == ",") and words[top] in _ASSIGN_GLUE | {","}:
        top += 1
    for g in range(min(len(words) - 1, top), max(-1, anchor - 40), -1):
        w = words[g]
        if w in _APPOINTS:
            found = first_party_from(words, texts, g + 1, g + 4, party_terms)
            if found[0] is not None:
                return found
            continue
        if w in _GRANTS or (w in _HEREBY_GRANTS and _operative(words, g)):
            be_at = g - 1 if words[g - 1] == "hereby" else g  # "the Company is hereby granted"
            if be_at > 0 and words[be_at - 1] in ("is", "are", "be", "been", "being"):
                # "is granted to" / "the Licensee is granted": the subject holds it, the party right
                # before the verb ("(i) the Consultant will inform ..., and (ii) the Company is hereby granted")
                return find_party(words, texts, be_at - 1, max(0, be_at - 7), party_terms)
            found = first_party_from(words, texts, g + 1, g + 7, party_terms)
            if found[0] is not None:
                return pair_starting(words, texts, found, party_terms)
            named = _name_after(words, texts, g)
            if named[0] is not None:
                return named
            # the assignee or licensee after what is given: "hereby assigns all right, title and
            # interest in the Improvements to Licensor", "will grant a royalty-free licence to HERC"
            for k in range(g + 2, min(clause_end(words, g), g + 60)):
                if words[k - 2 : k] == ["in", "and"]:
                    continue  # "all right, title and interest in and to the THC ERB Domains ... to HERC": what is given
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
    """A grantee named by words that are no known party term: "VerticalNet hereby grants
    LeadersOnline a non-exclusive ... license", "T-Mobile hereby grants ELEPHANT TALK a fully
    paid-up ... licence" -> LeadersOnline, ELEPHANT TALK (up to three capitalised words)."""
    i = g + 2 if words[g + 1 : g + 2] == ["to"] else g + 1
    j = i
    while j < min(len(words), i + 3) and texts[j][:1].isupper() and texts[j].isalpha() and words[j] not in _NOT_A_NAME:
        j += 1
    if j == i or j >= len(words) or words[j] not in _AFTER_GRANTEE:
        return None, None, None
    return " ".join(texts[i:j]), None, i


_NOT_A_NAME = frozenset({"the", "this", "that", "each", "any", "all", "such", "a", "an", "its", "their", "his", "her", "it", "them", "you",
                         "us", "we", "licensed", "exclusive", "non", "said"})


# between "hereby" (or the promise to assign) and the verb: "hereby irrevocably assigns", "shall and hereby does assign"
_ASSIGN_GLUE = frozenset({"irrevocably", "unconditionally", "absolutely", "does", "do", "and", "hereby", "shall", "will", "agrees", "agree", "to", "also"})


# verbs coordinated with an operative assignment: "hereby sells, assigns and transfers"
_CONVEYS = _HEREBY_GRANTS | {"sells", "sell", "grants", "grant"}


def _operative(words: list[str], g: int) -> bool:
    """An assignment that transfers or binds to transfer: "hereby (irrevocably) assigns", "shall
    assign", "agrees to assign", "irrevocably assigns" -- not "may assign", a permission whose
    holder is the assignor. The verbs it is coordinated with are passed over: "hereby sells,
    assigns and transfers to MBRK"."""
    for i in range(g - 1, max(-1, g - 7), -1):
        if words[i] in ("hereby", "shall", "will", "must", "irrevocably") or (words[i] == "to" and i > 0 and words[i - 1] in ("agrees", "agree")):
            return True  # ("irrevocably assigns": present and operative, like "hereby assigns")
        if words[i] not in _ASSIGN_GLUE and words[i] != "," and words[i] not in _CONVEYS:  # "hereby does, assign"
            return False
    return False



def action_agent(words: list[str], texts: list[str], anchor: int, party_terms: dict[str, str | None]):
    """Who acts, when the anchor names the action and its agent follows: "... available for
    inspection by the City", "subject to audit by the Authority", "available for audit or review
    by MBRK", "any audit conducted by or on behalf of Customer" -> the City, the Authority, MBRK,
    Customer."""
    if anchor + 2 < len(words) and words[anchor + 1] in _CONDUCTED and (words[anchor + 2] == "by" or words[anchor + 2 : anchor + 4] == ["out", "by"]):
        # "shall cooperate fully with any audit conducted by or on behalf of Customer"
        found = passive_agent(words, texts, anchor + 1, min(len(words), anchor + 10), party_terms)
        if found[0] is not None:
            return found
    lead = anchor - 1
    if lead > 0 and words[lead] in _ACTION_ADJ:
        lead -= 1  # "for reasonable audit and inspection by the Trust"
    if lead < 0 or words[lead] not in ("for", "to"):
        return None, None, None
    reach = 6 if anchor + 1 < len(words) and words[anchor + 1] in ("or", "and") else 4  # "audit or review by"
    return passive_agent(words, texts, anchor, min(len(words), anchor + reach), party_terms)


_CONDUCTED = frozenset({"conducted", "performed", "undertaken", "carried", "made", "requested", "initiated"})
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


_REPORTS = frozenset({"report", "reports", "copies", "copy", "results", "findings", "statements"})


def report_receiver(words: list[str], texts: list[str], modal_at: int, anchor: int, party_terms: dict[str, str | None]):
    """Who receives the audit's reports, and so holds what the clause gives: "a Party will provide
    the other Party with copies of any reports relating to ... Clinical Trials audits" -> the other
    Party (the audit-by-report reading: the right belongs to the receiver). Only for an audit
    anchor after "provide/give X with" and the reports."""
    if not words[anchor].startswith("audit"):
        return None, None, None
    for j in range(modal_at + 1, anchor):
        if words[j] not in _PROVIDES:
            continue
        with_at = next((k for k in range(j + 2, min(anchor, j + 7)) if words[k] == "with"), None)
        if with_at is None or not _REPORTS.intersection(words[with_at + 1 : with_at + 5]):
            return None, None, None
        return find_party(words, texts, with_at, j + 1, party_terms)
    return None, None, None


_ACTION_ADJ = frozenset({"reasonable", "periodic", "annual", "independent", "any", "an", "a", "such", "the", "its", "their"})


# what is opened for checking (not "make the Services available to the Customer", a supply duty)
_RECORDS = frozenset({"records", "books", "accounts", "ledgers", "documents", "documentation", "premises", "facilities", "files", "logs"})


def available_to(words: list[str], texts: list[str], anchor: int, party_terms: dict[str, str | None]):
    """Who the records are opened to: "The Vendor shall make its records available to the City
    for audit", "shall provide the City's auditors with access to its records" -> the City, who
    may audit them."""
    for i in range(max(0, anchor - 20), min(len(words) - 1, anchor + 10)):  # "... available to Developer, at ... hours, to audit"
        if words[i] == "available" and words[i + 1] == "to" and _RECORDS.intersection(words[max(0, i - 8) : i + 16]):
            # (the records before or after: "make available to the Trust during business hours all records")
            return first_party_from(words, texts, i + 2, i + 6, party_terms)  # (not "at Distributor's place" after it)
        if words[i] == "available" and words[i + 1] == "for" and _RECORDS.intersection(words[max(0, i - 8) : i]):
            # "shall make its records available for inspection by Licensor's auditors", or at whose request
            # ("Upon written request by Licensor, Licensee shall make its books available for inspection")
            by = next((k for k in range(i + 2, min(len(words), i + 6)) if words[k] == "by"), None)
            found = first_party_from(words, texts, by + 1, by + 4, party_terms) if by is not None else (None, None, None)
            if found[0] is None:
                found = requester(words, texts, max(0, i - 25), min(len(words), i + 12), party_terms)
            if found[0] is not None:
                return found
        if words[i] in _PROVIDES and "access" in words[i + 2 : i + 8]:
            # "shall provide Customer's auditors with access to all relevant records"
            found = first_party_from(words, texts, i + 1, words.index("access", i + 2), party_terms)
            if found[0] is not None:
                return found
    # "the Servicer will give the Issuer, the Depositor, ... and the Indenture Trustee (or their
    # representatives) access to the records ... to conduct a review": a list of names before "access"
    for i in range(max(0, anchor - _LIST_REACH), anchor):
        if words[i] in _PROVIDES and "access" in words[i + 8 : i + _LIST_REACH]:
            at = words.index("access", i + 8)
            if all(texts[k][:1].isupper() or words[k] in _RECIPIENT_LIST_WORDS for k in range(i + 1, at)):
                found = first_party_from(words, texts, i + 1, at, party_terms)
                if found[0] is not None:
                    return found
    return None, None, None


_LIST_REACH = 40  # tokens from a giving verb, over a list of recipients, to the anchor
_RECIPIENT_LIST_WORDS = frozenset({",", "and", "or", "the", "its", "their", "(", ")", "representatives", "auditors", "agents",
                                   "designees", "respective", "each", "of"})


def requester(words: list[str], texts: list[str], lo: int, hi: int, party_terms: dict[str, str | None]):
    """The party at whose request something is done, in words[lo:hi]: "upon written request by
    Licensor", "at the request of Licensor", "at Licensor's request"."""
    for k in range(lo, hi):
        if words[k] != "request":
            continue
        if words[k + 1 : k + 2] in (["by"], ["of"]):
            found = first_party_from(words, texts, k + 2, k + 5, party_terms)
            if found[0] is not None:
                return found
        back = k - 1 if words[k - 1] != "written" else k - 2
        if back > lo and words[back] in ("'s", "’s"):
            found = find_party(words, texts, back, max(lo, back - 4), party_terms)
            if found[0] is not None:
                return found
    return None, None, None


def owner_after(words: list[str], texts: list[str], anchor: int, party_terms: dict[str, str | None]):
    """Who owns, when the owner follows: "All Work Product shall be the sole property of the Company"."""
    for i in range(anchor, min(len(words) - 1, anchor + 8)):
        preps = _OWNED.get(words[i])
        if preps is None:
            if words[i] not in _OWN_GLUE:
                break
            continue
        prep = i + 1
        while prep < len(words) - 1 and words[prep] in _OWN_ADVERBS:
            prep += 1  # "belong exclusively to the AS Parties"
        if words[prep] in preps:
            found = find_party(words, texts, min(len(words), prep + 5), prep + 1, party_terms)
            pair = pair_ending(words, texts, found, prep, party_terms)
            return pair if pair is not found else pair_starting(words, texts, found, party_terms)
    return None, None, None


class PartyTerms(dict):
    """The parties a document introduces: each defined party word (and whole name) -> its role,
    as `find_party` reads them; `names` are (offset, defined term as written), in order."""

    def __init__(self, *args, names: list[tuple[int, str]] | None = None):
        super().__init__(*args)
        self.names = names or []
        self.lower_case: set[str] = set()  # names the document writes in lower case ("eGain", "ebix")
        # names that end in "'s", registered without it ("PAPA JOHN'S", "Macy's"): the tokenizer splits the "'s" off
        self.apostrophe: set[str] = set()

    def contracting_parties(self) -> list[str]:
        """The two parties the contract is between: the first two it introduces, when both are
        introduced in its opening (the preamble: 'between Acme Inc. ("Supplier") and ...')."""
        pair = [term for at, term in self.names[:2] if at < PREAMBLE]
        return pair if len(pair) == 2 else []


PREAMBLE = 5000  # characters: where a contract names the parties it is between

# what a party does in a contract, right after its name: "Sponsor shall", "the Receiving Party agrees"
_ACTS = re.compile(r"(?:'s|'S)?\s+(?i:shall|will|may|must|agrees?|hereby|represents|warrants|acknowledges|covenants|undertakes)\b")
_SPACE = re.compile(r"\s+")
MIN_ACTS = 2
MAX_INTRODUCED = 40  # parenthesised introductions tested at most; CUAD dev contracts have up to 25


def acts_as_party(text: str, term: str) -> bool:
    """Does the contract make `term` act: at least MIN_ACTS times its name right before a modal
    or a party's verb? A parenthesis defines things as well as parties ('$20 million (the "First
    Renewal Threshold")', '(the "Options")'); a thing is not read as a party by its head word."""
    acts = 0
    for form in dict.fromkeys((term, term.upper())):  # as introduced, and in a clause set in capitals
        # the name's first word found as a literal, the rest matched where it stands (no pattern is
        # compiled per name: compiling one for each name of each contract was 5% of detection)
        first, *rest = form.split()
        at = text.find(first)
        while at != -1:
            if at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "-"):
                end = _rest_of_name(text, at + len(first), rest)
                if end is not None and _ACTS.match(text, end):
                    acts += 1
                    if acts >= MIN_ACTS:
                        return True
            at = text.find(first, at + len(first))
    return False


def _rest_of_name(text: str, i: int, words: list[str]) -> int | None:
    """Where the name's remaining `words` end, each after some whitespace, from `i`; None if they are not there."""
    for w in words:
        space = _SPACE.match(text, i)
        if space is None or not text.startswith(w, space.end()):
            return None
        i = space.end() + len(w)
    return i


def different_parties(a: str | None, b: str | None) -> bool:
    """Two named parties that are not the same one ("Supplier", "the Supplier" are the same)."""
    if a is None or b is None:
        return False
    return a.lower().split()[-1] != b.lower().split()[-1]


def counterparty(party: str | None, role: str | None, party_terms) -> tuple[str | None, str | None]:
    """The other party to `party`: the one whose liability a remedy of `party`'s limits
    ("Customer's sole remedy shall be re-performance" caps the supplier's liability).

    The name when `party` is one of the two the contract is between, with that party's own
    role. Otherwise no name, and a role only for the other side of a public body: its vendor
    (the other side of a vendor may be a company as well as a public body)."""
    pair = party_terms.contracting_parties() if isinstance(party_terms, PartyTerms) else []
    fallback = (None, "vendor" if role == "public" else None)
    if party is None or not pair:
        return fallback
    last = party.lower().split()[-1]
    hits = [n for n in pair if n.lower().split()[-1] == last]
    if len(hits) != 1:
        return fallback
    other = pair[1] if hits[0] == pair[0] else pair[0]
    return other, party_terms.get(other.lower().split()[-1])  # its role, as the document introduced it
