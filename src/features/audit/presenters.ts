/** Shapes audit rows for the pages and the CSV: wording, UTC times, and links between them. */
import { isPurpose, PURPOSES } from './audit-log.js';
import { canonicalJson } from './audit-log.js';
import { filterQuery, PAGE_SIZE } from './filters.js';
import type { AuditRow } from './queries.js';
import type { RecordNames } from './record-names.js';

export interface EntryView {
  seq: number;
  /** ISO 8601, UTC, for <time datetime>. */
  iso: string;
  /** '2026-11-23 09:00:00', UTC. */
  time: string;
  actor: { kind: string; name: string; agency: string | null; userId: string | null };
  action: string;
  event: string;
  purpose: string | null;
  justification: string | null;
  /** The audit pages' own detail (filter, reason), worded; null for other events. */
  note: string | null;
  recordType: string | null;
  recordIds: string[];
  recipients: string | null;
  requestId: string | null;
}

export function utcTime(date: Date): string {
  return date.toISOString().replace('T', ' ').slice(0, 19);
}

function actorName(row: AuditRow): string {
  if (row.actorKind === 'public') return 'Member of the public';
  if (row.actorKind === 'system') return 'Lantern (system)';
  return row.actorName ?? `Unknown user ${row.actorUserId ?? ''}`.trim();
}

function purposeName(purpose: string | null): string | null {
  if (purpose === null) return null;
  return isPurpose(purpose) ? PURPOSES[purpose] : purpose;
}

const FILTER_WORDS: Record<string, string> = {
  userId: 'user',
  userEmail: 'user',
  agencyId: 'agency',
  from: 'from',
  to: 'to',
  recordId: 'record',
  action: 'action',
  event: 'event',
};

/** One line for the audit pages' own entries: the filter used, the rows shown, a reason given. */
export function describeAuditDetail(detail: unknown): string | null {
  if (typeof detail !== 'object' || detail === null) return null;
  const { filter, rows, reason } = detail as { filter?: unknown; rows?: unknown; reason?: unknown };
  const parts: string[] = [];
  if (typeof reason === 'string') parts.push(`Reason: ${reason}`);
  if (typeof filter === 'object' && filter !== null) {
    const used = Object.entries(filter as Record<string, unknown>)
      .filter(([, value]) => typeof value === 'string')
      .map(([key, value]) => `${FILTER_WORDS[key] ?? key} ${String(value)}`);
    parts.push(used.length ? `Filter: ${used.join(', ')}` : 'No filter');
  }
  if (typeof rows === 'number') parts.push(`${rows} ${rows === 1 ? 'entry' : 'entries'}`);
  return parts.length ? parts.join('. ') : null;
}

export function entryView(row: AuditRow, names: Pick<RecordNames, 'labelOf'>): EntryView {
  return {
    seq: row.seq,
    iso: row.occurredAt.toISOString(),
    time: utcTime(row.occurredAt),
    actor: {
      kind: row.actorKind,
      name: actorName(row),
      agency: row.actorAgencyName,
      userId: row.actorUserId,
    },
    action: row.action,
    event: row.event,
    purpose: purposeName(row.purpose),
    justification: row.justification,
    note: describeAuditDetail(row.auditDetail),
    recordType: row.recordType === null ? null : names.labelOf(row.recordType),
    recordIds: row.recordIds,
    recipients: row.recipients,
    requestId: row.requestId,
  };
}

export const CSV_HEADER = [
  'Entry',
  'Time (UTC)',
  'Actor kind',
  'Actor user id',
  'Actor name',
  'Actor agency id',
  'Actor agency',
  'Action',
  'Event',
  'Purpose',
  'Justification',
  'Record type',
  'Record ids',
  'Recipients',
  'Request id',
  'Audit page detail',
] as const;

export function csvCells(row: AuditRow): (string | number | null)[] {
  return [
    row.seq,
    row.occurredAt.toISOString(),
    row.actorKind,
    row.actorUserId,
    row.actorKind === 'user' ? actorName(row) : null,
    row.actorAgencyId,
    row.actorAgencyName,
    row.action,
    row.event,
    row.purpose,
    row.justification,
    row.recordType,
    row.recordIds.join(' '),
    row.recipients,
    row.requestId,
    row.auditDetail === null ? null : canonicalJson(row.auditDetail),
  ];
}

/** The pagination of a list of entries: where it starts, and links to the pages either side. */
export function pages(total: number, page: number, hrefFor: (page: number) => string) {
  const last = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return {
    total,
    page,
    last,
    first: total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1,
    previous: page > 1 ? { href: hrefFor(page - 1) } : undefined,
    next: page < last ? { href: hrefFor(page + 1) } : undefined,
  };
}

/** The filters in use, each a tag whose link removes just that filter. */
export function selectedFilters(
  values: Record<string, string | undefined>,
  agencies: { id: string; name: string }[],
) {
  const labels: [string, string][] = [
    ['user', 'User'],
    ['agency', 'Agency'],
    ['from', 'Date from'],
    ['to', 'Date to'],
    ['record', 'Record id'],
    ['action', 'Action'],
    ['event', 'Event'],
  ];
  return labels
    .filter(([key]) => values[key])
    .map(([key, heading]) => {
      const value = values[key] ?? '';
      const text = key === 'agency' ? (agencies.find((a) => a.id === value)?.name ?? value) : value;
      return {
        heading: { text: heading },
        items: [{ href: `/partner/audit${filterQuery({ ...values, [key]: undefined })}`, text }],
      };
    });
}
