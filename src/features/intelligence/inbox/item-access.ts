/**
 * What every inbox command shares: who is asking, what a command comes to, its one audit entry,
 * and how it finds an item (or a report or original behind it) the viewer may act on.
 */
import type { Tx } from '../../../db/database.js';
import { writeAuditEntry, type AuditContext, type AuditEntryInput } from '../../audit/audit-log.js';
import { mayAccess, type RecordAction, type Viewer } from '../../access/policy.js';
import type { Principal } from '../../access/principal.js';
import * as q from './queries.js';

/** Who is asking, which event their request is, and where its audit entry goes. */
export interface InboxRequest {
  audit: AuditContext;
  event: string;
  principal: Principal & { kind: 'user' };
}

export type Outcome<T = null> =
  | { kind: 'done'; value: T }
  /** Refused for a reason the person can fix: field → message ('' for the page as a whole). */
  | { kind: 'refused'; errors: Record<string, string> }
  | { kind: 'not-found' };

export const done = <T>(value: T): Outcome<T> => ({ kind: 'done', value });
export const refused = (errors: Record<string, string>): Outcome<never> => ({ kind: 'refused', errors });
export const NOT_FOUND: Outcome<never> = { kind: 'not-found' };

/** The command's one audit entry; the event is always the request's own. */
export const entry = (tx: Tx, request: InboxRequest, input: Omit<AuditEntryInput, 'event'>) =>
  writeAuditEntry(tx, request.audit, { event: request.event, ...input });

/** The item if the viewer may take `action` on it; undefined for missing and hidden alike. */
export async function visibleItem(tx: Tx, viewer: Viewer, id: string, action: RecordAction) {
  const item = await q.itemById(tx, id);
  return item && mayAccess(viewer, action, 'intelligence-item', item.marking) ? item : undefined;
}

/** Whether the viewer may read the public report behind an item (and so its conversation). */
export async function mayReadReport(tx: Tx, viewer: Viewer, item: q.ItemRow): Promise<boolean> {
  if (!item.public_report_id) return false;
  const marking = await q.reportMarkingRow(tx, item.public_report_id);
  return mayAccess(viewer, 'read', 'public-report', marking);
}

export async function originalFor(tx: Tx, viewer: Viewer, itemId: string) {
  const original = await q.originalOf(tx, itemId);
  return original && mayAccess(viewer, 'read', 'intelligence-original', original.marking)
    ? original.body
    : null;
}
