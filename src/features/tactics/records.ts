/**
 * Tactics as the access policy sees them: unmarked reference data (like agencies), readable with
 * workspace:view through the records API and the access matrix; and their names for the audit
 * pages, where the coordinator's changes are recorded.
 */
import { sql } from 'kysely';
import type { RecordNames } from '../audit/record-names.js';
import { visibleSql } from '../access/policy.js';
import { countRows, likePattern, type RecordSource } from '../access/records.js';

const COLUMNS = [
  't.id',
  't.key',
  't.name',
  't.strand',
  't.lifestyle_area',
  't.agency_kind',
  't.retired',
] as const;

export const tacticRecords: RecordSource = {
  type: 'tactic',
  async list(q, viewer, action, { search, limit }) {
    let query = q
      .selectFrom('tactic as t')
      .select([...COLUMNS])
      .where(visibleSql(viewer, action, 'tactic', 't'));
    if (search) query = query.where('t.name', 'ilike', likePattern(search));
    const rows = await query.orderBy('t.key').limit(limit).execute();
    return rows.map((row) => ({ id: row.id, marking: null, fields: { ...row } }));
  },
  async count(q, viewer, { search, cap }) {
    let query = q
      .selectFrom('tactic as t')
      .select(sql`1`.as('one'))
      .where(visibleSql(viewer, 'count', 'tactic', 't'));
    if (search) query = query.where('t.name', 'ilike', likePattern(search));
    return countRows(q, cap === undefined ? query : query.limit(cap));
  },
  async load(q, id) {
    const row = await q
      .selectFrom('tactic as t')
      .select([...COLUMNS])
      .where('t.id', '=', id)
      .executeTakeFirst();
    return row && { id: row.id, marking: null, fields: { ...row } };
  },
};

export function registerTacticNames(names: RecordNames): void {
  names.register('tactic', {
    label: 'Tactic',
    displayName: async (q, id) => {
      const row = await q
        .selectFrom('tactic')
        .select(['name', 'key'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? `${row.name} (${row.key})` : null;
    },
  });
}
