/**
 * Every SQL statement about public reports. Writes that belong together take the caller's
 * transaction; nothing here reads or writes anything about the client.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Queryable, Tx } from '../../db/database.js';
import { markingColumns, type Marking } from '../access/markings.js';
import type { ReportCategory } from './categories.js';
import type { AcceptedType, Finding } from './files.js';

/** The named access list that guards original uploads (migration 0004). */
export const EVIDENCE_ACCESS_LIST_ID = '6f1c2a52-8d1e-4c55-9a7e-0e7a1d5e0001';

export const HANDLING_CONDITIONS =
  'Sent anonymously by a member of the public. Never disclose anything that could identify the ' +
  'reporter, and never try to find out who they are. Share only to prevent or detect crime or to ' +
  'safeguard someone, and tell the receiving agency before any onward sharing.';

/** The markings every part of a public report gets, with its owner's id. */
export async function reportMarking(q: Queryable): Promise<Marking> {
  const agency = await q
    .selectFrom('agency')
    .select('id')
    .where('receives_public_reports', '=', true)
    .executeTakeFirst();
  // Migration 0002 seeds one and a partial unique index allows at most one.
  if (!agency) throw new Error('No agency is set to receive public reports');
  return {
    classification: 'OFFICIAL-SENSITIVE',
    handlingCode: 'C',
    handlingConditions: HANDLING_CONDITIONS,
    owningAgencyId: agency.id,
    accessListId: null,
  };
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface NewReport {
  lookupId: string;
  secretHash: string;
  category: ReportCategory;
  what: string;
  where: string | null;
  whenDate: string | null;
  whenText: string | null;
  who: string | null;
}

export async function insertReport(tx: Tx, report: NewReport, marking: Marking): Promise<string> {
  const row = await tx
    .insertInto('public_report')
    .values({
      lookup_id: report.lookupId,
      secret_hash: report.secretHash,
      category: report.category,
      what: report.what,
      where_text: report.where,
      when_date: report.whenDate,
      when_text: report.whenText,
      who: report.who,
      ...markingColumns(marking),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** PostgreSQL's unique_violation (both drivers report the SQLSTATE as `code`). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

export function lookupIdTaken(q: Queryable, lookupId: string): Promise<boolean> {
  return q
    .selectFrom('public_report')
    .select('id')
    .where('lookup_id', '=', lookupId)
    .executeTakeFirst()
    .then((row) => row !== undefined);
}

export function reportByLookupId(q: Queryable, lookupId: string) {
  return q
    .selectFrom('public_report')
    .select(['id', 'secret_hash', 'lookup_id'])
    .where('lookup_id', '=', lookupId)
    .executeTakeFirst();
}

/** Keeps a file's original (under the evidence list) and its sanitised copy with a report. */
export async function insertFiles(
  tx: Tx,
  reportId: string,
  file: { mediaType: AcceptedType; original: Uint8Array; sanitised: Uint8Array },
  marking: Marking,
): Promise<{ originalId: string; sanitisedId: string }> {
  const original = await tx
    .insertInto('public_report_file')
    .values({
      report_id: reportId,
      variant: 'original',
      original_id: null,
      media_type: file.mediaType,
      byte_size: file.original.byteLength,
      sha256: sha256Hex(file.original),
      content: Buffer.from(file.original),
      ...markingColumns({ ...marking, accessListId: EVIDENCE_ACCESS_LIST_ID }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const sanitised = await tx
    .insertInto('public_report_file')
    .values({
      report_id: reportId,
      variant: 'sanitised',
      original_id: original.id,
      media_type: file.mediaType,
      byte_size: file.sanitised.byteLength,
      sha256: sha256Hex(file.sanitised),
      content: Buffer.from(file.sanitised),
      ...markingColumns(marking),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { originalId: original.id, sanitisedId: sanitised.id };
}

export type AuthorKind = 'reporter' | 'partnership';

export async function insertMessage(
  tx: Tx,
  message: { reportId: string; authorKind: AuthorKind; authorUserId: string | null; body: string },
  marking: Marking,
): Promise<string> {
  const row = await tx
    .insertInto('public_report_message')
    .values({
      report_id: message.reportId,
      author_kind: message.authorKind,
      author_user_id: message.authorKind === 'partnership' ? message.authorUserId : null,
      body: message.body,
      ...markingColumns(marking),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * For the future partner inbox: adds the partnership's question or reply to a report, marked like
 * the report itself. The caller writes its audit entry in the same transaction.
 */
export async function addPartnershipMessage(
  tx: Tx,
  message: { reportId: string; authorUserId: string | null; body: string },
): Promise<string> {
  return insertMessage(
    tx,
    { ...message, authorKind: 'partnership' },
    await markingOfReport(tx, message.reportId),
  );
}

/** A report's own markings: its messages carry the same, even if the receiving duty has moved. */
export async function markingOfReport(q: Queryable, reportId: string): Promise<Marking> {
  const report = await q
    .selectFrom('public_report')
    .select(['classification', 'handling_code', 'handling_conditions', 'owning_agency_id', 'access_list_id'])
    .where('id', '=', reportId)
    .executeTakeFirstOrThrow();
  return {
    classification: report.classification as Marking['classification'],
    handlingCode: report.handling_code as Marking['handlingCode'],
    handlingConditions: report.handling_conditions,
    owningAgencyId: report.owning_agency_id,
    accessListId: report.access_list_id,
  };
}

export function messagesOf(q: Queryable, reportId: string) {
  return q
    .selectFrom('public_report_message')
    .select(['id', 'author_kind', 'body', 'sent_at'])
    .where('report_id', '=', reportId)
    .orderBy('sent_at')
    .orderBy('id')
    .execute();
}

export function reportReceivedAt(q: Queryable, reportId: string) {
  return q
    .selectFrom('public_report')
    .select('received_at')
    .where('id', '=', reportId)
    .executeTakeFirstOrThrow()
    .then((row) => row.received_at);
}

// ---- Files waiting while the reporter checks their answers ----

export async function insertPendingFile(
  q: Queryable,
  token: string,
  file: { mediaType: AcceptedType; original: Uint8Array; sanitised: Uint8Array; findings: Finding[] },
  expiresAt: Date,
): Promise<void> {
  await q
    .insertInto('public_report_pending_file')
    .values({
      token_hash: sha256Hex(token),
      media_type: file.mediaType,
      original: Buffer.from(file.original),
      sanitised: Buffer.from(file.sanitised),
      findings: JSON.stringify(file.findings),
      byte_size: file.original.byteLength + file.sanitised.byteLength,
      expires_at: expiresAt,
    })
    .execute();
}

export function pendingFile(q: Queryable, token: string) {
  return q
    .selectFrom('public_report_pending_file')
    .select(['media_type', 'original', 'sanitised', 'findings'])
    .where('token_hash', '=', sha256Hex(token))
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

/** What the reporter is shown about a held file, without reading its bytes. */
export function pendingFileSummary(q: Queryable, token: string) {
  return q
    .selectFrom('public_report_pending_file')
    .select(['media_type', 'findings', sql<number>`octet_length(original)`.as('original_size')])
    .where('token_hash', '=', sha256Hex(token))
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

export async function deletePendingFile(q: Queryable, token: string): Promise<boolean> {
  const result = await q
    .deleteFrom('public_report_pending_file')
    .where('token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function deleteExpiredPendingFiles(q: Queryable): Promise<number> {
  const result = await q
    .deleteFrom('public_report_pending_file')
    .where('expires_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

// ---- Global quotas, counted from what is stored, so they hold across restarts and servers ----

export async function reportsInLastHour(q: Queryable): Promise<number> {
  const row = await q
    .selectFrom('public_report')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('received_at', '>', sql<Date>`now() - interval '1 hour'`)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Bytes of files stored in the last 24 hours, kept or still pending. */
export async function uploadBytesInLastDay(q: Queryable): Promise<number> {
  const kept = await q
    .selectFrom('public_report_file')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('byte_size'), sql<number>`0`).as('n'))
    .where('received_at', '>', sql<Date>`now() - interval '1 day'`)
    .executeTakeFirstOrThrow();
  const pending = await q
    .selectFrom('public_report_pending_file')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('byte_size'), sql<number>`0`).as('n'))
    .executeTakeFirstOrThrow();
  return kept.n + pending.n;
}
