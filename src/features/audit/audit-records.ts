/** Audit entries as records the access policy governs (read by information governance only). */
import { sql } from 'kysely';
import { visibleSql } from '../access/policy.js';
import { countRows, likePattern, type RecordSource } from '../access/records.js';

const COLUMNS = [
  'e.seq',
  'e.occurred_at',
  'e.actor_user_id',
  'e.actor_agency_id',
  'e.action',
  'e.event',
  'e.record_type',
  'e.record_ids',
  'e.purpose',
] as const;

/** Entries are numbered, not uuid'd: the API names one by a uuid-shaped id from its sequence number. */
export function auditEntryId(seq: number): string {
  return `00000000-0000-4000-8000-${seq.toString(16).padStart(12, '0')}`;
}

function seqOf(id: string): number | null {
  const match = /^00000000-0000-4000-8000-([0-9a-f]{12})$/.exec(id);
  return match?.[1] ? Number.parseInt(match[1], 16) : null;
}

export const auditEntryRecords: RecordSource = {
  type: 'audit-entry',
  async list(q, viewer, action, { search, limit }) {
    let query = q
      .selectFrom('audit_entry as e')
      .select(COLUMNS)
      .where(visibleSql(viewer, action, 'audit-entry', 'e'));
    if (search) query = query.where('e.event', 'ilike', likePattern(search));
    const rows = await query.orderBy('e.seq', 'desc').limit(limit).execute();
    return rows.map((row) => ({ id: auditEntryId(row.seq), marking: null, fields: { ...row } }));
  },
  async count(q, viewer, { search, cap }) {
    let query = q
      .selectFrom('audit_entry as e')
      .select(sql`1`.as('one'))
      .where(visibleSql(viewer, 'count', 'audit-entry', 'e'));
    if (search) query = query.where('e.event', 'ilike', likePattern(search));
    return countRows(q, cap === undefined ? query : query.limit(cap));
  },
  async load(q, id) {
    const seq = seqOf(id);
    if (seq === null) return undefined;
    const row = await q
      .selectFrom('audit_entry as e')
      .select(COLUMNS)
      .where('e.seq', '=', seq)
      .executeTakeFirst();
    return row && { id, marking: null, fields: { ...row } };
  },
};
