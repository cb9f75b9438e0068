/**
 * The audit log's filter: the query string of the list, the record history and the CSV export.
 * Every field is optional (a GET form sends blanks); messages are GOV.UK-worded and each names the
 * field it belongs to, so the list page can show them in its error summary.
 */
import { z } from 'zod';
import { isUuid } from '../../web/partner-pages.js';
import { S62_ACTIONS, type S62Action } from './audit-log.js';

/** Whether a text could be a record's id (web/partner-pages.ts): the one UUID pattern. */
export { isUuid };

export const PAGE_SIZE = 50;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EVENT = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

/**
 * A day as 'YYYY-MM-DD', from what a UK user types: 23/11/2026, 23-11-2026 or 2026-11-23.
 * Returns null for anything else, or for a day that does not exist (31/02/2026).
 */
export function parseUkDate(text: string): string | null {
  const trimmed = text.trim();
  const match =
    /^(?<year>\d{4})-(?<month>\d{1,2})-(?<day>\d{1,2})$/.exec(trimmed) ??
    /^(?<day>\d{1,2})[/.-](?<month>\d{1,2})[/.-](?<year>\d{4})$/.exec(trimmed);
  if (!match?.groups) return null;
  const year = Number(match.groups.year);
  const month = Number(match.groups.month);
  const day = Number(match.groups.day);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  if (year < 2000 || year > 2999) return null;
  return date.toISOString().slice(0, 10);
}

/** A blank field is no filter. */
const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((value) => (value ? value : undefined));

const dateField = (label: string) =>
  optionalText(20, `${label} must be a real date, like 23/11/2026`).refine(
    (value) => value === undefined || parseUkDate(value) !== null,
    `${label} must be a real date, like 23/11/2026`,
  );

export const auditFilterSchema = z
  .strictObject({
    user: optionalText(254, 'User must be 254 characters or fewer').refine(
      (value) => value === undefined || isUuid(value) || EMAIL.test(value),
      'Enter the user’s email address or user id',
    ),
    agency: optionalText(36, 'Select an agency from the list').refine(
      (value) => value === undefined || isUuid(value),
      'Select an agency from the list',
    ),
    from: dateField('Date from'),
    to: dateField('Date to'),
    record: optionalText(
      36,
      'Record id must be a record id, like 0b6c1f3e-8d1a-4c55-9a1e-2f0d6b7a9c41',
    ).refine(
      (value) => value === undefined || isUuid(value),
      'Record id must be a record id, like 0b6c1f3e-8d1a-4c55-9a1e-2f0d6b7a9c41',
    ),
    action: optionalText(20, 'Select an action from the list').refine(
      (value) => value === undefined || (S62_ACTIONS as readonly string[]).includes(value),
      'Select an action from the list',
    ),
    event: optionalText(100, 'Event must be 100 characters or fewer').refine(
      (value) => value === undefined || EVENT.test(value),
      'Event must be an event name, like audit.log.view',
    ),
    page: optionalText(6, 'Page must be a number').refine(
      (value) => value === undefined || /^[1-9]\d{0,5}$/.test(value),
      'Page must be a number',
    ),
  })
  .superRefine((raw, ctx) => {
    const from = raw.from === undefined ? null : parseUkDate(raw.from);
    const to = raw.to === undefined ? null : parseUkDate(raw.to);
    if (from && to && from > to) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'Date to must be the same as or after date from',
      });
    }
  });

export type RawAuditFilter = z.output<typeof auditFilterSchema>;

/** What the queries filter by, normalised: ids lower-case, dates as 'YYYY-MM-DD' (UTC days). */
export interface AuditFilter {
  userId?: string;
  userEmail?: string;
  agencyId?: string;
  /** First day included, UTC. */
  from?: string;
  /** Last day included, UTC. */
  to?: string;
  recordId?: string;
  action?: S62Action;
  event?: string;
}

export function normaliseFilter(raw: RawAuditFilter): { filter: AuditFilter; page: number } {
  const filter: AuditFilter = {};
  if (raw.user) {
    if (isUuid(raw.user)) filter.userId = raw.user.toLowerCase();
    else filter.userEmail = raw.user.toLowerCase();
  }
  if (raw.agency) filter.agencyId = raw.agency.toLowerCase();
  const from = raw.from ? parseUkDate(raw.from) : null;
  const to = raw.to ? parseUkDate(raw.to) : null;
  if (from) filter.from = from;
  if (to) filter.to = to;
  if (raw.record) filter.recordId = raw.record.toLowerCase();
  if (raw.action) filter.action = raw.action as S62Action;
  if (raw.event) filter.event = raw.event;
  return { filter, page: raw.page ? Number(raw.page) : 1 };
}

/** The filter as it appears in an audit entry's detail: only the fields in use. */
export function filterDetail(filter: AuditFilter): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** The raw query values worth keeping in links (pagination, export): blanks and the page dropped. */
export function filterQuery(
  raw: Partial<Record<string, unknown>>,
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams();
  for (const key of ['user', 'agency', 'from', 'to', 'record', 'action', 'event']) {
    const value = raw[key];
    if (typeof value === 'string' && value.trim()) params.set(key, value.trim());
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}
