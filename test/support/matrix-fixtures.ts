/**
 * The records the access matrix and the ID-swap test look at: three agencies (an owner, a partner
 * the owner shares public reports with, and an outsider), and records of every type.
 */
import { createHash } from 'node:crypto';
import type { Marking } from '../../src/features/access/markings.js';
import {
  addInvolvement,
  insertEntity,
  insertItem,
  insertLink,
  markingForChild,
} from '../../src/features/intelligence/queries.js';
import { shareRecord } from '../../src/features/access/shares.js';
import type { TestApp } from './app.js';
import { groupFixtures } from './matrix-fixtures-groups.js';
import { planFixtures } from './matrix-fixtures-plans.js';
import { tacticFixtures } from './matrix-fixtures-tactics.js';

type AgencyName = 'owner' | 'partner' | 'outsider';

export interface FixtureRecord {
  type:
    | 'public-report'
    | 'public-report-file'
    | 'user'
    | 'agency'
    | 'sharing-rule'
    | 'audit-entry'
    | 'intelligence-item'
    | 'intelligence-original'
    | 'entity'
    | 'link'
    | 'involvement'
    | 'ocg'
    | 'ocg-member'
    | 'ocg-assessment'
    | 'scoring-model'
    | 'plan'
    | 'plan-action'
    | 'disruption-impact'
    | 'safeguarding-referral'
    | 'tactic';
  id: string;
  label: string;
  marking: {
    classification: 'OFFICIAL' | 'OFFICIAL-SENSITIVE';
    handlingCode: 'P' | 'C';
    owner: AgencyName;
    /** The agencies a named access list admits, or null for no list. */
    accessList: AgencyName[] | null;
    /** Agencies this one record was shared with (record_share), beyond the sharing rules. */
    sharedWith?: AgencyName[];
  } | null;
  /** A victim's involvement: needs victims:read as well. */
  victim?: boolean;
  /** Records that must be visible too for this one to be (a link's ends, an involvement's person). */
  reveals?: FixtureRecord[];
  /** Records supporting this one (a link's items): at least one must be visible too. */
  supportedBy?: FixtureRecord[];
}

export interface MatrixFixtures {
  agencyCodes: Record<'owner' | 'partner' | 'outsider', string>;
  agencyIds: Record<'owner' | 'partner' | 'outsider', string>;
  records: FixtureRecord[];
  types: FixtureRecord['type'][];
  searchTerms: Record<FixtureRecord['type'], string>;
}

export const MATRIX_TOKEN = 'matrixfixture';

export async function matrixFixtures(app: TestApp): Promise<MatrixFixtures> {
  const { accounts } = app.lantern.services;
  const db = app.lantern.database.db;
  const agencyCodes = {
    owner: 'matrix-owner',
    partner: 'matrix-partner',
    outsider: 'matrix-outsider',
  } as const;
  const agencyIds = {} as Record<'owner' | 'partner' | 'outsider', string>;
  const records: FixtureRecord[] = [];
  for (const [name, code] of Object.entries(agencyCodes) as ['owner' | 'partner' | 'outsider', string][]) {
    agencyIds[name] = await accounts.createAgency({
      code,
      name: `Matrixfixture ${name}`,
      organisation: 'Matrix',
      kind: 'council',
    });
    records.push({ type: 'agency', id: agencyIds[name], label: `agency ${name}`, marking: null });
    const user = await accounts.createUser({
      email: `${MATRIX_TOKEN}-${name}@matrix.example`,
      displayName: `Matrixfixture ${name}`,
      agencyCode: code,
      roles: ['council-officer'],
    });
    records.push({ type: 'user', id: user.id, label: `user in ${name}`, marking: null });
  }
  const rule = await db
    .insertInto('sharing_rule')
    .values({
      owner_agency_id: agencyIds.owner,
      partner_agency_id: agencyIds.partner,
      record_type: 'public-report',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  records.push({ type: 'sharing-rule', id: rule.id, label: 'sharing rule owner→partner', marking: null });
  const fileRule = await db
    .insertInto('sharing_rule')
    .values({
      owner_agency_id: agencyIds.owner,
      partner_agency_id: agencyIds.partner,
      record_type: 'public-report-file',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  records.push({
    type: 'sharing-rule',
    id: fileRule.id,
    label: 'sharing rule owner→partner for files',
    marking: null,
  });
  // Public reports in every marking combination: owned by the owner (shared with the partner) or
  // by the outsider (shared with nobody), each classification, each handling code, and no access
  // list, a list admitting the owner agency, or a list admitting only the partner agency.
  const lists = {
    owner: await accessList(app, 'matrix list: owner agency', agencyIds.owner),
    partner: await accessList(app, 'matrix list: partner agency', agencyIds.partner),
  };
  let n = 0;
  for (const owner of ['owner', 'outsider'] as const) {
    for (const classification of ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const) {
      for (const handlingCode of ['P', 'C'] as const) {
        for (const list of [null, 'owner', 'partner'] as const) {
          n += 1;
          const report = await db
            .insertInto('public_report')
            .values({
              lookup_id: `MTX${String(n).padStart(5, '0')}`,
              secret_hash: '$argon2id$v=19$m=19456,t=2,p=1$matrixfixture$notarealhash',
              category: 'not-sure',
              what: `${MATRIX_TOKEN} report ${n}`,
              classification,
              handling_code: handlingCode,
              handling_conditions: handlingCode === 'C' ? 'Do not disclose outside the partnership' : null,
              owning_agency_id: agencyIds[owner],
              access_list_id: list ? lists[list] : null,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          records.push({
            type: 'public-report',
            id: report.id,
            label: `report owned by ${owner}, ${classification}, ${handlingCode}, list ${list ?? 'none'}`,
            marking: { classification, handlingCode, owner, accessList: list ? [list] : null },
          });
        }
      }
    }
  }

  // Files: for one report of each owner, an original under a list admitting only the owner agency
  // (as evidence originals are kept) and a sanitised copy with no list.
  for (const owner of ['owner', 'outsider'] as const) {
    const report = records.find(
      (r) => r.type === 'public-report' && r.marking?.owner === owner && r.marking.accessList === null,
    )!;
    const original = await insertFile(app, report.id, 'original', null, agencyIds[owner], lists.owner);
    records.push({
      type: 'public-report-file',
      id: original,
      label: `original file of a report owned by ${owner}`,
      marking: { classification: 'OFFICIAL-SENSITIVE', handlingCode: 'C', owner, accessList: ['owner'] },
    });
    const copy = await insertFile(app, report.id, 'sanitised', original, agencyIds[owner], null);
    records.push({
      type: 'public-report-file',
      id: copy,
      label: `sanitised file of a report owned by ${owner}`,
      marking: { classification: 'OFFICIAL-SENSITIVE', handlingCode: 'C', owner, accessList: null },
    });
  }

  await intelligenceFixtures(app, agencyIds, lists, records);
  await groupFixtures(app, agencyIds, lists, records);
  await planFixtures(app, agencyIds, lists, records);
  await tacticFixtures(app, MATRIX_TOKEN, records);

  return {
    agencyCodes,
    agencyIds,
    records,
    types: [
      'public-report',
      'public-report-file',
      'agency',
      'user',
      'sharing-rule',
      'audit-entry',
      'intelligence-item',
      'intelligence-original',
      'entity',
      'link',
      'involvement',
      'ocg',
      'ocg-member',
      'ocg-assessment',
      'scoring-model',
      'plan',
      'plan-action',
      'disruption-impact',
      'safeguarding-referral',
      'tactic',
    ],
    searchTerms: {
      'public-report-file': 'jpeg',
      agency: MATRIX_TOKEN,
      user: MATRIX_TOKEN,
      'sharing-rule': 'public',
      'audit-entry': 'matrix',
      'public-report': MATRIX_TOKEN,
      'intelligence-item': MATRIX_TOKEN,
      'intelligence-original': MATRIX_TOKEN,
      entity: MATRIX_TOKEN,
      link: 'associate',
      // Both 'victim' and 'suspect' contain a c.
      involvement: 'c',
      ocg: MATRIX_TOKEN,
      // Both 'principal' and 'peripheral' contain a p.
      'ocg-member': 'p',
      'ocg-assessment': 'band',
      'scoring-model': MATRIX_TOKEN,
      plan: MATRIX_TOKEN,
      'plan-action': MATRIX_TOKEN,
      'disruption-impact': MATRIX_TOKEN,
      'safeguarding-referral': MATRIX_TOKEN,
      tactic: MATRIX_TOKEN,
    },
  };
}

/**
 * Intelligence in every marking combination, shared owner → partner by sharing rules for every
 * intelligence type; plus records the outsider shared one at a time with the partner (an item
 * after sign-off, an entity), a child (need-to-know), links whose ends differ in visibility, and
 * involvements of a suspect and a victim.
 */
async function intelligenceFixtures(
  app: TestApp,
  agencyIds: Record<AgencyName, string>,
  lists: Record<'owner' | 'partner', string>,
  records: FixtureRecord[],
): Promise<void> {
  const { database } = app.lantern;
  for (const type of ['intelligence-item', 'intelligence-original', 'entity', 'link']) {
    await database.db
      .insertInto('sharing_rule')
      .values({ owner_agency_id: agencyIds.owner, partner_agency_id: agencyIds.partner, record_type: type })
      .execute();
  }
  const outsiderList = await accessList(app, 'matrix list: outsider agency', agencyIds.outsider);
  const [author, signer] = await database.db
    .selectFrom('app_user')
    .select('id')
    .where('email', 'like', `${MATRIX_TOKEN}-%`)
    .orderBy('email')
    .execute();
  const authorId = author!.id;
  const marking = (m: NonNullable<FixtureRecord['marking']>): Marking => ({
    classification: m.classification,
    handlingCode: m.handlingCode,
    handlingConditions: m.handlingCode === 'C' ? 'Do not disclose outside the partnership' : null,
    owningAgencyId: agencyIds[m.owner],
    accessListId: m.accessList ? lists[m.accessList[0] as 'owner' | 'partner'] : null,
  });
  const itemsByOwner: Record<string, FixtureRecord> = {};
  /** An OFFICIAL item with no list, owned by the owner: visible to more viewers than the above. */
  let openOwnerItem: FixtureRecord | undefined;
  let n = 0;
  for (const owner of ['owner', 'outsider'] as const) {
    for (const classification of ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const) {
      for (const handlingCode of ['P', 'C'] as const) {
        for (const list of [null, 'owner', 'partner'] as const) {
          n += 1;
          const m = { classification, handlingCode, owner, accessList: list ? [list] : null };
          const item = await database.transaction((tx) =>
            insertItem(
              tx,
              {
                sourceType: 'partner-officer',
                sourceDescription: 'Matrix',
                body: `${MATRIX_TOKEN} item ${n}`,
                createdBy: authorId,
              },
              marking(m),
              { accessListId: owner === 'owner' ? lists.owner : outsiderList, conditions: 'Original words' },
            ),
          );
          const label = `item owned by ${owner}, ${classification}, ${handlingCode}, list ${list ?? 'none'}`;
          const itemRecord: FixtureRecord = { type: 'intelligence-item', id: item.id, label, marking: m };
          records.push(itemRecord);
          records.push({
            type: 'intelligence-original',
            id: item.id,
            label: `original of ${label}`,
            marking: { classification: 'OFFICIAL-SENSITIVE', handlingCode: 'C', owner, accessList: [owner] },
          });
          if (classification === 'OFFICIAL-SENSITIVE' && handlingCode === 'P' && !list)
            itemsByOwner[owner] = itemRecord;
          if (owner === 'owner' && classification === 'OFFICIAL' && handlingCode === 'P' && !list)
            openOwnerItem = itemRecord;
        }
      }
    }
  }
  // The outsider signs off one item and shares it with the partner, one record at a time.
  const sharedItem = records.find(
    (r) =>
      r.type === 'intelligence-item' &&
      r.marking?.owner === 'outsider' &&
      r.marking.classification === 'OFFICIAL' &&
      r.marking.handlingCode === 'P' &&
      !r.marking.accessList,
  )!;
  await database.db
    .updateTable('intelligence_item')
    .set({
      sanitised_by: authorId,
      sanitised_at: new Date(),
      signed_off_by: signer!.id,
      signed_off_at: new Date(),
    })
    .where('id', '=', sharedItem.id)
    .execute();
  await database.transaction((tx) =>
    shareRecord(tx, {
      type: 'intelligence-item',
      recordId: sharedItem.id,
      agencyId: agencyIds.partner,
      sharedBy: authorId,
    }),
  );
  sharedItem.marking!.sharedWith = ['partner'];
  sharedItem.label += ', shared one by one with partner';

  const entity = async (
    m: NonNullable<FixtureRecord['marking']>,
    name: string,
    options: { child?: boolean } = {},
  ) => {
    const id = await database.transaction(async (tx) => {
      const base = marking(m);
      const finalMarking = options.child ? await markingForChild(tx, base, authorId) : base;
      return insertEntity(
        tx,
        {
          schema: 'Person',
          properties: { name: [`${MATRIX_TOKEN} ${name}`] },
          child: options.child ?? false,
          createdBy: authorId,
        },
        finalMarking,
      );
    });
    const record: FixtureRecord = { type: 'entity', id, label: `entity ${name}`, marking: m };
    records.push(record);
    return record;
  };
  const entities: Record<string, FixtureRecord> = {};
  for (const owner of ['owner', 'outsider'] as const) {
    for (const classification of ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const) {
      for (const list of [null, 'partner'] as const) {
        const name = `${owner} ${classification} list ${list ?? 'none'}`;
        entities[name] = await entity(
          { classification, handlingCode: 'P', owner, accessList: list ? [list] : null },
          name,
        );
      }
    }
  }
  // A child: OFFICIAL-SENSITIVE on a list holding its author and the owning agency.
  await entity(
    { classification: 'OFFICIAL-SENSITIVE', handlingCode: 'P', owner: 'owner', accessList: ['owner'] },
    'owner child',
    { child: true },
  );
  const sharedEntity = entities['outsider OFFICIAL list none']!;
  await database.transaction((tx) =>
    shareRecord(tx, {
      type: 'entity',
      recordId: sharedEntity.id,
      agencyId: agencyIds.partner,
      sharedBy: authorId,
    }),
  );
  sharedEntity.marking!.sharedWith = ['partner'];
  sharedEntity.label += ', shared one by one with partner';

  const link = async (
    from: FixtureRecord,
    to: FixtureRecord,
    m: NonNullable<FixtureRecord['marking']>,
    supportedBy: FixtureRecord[],
  ) => {
    const id = await database.transaction((tx) =>
      insertLink(
        tx,
        {
          type: 'associate-of',
          fromEntityId: from.id,
          toEntityId: to.id,
          confidence: 'high',
          createdBy: authorId,
        },
        supportedBy.map((item) => item.id),
        marking(m),
      ),
    );
    records.push({
      type: 'link',
      id,
      label: `link ${from.label} → ${to.label} (${m.owner}, ${m.classification}, ${supportedBy.length} items)`,
      marking: m,
      reveals: [from, to],
      supportedBy,
    });
  };
  const own = { classification: 'OFFICIAL', handlingCode: 'P', owner: 'owner', accessList: null } as const;
  await link(entities['owner OFFICIAL list none']!, entities['owner OFFICIAL-SENSITIVE list none']!, own, [
    itemsByOwner.owner!,
  ]);
  // The same ends, supported by an OFFICIAL item as well: visible to OFFICIAL viewers through it.
  await link(entities['owner OFFICIAL list none']!, entities['owner OFFICIAL-SENSITIVE list none']!, own, [
    itemsByOwner.owner!,
    openOwnerItem!,
  ]);
  // Visible link, but one end is on the partner's list: hidden from the owner's own viewers.
  await link(entities['owner OFFICIAL list none']!, entities['owner OFFICIAL list partner']!, own, [
    itemsByOwner.owner!,
  ]);
  await link(
    entities['outsider OFFICIAL list none']!,
    entities['outsider OFFICIAL-SENSITIVE list none']!,
    { ...own, owner: 'outsider' },
    [itemsByOwner.outsider!],
  );

  const involvement = async (itemId: string, person: FixtureRecord, category: 'suspect' | 'victim') => {
    await database.transaction((tx) =>
      addInvolvement(tx, { itemId, entityId: person.id, subjectCategory: category, addedBy: authorId }),
    );
    const row = await database.db
      .selectFrom('item_entity')
      .select('id')
      .where('item_id', '=', itemId)
      .where('entity_id', '=', person.id)
      .executeTakeFirstOrThrow();
    const item = records.find((r) => r.type === 'intelligence-item' && r.id === itemId)!;
    records.push({
      type: 'involvement',
      id: row.id,
      label: `${category} ${person.label} in ${item.label}`,
      marking: item.marking,
      victim: category === 'victim',
      reveals: [person],
    });
  };
  await involvement(itemsByOwner.owner!.id, entities['owner OFFICIAL list none']!, 'suspect');
  await involvement(itemsByOwner.owner!.id, entities['owner OFFICIAL-SENSITIVE list none']!, 'victim');
  await involvement(itemsByOwner.outsider!.id, entities['outsider OFFICIAL list none']!, 'suspect');
  await involvement(sharedItem.id, entities['outsider OFFICIAL list none']!, 'victim');
}

async function accessList(app: TestApp, description: string, agencyId: string): Promise<string> {
  const db = app.lantern.database.db;
  const list = await db
    .insertInto('access_list')
    .values({ description })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('access_list_member')
    .values({ access_list_id: list.id, agency_id: agencyId })
    .execute();
  return list.id;
}

async function insertFile(
  app: TestApp,
  reportId: string,
  variant: 'original' | 'sanitised',
  originalId: string | null,
  owningAgencyId: string,
  accessListId: string | null,
): Promise<string> {
  const content = Buffer.from(`${variant} bytes of ${reportId}`);
  const row = await app.lantern.database.db
    .insertInto('public_report_file')
    .values({
      report_id: reportId,
      variant,
      original_id: originalId,
      media_type: 'image/jpeg',
      byte_size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      classification: 'OFFICIAL-SENSITIVE',
      handling_code: 'C',
      handling_conditions: 'Do not disclose outside the partnership',
      owning_agency_id: owningAgencyId,
      access_list_id: accessListId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
