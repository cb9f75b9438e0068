/**
 * Sharing an item with other agencies: what would go (the item, its entities and links, and the
 * handling conditions to acknowledge), and the sharing itself, one disclosure entry.
 */
import type { Tx } from '../../../db/database.js';
import { conditionsToAcknowledge, type Viewer } from '../../access/policy.js';
import { shareRecord } from '../../access/shares.js';
import { done, entry, refused, type InboxRequest, type Outcome } from './item-access.js';
import * as q from './queries.js';

export async function planShare(tx: Tx, viewer: Viewer, item: q.ItemRow) {
  const agencies = await q.shareableAgencies(tx, item.owning_agency_id);
  const companions = await q.shareCompanions(tx, viewer, { id: item.id, ownerId: item.owning_agency_id });
  const conditions = conditionsToAcknowledge(
    [
      { handlingCode: item.handling_code as 'P' | 'C', handlingConditions: item.handling_conditions },
      ...companions.entities.map((e) => ({
        handlingCode: e.handling_code as 'P' | 'C',
        handlingConditions: e.handling_conditions,
      })),
      ...companions.links.map((l) => ({
        handlingCode: l.handling_code as 'P' | 'C',
        handlingConditions: l.handling_conditions,
      })),
    ],
    false,
  );
  return { item, agencies, ...companions, conditions, signedOff: item.signed_off_at !== null };
}

/**
 * What sharing would send: the item, and the entities and links that go with it. The page
 * names them, so opening it is a consultation of each.
 */
export async function sharePlan(tx: Tx, request: InboxRequest, viewer: Viewer, item: q.ItemRow) {
  const plan = await planShare(tx, viewer, item);
  await entry(tx, request, {
    action: 'consultation',
    recordType: 'intelligence-item',
    recordIds: [item.id, ...plan.entities.map((e) => e.id), ...plan.links.map((l) => l.id)],
  });
  return done(plan);
}

/** Shares the item and its companions with the agencies chosen: one disclosure entry. */
export async function share(
  tx: Tx,
  request: InboxRequest,
  viewer: Viewer,
  item: q.ItemRow,
  choice: { agencies: string[]; acknowledged: boolean },
): Promise<Outcome<{ agencies: string[] }>> {
  if (!item.signed_off_at) {
    return refused({
      '': 'This item cannot be shared yet: a second person must sign off its sanitised text first',
    });
  }
  const plan = await planShare(tx, viewer, item);
  const chosen = [...new Set(choice.agencies)];
  const allowed = new Map(plan.agencies.map((agency) => [agency.id, agency.name]));
  if (chosen.some((agencyId) => !allowed.has(agencyId))) {
    return refused({ agencies: 'Select agencies from the list' });
  }
  if (plan.conditions.length && !choice.acknowledged) {
    return refused({ acknowledge: 'Confirm you have read the conditions and will share on them' });
  }
  const records = [
    { type: 'intelligence-item' as const, id: item.id },
    ...plan.entities.map((e) => ({ type: 'entity' as const, id: e.id })),
    ...plan.links.map((l) => ({ type: 'link' as const, id: l.id })),
  ];
  for (const agencyId of chosen) {
    for (const record of records) {
      await shareRecord(tx, {
        type: record.type,
        recordId: record.id,
        agencyId,
        sharedBy: viewer.userId,
      });
    }
  }
  const names = chosen.map((agencyId) => allowed.get(agencyId) ?? agencyId);
  await entry(tx, request, {
    action: 'disclosure',
    recordType: 'intelligence-item',
    recordIds: records.map((record) => record.id),
    recipients: names.join(', '),
    detail: { agencies: chosen, conditionsAcknowledged: plan.conditions.length > 0 },
  });
  return done({ agencies: names });
}
