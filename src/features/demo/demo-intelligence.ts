/**
 * Demo intelligence: a small, fictional county-lines picture in Camborne and Redruth, held by the
 * police public protection unit, so search, entity pages and (later) network analysis have
 * something to show. Names are invented; phone numbers are in Ofcom's drama range (07700 900xxx);
 * postcodes are real districts with invented streets. Loaded once, with one audit entry.
 *
 * The county line around Kane Pascoe has runners, a London line holder and, through the pub's
 * supervisor, a tie to the car wash, so the network pages show communities, brokers and a
 * network that falls apart when its brokers go. The cuckooing item (signed off) and what it names
 * are shared with the council's ASB team, so the ASB officer sees a smaller part of that network.
 */
import type { Tx } from '../../db/database.js';
import type { Marking } from '../access/markings.js';
import { writeAuditEntry } from '../audit/audit-log.js';
import {
  addInvolvement,
  insertEntity,
  insertItem,
  insertLink,
  PUBLIC_REPORT_EVIDENCE_LIST,
  checkProperties,
  type EntitySchemaName,
  type LinkTypeName,
  type SubjectCategory,
} from '../intelligence/index.js';
import { shareRecord } from '../access/shares.js';

interface DemoEntity {
  key: string;
  schema: EntitySchemaName;
  properties: Record<string, string[]>;
  area: string;
}

const ENTITIES: readonly DemoEntity[] = [
  {
    key: 'kane',
    schema: 'Person',
    properties: { name: ['Kane Pascoe'], alias: ['K', 'Kaner'], birthDate: ['1996-03-14'] },
    area: 'Camborne',
  },
  {
    key: 'jordan',
    schema: 'Person',
    properties: { name: ['Jordan Tremayne'], alias: ['JT'], birthDate: ['1999-11-02'] },
    area: 'Camborne',
  },
  {
    key: 'marius',
    schema: 'Person',
    properties: { name: ['Marius Popescu'], birthDate: ['1988-07-21'], nationality: ['Romania'] },
    area: 'Redruth',
  },
  {
    key: 'lee',
    schema: 'Person',
    properties: { name: ['Lee Rowe'], alias: ['Rowey'], birthDate: ['1979-05-30'] },
    area: 'Camborne',
  },
  {
    key: 'shaun',
    schema: 'Person',
    properties: { name: ['Shaun Penrose'], birthDate: ['1984-01-09'] },
    area: 'Redruth',
  },
  {
    key: 'dawid',
    schema: 'Person',
    properties: { name: ['Dawid Wiśniewski'], birthDate: ['1991-09-17'], nationality: ['Poland'] },
    area: 'Redruth',
  },
  {
    key: 'reece',
    schema: 'Person',
    properties: { name: ['Reece Walker'], alias: ['Ghost'], birthDate: ['1993-06-25'] },
    area: 'London',
  },
  {
    key: 'tyler',
    schema: 'Person',
    properties: { name: ['Tyler Hocking'], birthDate: ['2008-02-11'] },
    area: 'Camborne',
  },
  {
    key: 'mason',
    schema: 'Person',
    properties: { name: ['Mason Jewell'], birthDate: ['2007-10-04'] },
    area: 'Redruth',
  },
  { key: 'london-line', schema: 'Phone', properties: { number: ['07700 900733'] }, area: 'London' },
  {
    key: 'flat',
    schema: 'Address',
    properties: { full: ['Flat 2, 14 Chapel Row, Camborne'], postcode: ['TR14 8AA'] },
    area: 'Camborne',
  },
  {
    key: 'house',
    schema: 'Address',
    properties: { full: ['7 Wheal Gerry Close, Camborne'], postcode: ['TR14 7BB'] },
    area: 'Camborne',
  },
  {
    key: 'carwash',
    schema: 'Premises',
    properties: { name: ['Sparkle Hand Car Wash'], premisesKind: ['car wash'], postcode: ['TR15 3CC'] },
    area: 'Redruth',
  },
  {
    key: 'pub',
    schema: 'Premises',
    properties: {
      name: ['The Miners Arms'],
      premisesKind: ['licensed premises'],
      licenceNumber: ['PL/2019/0412'],
      postcode: ['TR15 2DD'],
    },
    area: 'Redruth',
  },
  {
    key: 'business',
    schema: 'Business',
    properties: { name: ['Sparkle Valeting Ltd'], companyNumber: ['12345678'] },
    area: 'Redruth',
  },
  { key: 'deal-line', schema: 'Phone', properties: { number: ['07700 900461'] }, area: 'Camborne' },
  { key: 'kane-phone', schema: 'Phone', properties: { number: ['07700 900188'] }, area: 'Camborne' },
  {
    key: 'golf',
    schema: 'Vehicle',
    properties: { registration: ['WK19 XLT'], make: ['Volkswagen'], model: ['Golf'], colour: ['silver'] },
    area: 'Camborne',
  },
  {
    key: 'van',
    schema: 'Vehicle',
    properties: { registration: ['WF67 KPO'], make: ['Ford'], model: ['Transit'], colour: ['white'] },
    area: 'Redruth',
  },
];

interface DemoItem {
  key: string;
  body: string;
  grade: { sourceEvaluation: '1' | '2' | '3'; informationAssessment: 'A' | 'B' | 'C' | 'D' | 'E' };
  categories: string[];
  vulnerabilities?: string[];
  involves: [string, SubjectCategory | null][];
}

const ITEMS: readonly DemoItem[] = [
  {
    key: 'stop',
    body: 'Kane Pascoe stopped in silver VW Golf WK19 XLT on Chapel Row with Jordan Tremayne. £900 cash and two phones found; the deal line 07700 900461 rang during the stop.',
    grade: { sourceEvaluation: '1', informationAssessment: 'A' },
    categories: ['illegal-drugs'],
    involves: [
      ['kane', 'suspect'],
      ['jordan', 'suspect'],
      ['golf', null],
      ['deal-line', null],
    ],
  },
  {
    key: 'cuckoo',
    body: 'Lee Rowe, a vulnerable adult, is believed to have had his flat at 14 Chapel Row taken over to deal from. Young people seen arriving by train from London.',
    grade: { sourceEvaluation: '2', informationAssessment: 'B' },
    categories: ['illegal-drugs', 'modern-slavery-and-human-trafficking'],
    vulnerabilities: ['adult-at-risk', 'exploitation'],
    involves: [
      ['lee', 'victim'],
      ['flat', null],
      ['kane', 'suspect'],
    ],
  },
  {
    key: 'carwash',
    body: 'Workers at Sparkle Hand Car Wash appear to live on site and are collected in white Transit WF67 KPO. Marius Popescu is seen paying them in cash; Dawid Wiśniewski is one of the workers.',
    grade: { sourceEvaluation: '2', informationAssessment: 'C' },
    categories: ['modern-slavery-and-human-trafficking'],
    vulnerabilities: ['exploitation'],
    involves: [
      ['marius', 'suspect'],
      ['dawid', 'victim'],
      ['carwash', null],
      ['van', null],
      ['business', null],
    ],
  },
  {
    key: 'pub',
    body: 'Licensing visit: Shaun Penrose, the designated premises supervisor at The Miners Arms, was seen with Kane Pascoe in the back bar on three evenings; packages handed over.',
    grade: { sourceEvaluation: '1', informationAssessment: 'B' },
    categories: ['illegal-drugs'],
    involves: [
      ['shaun', 'suspect'],
      ['kane', 'suspect'],
      ['pub', null],
    ],
  },
  {
    key: 'runners',
    body: 'Tyler Hocking and Mason Jewell seen running deals from Flat 2, 14 Chapel Row; Jordan Tremayne collects the cash from them. Reece Walker, in London, holds the line: 07700 900733 calls the deal line every morning.',
    grade: { sourceEvaluation: '2', informationAssessment: 'B' },
    categories: ['illegal-drugs'],
    vulnerabilities: ['child-at-risk', 'exploitation'],
    involves: [
      ['tyler', 'victim'],
      ['mason', 'victim'],
      ['jordan', 'suspect'],
      ['reece', 'suspect'],
      ['london-line', null],
      ['deal-line', null],
      ['flat', null],
    ],
  },
  {
    key: 'cash',
    body: 'Shaun Penrose seen at Sparkle Hand Car Wash handing a holdall to Marius Popescu; later the pair were seen drinking together in The Miners Arms.',
    grade: { sourceEvaluation: '3', informationAssessment: 'C' },
    categories: ['illegal-drugs', 'money-laundering-and-economic-crime'],
    involves: [
      ['shaun', 'suspect'],
      ['marius', 'suspect'],
      ['van', null],
      ['pub', null],
    ],
  },
];

const LINKS: readonly [string, LinkTypeName, string, string, 'low' | 'medium' | 'high'][] = [
  ['kane', 'associate-of', 'jordan', 'stop', 'high'],
  ['kane', 'uses-vehicle', 'golf', 'stop', 'high'],
  ['kane', 'uses-phone', 'deal-line', 'stop', 'medium'],
  ['jordan', 'uses-phone', 'kane-phone', 'stop', 'low'],
  ['lee', 'lives-at', 'flat', 'cuckoo', 'high'],
  ['kane', 'visits', 'flat', 'cuckoo', 'medium'],
  ['kane', 'exploits', 'lee', 'cuckoo', 'medium'],
  ['marius', 'controls', 'carwash', 'carwash', 'medium'],
  ['marius', 'director-of', 'business', 'carwash', 'high'],
  ['business', 'operates-at', 'carwash', 'carwash', 'high'],
  ['marius', 'exploits', 'dawid', 'carwash', 'medium'],
  ['marius', 'uses-vehicle', 'van', 'carwash', 'medium'],
  ['shaun', 'employee-of', 'pub', 'pub', 'high'],
  ['shaun', 'associate-of', 'kane', 'pub', 'medium'],
  ['kane', 'visits', 'pub', 'pub', 'medium'],
  ['reece', 'uses-phone', 'london-line', 'runners', 'medium'],
  ['reece', 'associate-of', 'kane', 'runners', 'medium'],
  ['jordan', 'exploits', 'tyler', 'runners', 'medium'],
  ['jordan', 'exploits', 'mason', 'runners', 'medium'],
  ['tyler', 'uses-phone', 'deal-line', 'runners', 'medium'],
  ['mason', 'associate-of', 'tyler', 'runners', 'medium'],
  ['tyler', 'visits', 'flat', 'runners', 'medium'],
  ['shaun', 'associate-of', 'marius', 'cash', 'low'],
  ['london-line', 'calls', 'deal-line', 'runners', 'medium'],
];

/** Shared with the council's ASB team: the cuckooing item, and the people, place and links it names. */
const SHARED_WITH_ASB = {
  item: 'cuckoo',
  entities: ['kane', 'lee', 'flat'],
  links: [4, 5, 6], // lee lives at the flat, kane visits it, kane exploits lee
} as const;

/**
 * The cuckooing item, sanitised by the analyst and signed off by the supervisor (so it may be
 * shared), shared with the ASB team with the entities and links it names. Skipped when the demo
 * has no such team or users.
 */
async function shareWithAsb(
  tx: Tx,
  itemIds: ReadonlyMap<string, string>,
  entityIds: ReadonlyMap<string, string>,
  linkIds: readonly string[],
): Promise<void> {
  const asb = await tx.selectFrom('agency').select('id').where('code', '=', 'council-asb').executeTakeFirst();
  const users = await tx
    .selectFrom('app_user')
    .select(['id', 'email'])
    .where('email', 'in', ['analyst@police.demo.lantern.test', 'supervisor@police.demo.lantern.test'])
    .execute();
  const analyst = users.find((u) => u.email.startsWith('analyst@'));
  const supervisor = users.find((u) => u.email.startsWith('supervisor@'));
  const itemId = itemIds.get(SHARED_WITH_ASB.item);
  if (!asb || !analyst || !supervisor || !itemId) return;
  const now = new Date();
  await tx
    .updateTable('intelligence_item')
    .set({ sanitised_by: analyst.id, sanitised_at: now, signed_off_by: supervisor.id, signed_off_at: now })
    .where('id', '=', itemId)
    .execute();
  const shares: { type: 'intelligence-item' | 'entity' | 'link'; recordId: string | undefined }[] = [
    { type: 'intelligence-item', recordId: itemId },
    ...SHARED_WITH_ASB.entities.map((key) => ({ type: 'entity' as const, recordId: entityIds.get(key) })),
    ...SHARED_WITH_ASB.links.map((index) => ({ type: 'link' as const, recordId: linkIds[index] })),
  ];
  for (const { type, recordId } of shares) {
    if (!recordId) throw new Error(`Demo data shares a ${type} it does not define`);
    await shareRecord(tx, { type, recordId, agencyId: asb.id, sharedBy: supervisor.id });
  }
}

/** Loads the demo intelligence for the police public protection unit, once. */
export async function loadDemoIntelligence(
  tx: Tx,
  policeAgencyId: string,
  hubAgencyId: string | null,
): Promise<void> {
  const already = await tx
    .selectFrom('entity')
    .select('id')
    .where('source_key', 'like', 'demo:%')
    .executeTakeFirst();
  if (already) return;
  const marking: Marking = {
    classification: 'OFFICIAL-SENSITIVE',
    handlingCode: 'P',
    handlingConditions: null,
    owningAgencyId: policeAgencyId,
    accessListId: null,
  };
  const entityIds = new Map<string, string>();
  const idOf = (ids: Map<string, string>, key: string): string => {
    const id = ids.get(key);
    if (!id) throw new Error(`Demo data names ${key}, which it does not define`);
    return id;
  };
  for (const entity of ENTITIES) {
    const checked = checkProperties(entity.schema, entity.properties);
    if (!checked.ok) throw new Error(`Demo entity ${entity.key}: ${JSON.stringify(checked.errors)}`);
    entityIds.set(
      entity.key,
      await insertEntity(
        tx,
        {
          schema: entity.schema,
          properties: checked.properties,
          area: entity.area,
          sourceKey: `demo:${entity.key}`,
          createdBy: null,
        },
        marking,
      ),
    );
  }
  const itemIds = new Map<string, string>();
  for (const item of ITEMS) {
    const { id } = await insertItem(
      tx,
      {
        sourceType: 'partner-officer',
        sourceDescription: 'Police public protection unit officer',
        body: item.body,
        categories: item.categories,
        vulnerabilities: item.vulnerabilities ?? [],
        area: 'Camborne and Redruth',
        grade: item.grade,
        createdBy: null,
      },
      marking,
      { accessListId: PUBLIC_REPORT_EVIDENCE_LIST, conditions: 'Original officer notes: police only' },
    );
    itemIds.set(item.key, id);
    for (const [entityKey, category] of item.involves) {
      await addInvolvement(tx, {
        itemId: id,
        entityId: idOf(entityIds, entityKey),
        subjectCategory: category,
        addedBy: null,
      });
    }
  }
  const linkIds: string[] = [];
  for (const [from, type, to, itemKey, confidence] of LINKS) {
    linkIds.push(
      await insertLink(
        tx,
        {
          type,
          fromEntityId: idOf(entityIds, from),
          toEntityId: idOf(entityIds, to),
          confidence,
          createdBy: null,
        },
        [idOf(itemIds, itemKey)],
        marking,
      ),
    );
  }
  await shareWithAsb(tx, itemIds, entityIds, linkIds);
  // The police public protection unit triages public reports with the hub: it may
  // open the originals kept for evidence, and the hub shares its inbox with it.
  await tx
    .insertInto('access_list_member')
    .values({ access_list_id: PUBLIC_REPORT_EVIDENCE_LIST, user_id: null, agency_id: policeAgencyId })
    .onConflict((oc) => oc.doNothing())
    .execute();
  if (hubAgencyId) {
    for (const recordType of ['intelligence-item', 'intelligence-original']) {
      await tx
        .insertInto('sharing_rule')
        .values({ owner_agency_id: hubAgencyId, partner_agency_id: policeAgencyId, record_type: recordType })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }
  await writeAuditEntry(
    tx,
    {
      actor: { kind: 'system', name: 'demo-data' },
      requestId: null,
      purpose: null,
      justification: null,
      written: 0,
    },
    {
      action: 'collection',
      event: 'demo.intelligence',
      recordType: 'entity',
      recordIds: [...entityIds.values(), ...itemIds.values(), ...linkIds],
    },
  );
}
