/**
 * Working an item: grading, categorising, closing, asking the reporter, sanitising and signing
 * off. Each change returns what its alteration entry records; service.ts writes that entry in the
 * same transaction, with the viewer and the item already checked.
 */
import type { Tx } from '../../../db/database.js';
import type { Viewer } from '../../access/policy.js';
import { addPartnershipMessage } from '../../reports/queries.js';
import {
  done,
  entry,
  mayReadReport,
  NOT_FOUND,
  refused,
  type InboxRequest,
  type Outcome,
} from './item-access.js';
import * as q from './queries.js';

export async function grade(tx: Tx, userId: string, id: string, change: q.GradeChange) {
  await q.setGrade(tx, id, userId, change);
  return done({
    change: 'grade',
    grade: `${change.sourceEvaluation}/${change.informationAssessment}/${change.handlingCode}`,
    statementKind: change.statementKind,
    reviewOn: change.reviewOn,
  });
}

export async function categorise(
  tx: Tx,
  id: string,
  change: { categories: string[]; vulnerabilities: string[]; area: string | null },
) {
  await q.setCategories(tx, id, change);
  return done({ change: 'categories', ...change });
}

export async function close(
  tx: Tx,
  userId: string,
  id: string,
  item: q.ItemRow,
  closing: { outcome: string; note: string | null },
) {
  if (item.status === 'closed') return refused({ outcome: 'This item is already closed' });
  await q.closeItem(tx, id, userId, closing);
  return done({ change: 'closed', outcome: closing.outcome });
}

/**
 * A question for the anonymous reporter, which they read with their receipt. Only for public
 * reports, and only for people who may read the report itself.
 */
export async function ask(
  tx: Tx,
  request: InboxRequest,
  viewer: Viewer,
  item: q.ItemRow,
  question: string,
): Promise<Outcome> {
  if (!item.public_report_id || !(await mayReadReport(tx, viewer, item))) return NOT_FOUND;
  const messageId = await addPartnershipMessage(tx, {
    reportId: item.public_report_id,
    authorUserId: request.principal.userId,
    body: question,
  });
  await entry(tx, request, {
    action: 'alteration',
    recordType: 'intelligence-item',
    recordIds: [item.id, item.public_report_id],
    detail: { change: 'question-to-reporter', message: messageId },
  });
  return done(null);
}

export async function sanitise(tx: Tx, userId: string, id: string, body: string) {
  await q.saveSanitised(tx, id, userId, body);
  return done({ change: 'sanitised', length: body.length });
}

/** A second person confirms the sanitised text hides the source. The database checks it too. */
export async function signOff(tx: Tx, userId: string, id: string, item: q.ItemRow) {
  if (!item.sanitised_by) return refused({ '': 'Sanitise the text before it can be signed off' });
  if (item.sanitised_by === userId) {
    return refused({ '': 'You sanitised this text, so someone else must sign it off' });
  }
  if (item.signed_off_at) return refused({ '': 'This text has already been signed off' });
  await q.signOff(tx, id, userId);
  return done({ change: 'signed-off' });
}
