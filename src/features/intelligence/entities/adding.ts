/**
 * Adding entities to an item: suggestions by name, picking an existing entity, creating a new one,
 * and the entities a link may join. Plain functions of the command's transaction and viewer;
 * service.ts runs each as one audited command.
 */
import type { Tx } from '../../../db/database.js';
import type { Marking } from '../../access/markings.js';
import type { Viewer } from '../../access/policy.js';
import { done, notFound, refused, type Recorded } from '../../../web/commands.js';
import { findEntitiesByName, type NameMatch } from '../name-search.js';
import { addInvolvement, insertEntity, markingForChild } from '../queries.js';
import { entityRecords } from '../records.js';
import { checkProperties, type EntitySchemaName, type SubjectCategory } from '../schema.js';
import { asEntity, itemHeading, loadChecked, type ItemHeading } from './entity-access.js';
import { propertyErrors, propertyInput, type DetailsAnswers } from './forms.js';
import { hiddenInvolvement, involvedEntities, type EntitySummary } from './queries.js';

/** Existing entities the viewer may see whose names are like the one typed: a consultation. */
export async function suggest(
  tx: Tx,
  viewer: Viewer,
  itemId: string,
  draft: { schema: EntitySchemaName; name: string },
): Promise<Recorded<{ item: ItemHeading; matches: NameMatch[] }>> {
  const heading = await itemHeading(tx, viewer, itemId);
  if (!heading) return { outcome: notFound };
  const matches = await findEntitiesByName(tx, viewer, draft.name, {
    schemas: [draft.schema],
    limit: 10,
  });
  return {
    outcome: done({ item: heading, matches }),
    entry: {
      action: 'consultation',
      recordType: 'entity',
      recordIds: matches.map((m) => m.id),
      detail: { itemId, purpose: 'suggestions while adding an entity to an item' },
    },
  };
}

/** Adds an existing entity to the item (an alteration of the entity's record of involvement). */
export async function pick(
  tx: Tx,
  viewer: Viewer,
  itemId: string,
  entityId: string,
  category: SubjectCategory | null,
): Promise<Recorded<{ entityId: string; caption: string; reference: string }>> {
  const heading = await itemHeading(tx, viewer, itemId);
  const record = heading && (await loadChecked(tx, viewer, entityRecords, 'link', entityId));
  const entity = record && asEntity(record);
  if (!heading || !entity) return { outcome: notFound };
  // Replacing a victim's involvement the viewer may not see would alter what they cannot read.
  if (await hiddenInvolvement(tx, viewer, itemId, entityId)) {
    return { outcome: refused({ choice: 'This entity is already involved in this item' }) };
  }
  await addInvolvement(tx, {
    itemId,
    entityId,
    subjectCategory: entity.schema === 'Person' ? category : null,
    addedBy: viewer.userId,
  });
  return {
    outcome: done({ entityId, caption: entity.caption, reference: heading.reference }),
    entry: {
      action: 'alteration',
      recordType: 'entity',
      recordIds: [entityId],
      detail: { itemId, change: 'involved in item', subjectCategory: category },
    },
  };
}

/** Creates an entity owned by the viewer's agency and adds it to the item: a collection. */
export async function create(
  tx: Tx,
  viewer: Viewer,
  itemId: string,
  answers: DetailsAnswers,
): Promise<Recorded<{ entityId: string; caption: string; reference: string }>> {
  const heading = await itemHeading(tx, viewer, itemId);
  if (!heading) return { outcome: notFound };
  const checked = checkProperties(answers.schema, propertyInput(answers.schema, answers));
  if (!checked.ok) return { outcome: refused(propertyErrors(checked.errors)) };
  const child = answers.schema === 'Person' && answers.child === 'yes';
  const base: Marking = {
    classification: answers.classification,
    handlingCode: answers.handling,
    handlingConditions: answers.handling === 'C' ? (answers.conditions ?? null) : null,
    owningAgencyId: viewer.agencyId,
    accessListId: null,
  };
  const marking = child ? await markingForChild(tx, base, viewer.userId) : base;
  const entityId = await insertEntity(
    tx,
    { schema: answers.schema, properties: checked.properties, child, createdBy: viewer.userId },
    marking,
  );
  const category = answers.schema === 'Person' ? (answers.category as SubjectCategory) : null;
  await addInvolvement(tx, { itemId, entityId, subjectCategory: category, addedBy: viewer.userId });
  const row = await tx
    .selectFrom('entity')
    .select('caption')
    .where('id', '=', entityId)
    .executeTakeFirstOrThrow();
  return {
    outcome: done({ entityId, caption: row.caption, reference: heading.reference }),
    entry: {
      action: 'collection',
      recordType: 'entity',
      recordIds: [entityId],
      detail: { itemId, schema: answers.schema, child, subjectCategory: category },
    },
  };
}

/** The entities a link in this item may join: those involved in it, and any found by name. */
export async function linkChoices(
  tx: Tx,
  viewer: Viewer,
  itemId: string,
  search: string | undefined,
): Promise<Recorded<{ item: ItemHeading; involved: EntitySummary[]; found: EntitySummary[] }>> {
  const heading = await itemHeading(tx, viewer, itemId);
  if (!heading) return { outcome: notFound };
  const involved = await involvedEntities(tx, viewer, itemId);
  const known = new Set(involved.map((e) => e.id));
  const found = search
    ? (await findEntitiesByName(tx, viewer, search, { limit: 10 })).filter((m) => !known.has(m.id))
    : [];
  return {
    outcome: done({ item: heading, involved, found }),
    entry: {
      action: 'consultation',
      recordType: 'entity',
      recordIds: [...involved, ...found].map((e) => e.id),
      detail: { itemId, purpose: 'choosing entities to link', searched: Boolean(search) },
    },
  };
}
