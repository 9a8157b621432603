"""Clause-kind detection for the data-ownership, open-standards, interoperability,
vendor-lock-in, privacy and security pillars.

Each case feeds sentences written in the style of smart-city RFPs and
contracts through the real pipeline (`analyse_text`) and checks which kinds
are found, and with which negation, modality and party role. Negative cases
are the look-alikes these detectors must not fire on: confidentiality
boilerplate, carve-outs, the public body's own obligations, prohibitions
phrased like the thing they forbid.
"""

from __future__ import annotations

import pytest

from kindkit import check_presence, found, one
from pcsc_procure.analysis import analyse_text


# (kind, text, is that kind present?)
CASES = [
    # -- data-use-limitation
    ("data-use-limitation", "The Vendor shall use City Data solely for the purpose of performing the Services.", True),
    ("data-use-limitation", "The Contractor shall process the data only to the extent necessary to provide the Services and for no other purpose.", True),
    ("data-use-limitation", "Data shall not be used for any purpose other than the performance of this Contract.", True),
    ("data-use-limitation", "The Contractor shall not use the footage for any other purpose.", True),
    ("data-use-limitation", "Personal data shall be processed only on the documented instructions of the City.", True),
    ("data-use-limitation", "The Vendor may use the data for its own commercial purposes.", False),
    ("data-use-limitation", "The Licensee shall use the Software only in accordance with the Documentation.", False),
    ("data-use-limitation", "This Agreement may only be amended by written agreement of the parties.", False),
    ("data-use-limitation", "The Receiving Party shall use Confidential Information solely to perform its obligations under this Agreement.", False),
    # -- public-data-access
    ("public-data-access", "The City shall have access to all raw data at any time at no additional cost.", True),
    ("public-data-access", "The Vendor shall provide the Authority with unrestricted, real-time access to all data collected by the sensors.", True),
    ("public-data-access", "The Contractor shall make all Project Data available to the City in real time via the API.", True),
    ("public-data-access", "The Supplier shall ensure that the Council's access to the raw sensor data is continuous and unrestricted.", True),
    ("public-data-access", "The Vendor shall have access to City data at any time for maintenance purposes.", False),
    ("public-data-access", "The City shall have access to the dashboard for ten named users.", False),
    ("public-data-access", "The Contractor shall permit the City access to its premises at any time.", False),
    ("public-data-access", "The Vendor shall not give the City access to raw data.", False),
    # -- data-access-fee
    ("data-access-fee", "Access to historical data older than 90 days is subject to the Vendor's data access fees set out in Schedule 4.", True),
    ("data-access-fee", "The City shall pay a fee of $0.02 per API call to retrieve sensor data.", True),
    ("data-access-fee", "Raw data exports will be charged at the Vendor's then-current professional services rates.", True),
    ("data-access-fee", "The City may access its data at no additional cost.", False),
    ("data-access-fee", "The Vendor shall not charge any fee for access to or export of the data.", False),
    ("data-access-fee", "The subscription fees include unlimited API access.", False),
    ("data-access-fee", "Each party shall bear its own costs of data export.", False),
    ("data-access-fee", "The monthly fee shall be paid within 30 days of invoice.", False),
    # -- open-data-right
    ("open-data-right", "The City may publish any non-personal data as open data.", True),
    ("open-data-right", "Nothing in this Agreement shall restrict the City from releasing non-personal data on its open data portal.", True),
    ("open-data-right", "Aggregated traffic counts will be published by the City under the Creative Commons Attribution 4.0 licence (CC BY 4.0).", True),
    ("open-data-right", "The City shall not publish the data without the Vendor's prior written consent.", False),
    ("open-data-right", "The Vendor shall not publish any data about residents.", False),
    ("open-data-right", "The Vendor shall publish a privacy notice on its website.", False),
    ("open-data-right", "The City shall not disclose personal data to any third party.", False),
    # -- data-disclosure-restriction
    ("data-disclosure-restriction", "The City shall not publish or share the Data with any third party without the Vendor's prior written consent.", True),
    ("data-disclosure-restriction", "The database schema, data model and data dictionary of the Platform are trade secrets of the Vendor.", True),
    ("data-disclosure-restriction", "All data collected by the Sensors shall be deemed Confidential Information of the Contractor.", True),
    ("data-disclosure-restriction", "The City shall not disclose personal data to any third party.", False),
    ("data-disclosure-restriction", "Confidential Information includes trade secrets, technical data, pricing and business plans.", False),
    ("data-disclosure-restriction", "The Vendor shall not disclose City Data without the City's prior written consent.", False),
    ("data-disclosure-restriction", "The Software contains trade secrets of the Vendor and shall not be reverse engineered.", False),
    # -- vendor-data-ownership
    ("vendor-data-ownership", "The Vendor shall own all aggregated and anonymised data derived from the Services.", True),
    ("vendor-data-ownership", "Vendor retains all right, title and interest in and to the Platform, including all usage data.", True),
    ("vendor-data-ownership", "Derived data shall be the property of the Contractor.", True),
    ("vendor-data-ownership", "The Contractor shall have an exclusive licence to use the data generated by the Sensors.", True),
    ("vendor-data-ownership", "The Vendor owns its pre-existing software and documentation.", False),
    ("vendor-data-ownership", "The Vendor shall not own any data collected by the Sensors.", False),
    ("vendor-data-ownership", "The Vendor shall retain all right, title and interest in its pre-existing intellectual property, which shall not include City Data.", False),
    # -- data-monetisation
    ("data-monetisation", "Vendor may use anonymised data for its own commercial purposes.", True),
    ("data-monetisation", "The Contractor may sell aggregated mobility data to third parties.", True),
    ("data-monetisation", "The Operator may share trip data with its affiliates and advertisers for marketing purposes.", True),
    ("data-monetisation", "The Operator may use trip data to train its machine learning models.", True),
    ("data-monetisation", "Aggregated footage may be licensed to third parties for a fee.", True),
    ("data-monetisation", "The Contractor shall not sell or license City data to any third party.", False),
    ("data-monetisation", "The Vendor shall share the data with the City every month.", False),
    ("data-monetisation", "The Vendor shall disclose data to third parties only with the City's prior written consent.", False),
    ("data-monetisation", "The Contractor may disclose data to third parties where required by law.", False),
    ("data-monetisation", "Supplier acknowledges that the securities laws prohibit any person who has material, non-public information from purchasing or selling securities.", False),
    # -- data-return-deletion
    ("data-return-deletion", "Upon termination the Contractor shall return all City Data and delete all copies within 30 days.", True),
    ("data-return-deletion", "Upon termination, each party shall return all Confidential Information received from the other party.", False),
    # -- named-open-specification
    ("named-open-specification", "Sensor observations shall be exposed through the OGC SensorThings API.", True),
    ("named-open-specification", "Mobility operators shall provide trip and status data via the Mobility Data Specification (MDS).", True),
    ("named-open-specification", "Charging stations shall support OCPP 2.0.1 and roaming via OCPI 2.2.", True),
    ("named-open-specification", "The Vendor shall use open standards.", False),
    # -- data-documentation
    ("data-documentation", "The Contractor shall provide a data dictionary describing every field in each dataset.", True),
    ("data-documentation", "All datasets shall be accompanied by metadata conforming to DCAT-AP.", True),
    ("data-documentation", "The database schema is a trade secret of the Vendor.", False),
    ("data-documentation", "The Vendor shall deliver traffic counts every month.", False),
    # -- custom-software
    ("custom-software", "The Contractor shall develop a custom mobile application for reporting potholes.", True),
    ("custom-software", "All Bespoke Software shall be delivered with its source code.", True),
    ("custom-software", "The Vendor shall install and configure its standard parking platform; no custom development is required.", False),
    ("custom-software", "The Vendor shall install 400 parking sensors.", False),
    # -- open-source-licence
    ("open-source-licence", "All Custom Software shall be released under the European Union Public Licence (EUPL-1.2) and published in a public repository.", True),
    ("open-source-licence", "The Contractor shall license the Bespoke Software to the City under an OSI-approved open-source licence.", True),
    ("open-source-licence", "The City may use, modify, reuse and publish the source code of all software developed under this Contract.", True),
    ("open-source-licence", "All Deliverables, including source code, shall be the property of the City.", True),
    ("open-source-licence", "The Software may contain third-party open source components licensed under their own terms.", False),
    ("open-source-licence", "The Licensee shall not modify, decompile or reverse engineer the source code.", False),
    ("open-source-licence", "The Vendor may modify the source code of the Platform at any time.", False),
    # -- brand-specification
    ("brand-specification", "All CCTV cameras shall be Hikvision DS-2CD series or Axis Communications P-series.", True),
    ("brand-specification", "The network switches must be Cisco Catalyst 9300; no substitutions will be accepted.", True),
    ("brand-specification", "Luminaires shall be of the brand specified in Annex 3.", True),
    ("brand-specification", "The Contractor shall supply Cisco Catalyst switches for all cabinets.", True),
    ("brand-specification", "Cameras shall be Axis Communications P3265-LVE or equivalent.", False),
    ("brand-specification", "The solution shall integrate with the City's existing SAP S/4HANA ERP.", False),
    ("brand-specification", "Proposals shall be submitted in Microsoft Word or PDF format.", False),
    ("brand-specification", "Bidders shall provide the brand name and model number of all equipment offered.", False),
    ("brand-specification", "SAP AFRICA shall provide maintenance services in respect of the SOFTWARE.", False),
    ("brand-specification", "The City's brand shall be displayed on all vehicles.", False),
    ("brand-specification", "The tanks shall be 5 cubic metres.", False),
    # -- interoperability
    ("interoperability", "The Platform shall be interoperable with the City's existing asset management and GIS systems.", True),
    ("interoperability", "The Contractor shall integrate the solution with the Authority's ERP and the open data portal.", True),
    ("interoperability", "The sensors shall be compatible with third-party LoRaWAN gateways and network servers from multiple vendors.", True),
    ("interoperability", "The Contractor shall integrate all deliverables into a single project plan.", False),
    ("interoperability", "The Vendor shall integrate the new signage with the existing bus shelters.", False),
    # -- integration-restriction
    ("integration-restriction", "The City shall not connect any third-party devices to the Network.", True),
    ("integration-restriction", "Integration of third party software with the Platform requires the Vendor's prior written consent.", True),
    ("integration-restriction", "Connecting any device not supplied by the Vendor to the Controllers voids the warranty.", True),
    ("integration-restriction", "The Vendor shall not restrict the City from integrating third-party systems with the Platform.", False),
    ("integration-restriction", "The Vendor shall enable integration with third-party systems through documented APIs.", False),
    ("integration-restriction", "The City may connect third-party sensors to the gateway.", False),
    ("integration-restriction", "The Contractor shall not connect any unapproved devices to the City's network.", False),
    # -- automatic-renewal
    ("automatic-renewal", "This Agreement shall automatically renew for successive one-year terms unless either party gives notice of non-renewal.", True),
    ("automatic-renewal", "Upon expiry of the Initial Term, the Contract shall be tacitly renewed for a further period of one year.", True),
    ("automatic-renewal", "This Agreement shall continue in force from year to year until terminated by either party on three months' notice.", True),
    ("automatic-renewal", "The Agreement shall renew for successive one-year periods unless either party gives written notice of non-renewal at least 60 days before expiry.", True),
    ("automatic-renewal", "The term may be extended for two additional one-year periods by mutual written agreement of the parties.", False),
    ("automatic-renewal", "Any renewal requires the City's express written decision; there is no automatic renewal.", False),
    ("automatic-renewal", "The City may, at its option, extend the term for up to two additional years by written notice.", False),
    ("automatic-renewal", "This Agreement shall not renew automatically.", False),
    ("automatic-renewal", "This Agreement shall remain in force for five years unless terminated earlier in accordance with clause 14.", False),
    ("automatic-renewal", "The Vendor shall extend the warranty for an additional 12 months for any replaced part.", False),
    # -- initial-term
    ("initial-term", "The initial term of this Agreement shall be ten (10) years from the Effective Date.", True),
    ("initial-term", "This Contract shall remain in force for a period of eight (8) years from the Commencement Date.", True),
    ("initial-term", "The Concession shall run for twenty-five (25) years.", True),
    ("initial-term", "The confidentiality obligations survive for seven years after the Term.", False),
    ("initial-term", "The Contractor shall retain records for six years after the end of the Term.", False),
    ("initial-term", "The City may terminate this Agreement on ninety days' notice at any time during the Term.", False),
    # -- unilateral-change
    ("unilateral-change", "The Vendor may modify these Terms at any time by posting the revised terms on its website.", True),
    ("unilateral-change", "The Vendor reserves the right to increase its fees upon thirty (30) days' notice.", True),
    ("unilateral-change", "Prices are subject to change without notice.", True),
    ("unilateral-change", "Additional sensors shall be charged at the Vendor's then-current list prices.", True),
    ("unilateral-change", "Changes to the Services shall be made only by written amendment signed by both parties.", False),
    ("unilateral-change", "The Vendor shall not modify the Services without the City's prior written consent.", False),
    ("unilateral-change", "The City may modify the scope of Services by change order at any time.", False),
    ("unilateral-change", "The Vendor may update the Software from time to time to fix defects.", False),
    ("unilateral-change", "The Vendor may change the Services from time to time provided that such changes do not materially reduce functionality.", False),
    # -- pilot-follow-on
    ("pilot-follow-on", "Upon successful completion of the free pilot, the City shall enter into a five-year subscription agreement for city-wide deployment.", True),
    ("pilot-follow-on", "The vendor of a successful pilot shall be awarded the follow-on contract without further competition.", True),
    ("pilot-follow-on", "The Vendor shall have a right of first refusal on any city-wide deployment following the Pilot.", True),
    ("pilot-follow-on", "Following the pilot, the City may, at its discretion, procure a full deployment through an open tender.", False),
    ("pilot-follow-on", "The pilot shall run for six months at no cost to the City.", False),
    ("pilot-follow-on", "The City has no obligation to purchase any products or services after the pilot.", False),
    # -- change-of-control-right
    ("change-of-control-right", "The City may terminate this Agreement if the Contractor undergoes a change of control.", True),
    ("change-of-control-right", "In the event of a change of control of the Vendor, the City may terminate this Agreement on thirty days' notice.", True),
    ("change-of-control-right", "The Vendor shall not undergo a change of control without the prior written consent of the Authority.", True),
    ("change-of-control-right", "Any change of control of the Contractor shall be deemed an assignment requiring the City's prior written consent.", True),
    ("change-of-control-right", "The Vendor may assign this Agreement to a successor in a merger or change of control without the City's consent.", False),
    ("change-of-control-right", "The Vendor may terminate this Agreement upon a change of control of the City.", False),
    ("change-of-control-right", "The City may not terminate this Agreement by reason of a change of control of the Vendor.", False),
    # -- proprietary-software
    ("proprietary-software", "The traffic signal controllers run the Vendor's proprietary firmware.", True),
    ("proprietary-software", "The Licensed Software is provided in object code form only.", True),
    ("proprietary-software", "The system shall use non-proprietary software and open standards.", False),
    # -- personal-data-processing
    ("personal-data-processing", "The cameras shall record video footage of the junction.", True),
    ("personal-data-processing", "The Vendor shall not sell personal data.", True),
    ("personal-data-processing", "No personal data will be collected by the air-quality sensors.", False),
    ("personal-data-processing", "The sensors do not collect any personal data.", False),
    # -- public-exclusivity
    ("public-exclusivity", "The City shall purchase all of its requirements for parking sensors exclusively from the Vendor.", True),
    ("public-exclusivity", "During the Term, the Council shall not engage any other provider to supply adaptive signal control at any signalised intersection.", True),
    ("public-exclusivity", "The Council appoints the Supplier as its exclusive provider of adaptive traffic signal services for the Term.", True),
    ("public-exclusivity", "During the Concession Period, the Council shall not grant any other operator a concession or licence to install on-street charge points within the Borough.", True),
    ("public-exclusivity", "The City may procure similar services from other providers.", False),
    ("public-exclusivity", "The Vendor grants the City a non-exclusive licence to use the software.", False),
    ("public-exclusivity", "The City shall not sell Mobility Data or license it to any third party for commercial purposes.", False),
    ("public-exclusivity", "The City shall not grant any other person a licence to use the Software.", False),
    ("public-exclusivity", "The Vendor shall be the single point of contact for all support requests.", False),
    ("public-exclusivity", "The Vendor shall not engage any other subcontractor without the City's consent.", False),
    # -- public-space-personal-data
    ("public-space-personal-data", "The Wi-Fi sensors record MAC addresses to estimate pedestrian flows.", True),
    ("public-space-personal-data", "The smart meters collect personal data about household energy use.", True),
    ("public-space-personal-data", "Sensors shall not capture images, licence plates or any other information identifying a vehicle or a person.", False),
    ("public-space-personal-data", "Where the platform processes personal information of City staff through a feedback form, the Proposer shall comply with data protection law.", False),
    # -- data-minimisation
    ("data-minimisation", "The Contractor shall apply data minimisation and collect only the personal data strictly necessary for the purposes in Annex 2.", True),
    ("data-minimisation", "The sensors shall not capture or store images of identifiable individuals.", True),
    ("data-minimisation", "Faces and licence plates shall be blurred at the edge before any footage leaves the camera.", True),
    ("data-minimisation", "The Vendor shall implement privacy by design and by default.", True),
    ("data-minimisation", "The Vendor shall collect personal data from users of the app.", False),
    ("data-minimisation", "The Vendor shall not disclose personal data to third parties.", False),
    ("data-minimisation", "The Vendor shall not be required to apply data minimisation.", False),
    # -- retention-limit
    ("retention-limit", "Video footage shall be retained for no longer than 30 days and then automatically deleted.", True),
    ("retention-limit", "Personal data shall not be kept longer than necessary for the purposes set out in Annex 2.", True),
    ("retention-limit", "Licence plate reads that do not match a hotlist shall be purged within 24 hours.", True),
    ("retention-limit", "The Contractor shall retain financial records relating to the processing of personal data for six years.", False),
    ("retention-limit", "The Vendor may retain personal data for as long as it considers necessary for its business.", False),
    ("retention-limit", "Access logs recording who viewed the footage shall be kept for 12 months.", False),
    # -- privacy-impact-assessment
    ("privacy-impact-assessment", "Before any camera is installed, the Contractor shall assist the City in completing a data protection impact assessment.", True),
    ("privacy-impact-assessment", "No sensor may go live until the City has approved a Privacy Impact Assessment for the deployment.", True),
    ("privacy-impact-assessment", "The Vendor shall not be required to carry out a DPIA.", False),
    ("privacy-impact-assessment", "The Vendor shall comply with data protection law.", False),
    # -- public-notice
    ("public-notice", "The Contractor shall install clear signage at each camera location informing the public of the purpose of the recording.", True),
    ("public-notice", "Residents shall be able to opt out of the smart meter data collection at any time.", True),
    ("public-notice", "The City shall publish a public register of all sensors deployed under this Contract.", True),
    ("public-notice", "The Vendor shall inform data subjects about the processing in accordance with Articles 13 and 14 GDPR.", True),
    ("public-notice", "The Contractor shall notify residents of road closures 48 hours in advance.", False),
    ("public-notice", "Sponsor may display Signage displaying a Sponsor Mark in and on the Stand.", False),
    ("public-notice", "In the event that you elect to opt-out of the Company's pension scheme, the Company will pay you a sum.", False),
    ("public-notice", "The award will be announced by public notice of award.", False),
    # -- subprocessor-approval
    ("subprocessor-approval", "The Vendor shall not engage any sub-processor without the prior specific written authorisation of the City.", True),
    ("subprocessor-approval", "The Contractor shall not subcontract any processing of personal data without the Authority's prior written consent.", True),
    ("subprocessor-approval", "Sub-processors shall be approved by the Council in writing before they process any personal data.", True),
    ("subprocessor-approval", "The Vendor may engage sub-processors without the City's consent.", False),
    ("subprocessor-approval", "The City's approval shall not be required for the appointment of sub-processors.", False),
    ("subprocessor-approval", "The Vendor shall be liable for the acts of its subcontractors.", False),
    # -- data-location
    ("data-location", "All City Data shall be stored and processed only in data centres located in Canada.", True),
    ("data-location", "The Vendor shall not transfer personal data outside the European Economic Area without the City's prior written consent.", True),
    ("data-location", "Any transfer of personal data to a third country shall take place only under the Standard Contractual Clauses.", True),
    ("data-location", "The Vendor may transfer personal data outside the European Economic Area.", False),
    ("data-location", "The Vendor shall store the data in a secure environment.", False),
    ("data-location", "This Agreement is governed by the laws of the State of New York.", False),
    # -- personal-data-sale-ban
    ("personal-data-sale-ban", "The Vendor shall not sell, rent or lease personal data to any third party.", True),
    ("personal-data-sale-ban", "The sale or commercial sharing of resident data is strictly prohibited.", True),
    ("personal-data-sale-ban", "The Operator will not share trip data with advertisers or data brokers.", True),
    ("personal-data-sale-ban", "The Vendor may share personal data with its affiliates.", False),
    ("personal-data-sale-ban", "Nothing in this Agreement prevents the Vendor from sharing personal data with third parties.", False),
    ("personal-data-sale-ban", "The Vendor shall not be liable for personal data breaches caused by the City.", False),
    # -- security
    ("security-standards", "The Vendor shall maintain ISO/IEC 27001 certification for the hosting environment throughout the Term.", True),
    ("security-standards", "Devices shall conform to ETSI EN 303 645 and IEC 62443-4-2.", True),
    ("security-standards", "The Contractor shall comply with the City's Information Security Policy.", True),
    ("security-standards", "The Vendor shall keep the platform secure.", False),
    ("encryption", "All data shall be encrypted in transit using TLS 1.2 or higher and at rest using AES-256.", True),
    ("encryption", "Data need not be encrypted when stored on the City's own servers.", False),
    ("vulnerability-management", "The Vendor shall provide security updates for all device firmware for at least five years after delivery.", True),
    ("vulnerability-management", "The Contractor shall commission an annual independent penetration test and remediate critical vulnerabilities within 14 days.", True),
    ("vulnerability-management", "The Contractor shall install patch panels in each cabinet.", False),
    ("continuity-recovery", "The Vendor shall maintain a tested disaster recovery plan with a recovery time objective of 4 hours.", True),
    ("continuity-recovery", "Data shall be stored on geographically redundant servers.", True),
    ("continuity-recovery", "Employees made redundant shall receive redundancy payments.", False),
    ("continuity-recovery", "The site shall have a backup generator for the pumps.", False),
    # -- wording from the sample drafts (sample_contracts/KNOWN_ISSUES.md)
    ("open-api", "The Operator's MDS endpoints shall be documented, shall conform to the MDS version in force, and shall be available to the City at no cost to the City.", True),
    ("data-minimisation", "The Operator shall request only the data fields required by the MDS endpoints the City has adopted.", True),
    ("data-minimisation", "The Sensor Nodes shall be designed on privacy-by-design principles.", True),
    ("privacy-impact-assessment", "The City shall complete and publish a privacy and human rights impact assessment of its use of Mobility Data.", True),
    ("public-notice", "The Operator shall tell riders, in its app and at sign-up, that trip data is shared with the City and why.", True),
    ("public-notice", "The City shall publish on its website a register of Sensor Nodes showing where each node is, what it measures and the purposes for which the data is used.", True),
    ("public-notice", "The City shall publish a notice of award on its website.", False),
    ("subprocessor-approval", "The Operator shall not use a sub-processor to which the City reasonably objects.", True),
    ("subprocessor-approval", "The City shall have no right to object to sub-processors.", False),
    ("continuity-recovery", "The City shall keep backups from which lost or corrupted records can be restored.", True),
    ("retention-limit", "The Supplier shall delete a subscriber's details within thirty (30) days after they unsubscribe.", True),
    ("breach-notification", "The Supplier shall tell the Council about any security incident as soon as it becomes aware of it and in any case within twenty-four (24) hours.", True),
    ("public-data-access", "The Town may export all Customer Data at any time through the administration console or the API, without charge.", True),
    ("proprietary-format", "The Concessionaire shall give the Council a monthly report of usage in a format determined by the Concessionaire.", True),
    ("proprietary-format", "The traffic signal controllers run the Vendor's proprietary firmware.", False),
    ("initial-term", "The Concession Period starts on the date of this Agreement and runs for fifteen (15) years.", True),
    ("unilateral-change", "This Agreement, together with the Supplier's standard terms of service published on its website from time to time, is the entire agreement between the parties.", True),
    ("unilateral-change", "Distributor shall be familiar with the Developer's then-current price list.", False),
    ("data-monetisation", "Aggregated data shall not be sold to third parties.", False),
    ("data-monetisation", "City Data shall not be licensed, sold or otherwise made available to any third party.", False),
    ("automatic-renewal", "If no agreement on such fee is reached by the commencement of a Renewal Term, this Agreement shall automatically terminate.", False),
    ("automatic-renewal", "530 Evergreen 2,395 93 92 106 356 122", False),
    ("initial-term", "The Manufacturer grants exclusive rights to the Customer for the term of ten (10) years.", False),
    # -- look-alikes found on CUAD dev contracts
    ("public-exclusivity", "The fees set out in Schedule 2 shall be the sole compensation due to the Contractor for the Services.", False),
    ("continuity-recovery", "Customer will make no more than two copies of the Licensed Software for backup and archival purposes.", False),
    ("continuity-recovery", "The Supplier shall back up the data service daily.", True),
    ("initial-term", "During the Term of this Agreement, and for a period of seven (7) years thereafter, the Licensee shall not sell competing products.", False),
]


@pytest.mark.parametrize("kind,text,present", CASES, ids=[f"{k}-{i}" for i, (k, _, _) in enumerate(CASES)])
def test_kind_detection(kind, text, present):
    check_presence(kind, text, present)


# -- attributes the rules rely on ---------------------------------------------

# (kind, text, attributes the one detection must have)
ATTRIBUTES = [
    # a use limitation phrased as a prohibition is negated but kept (PCSC-DATA-005 accepts it)
    ("data-use-limitation", "Data shall not be used for any purpose other than the performance of this Contract.", {"negated": True, "modality": "prohibition"}),
    # ... and one binding the public body is not a limit on the vendor
    ("data-use-limitation", "The City may use the data only for internal purposes related to the performance of this Agreement.", {"role": "public"}),
    ("data-monetisation", "The Contractor may sell aggregated mobility data to third parties.", {"role": "vendor", "modality": "permission"}),
    ("data-monetisation", "The City may sell aggregated mobility data to third parties.", {"role": "public"}),
    ("data-access-fee", "The City shall pay a fee of $0.02 per API call to retrieve sensor data.", {"role": "public", "modality": "obligation"}),
    ("open-data-right", "The Vendor shall not restrict the Council's right to publish or share data with the public.", {"negated": True, "cue": "nothing-restricts-publication"}),
    ("data-disclosure-restriction", "The Authority shall not disclose traffic counts to the public without the approval of the Operator.", {"role": "public", "modality": "prohibition"}),
    ("integration-restriction", "The City shall not connect any third-party devices to the Network.", {"role": "public", "modality": "prohibition"}),
    ("open-api", "The Vendor will use reasonable efforts to provide a documented API to the City.", {"modality": "weak"}),
    ("data-portability", "Where practicable, the Contractor shall allow the City to export its data in CSV format.", {"modality": "weak"}),
    ("breach-notification", "The Vendor will use commercially reasonable efforts to notify the City of any security breach.", {"modality": "weak"}),
    ("unilateral-change", "The Vendor reserves the right to increase its fees upon thirty (30) days' notice.", {"role": "vendor", "modality": "permission"}),
    ("pilot-follow-on", "In consideration of the pilot being provided at no cost, the City agrees to purchase the Vendor's solution for all remaining intersections.", {"role": "public", "modality": "obligation"}),
    ("change-of-control-right", "Either party may terminate this Agreement if the other party is acquired by a competitor.", {"role": "both"}),
    ("change-of-control-right", "The Contractor shall notify the Authority within ten days of any merger or acquisition of the Contractor.", {"role": "vendor"}),
    ("personal-data-sale-ban", "The Vendor shall not sell, rent or lease personal data to any third party.", {"negated": True, "role": "vendor", "modality": "prohibition"}),
    ("subprocessor-approval", "The Contractor shall not subcontract any processing of personal data without the Authority's prior written consent.", {"negated": True, "role": "vendor"}),
    ("public-exclusivity", "The Authority shall not procure similar services from any third-party provider during the Term.", {"negated": True, "role": "public"}),
    # PCSC-LOCK-006 forbids minimum-commitment only where the public body is bound
    ("minimum-commitment", "The City shall purchase a minimum of 500 sensors per year during the Term.", {"role": "public"}),
    ("minimum-commitment", "The Contractor shall purchase a minimum of 500 sensors from the manufacturer each year.", {"role": "vendor"}),
]


@pytest.mark.parametrize("kind,text,want", ATTRIBUTES, ids=[f"{k}-{i}" for i, (k, _, _) in enumerate(ATTRIBUTES)])
def test_kind_attributes(kind, text, want):
    d = one(text, kind)
    got = {key: getattr(d, key) for key in want}
    assert got == want, text


# (kind, text, the durations extracted, in the units written)
DURATIONS = [
    ("automatic-renewal", "This Agreement shall continue in force from year to year until terminated by either party on three months' notice.", [(3.0, "months")]),
    ("initial-term", "The initial term of this Agreement shall be ten (10) years from the Effective Date.", [(10.0, "years")]),
    ("retention-limit", "Personal data shall not be kept longer than 30 days.", [(30.0, "days")]),
    ("retention-limit", "Licence plate reads that do not match a hotlist shall be purged within 24 hours.", [(24.0, "hours")]),
]


@pytest.mark.parametrize("kind,text,want", DURATIONS, ids=[f"{k}-{i}" for i, (k, _, _) in enumerate(DURATIONS)])
def test_durations_for_thresholds(kind, text, want):
    d = one(text, kind)
    assert [(v["value"], v["unit"]) for v in d.values["durations"]] == want


def test_a_whole_clause_finds_each_kind_once_per_sentence():
    text = (
        "12. Data\n\n"
        "12.1 All data collected or generated by the Sensors shall be the property of the City.\n\n"
        "12.2 The Vendor shall use City Data solely for the purpose of performing the Services.\n\n"
        "12.3 The City shall have access to all raw data at any time at no additional cost.\n\n"
        "12.4 The City may publish any non-personal data as open data.\n"
    )
    kinds = [d.kind for d in analyse_text(text).detections]
    for k in ("public-data-ownership", "data-use-limitation", "public-data-access", "open-data-right"):
        assert kinds.count(k) == 1, (k, kinds)
    for k in ("vendor-data-ownership", "data-monetisation", "data-access-fee", "data-disclosure-restriction"):
        assert k not in kinds, (k, kinds)
