/**
 * The records the access matrix and the ID-swap test look at: three agencies (an owner, a partner
 * the owner shares public reports with, and an outsider), and records of every type.
 */
import { createHash } from 'node:crypto';
import type { TestApp } from './app.js';

export interface FixtureRecord {
  type: 'public-report' | 'public-report-file' | 'user' | 'agency' | 'sharing-rule' | 'audit-entry';
  id: string;
  label: string;
  marking: {
    classification: 'OFFICIAL' | 'OFFICIAL-SENSITIVE';
    handlingCode: 'P' | 'C';
    owner: 'owner' | 'partner' | 'outsider';
    /** The agencies a named access list admits, or null for no list. */
    accessList: ('owner' | 'partner' | 'outsider')[] | null;
  } | null;
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
  // (as evidence originals are kept, DECISIONS 8) and a sanitised copy with no list.
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

  return {
    agencyCodes,
    agencyIds,
    records,
    types: ['public-report', 'public-report-file', 'agency', 'user', 'sharing-rule', 'audit-entry'],
    searchTerms: {
      'public-report-file': 'jpeg',
      agency: MATRIX_TOKEN,
      user: MATRIX_TOKEN,
      'sharing-rule': 'public',
      'audit-entry': 'matrix',
      'public-report': MATRIX_TOKEN,
    },
  };
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
