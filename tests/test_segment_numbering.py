"""Clause numbers (`segment.numbering`) and defined terms (`segment.definitions`)."""

from __future__ import annotations

import pytest

from pcsc_procure.segment.definitions import find_definitions
from pcsc_procure.segment.numbering import match_number


@pytest.mark.parametrize(
    "text, label, depth, style, key",
    [
        ("1. Scope", "1.", 1, "decimal", "1"),
        ("12) Term", "12)", 1, "decimal", "12"),
        ("1.2 Term", "1.2", 2, "decimal", "1.2"),
        ("1.2.3. Detail", "1.2.3.", 3, "decimal", "1.2.3"),
        ("4.1\tTabbed", "4.1", 2, "decimal", "4.1"),
        ("(a) install", "(a)", 2, "paren", "a"),
        ("(A) install", "(A)", 2, "paren", "a"),
        ("(ii) batteries", "(ii)", 3, "paren", "ii"),
        ("(iii) more", "(iii)", 3, "paren", "iii"),
        ("(IV) upper", "(IV)", 3, "paren", "iv"),
        ("(3) numbered", "(3)", 2, "paren", "3"),
        ("(aa) after z", "(aa)", 2, "paren", "aa"),
        ("(b)", "(b)", 2, "paren", "b"),
        ("a. lower", "a.", 2, "letter", "a"),
        ("B) upper", "B)", 2, "letter", "b"),
        ("iv. roman", "iv.", 2, "letter", "iv"),
        ("II. SCOPE OF WORK", "II.", 1, "letter", "ii"),
        ("Article 5 Term", "Article 5", 1, "word", "5"),
        ("ARTICLE IV. PRICE", "ARTICLE IV", 1, "word", "IV"),
        ("Section 12.3 Governing Law", "Section 12.3", 2, "word", "12.3"),
        ("Clause 7. Audit", "Clause 7", 1, "word", "7"),
        ("Schedule B Pricing", "Schedule B", 1, "word", "B"),
        ("§ 4 Data", "§ 4", 1, "word", "4"),
        # continental drafting in translation: "Art. 17. Audits and inspections"
        ("Art. 17. Audits and inspections", "Art. 17", 1, "word", "17"),
        ("§4.2 Data", "§4.2", 2, "word", "4.2"),
        # PDF text often loses the space after a label
        ("B.“PRODUCT” shall mean", "B.", 2, "letter", "b"),
        ("2.Sufficient stock", "2.", 1, "decimal", "2"),
        ("1.[*****]", "1.", 1, "decimal", "1"),
        ("(a)the Vendor", "(a)", 2, "paren", "a"),
    ],
)
def test_clause_numbers(text, label, depth, style, key):
    m = match_number(text)
    assert m is not None
    end = len(label) + (1 if text.startswith(label + ".") and style == "word" else 0)  # "Clause 7." ends after the dot
    assert (m.label, m.depth, m.style, m.key, m.end) == (label, depth, style, key, end)


@pytest.mark.parametrize(
    "text",
    [
        "2.5 million euros",  # an amount
        "1.5 hours after",
        "2024. The year",  # four digits: a year
        "1.",  # nothing after the label
        "1.2005 $",  # a decimal number
        "U.S. Mail",  # abbreviations
        "D.C. 20006",
        "e.g. sensors",
        "i.e. the data",
        "Section 5 of this Agreement applies.",  # cross-references
        "Article 3 shall survive termination.",
        "Section 7(b) of the Act",
        "Art. 17 of the Civil Code applies.",
        "Clause 4 and Clause 5",
        "The Vendor shall",
        "(not a number) here",
        "a.m. deliveries",
        "",
    ],
)
def test_not_clause_numbers(text):
    assert match_number(text) is None


def test_match_at_an_offset_reports_absolute_end():
    text = "prefix 1.2 Term"
    m = match_number(text, 7)
    assert (m.label, m.end) == ("1.2", 10)
    assert match_number(text, 6) is None  # the space before it


@pytest.mark.parametrize(
    "text, terms",
    [
        ('"Data" means all data collected.', [("Data", "definition", '"Data" means')]),
        ("“Authority Data” shall mean the data.", [("Authority Data", "definition", "“Authority Data” shall mean")]),
        ("“Contractor’s Personnel” means staff.", [("Contractor’s Personnel", "definition", "“Contractor’s Personnel” means")]),
        ("'Contractor's Personnel' means staff.", [("Contractor's Personnel", "definition", "'Contractor's Personnel' means")]),
        ("‘personal data’ has the meaning given in the GDPR.", [("personal data", "definition", "‘personal data’ has the meaning")]),
        ('"Data" or "City Data" means', [("Data", "definition", '"Data" or "City Data" means')]),
        ('the "Effective Date" (as defined below) is defined as', [("Effective Date", "definition", '"Effective Date" (as defined below) is defined as')]),
        ('"Services" includes support.', [("Services", "definition", '"Services" includes')]),
        ('ParkSense Ltd. (the "Vendor") and', [("Vendor", "party", '(the "Vendor")')]),
        ("(hereinafter referred to\nas “CONSULTANT”)", [("CONSULTANT", "party", "(hereinafter referred to\nas “CONSULTANT”)")]),
        ('("Licensee" or "Customer")', [("Licensee", "party", '("Licensee" or "Customer")')]),
        # a cover page's role, unquoted
        ("AZUL LINHAS AEREAS S/A (as Company)", [("Company", "party", "(as Company)")]),
        ("ACME SA (as the Seller) and", [("Seller", "party", "(as the Seller)")]),
        ("the goods (as defined below)", []),
        ('the 5" screen means nothing', []),
        ('"--" means', []),
        ('He said "yes", meaning no.', []),
    ],
)
def test_definitions_and_parties(text, terms):
    got = [(d.term, d.kind, text[d.start : d.end]) for d in find_definitions(text)]
    assert got == terms


def test_parties_only_near_the_top_but_definitions_anywhere():
    text = "x" * 20000 + ' Acme (the "Vendor"). "Data" means data.'
    assert [(d.term, d.kind) for d in find_definitions(text)] == [("Data", "definition")]
