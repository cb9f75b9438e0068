/**
 * Every read behind the audit pages, in one place. Each takes the transaction it runs in, so the
 * route can write its own audit entry in the same one (fail-closed: no entry, no data).
 *
 * What these return is the log itself and the names of the staff it names, never the records it
 * points at: an entry's `detail` is read only for the audit pages' own events,
 * whose detail is a filter or a stated reason, because other features' detail may quote records.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Queryable } from '../../db/database.js';
import type { AuditFilter } from './filters.js';

export interface AuditRow {
  seq: number;
  occurredAt: Date;
  actorKind: string;
  actorUserId: string | null;
  actorName: string | null;
  actorAgencyId: string | null;
  actorAgencyName: string | null;
  action: string;
  event: string;
  purpose: string | null;
  justification: string | null;
  recordType: string | null;
  recordIds: string[];
  recipients: string | null;
  requestId: string | null;
  /** Only for the audit pages' own events (`audit.*`); null for everything else. */
  auditDetail: unknown;
}

/** The first instant after a UTC day: filters include the whole of their last day. */
function dayAfter(day: string): Date {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date;
}

function filtered(q: Queryable, filter: AuditFilter) {
  return q.selectFrom('audit_entry as e').where((eb) => {
    const conditions: Expression<SqlBool>[] = [];
    if (filter.userId) conditions.push(eb('e.actor_user_id', '=', filter.userId));
    if (filter.userEmail) {
      conditions.push(
        eb(
          'e.actor_user_id',
          'in',
          eb.selectFrom('app_user').select('app_user.id').where('app_user.email', '=', filter.userEmail),
        ),
      );
    }
    if (filter.agencyId) conditions.push(eb('e.actor_agency_id', '=', filter.agencyId));
    if (filter.from) conditions.push(eb('e.occurred_at', '>=', new Date(`${filter.from}T00:00:00Z`)));
    if (filter.to) conditions.push(eb('e.occurred_at', '<', dayAfter(filter.to)));
    if (filter.recordId) {
      // Through the record index, not by scanning every entry's id list.
      conditions.push(
        eb(
          'e.seq',
          'in',
          eb
            .selectFrom('audit_entry_record as r')
            .select('r.audit_seq')
            .where('r.record_id', '=', filter.recordId),
        ),
      );
    }
    if (filter.action) conditions.push(eb('e.action', '=', filter.action));
    if (filter.event) conditions.push(eb('e.event', '=', filter.event));
    return eb.and(conditions);
  });
}

export async function countEntries(q: Queryable, filter: AuditFilter): Promise<number> {
  const row = await filtered(q, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Newest first. */
export async function listEntries(
  q: Queryable,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<AuditRow[]> {
  const rows = await filtered(q, filter)
    .leftJoin('app_user as u', 'u.id', 'e.actor_user_id')
    .leftJoin('agency as a', 'a.id', 'e.actor_agency_id')
    .select([
      'e.seq',
      'e.occurred_at',
      'e.actor_kind',
      'e.actor_user_id',
      'u.display_name',
      'e.actor_agency_id',
      'a.name as agency_name',
      'e.action',
      'e.event',
      'e.purpose',
      'e.justification',
      'e.record_type',
      'e.record_ids',
      'e.recipients',
      'e.request_id',
      sql`case when e.event like 'audit.%' then e.detail end`.as('audit_detail'),
    ])
    .orderBy('e.seq', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((row) => ({
    seq: row.seq,
    occurredAt: row.occurred_at,
    actorKind: row.actor_kind,
    actorUserId: row.actor_user_id,
    actorName: row.display_name,
    actorAgencyId: row.actor_agency_id,
    actorAgencyName: row.agency_name,
    action: row.action,
    event: row.event,
    purpose: row.purpose,
    justification: row.justification,
    recordType: row.record_type,
    recordIds: row.record_ids,
    recipients: row.recipients,
    requestId: row.request_id,
    auditDetail: row.audit_detail,
  }));
}

/** The staff whose actions a set of rows shows: what a consultation of the log has seen. */
export function actorsShown(rows: readonly AuditRow[]): string[] {
  return [...new Set(rows.flatMap((row) => (row.actorUserId ? [row.actorUserId] : [])))];
}

/** Agencies for the filter's list: names only, which are not personal data. */
export async function agencyChoices(
  q: Queryable,
): Promise<{ id: string; name: string; organisation: string }[]> {
  return q
    .selectFrom('agency as a')
    .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select(['a.id', 'a.name', 'o.name as organisation'])
    .orderBy('o.name')
    .orderBy('a.name')
    .execute();
}

/** The record types the log has recorded for an id: all the auditor may learn of it unresolved. */
export async function recordTypesOf(q: Queryable, recordId: string): Promise<string[]> {
  const rows = await q
    .selectFrom('audit_entry_record as r')
    .innerJoin('audit_entry as e', 'e.seq', 'r.audit_seq')
    .select('e.record_type')
    .distinct()
    .where('r.record_id', '=', recordId)
    .where('e.record_type', 'is not', null)
    .execute();
  return rows.flatMap((row) => (row.record_type ? [row.record_type] : [])).sort();
}

export async function userDisplayName(q: Queryable, id: string): Promise<string | null> {
  const row = await q
    .selectFrom('app_user as u')
    .innerJoin('agency as a', 'a.id', 'u.agency_id')
    .select(['u.display_name', 'u.email', 'a.name as agency_name'])
    .where('u.id', '=', id)
    .executeTakeFirst();
  return row ? `${row.display_name} (${row.email}), ${row.agency_name}` : null;
}

export async function agencyDisplayName(q: Queryable, id: string): Promise<string | null> {
  const row = await q
    .selectFrom('agency as a')
    .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select(['a.name', 'o.name as organisation'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  return row ? `${row.name} (${row.organisation})` : null;
}
