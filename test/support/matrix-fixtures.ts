/**
 * The records the access matrix and the ID-swap test look at: three agencies (an owner, a partner
 * the owner shares public reports with, and an outsider), and records of every type.
 */
import type { TestApp } from './app.js';

export interface FixtureRecord {
  type: 'public-report' | 'user' | 'agency' | 'sharing-rule' | 'audit-entry';
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

  return {
    agencyCodes,
    agencyIds,
    records,
    types: ['agency', 'user', 'sharing-rule', 'audit-entry'],
    searchTerms: {
      agency: MATRIX_TOKEN,
      user: MATRIX_TOKEN,
      'sharing-rule': 'public',
      'audit-entry': 'matrix',
      'public-report': MATRIX_TOKEN,
    },
  };
}
