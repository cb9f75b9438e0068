/**
 * The s62 audit log (Data Protection Act 2018, s62). Every collection, alteration, consultation,
 * disclosure, combination and erasure of personal data writes exactly one entry, in the same
 * transaction as the work it describes: if the entry cannot be written, the work is undone and a
 * read returns nothing. Entries are chained with a keyed hash (HMAC-SHA-256, the key held outside
 * the database), so `lantern audit verify` finds any entry that was changed, removed or moved, and
 * nobody with only the database can recompute the chain; the database refuses to update or delete
 * them. Entries written before the keyed chain started carry a plain SHA-256 chain and still verify.
 */
import { createHash, createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import { auditKey } from './audit-key.js';

export const S62_ACTIONS = [
  'collection',
  'alteration',
  'consultation',
  'disclosure',
  'combination',
  'erasure',
  // Not s62: sign-in, sign-out, lockouts and account changes, kept in the same tamper-evident log.
  'security',
] as const;
export type S62Action = (typeof S62_ACTIONS)[number];

/** Why personal data was used: a list, with free text only where the purpose is "other". */
export const PURPOSES = {
  'crime-prevention': 'Preventing or detecting crime',
  safeguarding: 'Safeguarding a child or adult at risk',
  investigation: 'Investigation or enforcement by the agency',
  'disruption-planning': 'Planning the disruption of an organised crime group',
  'information-governance': 'Information governance or audit',
  'account-administration': 'Administering accounts and access',
  'public-report': 'Receiving a report from the public',
  other: 'Other (explain)',
} as const;
export type Purpose = keyof typeof PURPOSES;

export function isPurpose(value: unknown): value is Purpose {
  return typeof value === 'string' && Object.hasOwn(PURPOSES, value);
}

export type Actor =
  { kind: 'user'; userId: string; agencyId: string } | { kind: 'public' } | { kind: 'system'; name: string };

/**
 * What a request brings to the audit log: who, which request, and why. `written` counts the
 * entries made for the request, so the route layer can check each operation wrote exactly one.
 */
export interface AuditContext {
  actor: Actor;
  requestId: string | null;
  purpose: Purpose | null;
  justification: string | null;
  written: number;
}

export interface AuditEntryInput {
  action: S62Action;
  /** What happened, e.g. 'reports.submit', 'audit.export'. */
  event: string;
  recordType?: string;
  recordIds?: readonly string[];
  recipients?: string;
  detail?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Serialises JSON with object keys sorted, so the same content always hashes the same way. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The fields an entry's hash covers: all of them but the hash itself. */
export interface ChainedFields {
  seq: number;
  occurred_at: Date;
  actor_kind: string;
  actor_user_id: string | null;
  actor_agency_id: string | null;
  action: string;
  event: string;
  record_type: string | null;
  record_ids: readonly string[];
  purpose: string | null;
  justification: string | null;
  recipients: string | null;
  request_id: string | null;
  detail: unknown;
  prev_hash: string;
}

/**
 * An entry's link in the chain: HMAC-SHA-256 under the audit key, or, for entries written before
 * the keyed chain started (`key` null), the plain SHA-256 they were written with.
 */
export function entryHash(fields: ChainedFields, key: Buffer | null): string {
  const content = canonicalJson({ ...fields, occurred_at: fields.occurred_at.toISOString() });
  return (key ? createHmac('sha256', key) : createHash('sha256')).update(content).digest('hex');
}

// One writer at a time may extend the chain; the lock is held until the transaction ends.
const AUDIT_CHAIN_LOCK = 7215002;

/**
 * Appends one entry, inside the caller's transaction. Throws if it cannot: the caller's
 * transaction then rolls back, so nothing happens that the log does not show.
 */
export async function writeAuditEntry(
  tx: Tx,
  context: AuditContext,
  input: AuditEntryInput,
): Promise<{ seq: number; hash: string }> {
  if (context.purpose === 'other' && !context.justification?.trim()) {
    throw new Error('An audit entry with the purpose "other" needs a justification');
  }
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(tx);
  const last = await tx
    .selectFrom('audit_entry')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const recordIds = [...new Set(input.recordIds ?? [])];
  const actor = context.actor;
  const fields: ChainedFields = {
    seq: (last?.seq ?? 0) + 1,
    // Millisecond precision, so what is read back hashes the same as what was written.
    occurred_at: new Date(Date.now()),
    actor_kind: actor.kind,
    actor_user_id: actor.kind === 'user' ? actor.userId : null,
    actor_agency_id: actor.kind === 'user' ? actor.agencyId : null,
    action: input.action,
    event: input.event,
    record_type: input.recordType ?? null,
    record_ids: recordIds,
    purpose: context.purpose,
    justification: context.purpose === 'other' ? context.justification : null,
    recipients: input.recipients ?? null,
    request_id: context.requestId,
    detail: input.detail ?? (actor.kind === 'system' ? { system: actor.name } : null),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const hash = entryHash(fields, auditKey());
  await tx
    .insertInto('audit_entry')
    .values({
      ...fields,
      record_ids: recordIds,
      detail: fields.detail === null ? null : canonicalJson(fields.detail),
      hash,
    })
    .execute();
  if (recordIds.length) {
    await tx
      .insertInto('audit_entry_record')
      .values(recordIds.map((record_id) => ({ audit_seq: fields.seq, record_id })))
      .execute();
  }
  context.written += 1;
  return { seq: fields.seq, hash };
}
