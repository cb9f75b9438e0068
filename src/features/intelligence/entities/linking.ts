/**
 * Linking two entities with an item as its source. Plain functions of the command's transaction
 * and viewer; service.ts runs `link` as one audited command.
 */
import type { Tx } from '../../../db/database.js';
import type { Viewer } from '../../access/policy.js';
import { done, notFound, refused, type Recorded } from '../../../web/commands.js';
import { addLinkSources, insertLink } from '../queries.js';
import { entityRecords } from '../records.js';
import { LINK_TYPES, linkFits, type Confidence, type LinkTypeName } from '../schema.js';
import { asEntity, itemHeading, loadChecked, type Entity } from './entity-access.js';
import { sameLink } from './queries.js';

export interface LinkAdded {
  linkId: string;
  /** A new link, or a further source for the same link already on record. */
  added: 'link' | 'source';
  fromId: string;
}

export interface LinkAnswers {
  from: string;
  to: string;
  type: string;
  startDate?: string | undefined;
  endDate?: string | undefined;
  confidence: Confidence;
}

/**
 * Links two entities with this item as its source. The same link, already on record and visible,
 * gains this item as a further source instead (an alteration rather than a collection).
 */
export async function link(
  tx: Tx,
  viewer: Viewer,
  itemId: string,
  answers: LinkAnswers,
): Promise<Recorded<LinkAdded>> {
  const heading = await itemHeading(tx, viewer, itemId);
  if (!heading) return { outcome: notFound };
  const [fromRecord, toRecord] = [
    await loadChecked(tx, viewer, entityRecords, 'link', answers.from),
    await loadChecked(tx, viewer, entityRecords, 'link', answers.to),
  ];
  const [from, to] = [fromRecord && asEntity(fromRecord), toRecord && asEntity(toRecord)];
  if (!from) return { outcome: refused({ from: 'Choose the first entity' }) };
  if (!to) return { outcome: refused({ to: 'Choose the second entity' }) };
  const type = answers.type as LinkTypeName;
  const spec = LINK_TYPES[type];
  if (!linkFits(type, from.schema, to.schema)) {
    return {
      outcome: refused({
        type: `A ${from.schema.toLowerCase()} cannot be “${spec.label}” a ${to.schema.toLowerCase()}: choose another type of link`,
      }),
    };
  }
  const existing = await sameLink(tx, viewer, {
    type,
    from: from.id,
    to: to.id,
    directed: spec.directed,
  });
  if (existing) {
    await addLinkSources(tx, existing, [itemId]);
    return {
      outcome: done({ linkId: existing, added: 'source', fromId: from.id }),
      entry: {
        action: 'alteration',
        recordType: 'link',
        recordIds: [existing],
        detail: { itemId, change: 'further supporting item', entities: [from.id, to.id] },
      },
    };
  }
  return newLink(tx, viewer, itemId, { from, to, type }, answers);
}

/** A link not yet on record: a collection, marked from the entities it joins. */
async function newLink(
  tx: Tx,
  viewer: Viewer,
  itemId: string,
  ends: { from: Entity; to: Entity; type: LinkTypeName },
  answers: LinkAnswers,
): Promise<Recorded<LinkAdded>> {
  const { from, to, type } = ends;
  const sensitive = [from, to].some((e) => e.marking.classification === 'OFFICIAL-SENSITIVE');
  const linkId = await insertLink(
    tx,
    {
      type,
      fromEntityId: from.id,
      toEntityId: to.id,
      startDate: answers.startDate || null,
      endDate: answers.endDate || null,
      confidence: answers.confidence,
      createdBy: viewer.userId,
    },
    [itemId],
    {
      classification: sensitive ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL',
      handlingCode: 'P',
      handlingConditions: null,
      owningAgencyId: viewer.agencyId,
      // A link to a need-to-know entity (a child) is need-to-know on the same list.
      accessListId: from.marking.accessListId ?? to.marking.accessListId,
    },
  );
  return {
    outcome: done({ linkId, added: 'link', fromId: from.id }),
    entry: {
      action: 'collection',
      recordType: 'link',
      recordIds: [linkId],
      detail: { itemId, type, entities: [from.id, to.id] },
    },
  };
}
