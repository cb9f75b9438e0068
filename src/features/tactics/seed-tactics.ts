/**
 * The starter tactics and powers library: real powers the partners hold, as data. Offered to a
 * database once by key (seed.ts); after that the partnership coordinator owns each entry.
 *
 * `verifiedOn` is the date the entry's legal basis was checked against the
 * published source named in `source`:
 * - CHECKED entries were read against that page (mostly legislation.gov.uk) on 2026-11-23;
 * - WRITTEN entries were written from the published legislation and guidance as they stood at the
 *   start of 2025 and have NOT been re-checked since, so the library flags them for review (older
 *   than 12 months) until a partner checks them and updates the date.
 * A wrong legal basis is worse than none: where a detail could not be checked it is left out.
 */
import type { LifestyleArea, Strand } from './vocabulary.js';

export interface SeedTactic {
  key: string;
  name: string;
  strand: Strand;
  lifestyleArea: LifestyleArea;
  agencyKind: string;
  description: string;
  legalBasis: string;
  requirements: string;
  typicalImpact: string;
  whoCanHelp: string;
  suggestedFor: string[];
  source: string;
  verifiedOn: string;
}

const CHECKED = '2026-11-23';
const WRITTEN = '2025-01-01';

const LEG = 'https://www.legislation.gov.uk';

export const SEED_TACTICS: readonly SeedTactic[] = [
  // ---------------------------------------------------------------- Licensing
  {
    key: 'premises-licence-review',
    name: 'Premises licence review',
    strand: 'pursue',
    lifestyleArea: 'business',
    agencyKind: 'Council licensing',
    description:
      'Ask the licensing authority to review the premises licence of a pub, bar, club or shop used by the group (drug supply on the premises, exploitation of staff, sales to children). The licensing sub-committee can change conditions, remove the designated premises supervisor, suspend the licence for up to three months or revoke it.',
    legalBasis:
      'Licensing Act 2003, section 51 (application for review by a responsible authority or any other person) and section 52 (determination). The police, Trading Standards, environmental health, planning, the licensing authority itself and the safeguarding children board are responsible authorities.',
    requirements:
      'The grounds must relate to one or more of the four licensing objectives (crime and disorder, public safety, public nuisance, protection of children from harm). Evidence pack from the applying responsible authority; 28-day consultation; hearing before the licensing sub-committee. Good practice is to warn the licence holder first.',
    typicalImpact:
      'New conditions (CCTV, door staff, search policy), removal of the supervisor, suspension or revocation. Revocation removes a venue the group uses to deal or launder money.',
    whoCanHelp:
      'The council licensing team; the police licensing officer; Trading Standards as a responsible authority.',
    suggestedFor: [
      'licensed-premises',
      'business',
      'category:illegal-drugs',
      'category:modern-slavery-and-human-trafficking',
      'category:child-sexual-exploitation-and-abuse',
    ],
    source: `${LEG}/ukpga/2003/17/section/51`,
    verifiedOn: CHECKED,
  },
  {
    key: 'summary-licence-review',
    name: 'Summary (expedited) licence review',
    strand: 'pursue',
    lifestyleArea: 'business',
    agencyKind: 'Police',
    description:
      'A fast review of an alcohol premises licence where the premises are associated with serious crime or serious disorder. The licensing authority must consider interim steps (which can include suspension) within 48 hours and complete the full review within 28 days.',
    legalBasis:
      'Licensing Act 2003, sections 53A to 53C (summary reviews on application of a senior police officer), inserted by the Violent Crime Reduction Act 2006, section 21.',
    requirements:
      'Only for premises licensed to sell alcohol by retail. Applied for by the chief officer of police, with a certificate from an officer of at least the rank of superintendent that the premises are associated with serious crime or serious disorder or both.',
    typicalImpact:
      'Interim steps within 48 hours (modification of conditions, exclusion of alcohol sales, removal of the supervisor, suspension), then the full range of review outcomes.',
    whoCanHelp: 'Police licensing officer and a superintendent; the council licensing team.',
    suggestedFor: ['licensed-premises', 'category:illegal-drugs', 'category:illegal-firearms'],
    source: `${LEG}/ukpga/2006/38/section/21`,
    verifiedOn: CHECKED,
  },
  {
    key: 'taxi-licence-review',
    name: 'Taxi or private hire licence suspension or revocation',
    strand: 'pursue',
    lifestyleArea: 'vehicles',
    agencyKind: 'Council licensing',
    description:
      'Suspend or revoke the licence of a hackney carriage or private hire driver, vehicle or operator involved in exploitation, drug movement or other criminality (for example drivers transporting children for sexual exploitation or running drugs).',
    legalBasis:
      'Local Government (Miscellaneous Provisions) Act 1976, section 61 (drivers), section 60 (vehicles) and section 62 (operators); Town Police Clauses Act 1847 for hackney carriages.',
    requirements:
      'Reasonable cause, or the licensee no longer being a fit and proper person. Decision by the licensing authority (officer under delegation or sub-committee); immediate effect possible for drivers where public safety requires it. Right of appeal to the magistrates\u2019 court.',
    typicalImpact:
      'Removes a vehicle and driver from the group\u2019s use; safeguards passengers; often combined with police intelligence sharing.',
    whoCanHelp: 'The council licensing team (taxi licensing); police licensing officer.',
    suggestedFor: [
      'vehicle',
      'person',
      'category:child-sexual-exploitation-and-abuse',
      'category:illegal-drugs',
    ],
    source: `${LEG}/ukpga/1976/57/part/II`,
    verifiedOn: WRITTEN,
  },

  // ---------------------------------------------------------------- ASB powers
  {
    key: 'closure-notice',
    name: 'Closure notice',
    strand: 'pursue',
    lifestyleArea: 'behaviour',
    agencyKind: 'Police or council ASB team',
    description:
      'Close premises used for drug dealing, exploitation or disorder at once, for up to 48 hours, while a closure order is applied for. Residents and the owner cannot be excluded, but everyone else can be, at all or specified times.',
    legalBasis:
      'Anti-social Behaviour, Crime and Policing Act 2014, section 76 (power to issue closure notices) and section 77 (duration).',
    requirements:
      'Reasonable grounds that use of the premises has resulted or is likely soon to result in nuisance to the public, or disorder near the premises, and that the notice is necessary. Issued by a police inspector or the local authority for up to 24 hours; up to 48 hours with a superintendent or the council chief executive (or their designate). Reasonable efforts to inform residents and anyone with an interest.',
    typicalImpact: 'Immediate stop to the use of the premises; the route to a closure order within 48 hours.',
    whoCanHelp: 'Police neighbourhood inspector; the council ASB team.',
    suggestedFor: ['premises', 'address', 'licensed-premises', 'category:illegal-drugs'],
    source: `${LEG}/ukpga/2014/12/section/76`,
    verifiedOn: CHECKED,
  },
  {
    key: 'closure-order',
    name: 'Closure order',
    strand: 'pursue',
    lifestyleArea: 'behaviour',
    agencyKind: 'Police or council ASB team',
    description:
      'A magistrates\u2019 court order closing premises (a house, flat, shop or licensed venue) for up to three months, extendable to six, where they are used for disorderly, offensive or criminal behaviour. Can cover part of the premises and can let named people (such as a vulnerable resident) stay.',
    legalBasis:
      'Anti-social Behaviour, Crime and Policing Act 2014, section 80 (power of court to make closure orders) and section 82 (extension). Breach is an offence (section 86).',
    requirements:
      'A closure notice first; application heard within 48 hours of service. The court must be satisfied that a person has engaged or is likely to engage in disorderly, offensive or criminal behaviour on the premises, or of serious nuisance or disorder, and that the order is necessary.',
    typicalImpact:
      'Closes a drug house or cuckooed address; breaks the line\u2019s base; a closure of more than 48 hours also opens the absolute ground for possession for a social landlord.',
    whoCanHelp: 'Police neighbourhood team and force solicitor; the council ASB team and legal services.',
    suggestedFor: [
      'premises',
      'address',
      'licensed-premises',
      'category:illegal-drugs',
      'category:modern-slavery-and-human-trafficking',
    ],
    source: `${LEG}/ukpga/2014/12/section/80`,
    verifiedOn: CHECKED,
  },
  {
    key: 'community-protection-notice',
    name: 'Community protection notice',
    strand: 'pursue',
    lifestyleArea: 'behaviour',
    agencyKind: 'Council ASB team',
    description:
      'A notice requiring a person aged 16 or over, or a business, to stop doing something, do something, or take reasonable steps to achieve a result, where their conduct is harming the quality of life of people in the area (for example a business allowing its premises to be used for dealing).',
    legalBasis:
      'Anti-social Behaviour, Crime and Policing Act 2014, section 43 (power to issue notices); failure to comply is an offence (section 48), with fixed penalty notices (section 52).',
    requirements:
      'Reasonable grounds that the conduct is having a detrimental effect, of a persistent or continuing nature, on the quality of life of those in the locality, and is unreasonable. A written warning must be given first, with enough time to put things right. Issued by a constable, the local authority or a person it designates.',
    typicalImpact:
      'Quick, low-cost control of persistent behaviour; breach leads to a fixed penalty or prosecution, remedial action or forfeiture of items used.',
    whoCanHelp: 'The council ASB team; police neighbourhood officers; designated housing officers.',
    suggestedFor: ['person', 'business', 'premises'],
    source: `${LEG}/ukpga/2014/12/section/43`,
    verifiedOn: CHECKED,
  },
  {
    key: 'civil-injunction',
    name: 'Civil injunction (anti-social behaviour)',
    strand: 'pursue',
    lifestyleArea: 'behaviour',
    agencyKind: 'Council ASB team',
    description:
      'A civil court injunction prohibiting a person aged 10 or over from doing things (entering an area, contacting named people) and requiring them to do things (attend a programme). Used against street dealers, exploiters and those cuckooing vulnerable people.',
    legalBasis:
      'Anti-social Behaviour, Crime and Policing Act 2014, Part 1, section 1 (power to grant injunctions); applicants listed in section 5 include local authorities, housing providers and the police.',
    requirements:
      'The court must be satisfied on the balance of probabilities that the respondent has engaged or threatens to engage in anti-social behaviour, and consider it just and convenient. County Court or High Court for adults; youth court for under 18s (12 months maximum). A power of arrest can be attached where there is violence or significant risk of harm.',
    typicalImpact: 'Exclusion from an address or area, non-contact conditions; breach is contempt of court.',
    whoCanHelp: 'The council ASB team and legal services; social housing providers; police.',
    suggestedFor: ['person', 'principal', 'address'],
    source: `${LEG}/ukpga/2014/12/section/1`,
    verifiedOn: CHECKED,
  },
  {
    key: 'criminal-behaviour-order',
    name: 'Criminal behaviour order',
    strand: 'pursue',
    lifestyleArea: 'behaviour',
    agencyKind: 'Police and Crown Prosecution Service',
    description:
      'An order made on conviction for any criminal offence, prohibiting the offender from doing things and requiring them to do things, to stop them causing harassment, alarm or distress.',
    legalBasis:
      'Anti-social Behaviour, Crime and Policing Act 2014, Part 2, section 22 (power to make orders).',
    requirements:
      'Only on conviction, on the application of the prosecution. The court must be satisfied beyond reasonable doubt that the offender has engaged in behaviour that caused or was likely to cause harassment, alarm or distress, and consider the order will help prevent it.',
    typicalImpact:
      'Long-term prohibitions (area exclusions, association bans); breach is a criminal offence.',
    whoCanHelp: 'Police case file team; the Crown Prosecution Service; the council ASB team for evidence.',
    suggestedFor: ['person', 'principal'],
    source: `${LEG}/ukpga/2014/12/part/2`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'gang-injunction',
    name: 'Gang injunction',
    strand: 'pursue',
    lifestyleArea: 'crime',
    agencyKind: 'Police or council',
    description:
      'A civil injunction against a person aged 14 or over involved in gang-related violence or drug dealing, prohibiting them from places, people and activities and requiring positive steps. It can also be used to protect the respondent from the gang.',
    legalBasis:
      'Policing and Crime Act 2009, Part 4, section 34 (injunctions to prevent gang-related violence and drug-dealing activity), as amended by the Serious Crime Act 2015.',
    requirements:
      'The court must be satisfied on the balance of probabilities that the respondent engaged in, encouraged or assisted gang-related violence or drug-dealing activity, and that the injunction is necessary to prevent it or to protect the respondent. A gang is a group of at least three people identifiable as a group. Applied for by the police or a local authority, having regard to Home Office guidance.',
    typicalImpact:
      'Stops association and presence in drug markets; a route into support for younger members.',
    whoCanHelp: 'Police gangs or county lines team; the council legal services and youth services.',
    suggestedFor: ['person', 'principal', 'category:illegal-drugs', 'category:illegal-firearms'],
    source: `${LEG}/ukpga/2009/26/section/34`,
    verifiedOn: CHECKED,
  },
  {
    key: 'dispersal-direction',
    name: 'Dispersal direction',
    strand: 'pursue',
    lifestyleArea: 'travel',
    agencyKind: 'Police',
    description:
      'Direct a person to leave a specified area and not return for up to 48 hours, and surrender items, where they are contributing to harassment, alarm, distress, crime or disorder (for example around a known dealing spot).',
    legalBasis:
      'Anti-social Behaviour, Crime and Policing Act 2014, Part 3: section 34 (authorisation) and section 35 (directions excluding a person from an area).',
    requirements:
      'An authorisation by a police officer of at least the rank of inspector for a specified locality and period (up to 48 hours); directions given by a constable in uniform or a designated PCSO.',
    typicalImpact:
      'Short-term displacement of a street market or gathering; evidence for longer-term orders.',
    whoCanHelp: 'Police neighbourhood inspector.',
    suggestedFor: ['person', 'category:illegal-drugs'],
    source: `${LEG}/ukpga/2014/12/part/3`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'public-spaces-protection-order',
    name: 'Public spaces protection order',
    strand: 'prevent',
    lifestyleArea: 'behaviour',
    agencyKind: 'Council ASB team',
    description:
      'A council order that prohibits or requires specified things in a public place (for example no gathering in a car park used for dealing at night) for up to three years.',
    legalBasis: 'Anti-social Behaviour, Crime and Policing Act 2014, Part 4, Chapter 2, section 59.',
    requirements:
      'Activities in the public place have had, or are likely to have, a detrimental effect on the quality of life of those in the locality, that is persistent or continuing and unreasonable. Consultation with the police and community representatives; made by the local authority.',
    typicalImpact: 'Designs out a dealing or gathering spot; enforced by fixed penalty.',
    whoCanHelp: 'The council ASB team; police neighbourhood team.',
    suggestedFor: ['address', 'category:illegal-drugs'],
    source: `${LEG}/ukpga/2014/12/part/4/chapter/2`,
    verifiedOn: WRITTEN,
  },

  // ---------------------------------------------------------------- Planning
  {
    key: 'planning-enforcement-notice',
    name: 'Planning enforcement notice',
    strand: 'pursue',
    lifestyleArea: 'business',
    agencyKind: 'Council planning enforcement',
    description:
      'Require the unauthorised use of land or buildings to stop, or unauthorised works to be removed (for example an unlawful HMO conversion, a car wash or a site used for storage of stolen goods).',
    legalBasis:
      'Town and Country Planning Act 1990, section 172 (issue of enforcement notice); appeal under section 174.',
    requirements:
      'A breach of planning control and the local planning authority considers it expedient to act, having regard to the development plan. Notice served on the owner and occupier; takes effect after at least 28 days unless appealed.',
    typicalImpact: 'Ends a use the group relies on; non-compliance is an offence (section 179).',
    whoCanHelp: 'The council planning enforcement team.',
    suggestedFor: ['premises', 'address', 'business', 'hmo'],
    source: `${LEG}/ukpga/1990/8/section/172`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'planning-stop-notice',
    name: 'Stop notice or temporary stop notice',
    strand: 'pursue',
    lifestyleArea: 'business',
    agencyKind: 'Council planning enforcement',
    description:
      'Stop an unauthorised activity quickly: a temporary stop notice for up to 28 days, or a stop notice that accompanies an enforcement notice and stops the activity before any appeal is decided.',
    legalBasis:
      'Town and Country Planning Act 1990, section 171E (temporary stop notice) and section 183 (stop notice).',
    requirements:
      'The authority considers the activity should stop immediately. A stop notice can only be served with or after an enforcement notice; compensation may be payable if the enforcement notice is quashed.',
    typicalImpact: 'Immediate stop to a harmful use of land; breach is an offence.',
    whoCanHelp: 'The council planning enforcement team.',
    suggestedFor: ['premises', 'business'],
    source: `${LEG}/ukpga/1990/8/part/VII`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'breach-of-condition-notice',
    name: 'Breach of condition notice',
    strand: 'pursue',
    lifestyleArea: 'business',
    agencyKind: 'Council planning enforcement',
    description:
      'Require compliance with the conditions of a planning permission (opening hours, number of occupants, use limits) where they are ignored by a business or landlord connected to the group.',
    legalBasis: 'Town and Country Planning Act 1990, section 187A (enforcement of conditions).',
    requirements:
      'Planning permission granted subject to conditions, and a condition not complied with. Served on the person carrying out the development or having control of the land. No appeal to the Secretary of State; failure to comply by the date given is an offence.',
    typicalImpact: 'Fast, summary route to prosecution for a persistent breach.',
    whoCanHelp: 'The council planning enforcement team.',
    suggestedFor: ['premises', 'business', 'hmo'],
    source: `${LEG}/ukpga/1990/8/section/187A`,
    verifiedOn: CHECKED,
  },

  // ---------------------------------------------------------------- Trading Standards
  {
    key: 'trading-standards-test-purchase',
    name: 'Trading Standards test purchase',
    strand: 'pursue',
    lifestyleArea: 'business',
    agencyKind: 'Trading Standards',
    description:
      'Buy goods as a customer would to test whether a shop or online seller sells counterfeit, illicit or unsafe goods, or age-restricted products (alcohol, tobacco, vapes, knives) to children, often with a young volunteer.',
    legalBasis:
      'Consumer Rights Act 2015, Schedule 5, Part 4 (investigatory powers of enforcers, including the power to purchase products); for age-restricted sales, the offences in the legislation for each product (for example Licensing Act 2003, section 146, for alcohol).',
    requirements:
      'The officer must be an enforcer for the legislation concerned; follow the national code of practice on age-restricted test purchasing and the council\u2019s own authorisations. Covert online purchases may need RIPA considerations.',
    typicalImpact: 'Evidence for prosecution, licence review or seizure; deterrence for other traders.',
    whoCanHelp: 'Trading Standards officers.',
    suggestedFor: ['business', 'licensed-premises', 'online-account', 'category:fraud'],
    source: `${LEG}/ukpga/2015/15/schedule/5`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'counterfeit-goods-seizure',
    name: 'Seizure of counterfeit goods',
    strand: 'pursue',
    lifestyleArea: 'business',
    agencyKind: 'Trading Standards',
    description:
      'Enter business premises and storage units, seize counterfeit goods, packaging and equipment, and prosecute sellers. Counterfeit trade often funds or launders money for organised groups.',
    legalBasis:
      'Trade Marks Act 1994, section 92 (unauthorised use of a trade mark in relation to goods: up to 10 years on indictment) and section 93 (duty of local weights and measures authorities to enforce section 92); powers to enter, seize and detain goods under Consumer Rights Act 2015, Schedule 5.',
    requirements:
      'Reasonable suspicion of an offence; entry without a warrant needs two working days\u2019 notice for routine inspections unless an exception applies, otherwise a warrant from a justice of the peace. Brand holders confirm goods are counterfeit.',
    typicalImpact: 'Stock and equipment seized and forfeited; prosecution; proceeds of crime follow-up.',
    whoCanHelp: 'Trading Standards officers; brand protection representatives; police for joint operations.',
    suggestedFor: [
      'business',
      'premises',
      'online-account',
      'category:fraud',
      'category:money-laundering-and-economic-crime',
    ],
    source: `${LEG}/ukpga/1994/26/section/92`,
    verifiedOn: CHECKED,
  },
  {
    key: 'illicit-tobacco-seizure',
    name: 'Illicit tobacco operation',
    strand: 'pursue',
    lifestyleArea: 'business',
    agencyKind: 'Trading Standards with HMRC',
    description:
      'Find and seize illicit and counterfeit cigarettes and hand-rolling tobacco (often hidden in concealments in shops), using detection dogs, with HMRC dealing with the unpaid duty. Repeat offenders can face premises closure.',
    legalBasis:
      'Trading Standards: Standardised Packaging of Tobacco Products Regulations 2015 and Tobacco and Related Products Regulations 2016 (packaging and labelling offences), Trade Marks Act 1994, section 92 for counterfeits, seized under Consumer Rights Act 2015, Schedule 5. HMRC: Customs and Excise Management Act 1979, section 139 (seizure of goods liable to forfeiture).',
    requirements:
      'Intelligence of sales; entry and seizure by authorised officers; warrants for concealed storage. Joint working agreement with HMRC for duty assessment.',
    typicalImpact: 'Stock seized; civil penalties and prosecutions; evidence for licence review or closure.',
    whoCanHelp: 'Trading Standards; HMRC; police for closure applications.',
    suggestedFor: [
      'business',
      'premises',
      'licensed-premises',
      'category:money-laundering-and-economic-crime',
    ],
    source: `${LEG}/uksi/2016/507/contents`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'illegal-vapes-enforcement',
    name: 'Illegal vapes enforcement',
    strand: 'pursue',
    lifestyleArea: 'business',
    agencyKind: 'Trading Standards',
    description:
      'Remove non-compliant vapes (oversized tanks, excessive nicotine, unnotified products) from sale and stop sales to children; seize stock and prosecute repeat sellers.',
    legalBasis:
      'Tobacco and Related Products Regulations 2016, Part 6 (electronic cigarettes: notification and product requirements); Nicotine Inhaling Products (Age of Sale and Proxy Purchasing) Regulations 2015 (sales to under 18s); seizure under Consumer Rights Act 2015, Schedule 5.',
    requirements: 'Authorised Trading Standards officers; test purchase or inspection evidence.',
    typicalImpact: 'Stock removed; prosecution; protects children from products used to groom them.',
    whoCanHelp: 'Trading Standards officers.',
    suggestedFor: ['business', 'premises', 'category:child-sexual-exploitation-and-abuse'],
    source: `${LEG}/uksi/2016/507/part/6`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'no-cold-calling-zone',
    name: 'No cold calling zone and doorstep crime response',
    strand: 'protect',
    lifestyleArea: 'crime',
    agencyKind: 'Trading Standards',
    description:
      'Protect older and vulnerable residents from doorstep fraud and rogue traders: signs and stickers in a street with a history of doorstep crime, a rapid response to reports, and banking alerts.',
    legalBasis:
      'Non-statutory scheme. Enforcement relies on unfair commercial practices law (Digital Markets, Competition and Consumers Act 2024, Part 4, which replaced the Consumer Protection from Unfair Trading Regulations 2008) and the cancellation rights for contracts made at home.',
    requirements:
      'Evidence of doorstep crime in the area; residents\u2019 consultation; council approval of the zone.',
    typicalImpact: 'Fewer victims; intelligence on travelling rogue traders.',
    whoCanHelp: 'Trading Standards; police neighbourhood team; Neighbourhood Watch.',
    suggestedFor: ['address', 'category:fraud'],
    source: 'https://www.legislation.gov.uk/ukpga/2024/13/part/4',
    verifiedOn: WRITTEN,
  },

  // ---------------------------------------------------------------- Environmental health
  {
    key: 'food-hygiene-inspection',
    name: 'Food hygiene inspection and notices',
    strand: 'pursue',
    lifestyleArea: 'business',
    agencyKind: 'Council environmental health',
    description:
      'Inspect food businesses (takeaways, restaurants, car washes with kitchens) used as fronts; serve hygiene improvement notices, close them at once where there is an imminent risk to health, and spot signs of labour exploitation.',
    legalBasis:
      'Food Safety Act 1990, section 32 (powers of entry); Food Safety and Hygiene (England) Regulations 2013, regulation 6 (hygiene improvement notices), regulation 7 (hygiene prohibition orders) and regulation 8 (hygiene emergency prohibition notices).',
    requirements:
      'Authorised officer. An emergency prohibition notice needs an imminent risk of injury to health and must be confirmed by a magistrates\u2019 court (application within three days).',
    typicalImpact:
      'Closure of a front business; evidence of cash-intensive laundering and exploited workers.',
    whoCanHelp: 'The council environmental health (food safety) team.',
    suggestedFor: [
      'business',
      'premises',
      'category:modern-slavery-and-human-trafficking',
      'category:money-laundering-and-economic-crime',
    ],
    source: `${LEG}/uksi/2013/2996/contents`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'health-and-safety-notice',
    name: 'Health and safety improvement or prohibition notice',
    strand: 'pursue',
    lifestyleArea: 'business',
    agencyKind: 'Council environmental health',
    description:
      'Require a business to put right a contravention (improvement notice) or stop an activity with a risk of serious personal injury at once (prohibition notice): for example nail bars, hand car washes or warehouses where workers are exploited.',
    legalBasis:
      'Health and Safety at Work etc. Act 1974, section 20 (inspectors\u2019 powers), section 21 (improvement notices) and section 22 (prohibition notices). Councils enforce in premises allocated to them by the Health and Safety (Enforcing Authority) Regulations 1998.',
    requirements:
      'Inspector appointed by the enforcing authority; opinion of a contravention or of a risk of serious personal injury.',
    typicalImpact: 'Immediate stop to dangerous work; entry to premises where victims may be found.',
    whoCanHelp:
      'The council environmental health (health and safety) team; the Health and Safety Executive for its sectors.',
    suggestedFor: ['business', 'premises', 'category:modern-slavery-and-human-trafficking'],
    source: `${LEG}/ukpga/1974/37/part/I`,
    verifiedOn: WRITTEN,
  },

  // ---------------------------------------------------------------- Housing
  {
    key: 'hmo-licence-review',
    name: 'HMO licence: fit and proper person review',
    strand: 'pursue',
    lifestyleArea: 'business',
    agencyKind: 'Council private sector housing',
    description:
      'Review whether the licence holder or manager of a licensed house in multiple occupation is still a fit and proper person (convictions for fraud, violence, drugs, housing offences, or association with such people), and vary or revoke the licence.',
    legalBasis:
      'Housing Act 2004, Part 2: section 64 (grant requires a fit and proper licence holder and manager), section 66 (the fit and proper person tests), section 70 (revocation).',
    requirements:
      'Evidence of relevant offences or conduct by the holder, manager or people associated with them. Decision by the local housing authority with notice and a chance to make representations; appeal to the First-tier Tribunal.',
    typicalImpact:
      'Removes a landlord who houses exploited workers or lets to dealers; management order may follow.',
    whoCanHelp: 'The council private sector housing team.',
    suggestedFor: [
      'hmo',
      'address',
      'enabler',
      'category:modern-slavery-and-human-trafficking',
      'category:organised-immigration-crime',
    ],
    source: `${LEG}/ukpga/2004/34/section/66`,
    verifiedOn: CHECKED,
  },
  {
    key: 'tenancy-enforcement',
    name: 'Tenancy enforcement and possession',
    strand: 'pursue',
    lifestyleArea: 'lifestyle',
    agencyKind: 'Social housing provider',
    description:
      'A social landlord warns, then seeks possession of, a tenancy used for drug dealing or to harbour offenders. The absolute ground applies after a conviction for a serious offence, a breach of an ASB injunction or criminal behaviour order, or a closure order of more than 48 hours.',
    legalBasis:
      'Assured tenancies: Housing Act 1988, Schedule 2, Ground 7A (absolute ground, inserted by the Anti-social Behaviour, Crime and Policing Act 2014, section 97) and Ground 14 (nuisance or conviction, discretionary). Secure tenancies: Housing Act 1985, section 84A (inserted by section 94 of the 2014 Act) and Schedule 2, Ground 2.',
    requirements:
      'Notice of seeking possession; for Ground 7A one of the five conditions must be met; the Pre-action Protocol for Possession Claims by Social Landlords; proportionality and the Equality Act duties, especially where the tenant is a cuckooing victim.',
    typicalImpact: 'Removes a base of operations; careful use avoids evicting a victim.',
    whoCanHelp: 'Housing provider\u2019s tenancy enforcement team; the council ASB team.',
    suggestedFor: ['address', 'person', 'category:illegal-drugs'],
    source: `${LEG}/ukpga/2014/12/section/97`,
    verifiedOn: CHECKED,
  },
  {
    key: 'right-to-rent-referral',
    name: 'Right to rent referral',
    strand: 'pursue',
    lifestyleArea: 'lifestyle',
    agencyKind: 'Immigration Enforcement',
    description:
      'Refer landlords who let to people without a right to rent, often in overcrowded housing used for exploited workers, for a civil penalty.',
    legalBasis:
      'Immigration Act 2014, Part 3, Chapter 1 (residential tenancies), section 22 (persons disqualified by immigration status) and section 23 (civil penalty); applies in England.',
    requirements:
      'Evidence of a residential tenancy agreement with a disqualified person; the Home Office decides the penalty.',
    typicalImpact: 'Civil penalties against rogue landlords; intelligence on exploitation.',
    whoCanHelp: 'Home Office Immigration Enforcement; the council private sector housing team.',
    suggestedFor: ['hmo', 'address', 'enabler', 'category:organised-immigration-crime'],
    source: `${LEG}/ukpga/2014/22/part/3/chapter/1`,
    verifiedOn: WRITTEN,
  },

  // ---------------------------------------------------------------- Vehicles and travel
  {
    key: 'dvla-vehicle-checks',
    name: 'DVLA and vehicle checks',
    strand: 'pursue',
    lifestyleArea: 'vehicles',
    agencyKind: 'Police',
    description:
      'Check the keeper, tax, MOT and insurance of vehicles the group uses; stop them and require the driver\u2019s licence and insurance; report untaxed vehicles to the DVLA for clamping or removal.',
    legalBasis:
      'Road Traffic Act 1988, section 163 (power to stop vehicles), section 164 (production of driving licence) and section 165 (production of insurance and other documents); Vehicle Excise and Registration Act 1994 for unlicensed vehicles.',
    requirements:
      'Constable in uniform for stops; checks through the Police National Computer and the Motor Insurance Database.',
    typicalImpact: 'Prosecutions and seizures; identifies who really drives the vehicles.',
    whoCanHelp: 'Police roads policing; the DVLA.',
    suggestedFor: ['vehicle', 'person'],
    source: `${LEG}/ukpga/1988/52/section/165A`,
    verifiedOn: CHECKED,
  },
  {
    key: 'vehicle-seizure-no-licence-insurance',
    name: 'Seizure of a vehicle driven without licence or insurance',
    strand: 'pursue',
    lifestyleArea: 'vehicles',
    agencyKind: 'Police',
    description:
      'Seize and remove a vehicle driven by someone without a valid licence or insurance, or that failed to stop.',
    legalBasis:
      'Road Traffic Act 1988, section 165A (power to seize vehicles driven without licence or insurance), inserted by the Serious Organised Crime and Police Act 2005, section 152; section 165B and regulations on retention and disposal.',
    requirements:
      'A constable in uniform has required production of a licence (section 164) or of evidence of insurance (section 165), or required the vehicle to stop (section 163), and has reasonable grounds to believe it is or was driven without a licence or insurance.',
    typicalImpact:
      'Vehicle removed at once; release only with proof and fees; unclaimed vehicles disposed of.',
    whoCanHelp: 'Police roads policing and neighbourhood officers.',
    suggestedFor: ['vehicle'],
    source: `${LEG}/ukpga/1988/52/section/165A`,
    verifiedOn: CHECKED,
  },
  {
    key: 'vehicle-seizure-antisocial-use',
    name: 'Seizure of a vehicle used anti-socially',
    strand: 'pursue',
    lifestyleArea: 'vehicles',
    agencyKind: 'Police',
    description:
      'Seize a car, motorbike or e-scooter used carelessly, inconsiderately or off-road in a way causing alarm, distress or annoyance (for example by dealers riding around an estate).',
    legalBasis:
      'Police Reform Act 2002, section 59 (vehicles used in manner causing alarm, distress or annoyance).',
    requirements:
      'Reasonable grounds that the vehicle is being or has been used in a manner contravening section 3 or 34 of the Road Traffic Act 1988 and causing alarm, distress or annoyance. Normally a warning first, unless impracticable or already given within 12 months.',
    typicalImpact: 'Vehicle seized; a repeat warning record.',
    whoCanHelp: 'Police neighbourhood officers.',
    suggestedFor: ['vehicle'],
    source: `${LEG}/ukpga/2002/30/section/59`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'fly-tipping-vehicle-seizure',
    name: 'Seizure of a vehicle used for fly-tipping',
    strand: 'pursue',
    lifestyleArea: 'vehicles',
    agencyKind: 'Council environmental enforcement',
    description:
      'Seize vans and lorries used by illegal waste operators connected to the group, and check waste carrier registration.',
    legalBasis:
      'Environmental Protection Act 1990, section 34B (power to seize vehicles) and section 34C (what happens to seized property); section 33 (unauthorised deposit of waste) and section 34 (duty of care).',
    requirements:
      'Reasonable grounds to believe the vehicle is being or has been used in an offence under section 33 (or a related waste offence), as set out in section 34B; authorised council officer.',
    typicalImpact: 'Removes the means of an illegal waste business; forfeiture on conviction.',
    whoCanHelp: 'The council environmental enforcement team; the Environment Agency.',
    suggestedFor: ['vehicle', 'business'],
    source: `${LEG}/ukpga/1990/43/section/34B`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'anpr-markers',
    name: 'ANPR markers and analysis',
    strand: 'pursue',
    lifestyleArea: 'travel',
    agencyKind: 'Police',
    description:
      'Add the group\u2019s vehicles to automatic number plate recognition watch lists and analyse their journeys (county lines runs, links between addresses).',
    legalBasis:
      'Common-law policing powers, with processing under the Data Protection Act 2018, Part 3 (law enforcement processing), the National ANPR Standards for Policing and Law Enforcement, and the Surveillance Camera Code of Practice (Protection of Freedoms Act 2012).',
    requirements:
      'A policing purpose and proportionality; access controls and retention rules in the national standards; directed surveillance authorisation if the monitoring becomes covert targeting.',
    typicalImpact: 'Real-time alerts for stops; evidence of movements between areas.',
    whoCanHelp: 'Police intelligence and ANPR teams.',
    suggestedFor: ['vehicle', 'category:illegal-drugs', 'category:organised-immigration-crime'],
    source:
      'https://www.gov.uk/government/publications/national-anpr-standards-for-policing-and-law-enforcement',
    verifiedOn: WRITTEN,
  },
  {
    key: 'travel-restriction-order',
    name: 'Travel restriction order',
    strand: 'pursue',
    lifestyleArea: 'travel',
    agencyKind: 'Police and Crown Prosecution Service',
    description:
      'On sentencing a drug trafficker, stop them leaving the UK after release, and have their passport surrendered.',
    legalBasis:
      'Criminal Justice and Police Act 2001, section 33 (travel restriction orders on conviction of a drug trafficking offence).',
    requirements:
      'Conviction of a drug trafficking offence with a sentence of four years or more; the court must consider an order; minimum two years from release.',
    typicalImpact: 'Stops international travel for supply and money movement.',
    whoCanHelp: 'Police case file team; the Crown Prosecution Service.',
    suggestedFor: ['principal', 'category:illegal-drugs'],
    source: `${LEG}/ukpga/2001/16/section/33`,
    verifiedOn: WRITTEN,
  },

  // ---------------------------------------------------------------- National agencies and referrals
  {
    key: 'hmrc-referral',
    name: 'HMRC referral',
    strand: 'pursue',
    lifestyleArea: 'lifestyle',
    agencyKind: 'HMRC',
    description:
      'Refer suspected tax evasion (undeclared income, VAT fraud, cash businesses, unpaid duty) for HMRC to investigate or enquire; tax liabilities often reach assets criminal routes cannot.',
    legalBasis:
      'HMRC\u2019s own powers (for example Finance Act 2008, Schedule 36, information and inspection powers). Partners disclose under the Data Protection Act 2018, Schedule 2, paragraph 2 (crime and taxation), and relevant authorities may share under the Crime and Disorder Act 1998, section 115.',
    requirements:
      'A reasoned referral with the evidence held; the partner\u2019s information sharing agreement or a recorded disclosure decision.',
    typicalImpact: 'Tax assessments, penalties and prosecutions; financial pressure on principals.',
    whoCanHelp:
      'HMRC (through its fraud reporting service or a local liaison officer); the police financial investigator.',
    suggestedFor: [
      'business',
      'company',
      'principal',
      'enabler',
      'category:money-laundering-and-economic-crime',
      'category:fraud',
    ],
    source: 'https://www.gov.uk/government/organisations/hm-revenue-customs',
    verifiedOn: WRITTEN,
  },
  {
    key: 'dwp-referral',
    name: 'DWP referral',
    strand: 'pursue',
    lifestyleArea: 'lifestyle',
    agencyKind: 'Department for Work and Pensions',
    description:
      'Refer suspected benefit fraud, including benefits claimed in the names of exploited people and controlled by the group.',
    legalBasis:
      'Social Security Administration Act 1992 (benefit fraud offences and the DWP\u2019s investigation powers); partners disclose under the Data Protection Act 2018, Schedule 2, paragraph 2.',
    requirements: 'A reasoned referral; care not to penalise a victim whose identity was used.',
    typicalImpact: 'Stops fraudulent payments; evidence of control over victims\u2019 finances.',
    whoCanHelp: 'DWP counter-fraud; the partnership coordinator for the referral route.',
    suggestedFor: ['person', 'category:fraud', 'category:modern-slavery-and-human-trafficking'],
    source: 'https://www.gov.uk/report-benefit-fraud',
    verifiedOn: WRITTEN,
  },
  {
    key: 'glaa-referral',
    name: 'GLAA referral',
    strand: 'pursue',
    lifestyleArea: 'business',
    agencyKind: 'Gangmasters and Labour Abuse Authority',
    description:
      'Refer labour providers and employers suspected of worker exploitation to the Gangmasters and Labour Abuse Authority, which licenses labour providers in agriculture, shellfish gathering and food processing, and investigates labour market offences across the economy.',
    legalBasis:
      'Gangmasters (Licensing) Act 2004 (licensing of gangmasters and offences of acting without a licence); Immigration Act 2016, Part 1 (labour market enforcement, including labour abuse prevention officers\u2019 powers).',
    requirements:
      'Information about the business, workers and accommodation; the GLAA decides whether to investigate.',
    typicalImpact:
      'Licence refusal or revocation, prosecution, labour market enforcement orders; identification of victims.',
    whoCanHelp: 'The GLAA intelligence team.',
    suggestedFor: ['business', 'company', 'hmo', 'category:modern-slavery-and-human-trafficking'],
    source: 'https://www.gla.gov.uk/',
    verifiedOn: WRITTEN,
  },
  {
    key: 'companies-house-referral',
    name: 'Companies House referral',
    strand: 'pursue',
    lifestyleArea: 'business',
    agencyKind: 'Companies House',
    description:
      'Report companies with false registered offices, nominee directors or suspicious filings used to launder money or front criminal businesses, so the registrar can query and remove information.',
    legalBasis:
      'Companies Act 2006, as amended by the Economic Crime and Corporate Transparency Act 2023 (the registrar\u2019s objectives and powers to query, reject and remove information, and identity verification).',
    requirements: 'Company number and what is wrong; evidence where it can be shared.',
    typicalImpact:
      'Registered information corrected or removed; companies struck off; intelligence shared with law enforcement.',
    whoCanHelp: 'Companies House (report suspicious activity); police financial investigators.',
    suggestedFor: ['company', 'enabler', 'category:money-laundering-and-economic-crime', 'category:fraud'],
    source: 'https://www.gov.uk/government/organisations/companies-house',
    verifiedOn: WRITTEN,
  },
  {
    key: 'director-disqualification',
    name: 'Director disqualification',
    strand: 'pursue',
    lifestyleArea: 'business',
    agencyKind: 'Insolvency Service',
    description:
      'Stop a person from being a company director for up to 15 years, after a conviction connected with a company or unfit conduct as a director of an insolvent company.',
    legalBasis:
      'Company Directors Disqualification Act 1986, section 2 (disqualification on conviction of an indictable offence connected with a company) and section 6 (unfit directors of insolvent companies).',
    requirements:
      'Section 2: on conviction, by the sentencing court. Section 6: application by the Secretary of State (Insolvency Service) or an undertaking accepted.',
    typicalImpact: 'Removes the group\u2019s use of front companies run by the disqualified person.',
    whoCanHelp: 'The Insolvency Service; the Crown Prosecution Service at sentencing.',
    suggestedFor: ['company', 'principal', 'enabler', 'category:fraud'],
    source: `${LEG}/ukpga/1986/46/contents`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'right-to-work-civil-penalty',
    name: 'Right to work checks and civil penalty',
    strand: 'pursue',
    lifestyleArea: 'business',
    agencyKind: 'Immigration Enforcement',
    description:
      'Immigration Enforcement visits businesses suspected of employing illegal workers (car washes, nail bars, takeaways) and issues civil penalties or prosecutes.',
    legalBasis:
      'Immigration, Asylum and Nationality Act 2006, section 15 (civil penalty for employing a person without the right to work) and section 21 (offence of knowingly employing an illegal worker).',
    requirements:
      'Intelligence referral to Immigration Enforcement; visits under immigration officers\u2019 powers.',
    typicalImpact: 'Penalties per illegal worker; closure notices; identification of exploited workers.',
    whoCanHelp: 'Home Office Immigration Enforcement.',
    suggestedFor: [
      'business',
      'company',
      'category:organised-immigration-crime',
      'category:modern-slavery-and-human-trafficking',
    ],
    source: `${LEG}/ukpga/2006/13/section/15`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'illegal-working-closure-notice',
    name: 'Illegal working closure notice',
    strand: 'pursue',
    lifestyleArea: 'business',
    agencyKind: 'Immigration Enforcement',
    description:
      'Close a business where illegal workers are found and the employer has previously been penalised, followed by a court compliance order.',
    legalBasis:
      'Immigration Act 2016, section 38 and Schedule 6 (illegal working closure notices and illegal working compliance orders).',
    requirements:
      'An immigration officer of at least the rank of chief immigration officer, with the employer\u2019s history of illegal working; a magistrates\u2019 court decides on a compliance order.',
    typicalImpact: 'Business closed for up to 48 hours, then conditions for up to 12 months.',
    whoCanHelp: 'Home Office Immigration Enforcement.',
    suggestedFor: ['business', 'premises', 'category:organised-immigration-crime'],
    source: `${LEG}/ukpga/2016/19/schedule/6`,
    verifiedOn: WRITTEN,
  },

  // ---------------------------------------------------------------- Modern slavery and victims
  {
    key: 'nrm-referral',
    name: 'National Referral Mechanism referral and duty to notify',
    strand: 'protect',
    lifestyleArea: 'crime',
    agencyKind: 'First responder (police or council)',
    description:
      'Refer a suspected victim of modern slavery or trafficking to the National Referral Mechanism for identification and support. Adults must consent to a referral; children do not need to. Where an adult does not consent, the public authority still notifies the Home Office without identifying them.',
    legalBasis:
      'Modern Slavery Act 2015, section 52 (duty to notify the Secretary of State about suspected victims: police, the National Crime Agency, councils and the GLAA, among others) and section 49 (statutory guidance on identifying and supporting victims).',
    requirements:
      'Reasonable grounds to believe a person may be a victim. Only designated first responder organisations make NRM referrals; an adult must give informed consent to be identified.',
    typicalImpact: 'Safe accommodation and support; the victim\u2019s account may support a prosecution.',
    whoCanHelp:
      'Police modern slavery lead; the council\u2019s adult or children\u2019s safeguarding; the Modern Slavery and Exploitation Helpline for advice.',
    suggestedFor: [
      'trafficking-victim',
      'child-victim',
      'category:modern-slavery-and-human-trafficking',
      'category:organised-immigration-crime',
    ],
    source: `${LEG}/ukpga/2015/30/section/52`,
    verifiedOn: CHECKED,
  },
  {
    key: 'slavery-trafficking-prevention-order',
    name: 'Slavery and trafficking prevention order',
    strand: 'pursue',
    lifestyleArea: 'crime',
    agencyKind: 'Police',
    description:
      'An order prohibiting a person convicted of (or cautioned for) a slavery or trafficking offence from doing things (travelling abroad, running a business, contacting people) to protect others from harm.',
    legalBasis:
      'Modern Slavery Act 2015, section 14 (orders on sentencing) and section 15 (orders on application to a magistrates\u2019 court by a chief officer of police, an immigration officer or the Director General of the National Crime Agency).',
    requirements:
      'The person has been convicted of, or cautioned for, a slavery or human trafficking offence, and the order is necessary to protect persons from physical or psychological harm.',
    typicalImpact: 'Long-term restrictions; breach is a criminal offence.',
    whoCanHelp: 'Police modern slavery lead and force solicitor.',
    suggestedFor: ['principal', 'person', 'category:modern-slavery-and-human-trafficking'],
    source: `${LEG}/ukpga/2015/30/part/2`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'slavery-trafficking-risk-order',
    name: 'Slavery and trafficking risk order',
    strand: 'pursue',
    lifestyleArea: 'crime',
    agencyKind: 'Police',
    description:
      'An order against a person who has not been convicted, where their conduct shows a risk that they will commit a slavery or trafficking offence.',
    legalBasis:
      'Modern Slavery Act 2015, section 23 (slavery and trafficking risk orders) and section 24 (effect: prohibitions for at least two years or until further order).',
    requirements:
      'Application to a magistrates\u2019 court by a chief officer of police, an immigration officer or the Director General of the National Crime Agency. The court must be satisfied there is a risk the defendant will commit such an offence and the order is necessary to protect people from harm.',
    typicalImpact: 'Early disruption of a suspected trafficker before a prosecution is possible.',
    whoCanHelp: 'Police modern slavery lead and force solicitor.',
    suggestedFor: ['person', 'principal', 'enabler', 'category:modern-slavery-and-human-trafficking'],
    source: `${LEG}/ukpga/2015/30/section/23`,
    verifiedOn: CHECKED,
  },
  {
    key: 'child-safeguarding-referral',
    name: 'Safeguarding referral: children\u2019s front door',
    strand: 'protect',
    lifestyleArea: 'crime',
    agencyKind: 'Children\u2019s social care',
    description:
      'Refer a child at risk of criminal or sexual exploitation (county lines runner, child in a cuckooed address, missing child) to the children\u2019s front door or multi-agency safeguarding hub for a strategy discussion and enquiries.',
    legalBasis:
      'Children Act 1989, section 47 (local authority\u2019s duty to make enquiries where a child is suffering or likely to suffer significant harm) and section 17 (children in need); Working Together to Safeguard Children (statutory guidance).',
    requirements:
      'Reasonable cause to suspect significant harm, or a child in need; any professional can refer, urgently by phone where the child is at immediate risk.',
    typicalImpact:
      'Child protection plan, exploitation risk assessment, disruption of adults exploiting the child.',
    whoCanHelp: 'The children\u2019s front door or MASH; police public protection.',
    suggestedFor: ['child-victim', 'category:child-sexual-exploitation-and-abuse', 'category:illegal-drugs'],
    source: `${LEG}/ukpga/1989/41/section/47`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'adult-safeguarding-referral',
    name: 'Safeguarding referral: adults at risk',
    strand: 'protect',
    lifestyleArea: 'crime',
    agencyKind: 'Adult social care',
    description:
      'Refer an adult with care and support needs who is being abused or exploited (a cuckooed tenant, a person forced to work or to hold drugs) to adult social care for a safeguarding enquiry.',
    legalBasis: 'Care Act 2014, section 42 (enquiry by local authority).',
    requirements:
      'Reasonable cause to suspect an adult has needs for care and support, is experiencing or at risk of abuse or neglect, and cannot protect themselves because of those needs. Consent and mental capacity are considered.',
    typicalImpact: 'Protection plan, support and, where needed, housing or legal action.',
    whoCanHelp: 'Adult social care safeguarding team; police public protection.',
    suggestedFor: [
      'adult-victim',
      'cuckooing-victim',
      'trafficking-victim',
      'category:modern-slavery-and-human-trafficking',
      'category:fraud',
    ],
    source: `${LEG}/ukpga/2014/23/section/42`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'cuckooing-protection',
    name: 'Protecting a cuckooed resident',
    strand: 'protect',
    lifestyleArea: 'lifestyle',
    agencyKind: 'Police, council ASB team and housing provider',
    description:
      'Take back a vulnerable person\u2019s home from dealers: a closure notice and order that let the resident stay while excluding everyone else, new locks and door security, a safeguarding referral, and a managed move if the resident wants one.',
    legalBasis:
      'Anti-social Behaviour, Crime and Policing Act 2014, sections 76 and 80: closure notices and orders may prohibit access by all persons except those specified, and a notice may not exclude people who habitually live there. Safeguarding under the Care Act 2014, section 42.',
    requirements:
      'As for a closure notice and order; the resident\u2019s views and capacity considered; the housing provider involved.',
    typicalImpact: 'Dealers excluded, the resident safeguarded and kept in their home.',
    whoCanHelp: 'Police neighbourhood team; the council ASB team; the housing provider; adult social care.',
    suggestedFor: ['cuckooing-victim', 'address', 'category:illegal-drugs'],
    source: `${LEG}/ukpga/2014/12/part/4/chapter/3`,
    verifiedOn: CHECKED,
  },
  {
    key: 'child-abduction-warning-notice',
    name: 'Child abduction warning notice',
    strand: 'protect',
    lifestyleArea: 'crime',
    agencyKind: 'Police',
    description:
      'A formal notice telling an adult who associates with a child that they have no permission to contact the child, used where a child is at risk of sexual or criminal exploitation. It is not a court order, but it supports later prosecution.',
    legalBasis:
      'Non-statutory police notice; it relies on the offences in the Child Abduction Act 1984, section 2, and the Children Act 1989, section 49, for children in care.',
    requirements:
      'The child is under 16 (or under 18 if in local authority care); the parent or local authority has not given permission; authorised under force policy.',
    typicalImpact: 'Puts the adult on notice; breach evidence for prosecution or a sexual risk order.',
    whoCanHelp: 'Police public protection; children\u2019s social care.',
    suggestedFor: ['person', 'child-victim', 'category:child-sexual-exploitation-and-abuse'],
    source: `${LEG}/ukpga/1984/37/section/2`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'sexual-risk-order',
    name: 'Sexual risk order',
    strand: 'pursue',
    lifestyleArea: 'crime',
    agencyKind: 'Police',
    description:
      'A civil order against a person (with or without convictions) who has done an act of a sexual nature showing they pose a risk of harm, prohibiting contact with children or online activity.',
    legalBasis:
      'Sexual Offences Act 2003, section 122A (sexual risk orders), inserted by the Anti-social Behaviour, Crime and Policing Act 2014, section 113.',
    requirements:
      'Application to a magistrates\u2019 court by a chief officer of police or the Director General of the National Crime Agency; the order must be necessary to protect the public or particular people from harm.',
    typicalImpact: 'Restrictions for at least two years; breach is an offence.',
    whoCanHelp: 'Police public protection and force solicitor.',
    suggestedFor: ['person', 'category:child-sexual-exploitation-and-abuse', 'category:cyber-crime'],
    source: `${LEG}/ukpga/2003/42/section/122A`,
    verifiedOn: WRITTEN,
  },

  // ---------------------------------------------------------------- Money
  {
    key: 'cash-seizure-forfeiture',
    name: 'Cash seizure and forfeiture',
    strand: 'pursue',
    lifestyleArea: 'lifestyle',
    agencyKind: 'Police financial investigation',
    description:
      'Seize cash of £1,000 or more found during searches or stops, detain it while the investigation continues, and have it forfeited in the magistrates\u2019 court without the need for a conviction.',
    legalBasis:
      'Proceeds of Crime Act 2002, Part 5, Chapter 3: section 294 (seizure of cash), section 295 (detention, extended by a magistrates\u2019 court) and section 298 (forfeiture), on the civil standard.',
    requirements:
      'Reasonable grounds to suspect the cash is recoverable property or intended for use in unlawful conduct; at least the minimum amount (£1,000); court approval to detain beyond 48 hours.',
    typicalImpact:
      'Removes working capital; the money can fund community projects through asset recovery schemes.',
    whoCanHelp: 'Police financial investigators; officers carrying out searches.',
    suggestedFor: [
      'person',
      'principal',
      'address',
      'vehicle',
      'category:money-laundering-and-economic-crime',
      'category:illegal-drugs',
    ],
    source: `${LEG}/ukpga/2002/29/part/5/chapter/3`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'account-freezing-order',
    name: 'Account freezing order',
    strand: 'pursue',
    lifestyleArea: 'lifestyle',
    agencyKind: 'Police financial investigation',
    description:
      'Freeze money in a bank or building society account suspected to be criminal property, then seek account forfeiture, without needing a conviction.',
    legalBasis:
      'Proceeds of Crime Act 2002, Part 5, Chapter 3B: section 303Z1 (application for an account freezing order), section 303Z2 (restrictions), section 303Z8 (minimum amount £1,000), and section 303Z14 (account forfeiture); inserted by the Criminal Finances Act 2017.',
    requirements:
      'Reasonable grounds to suspect that money in the account is recoverable property or intended for use in unlawful conduct; at least £1,000; the applying enforcement officer is, or is authorised by, a senior officer; application to a magistrates\u2019 court.',
    typicalImpact: 'Funds frozen at once; forfeiture without prosecution.',
    whoCanHelp: 'Police financial investigators; HMRC; the National Crime Agency.',
    suggestedFor: [
      'bank-account',
      'principal',
      'enabler',
      'company',
      'category:money-laundering-and-economic-crime',
      'category:fraud',
    ],
    source: `${LEG}/ukpga/2002/29/section/303Z8`,
    verifiedOn: CHECKED,
  },
  {
    key: 'poca-confiscation',
    name: 'Confiscation order (and restraint)',
    strand: 'pursue',
    lifestyleArea: 'lifestyle',
    agencyKind: 'Police financial investigation and Crown Prosecution Service',
    description:
      'After conviction, the Crown Court calculates the benefit from crime and orders the defendant to pay the available amount; a restraint order stops assets being moved away beforehand.',
    legalBasis:
      'Proceeds of Crime Act 2002, Part 2: section 6 (making of a confiscation order), section 75 (criminal lifestyle) and sections 40 and 41 (restraint orders).',
    requirements:
      'Conviction, and proceedings in or committal to the Crown Court; the prosecutor asks for confiscation. Restraint needs a criminal investigation or proceedings and reasonable cause to believe the person has benefited.',
    typicalImpact: 'Strips profits and assets; default sentences if not paid.',
    whoCanHelp: 'Police financial investigators; the Crown Prosecution Service Proceeds of Crime Division.',
    suggestedFor: [
      'principal',
      'address',
      'vehicle',
      'bank-account',
      'category:money-laundering-and-economic-crime',
      'category:illegal-drugs',
    ],
    source: `${LEG}/ukpga/2002/29/part/2`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'unexplained-wealth-order',
    name: 'Unexplained wealth order',
    strand: 'pursue',
    lifestyleArea: 'lifestyle',
    agencyKind: 'National Crime Agency',
    description:
      'A High Court order requiring a person to explain how they obtained property that their known income could not have paid for; a failure to explain supports civil recovery.',
    legalBasis:
      'Proceeds of Crime Act 2002, section 362A (unexplained wealth orders), inserted by the Criminal Finances Act 2017 and amended by the Economic Crime (Transparency and Enforcement) Act 2022.',
    requirements:
      'Application by an enforcement authority (such as the National Crime Agency, HMRC, the Serious Fraud Office, the Financial Conduct Authority or the Crown Prosecution Service); the property is worth more than £50,000 and the statutory tests about the respondent are met.',
    typicalImpact: 'Recovery of property held by principals or their enablers.',
    whoCanHelp: 'The National Crime Agency through the police economic crime unit.',
    suggestedFor: [
      'principal',
      'enabler',
      'address',
      'category:money-laundering-and-economic-crime',
      'category:bribery-and-corruption',
    ],
    source: `${LEG}/ukpga/2002/29/section/362A`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'suspicious-activity-report',
    name: 'Suspicious activity report',
    strand: 'pursue',
    lifestyleArea: 'lifestyle',
    agencyKind: 'National Crime Agency (UK Financial Intelligence Unit)',
    description:
      'Report suspected money laundering to the UK Financial Intelligence Unit; businesses in the regulated sector must, and anyone may. A defence against money laundering request lets a business proceed with a transaction.',
    legalBasis:
      'Proceeds of Crime Act 2002, Part 7: sections 330 to 332 (failure to disclose, regulated sector and nominated officers) and section 338 (authorised disclosures).',
    requirements:
      'Knowledge or suspicion (or, in the regulated sector, reasonable grounds) of money laundering; reports through the National Crime Agency\u2019s SAR portal.',
    typicalImpact:
      'Intelligence for financial investigators across the country; account freezes and investigations.',
    whoCanHelp: 'The council\u2019s money laundering reporting officer; police financial investigators.',
    suggestedFor: [
      'bank-account',
      'business',
      'company',
      'enabler',
      'category:money-laundering-and-economic-crime',
      'category:bribery-and-corruption',
    ],
    source: `${LEG}/ukpga/2002/29/part/7`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'serious-crime-prevention-order',
    name: 'Serious crime prevention order',
    strand: 'pursue',
    lifestyleArea: 'crime',
    agencyKind: 'Police and Crown Prosecution Service',
    description:
      'An order restricting a person\u2019s finances, property, business dealings, associations, travel and communications, to protect the public by preventing, restricting or disrupting their involvement in serious crime.',
    legalBasis:
      'Serious Crime Act 2007, section 1 (orders by the High Court) and section 19 (orders by the Crown Court on conviction); applications by an applicant authority as defined in section 8.',
    requirements:
      'Involvement in serious crime (an offence in Schedule 1 or a comparably serious one) and reasonable grounds to believe the order would protect the public. Maximum five years. Police prepare the case for the applicant authority.',
    typicalImpact: 'Long-term restrictions on the principals and their businesses; breach is an offence.',
    whoCanHelp: 'Police serious organised crime unit; the Crown Prosecution Service.',
    suggestedFor: [
      'principal',
      'enabler',
      'company',
      'category:illegal-drugs',
      'category:fraud',
      'category:organised-immigration-crime',
    ],
    source: `${LEG}/ukpga/2007/27/part/1`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'procurement-exclusion',
    name: 'Exclusion from public contracts',
    strand: 'prevent',
    lifestyleArea: 'business',
    agencyKind: 'Council procurement',
    description:
      'Check suppliers and grant recipients for links to organised crime, and exclude suppliers where an exclusion ground applies, so public money does not reach the group.',
    legalBasis:
      'Procurement Act 2023 (exclusion of suppliers on the mandatory and discretionary exclusion grounds, Schedules 6 and 7, and the debarment list); Crime and Disorder Act 1998, section 17 (duty to consider crime and disorder in all functions).',
    requirements:
      'Evidence that a ground applies (for example a conviction for fraud, bribery or money laundering); the procurement team\u2019s due diligence process.',
    typicalImpact: 'Blocks a revenue stream and a route to launder money through legitimate contracts.',
    whoCanHelp: 'The council procurement team and legal services; the partnership\u2019s SOC lead.',
    suggestedFor: ['company', 'business', 'category:bribery-and-corruption', 'category:fraud'],
    source: `${LEG}/ukpga/2023/54/contents`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'report-fraud-referral',
    name: 'Report Fraud referral',
    strand: 'pursue',
    lifestyleArea: 'crime',
    agencyKind: 'Police (Report Fraud)',
    description:
      'Record fraud and cyber crime with Report Fraud, the national reporting service that replaced Action Fraud in December 2025, so reports are linked nationally and sent to a force to investigate.',
    legalBasis:
      'Non-statutory national police reporting service; the offences are mainly under the Fraud Act 2006 and the Computer Misuse Act 1990.',
    requirements: 'The victim\u2019s account and details of payments, accounts and contacts used.',
    typicalImpact: 'National linking of victims; disruption of phone numbers, websites and accounts.',
    whoCanHelp: 'Report Fraud; police economic crime and cyber teams.',
    suggestedFor: ['phone', 'online-account', 'bank-account', 'category:fraud', 'category:cyber-crime'],
    source: 'https://www.reportfraud.police.uk/',
    verifiedOn: WRITTEN,
  },

  // ---------------------------------------------------------------- Police powers
  {
    key: 'drug-dealing-telecommunications-restriction-order',
    name: 'Drug dealing telecommunications restriction order',
    strand: 'pursue',
    lifestyleArea: 'crime',
    agencyKind: 'Police',
    description:
      'A court order requiring a mobile network operator to disconnect a county line\u2019s phone number or handset, and stop replacements, where it is used for drug dealing.',
    legalBasis:
      'Serious Crime Act 2015, section 80A (inserted by the Digital Economy Act 2017, section 107) and the Drug Dealing Telecommunications Restriction Orders Regulations 2017 (SI 2017/1240), regulation 3.',
    requirements:
      'Application by a police officer of at least the rank of superintendent, or the Director General or Deputy Director General of the National Crime Agency. The court must be satisfied the device or number has been, is likely to have been, or is likely to be used in connection with drug dealing offences, and that the order would prevent or restrict that use.',
    typicalImpact:
      'The line goes dead; brief disruption unless combined with other tactics against the line holders.',
    whoCanHelp: 'Police county lines or drugs team.',
    suggestedFor: ['phone', 'category:illegal-drugs'],
    source: `${LEG}/uksi/2017/1240/regulation/3/made`,
    verifiedOn: CHECKED,
  },
  {
    key: 'drugs-search-warrant',
    name: 'Drugs search warrant',
    strand: 'pursue',
    lifestyleArea: 'crime',
    agencyKind: 'Police',
    description:
      'Search premises for controlled drugs and related documents, and seize what is found, with a warrant from a justice of the peace.',
    legalBasis:
      'Misuse of Drugs Act 1971, section 23(3) (search warrants) and section 23(2) (power to stop and search persons and vehicles).',
    requirements:
      'Information on oath giving reasonable grounds to suspect controlled drugs are unlawfully in a person\u2019s possession on the premises; warrant issued by a justice of the peace; PACE Code B.',
    typicalImpact: 'Seizures, arrests and evidence; often followed by a closure notice.',
    whoCanHelp: 'Police neighbourhood and drugs teams.',
    suggestedFor: ['address', 'premises', 'category:illegal-drugs'],
    source: `${LEG}/ukpga/1971/38/section/23`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'firearms-certificate-revocation',
    name: 'Firearm or shotgun certificate revocation',
    strand: 'pursue',
    lifestyleArea: 'crime',
    agencyKind: 'Police firearms licensing',
    description:
      'Revoke the certificate of a holder linked to the group and remove their firearms, stopping lawful guns reaching criminal hands.',
    legalBasis:
      'Firearms Act 1968, section 30A (revocation of firearm certificates) and section 30C (shotgun certificates).',
    requirements:
      'The chief officer is satisfied the holder is prohibited, is of intemperate habits or unsound mind, or is otherwise unfitted to be entrusted with a firearm, or is a danger to public safety or the peace; appeal to the Crown Court.',
    typicalImpact: 'Firearms surrendered or seized.',
    whoCanHelp: 'Police firearms licensing unit.',
    suggestedFor: ['person', 'enabler', 'category:illegal-firearms'],
    source: `${LEG}/ukpga/1968/27/section/30A`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'offender-licence-conditions',
    name: 'Licence conditions and recall',
    strand: 'pursue',
    lifestyleArea: 'crime',
    agencyKind: 'Probation Service',
    description:
      'Ask the Probation Service to add licence conditions (exclusion zones, non-association, electronic monitoring) for a group member released on licence, or to consider recall where they breach it.',
    legalBasis:
      'Criminal Justice Act 2003, section 250 (licence conditions) and section 254 (recall of prisoners while on licence).',
    requirements:
      'The person is on licence; intelligence shared with the offender manager through MAPPA or integrated offender management.',
    typicalImpact: 'Tighter control of released principals; return to custody on breach.',
    whoCanHelp: 'The Probation Service offender manager; integrated offender management police.',
    suggestedFor: ['principal', 'person'],
    source: `${LEG}/ukpga/2003/44/section/254`,
    verifiedOn: WRITTEN,
  },

  // ---------------------------------------------------------------- Prevent
  {
    key: 'youth-diversion',
    name: 'Diversion for young people at risk',
    strand: 'prevent',
    lifestyleArea: 'behaviour',
    agencyKind: 'Youth Justice Service',
    description:
      'Offer young people on the edge of the group (runners, peripheral members) mentoring, education and employment support, and a trusted adult, to steer them away from organised crime.',
    legalBasis:
      'Crime and Disorder Act 1998, section 37 (aim of the youth justice system to prevent offending by children) and section 39 (youth offending teams).',
    requirements:
      'Consent of the young person and their parents; assessment by the Youth Justice Service or an early help team.',
    typicalImpact: 'Fewer recruits for the group; young people safeguarded.',
    whoCanHelp: 'The Youth Justice Service; early help; youth services and voluntary sector mentors.',
    suggestedFor: ['child-victim', 'person', 'category:illegal-drugs'],
    source: `${LEG}/ukpga/1998/37/section/37`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'schools-education-county-lines',
    name: 'Education in schools on exploitation and county lines',
    strand: 'prevent',
    lifestyleArea: 'lifestyle',
    agencyKind: 'Education',
    description:
      'Sessions for pupils, staff and parents on how county lines groups recruit, grooming online and offline, and where to get help, in schools the group targets.',
    legalBasis:
      'Education Act 2002, section 175 (safeguarding duties of schools), with Keeping Children Safe in Education (statutory guidance) on criminal and sexual exploitation.',
    requirements: 'Agreement of the school\u2019s designated safeguarding lead; age-appropriate materials.',
    typicalImpact: 'Children and staff recognise the signs earlier; more referrals.',
    whoCanHelp:
      'Schools\u2019 designated safeguarding leads; police schools officers; voluntary sector programmes.',
    suggestedFor: ['child-victim', 'category:illegal-drugs', 'category:child-sexual-exploitation-and-abuse'],
    source: `${LEG}/ukpga/2002/32/section/175`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'school-notification-after-incident',
    name: 'Notifying a child\u2019s school after a police incident',
    strand: 'prevent',
    lifestyleArea: 'lifestyle',
    agencyKind: 'Police with education',
    description:
      'Tell a trained key adult at the child\u2019s school before the next school day when police have attended an incident involving the child (domestic abuse, a raid, exploitation), so the school can support them (modelled on Operation Encompass).',
    legalBasis:
      'Information sharing for safeguarding children: Children Act 2004, section 11 (duty to safeguard and promote welfare), and the Data Protection Act 2018 safeguarding conditions (Schedule 8, paragraph 4, for police processing).',
    requirements: 'A local agreement between police and schools; a trained key adult at each school.',
    typicalImpact: 'Support for the child the next day; earlier spotting of exploitation.',
    whoCanHelp: 'Police public protection; schools\u2019 designated safeguarding leads.',
    suggestedFor: ['child-victim', 'address'],
    source: `${LEG}/ukpga/2004/31/section/11`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'county-lines-awareness',
    name: 'County lines awareness for businesses and transport',
    strand: 'prevent',
    lifestyleArea: 'travel',
    agencyKind: 'Community safety partnership',
    description:
      'Brief taxi drivers, rail and bus staff, hotels, letting agents and fast-food outlets on the signs of county lines and cuckooing and how to report them.',
    legalBasis:
      'Non-statutory. Supports the Crime and Disorder Act 1998, section 17 duty on councils and partners to prevent crime and disorder.',
    requirements: 'A partnership campaign plan; materials from the national county lines programme.',
    typicalImpact: 'More intelligence from people who see the group travel and stay.',
    whoCanHelp:
      'The community safety partnership; British Transport Police; the council licensing team for taxi drivers.',
    suggestedFor: [
      'business',
      'vehicle',
      'category:illegal-drugs',
      'category:modern-slavery-and-human-trafficking',
    ],
    source: `${LEG}/ukpga/1998/37/section/17`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'banking-protocol',
    name: 'Banking Protocol',
    strand: 'protect',
    lifestyleArea: 'lifestyle',
    agencyKind: 'Police with banks',
    description:
      'Bank and building society staff who suspect a customer is being defrauded (a large unusual withdrawal, a courier fraud) call the police, who attend at once.',
    legalBasis: 'Non-statutory partnership between UK Finance, the police and Trading Standards.',
    requirements: 'Branch staff trained in the protocol; 999 call by the branch.',
    typicalImpact: 'Losses prevented; offenders caught collecting; victims safeguarded.',
    whoCanHelp: 'Police economic crime or neighbourhood teams; Trading Standards.',
    suggestedFor: ['bank-account', 'category:fraud'],
    source: 'https://www.ukfinance.org.uk/',
    verifiedOn: WRITTEN,
  },
  {
    key: 'cyber-protect-advice',
    name: 'Cyber Protect advice',
    strand: 'protect',
    lifestyleArea: 'crime',
    agencyKind: 'Police (Cyber Protect)',
    description:
      'Advice and talks for victims, businesses and community groups on securing accounts and devices after a cyber attack or to prevent one.',
    legalBasis: 'Non-statutory; follows National Cyber Security Centre guidance.',
    requirements: 'Referral to the force\u2019s Cyber Protect officer.',
    typicalImpact: 'Fewer repeat victims; harder targets.',
    whoCanHelp: 'Police Cyber Protect officers; the National Cyber Security Centre.',
    suggestedFor: ['online-account', 'business', 'category:cyber-crime', 'category:fraud'],
    source: 'https://www.ncsc.gov.uk/',
    verifiedOn: WRITTEN,
  },
  {
    key: 'target-hardening',
    name: 'Target hardening',
    strand: 'protect',
    lifestyleArea: 'lifestyle',
    agencyKind: 'Police designing out crime',
    description:
      'Make homes, businesses and spaces the group uses or targets harder to exploit: locks, door entry systems, lighting, CCTV, fencing off dealing spots.',
    legalBasis:
      'Non-statutory (Secured by Design principles); supports the Crime and Disorder Act 1998, section 17 duty.',
    requirements:
      'A survey by a designing out crime officer; the owner\u2019s or landlord\u2019s agreement and funding.',
    typicalImpact: 'Fewer opportunities for dealing and cuckooing; reassurance for residents.',
    whoCanHelp: 'Police designing out crime officers; housing providers; the council.',
    suggestedFor: ['address', 'premises', 'cuckooing-victim', 'victim'],
    source: 'https://www.securedbydesign.com/',
    verifiedOn: WRITTEN,
  },

  // ---------------------------------------------------------------- Prepare
  {
    key: 'community-impact-assessment',
    name: 'Community impact assessment',
    strand: 'prepare',
    lifestyleArea: 'crime',
    agencyKind: 'Police',
    description:
      'Before and after a disruption, assess its effect on the community: tensions, vulnerable people who may be left exposed, displacement, rival groups moving in.',
    legalBasis:
      'Non-statutory practice in policing guidance (College of Policing authorised professional practice).',
    requirements: 'Completed by the operation lead with partners; reviewed after action.',
    typicalImpact: 'Fewer unintended harms; a plan for the gap left behind.',
    whoCanHelp: 'Police neighbourhood inspector; the community safety partnership.',
    suggestedFor: ['address', 'principal'],
    source: 'https://www.college.police.uk/app',
    verifiedOn: WRITTEN,
  },
  {
    key: 'communications-plan',
    name: 'Communications plan',
    strand: 'prepare',
    lifestyleArea: 'behaviour',
    agencyKind: 'Community safety partnership',
    description:
      'Plan what the partnership says, when and to whom, before and after action: publicising results to deter others and reassure residents, without prejudicing prosecutions or identifying victims.',
    legalBasis:
      'Non-statutory. Publicity about individuals respects the Data Protection Act 2018, contempt of court rules and any reporting restrictions.',
    requirements: 'Agreement of the operation lead and each partner\u2019s communications team.',
    typicalImpact: 'Confidence in the partnership; more reports from the public.',
    whoCanHelp: 'Partners\u2019 communications teams; the partnership coordinator.',
    suggestedFor: ['address'],
    source: `${LEG}/ukpga/2018/12/contents`,
    verifiedOn: WRITTEN,
  },
  {
    key: 'community-reassurance',
    name: 'Community reassurance',
    strand: 'prepare',
    lifestyleArea: 'behaviour',
    agencyKind: 'Police neighbourhood team',
    description:
      'Visible patrols, door-knocking, drop-in surgeries and updates to residents after a disruption, and a clear route for them to report what they see.',
    legalBasis: 'Non-statutory neighbourhood policing practice.',
    requirements: 'Neighbourhood team capacity; the communications plan.',
    typicalImpact: 'Less fear; more intelligence; a community that resists the group\u2019s return.',
    whoCanHelp: 'Police neighbourhood team; the council ASB team; housing providers.',
    suggestedFor: ['address', 'premises'],
    source: 'https://www.college.police.uk/guidance/neighbourhood-policing',
    verifiedOn: WRITTEN,
  },
  {
    key: 'partnership-information-sharing',
    name: 'Partnership information sharing agreement',
    strand: 'prepare',
    lifestyleArea: 'crime',
    agencyKind: 'Community safety partnership',
    description:
      'Agree what partners share about the group, on what legal basis and how, so that every other tactic can be chosen with the full picture.',
    legalBasis:
      'Crime and Disorder Act 1998, section 115 (power to disclose to relevant authorities for the purposes of the Act) and section 17; Data Protection Act 2018 and UK GDPR.',
    requirements:
      'A signed agreement; data protection impact assessment; each partner\u2019s data protection officer consulted.',
    typicalImpact: 'Faster, lawful sharing; fewer gaps between agencies.',
    whoCanHelp: 'The partnership coordinator; partners\u2019 data protection officers.',
    suggestedFor: ['principal'],
    source: `${LEG}/ukpga/1998/37/section/115`,
    verifiedOn: WRITTEN,
  },
];
