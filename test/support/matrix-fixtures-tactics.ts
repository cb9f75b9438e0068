/**
 * Tactics in the access matrix: unmarked reference data that every role with workspace:view may
 * read, list, search and count, and nobody may export through the records API. Two fixtures: one
 * in use, one retired (retiring a tactic does not hide it from the policy).
 */
import type { TestApp } from './app.js';
import type { FixtureRecord } from './matrix-fixtures.js';

export async function tacticFixtures(app: TestApp, token: string, records: FixtureRecord[]): Promise<void> {
  const db = app.lantern.database.db;
  for (const retired of [false, true]) {
    const row = await db
      .insertInto('tactic')
      .values({
        key: `matrix-tactic-${retired ? 'retired' : 'active'}`,
        name: `${token} tactic ${retired ? 'retired' : 'in use'}`,
        strand: 'pursue',
        lifestyle_area: 'business',
        agency_kind: 'Matrix agency',
        description: 'A tactic for the access matrix',
        legal_basis: 'None: a fixture',
        requirements: 'None',
        typical_impact: 'None',
        who_can_help: 'Nobody',
        suggested_for: ['premises'],
        source: 'https://www.legislation.gov.uk/',
        verified_on: '2026-11-23',
        retired,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    records.push({
      type: 'tactic',
      id: row.id,
      label: `tactic ${retired ? 'retired' : 'in use'}`,
      marking: null,
    });
  }
}
