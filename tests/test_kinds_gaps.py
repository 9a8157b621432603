"""Detector false alarms and misses found while writing clause templates.

Each case is wording a drafter really writes: the positive cases are clauses a
detector missed, the negative ones are look-alikes it fired on (a scope read as
a renewal, "licence plate" read as the verb "license", the public body named as
the one told rather than the one bound, a mention of service levels read as
setting them). Sentences go through the real pipeline (`analyse_text`).
"""

from __future__ import annotations

import pytest

from kindkit import check_presence, found, one


# (kind, text, is that kind present?)
CASES = [
    # -- automatic-renewal: "extend to" gives an obligation's scope, not a longer term
    ("automatic-renewal", "Deletion shall be automatic and shall extend to all copies.", False),
    ("automatic-renewal", "On termination, deletion of Authority Data shall be automatic and shall extend to all backups held by subcontractors.", False),
    ("automatic-renewal", "Unless either party gives notice of non-renewal, this Agreement shall automatically extend for a further period of twelve months.", True),
    ("automatic-renewal", "The Term shall be extended automatically to 31 December 2027 unless either party gives notice.", True),
    # -- personal-data-sale-ban: "licence" in "licence plate" is a noun, not the verb "license"
    ("personal-data-sale-ban", "The Supplier shall not keep licence plate reads or location data longer than necessary.", False),
    ("personal-data-sale-ban", "The Operator shall not keep licence plate reads, images or location data for more than 24 hours.", False),
    ("personal-data-sale-ban", "The Vendor shall not license location data to advertisers or data brokers.", True),
    ("personal-data-sale-ban", "The Supplier shall not sell, license or share licence plate data with any third party.", True),
    # -- data-minimisation: reduction at the point of capture, in other words; a negation on another verb
    ("data-minimisation", "Where the purposes can be met with aggregated data, the Supplier shall anonymise the data at the point of collection.", True),
    ("data-minimisation", "The Supplier shall count pedestrians from the video stream and process it at the edge, so that no image leaves the camera.", True),
    ("data-minimisation", "The Vendor shall neither collect nor store personal data about passers-by.", True),
    ("data-minimisation", "The Supplier shall not engage any sub-processor to process personal data without the Authority's prior written approval.", False),
    ("data-minimisation", "The Contractor shall install the counters at the edge of the carriageway and process the counts at its depot.", False),
    ("data-minimisation", "The Vendor shall not be required to process data at the edge.", False),
    # -- retention-limit: a list between "keep personal data" and "no longer than"
    ("retention-limit", "The Supplier shall keep personal data, including video footage, images, licence plate reads and location data, for no longer than 30 days after collection.", True),
    ("retention-limit", "The Operator shall retain trip data, including start and end points, routes, timestamps, vehicle identifiers and payment references, for no more than 90 days.", True),
    ("retention-limit", "The Supplier shall keep the Authority informed of any incident affecting personal data, and shall answer its questions no longer than 24 hours after receiving them.", False),
    ("retention-limit", "The Supplier shall keep audit logs of every access to the footage, including the user, the time, the camera and the purpose, for no longer than two years.", False),
    # -- initial-term: a support period measured against the term is not the term
    ("initial-term", "The Supplier shall provide security updates and technical support throughout the term of this Agreement and in any case for at least 5 years after delivery.", False),
    ("initial-term", "The Contractor shall keep the support period for each device running throughout the term of the Contract and for 7 years after acceptance.", False),
    ("initial-term", "The term of this Agreement is ten (10) years from the Effective Date.", True),
    ("initial-term", "The Contract shall run for five years from acceptance of the System.", True),
    # -- inclusive-access: plain language counts when it is what residents are given
    ("inclusive-access", "On request, the Supplier shall explain in plain language how the system reached an output.", False),
    ("inclusive-access", "All forms and letters sent to residents shall be written in plain language.", True),
    ("inclusive-access", "The app shall present all information to users in plain English and in easy-read format.", True),
    # -- public-notice: telling the public body about people is a report, not a notice to them
    ("public-notice", "Where the Authority finds that an output was wrong, the Supplier shall correct it, and any record derived from it, and shall tell the Authority whether other people may have been affected in the same way.", False),
    ("public-notice", "The Supplier shall notify the Authority of the breach, describe the data involved and tell the Authority whether other people may have been affected.", False),
    ("public-notice", "The Operator shall tell riders, in its app and at sign-up, that their trip data is shared with the Authority.", True),
    ("public-notice", "The Supplier shall notify the Authority and, when the Authority so instructs, inform the residents whose data was collected.", True),
    # -- public-body-confidentiality: the public body told, not bound; liability for breach of confidentiality
    ("public-body-confidentiality", "The Supplier shall, where permitted by law, inform the Authority before it is required to disclose any Authority Data.", False),
    ("public-body-confidentiality", "If a court orders disclosure, the Supplier shall, where the law allows, notify the Authority before disclosing it and shall disclose only what the order requires.", False),
    ("public-body-confidentiality", "The limitation in clause 14.1 shall not apply to liability for breach of data protection law, security of Authority Data or confidentiality.", False),
    ("public-body-confidentiality", "Each party's liability for breach of confidentiality is unlimited.", False),
    ("public-body-confidentiality", "The Authority shall keep the Supplier's unit prices confidential and shall consult the Supplier before disclosing them.", True),
    ("public-body-confidentiality", "The City shall keep all Confidential Information of the Vendor strictly confidential.", True),
    # -- human-oversight: other verbs between "override" and the output
    ("human-oversight", "Authorised staff shall be able to override, correct or disregard any output and to suspend any automated function at any time.", True),
    ("human-oversight", "The duty officer may overrule any recommendation of the system before a penalty notice is issued.", True),
    ("human-oversight", "The traffic engineer may override the signal timings at any time.", False),
    ("human-oversight", "Operators shall not be able to override any output of the enforcement system.", False),
    # -- algorithmic-transparency: explaining how the system reached one output
    ("algorithmic-transparency", "On request, the Supplier shall explain in plain language, within 10 working days, how the system reached any individual output, including the main factors that determined it.", True),
    ("algorithmic-transparency", "The Contractor shall explain to the person concerned how the model arrived at each risk score.", True),
    ("algorithmic-transparency", "The Supplier shall explain how the system reached a fault state and what it did to restore service.", False),
    ("algorithmic-transparency", "The incident report shall describe how the system reached the failure and the result of the investigation.", False),
    # -- service-levels: a measurable level or an obligation to meet levels, not a mention
    ("service-levels", "The Supplier shall permit the Authority to audit its compliance with the service levels.", False),
    ("service-levels", "The Vendor shall submit a monthly performance report to the City showing results against each KPI in Schedule 5.", False),
    ("service-levels", "The Authority may publish the Supplier's performance against the service levels on its website.", False),
    ("service-levels", "The Service Level Credit shall be four percent (4%) of the monthly charge.", False),
    ("service-levels", "The Contractor shall meet or exceed the Service Levels in Schedule 3 in every month of the Term.", True),
    ("service-levels", "Critical incidents shall have a response time of four (4) hours, measured from the time the incident is reported.", True),
    ("service-levels", "The Supplier shall guarantee 99.9% uptime for the booking portal.", True),
    ("service-levels", "The Project Company shall operate and maintain the Luminaires to the performance standards in Schedule 3.", True),
    ("service-levels", "Initial response times for reported incidents are as set out in Annex 2.", True),
    # -- vulnerability-management: firmware updates count when they are about security
    ("vulnerability-management", "The Supplier shall make repair information, including firmware updates and diagnostic tools, available to independent repairers.", False),
    ("vulnerability-management", "The Vendor shall provide firmware updates that fix security flaws for at least five years after delivery.", True),
    # -- repairability: durability needs a figure; an award criterion commits nobody
    ("repairability", "Tenders will be scored on energy efficiency and durability.", False),
    ("repairability", "Proposals will be evaluated on the expected lifetime of the equipment and its energy use.", False),
    ("repairability", "The equipment shall be durable and suitable for outdoor use.", False),
    ("repairability", "All luminaires shall have a durability of at least 100,000 operating hours.", True),
    ("repairability", "Every controller shall have a minimum design life of fifteen years.", True),
    # -- data-disclosure-restriction: denying the trade-secret claim is the opposite of making it
    ("data-disclosure-restriction", "The Supplier shall not claim that Authority Data, or its schema, is its own trade secret or confidential information.", False),
    ("data-disclosure-restriction", "The Contractor shall not at any time treat traffic data collected by the sensors, or the data model used to store it, as its trade secret.", False),
    ("data-disclosure-restriction", "The database schema and data dictionary of the Platform are trade secrets of the Supplier.", True),
    # -- unilateral-change: a change the public body requests is not one the vendor makes alone
    ("unilateral-change", "The Authority may request a change at any time; within 10 days the Supplier shall state any change to the price.", False),
    ("unilateral-change", "The Authority may request changes to the Services at any time, and the Supplier shall state the resulting adjustment to the fees within 10 working days.", False),
    ("unilateral-change", "The Supplier may change its prices at any time on thirty days' notice.", True),
]


@pytest.mark.parametrize("kind,text,present", CASES, ids=[f"{k}-{i}" for i, (k, _, _) in enumerate(CASES)])
def test_kind_detection(kind, text, present):
    check_presence(kind, text, present)


def test_retention_limit_after_a_list_keeps_its_duration():
    d = one("The Supplier shall keep personal data, including video footage, images, licence plate reads and location data, "
            "for no longer than 30 days after collection.", "retention-limit")
    assert [(v["value"], v["unit"]) for v in d.values["durations"]] == [(30.0, "days")]
    assert (d.negated, d.role) == (False, "vendor")


def test_collecting_no_personal_data_is_kept_for_the_rules():
    # PCSC-PRIV-004 reads data-minimisation with `negated: null`: the promise must not be dropped as negated
    d = one("The sensors shall not capture or store images of identifiable individuals.", "data-minimisation")
    assert d.cue == "no-personal-data"


def test_public_body_bound_in_same_sentence_as_vendor_notice_is_still_found():
    d = one("The Authority shall keep the Supplier's unit prices confidential and shall consult the Supplier before disclosing them.",
            "public-body-confidentiality")
    assert d.role == "public"


@pytest.mark.parametrize("kind, text, present", [
    ("auto-renewal", "The Supplier shall send the City a copy of its ISO 27001 certificate each year, whenever it is renewed.", False),
    ("auto-renewal", "This Agreement shall automatically renew for successive one-year terms unless either party gives notice.", True),
    ("minimum-commitment", "The Supplier shall ensure that the platform is available at least 99.5% of the time in each month.", False),
    ("minimum-commitment", "The City shall purchase at least 10,000 units in each contract year.", True),
])
def test_renewed_certificates_and_availability_levels(kind, text, present):
    assert bool(found(text, kind)) == present


def test_weighted_criteria_with_dot_leaders_are_read():
    """Plain-text RFPs line criteria up with leaders; a leader is not a sentence end or a table of contents."""
    text = ("9. EVALUATION CRITERIA\n\nQuality 60%, made up of:\n"
            "- community engagement and training ...................... 10%\n"
            "- environmental performance ............................... 5%\nPrice 40%.\n")
    assert found(text, "environmental-award-criteria")
    toc = "1. Definitions ........................ 3\n2. Services ........................... 5\n3. Environmental performance ......... 9\n"
    assert not found("9. EVALUATION CRITERIA\n\n" + toc, "environmental-award-criteria")


def test_an_estimate_of_emissions_is_emissions_reporting():
    text = ("5.1 The Operator shall report to the City each quarter the electricity used to charge its fleet in kWh, the share "
            "supplied from renewable sources, the average energy consumption per vehicle-kilometre and its estimate of "
            "life-cycle greenhouse gas emissions per vehicle-kilometre.")
    assert found(text, "environmental-reporting")
