/**
 * Deciding what a batch of rows writes, without writing it (pure): row by row, in file order,
 * against what is already on record (loaded once for the batch) and what earlier rows of the batch
 * decided. The result is a set of writes that bulk-queries.ts makes in a handful of statements,
 * whatever the batch's size, with the same outcome as writing each row as it came.
 */
import { randomUUID } from 'node:crypto';
import { markingFromRow, type Marking } from '../../access/markings.js';
import { mayAccess } from '../../access/policy.js';
import { canonicalJson } from '../../audit/audit-log.js';
import type { EntityText, NewBulkEntity, NewBulkLink, NewInvolvement } from '../bulk-queries.js';
import {
  ENTITY_SCHEMAS,
  type Confidence,
  type EntityProperties,
  type EntitySchemaName,
  type EntitySchemaSpec,
} from '../schema.js';
import type { Importer } from './importer.js';
import type { KeyedEntity, KeyedLink } from './queries.js';
import type { MappedRow } from './rows.js';
import type { ImportedItem, Rejection } from './summary.js';

export interface BatchCounts {
  entitiesCreated: Set<string>;
  entitiesUpdated: Set<string>;
  entitiesTouched: Set<string>;
  linksCreated: Set<string>;
  linksUpdated: Set<string>;
  linksTouched: Set<string>;
  itemsCreated: ImportedItem[];
  refused: Rejection[];
}

export interface BatchPlan {
  /** What is on record, by key, as the rows so far leave it. */
  entities: Map<string, KeyedEntity>;
  links: Map<string, KeyedLink>;
  /** The importer's standing need-to-know list with their agency, for records about a child. */
  needToKnowListId: string;
  newEntities: Map<string, NewBulkEntity>;
  entityUpdates: Map<string, EntityText>;
  involvements: NewInvolvement[];
  linkUpdates: Map<
    string,
    { id: string; startDate: string | null; endDate: string | null; confidence: Confidence }
  >;
  /** New links by id. */
  newLinks: Map<string, NewBulkLink>;
  linkSources: { linkId: string; itemId: string }[];
  counts: BatchCounts;
}

export function emptyPlan(
  needToKnowListId: string,
  entities: Map<string, KeyedEntity>,
  links: Map<string, KeyedLink>,
): BatchPlan {
  return {
    entities,
    links,
    needToKnowListId,
    newEntities: new Map(),
    entityUpdates: new Map(),
    involvements: [],
    linkUpdates: new Map(),
    newLinks: new Map(),
    linkSources: [],
    counts: {
      entitiesCreated: new Set(),
      entitiesUpdated: new Set(),
      entitiesTouched: new Set(),
      linksCreated: new Set(),
      linksUpdated: new Set(),
      linksTouched: new Set(),
      itemsCreated: [],
      refused: [],
    },
  };
}

/**
 * What an entity becomes when a source mentions it again: a property with one value takes the
 * source's value; a property with several (aliases) keeps those it had and adds the source's, so
 * a person named twice in a file, with different aliases, does not flip between them.
 */
export function mergeProperties(
  schema: EntitySchemaName,
  existing: EntityProperties,
  incoming: EntityProperties,
): EntityProperties {
  const spec: EntitySchemaSpec = ENTITY_SCHEMAS[schema];
  const merged: EntityProperties = { ...existing };
  for (const [property, values] of Object.entries(incoming)) {
    merged[property] = spec.properties[property]?.multiple
      ? [...new Set([...(existing[property] ?? []), ...values])]
      : values;
  }
  return merged;
}

/**
 * An existing record the importer may not change refuses the row, before anything is written.
 * A link has no "update" of its own in the policy: adding this import as one more source, and
 * refreshing its dates, needs it visible to the importer (creating links is checked up front).
 */
export function mayWriteRow(plan: BatchPlan, importer: Importer, row: MappedRow): boolean {
  const forbidden = row.entities.some((e) => {
    const existing = plan.entities.get(e.key);
    return existing && !mayAccess(importer.viewer, 'update', 'entity', markingFromRow(existing));
  });
  const forbiddenLink = row.links.some((l) => {
    const existing = plan.links.get(l.key);
    return existing && !mayAccess(importer.viewer, 'read', 'link', markingFromRow(existing));
  });
  return !forbidden && !forbiddenLink;
}

/** Plans one accepted row: its entities (new or merged), their involvement in the item, its links. */
export function planRow(
  plan: BatchPlan,
  importer: Importer,
  marking: Marking,
  row: MappedRow,
  itemId: string,
): void {
  const ids = new Map<string, KeyedEntity>();
  for (const entity of row.entities) {
    const known = planEntity(plan, importer, marking, entity);
    plan.counts.entitiesTouched.add(known.id);
    ids.set(entity.key, known);
    plan.involvements.push({
      itemId,
      entityId: known.id,
      subjectCategory: entity.subjectCategory,
      addedBy: importer.userId,
    });
  }
  for (const link of row.links) {
    const from = ids.get(link.fromKey);
    const to = ids.get(link.toKey);
    if (!from || !to) continue; // rows.ts links only entities the row has
    planLink(plan, importer, marking, link, from, to, itemId);
  }
}

type RowEntity = MappedRow['entities'][number];
type RowLink = MappedRow['links'][number];

function planEntity(plan: BatchPlan, importer: Importer, marking: Marking, entity: RowEntity): KeyedEntity {
  const existing = plan.entities.get(entity.key);
  if (existing) {
    const merged = mergeProperties(entity.schema, existing.properties, entity.properties);
    if (canonicalJson(merged) === canonicalJson(existing.properties)) return existing;
    const changed = { ...existing, properties: merged };
    plan.entities.set(entity.key, changed);
    plan.counts.entitiesUpdated.add(existing.id);
    const pending = plan.newEntities.get(existing.id);
    // An entity made earlier in this batch is written once, as the later rows leave it.
    if (pending) pending.properties = merged;
    else plan.entityUpdates.set(existing.id, { id: existing.id, schema: entity.schema, properties: merged });
    return changed;
  }
  const id = randomUUID();
  const entityMarking = entity.child ? childMarking(plan, marking) : marking;
  plan.newEntities.set(id, {
    id,
    schema: entity.schema,
    properties: entity.properties,
    child: entity.child,
    sourceKey: entity.key,
    createdBy: importer.userId,
    marking: entityMarking,
  });
  const created: KeyedEntity = {
    id,
    source_key: entity.key,
    schema: entity.schema,
    properties: entity.properties,
    child: entity.child,
    classification: entityMarking.classification,
    handling_code: entityMarking.handlingCode,
    handling_conditions: entityMarking.handlingConditions,
    owning_agency_id: entityMarking.owningAgencyId,
    access_list_id: entityMarking.accessListId,
  };
  plan.entities.set(entity.key, created);
  plan.counts.entitiesCreated.add(id);
  return created;
}

/**
 * A record about a child is OFFICIAL-SENSITIVE and need-to-know: on the importer's standing list
 * with their agency (as markingForChild does for one record).
 */
function childMarking(plan: BatchPlan, marking: Marking): Marking {
  return { ...marking, classification: 'OFFICIAL-SENSITIVE', accessListId: plan.needToKnowListId };
}

function planLink(
  plan: BatchPlan,
  importer: Importer,
  marking: Marking,
  link: RowLink,
  from: KeyedEntity,
  to: KeyedEntity,
  itemId: string,
): void {
  const existing = plan.links.get(link.key);
  if (existing) {
    if (
      existing.start_date !== link.startDate ||
      existing.end_date !== link.endDate ||
      existing.confidence !== link.confidence
    ) {
      const details = { startDate: link.startDate, endDate: link.endDate, confidence: link.confidence };
      const pending = plan.newLinks.get(existing.id);
      if (pending) Object.assign(pending, details);
      else plan.linkUpdates.set(existing.id, { id: existing.id, ...details });
      plan.links.set(link.key, {
        ...existing,
        start_date: link.startDate,
        end_date: link.endDate,
        confidence: link.confidence,
      });
      plan.counts.linksUpdated.add(existing.id);
    }
    plan.linkSources.push({ linkId: existing.id, itemId });
    plan.counts.linksTouched.add(existing.id);
    return;
  }
  // A link touching a child is as need-to-know as the child.
  const child = [from, to].find((end) => end.child);
  const linkMarking: Marking = child
    ? { ...marking, classification: 'OFFICIAL-SENSITIVE', accessListId: child.access_list_id }
    : marking;
  const id = randomUUID();
  plan.newLinks.set(id, {
    id,
    type: link.type,
    fromEntityId: from.id,
    toEntityId: to.id,
    startDate: link.startDate,
    endDate: link.endDate,
    confidence: link.confidence,
    sourceKey: link.key,
    createdBy: importer.userId,
    marking: linkMarking,
  });
  plan.linkSources.push({ linkId: id, itemId });
  plan.links.set(link.key, {
    id,
    source_key: link.key,
    start_date: link.startDate,
    end_date: link.endDate,
    confidence: link.confidence,
    classification: linkMarking.classification,
    handling_code: linkMarking.handlingCode,
    handling_conditions: linkMarking.handlingConditions,
    owning_agency_id: linkMarking.owningAgencyId,
    access_list_id: linkMarking.accessListId,
  });
  plan.counts.linksCreated.add(id);
  plan.counts.linksTouched.add(id);
}
