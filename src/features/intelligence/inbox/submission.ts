/** A partner officer's own submission to the inbox: what they saw, kept with its original. */
import { needToKnowList } from '../../access/access-lists.js';
import type { Tx } from '../../../db/database.js';
import type { Marking } from '../../access/markings.js';
import { insertItem } from '../queries.js';
import { entry, type InboxRequest } from './item-access.js';

export const PARTNER_ORIGINAL_CONDITIONS =
  'Original words of a partner officer: may identify the officer or their source. Share only the sanitised text.';

export interface Submission {
  what: string;
  occurredOn: string | null;
  area: string | null;
  categories: string[];
  vulnerabilities: string[];
  statementKind: 'fact' | 'assessment';
  grade: { sourceEvaluation: string; informationAssessment: string } | null;
  handlingCode: 'P' | 'C';
  handlingConditions: string | null;
}

/**
 * A partner officer records what they saw: an item owned by their agency, with its original
 * on a new access list holding the author and their agency. One collection entry.
 */
export async function submit(
  tx: Tx,
  request: InboxRequest,
  submission: Submission,
): Promise<{ id: string; reference: string }> {
  const { principal } = request;
  const agency = await tx
    .selectFrom('agency')
    .select('name')
    .where('id', '=', principal.agencyId)
    .executeTakeFirstOrThrow();
  const marking: Marking = {
    classification: 'OFFICIAL-SENSITIVE',
    handlingCode: submission.handlingCode,
    handlingConditions: submission.handlingConditions,
    owningAgencyId: principal.agencyId,
    accessListId: null,
  };
  const accessListId = await needToKnowList(tx, principal.userId, principal.agencyId);
  const item = await insertItem(
    tx,
    {
      sourceType: 'partner-officer',
      sourceDescription: `${agency.name} officer`.slice(0, 300),
      body: submission.what,
      statementKind: submission.statementKind,
      categories: submission.categories,
      vulnerabilities: submission.vulnerabilities,
      area: submission.area,
      occurredOn: submission.occurredOn,
      grade: submission.grade,
      createdBy: principal.userId,
    },
    marking,
    { accessListId, conditions: PARTNER_ORIGINAL_CONDITIONS },
  );
  await entry(tx, request, {
    action: 'collection',
    recordType: 'intelligence-item',
    recordIds: [item.id],
    detail: { sourceType: 'partner-officer', categories: submission.categories },
  });
  return item;
}
