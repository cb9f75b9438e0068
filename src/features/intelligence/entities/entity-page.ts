/**
 * An entity's own page and its change form. Plain functions of the command's transaction and
 * viewer; service.ts runs each as one audited command.
 */
import type { Tx } from '../../../db/database.js';
import type { Viewer } from '../../access/policy.js';
import { done, notFound, refused, type Recorded } from '../../../web/commands.js';
import { updateEntityProperties } from '../queries.js';
import { entityRecords } from '../records.js';
import { checkProperties } from '../schema.js';
import { asEntity, loadChecked, mayChange, type Entity } from './entity-access.js';
import { propertyErrors, propertyInput } from './forms.js';
import {
  agencyName,
  involvementsOf,
  linksOf,
  supportingItems,
  type EntityLink,
  type Involvement,
  type SupportingItem,
} from './queries.js';

export interface EntityPage {
  entity: Entity;
  owningAgency: string;
  mayChange: boolean;
  involvements: Involvement[];
  links: EntityLink[];
  items: SupportingItem[];
}

/** The entity page: one consultation naming the entity and every entity shown with it. */
export async function entityPage(tx: Tx, viewer: Viewer, entityId: string): Promise<Recorded<EntityPage>> {
  const record = await loadChecked(tx, viewer, entityRecords, 'read', entityId);
  const entity = record && asEntity(record);
  if (!entity) return { outcome: notFound };
  const involvements = await involvementsOf(tx, viewer, entityId);
  const links = await linksOf(tx, viewer, entityId);
  const items = await supportingItems(
    tx,
    viewer,
    links.map((l) => l.id),
  );
  const shown = [entityId, ...new Set(links.map((l) => l.other_id))];
  return {
    outcome: done({
      entity,
      owningAgency: await agencyName(tx, entity.marking.owningAgencyId),
      mayChange: mayChange(viewer, entity),
      involvements,
      links,
      items,
    }),
    entry: {
      action: 'consultation',
      recordType: 'entity',
      recordIds: shown,
      detail: {
        links: links.map((l) => l.id),
        items: [...new Set([...involvements.map((i) => i.item_id), ...items.map((i) => i.item_id)])],
      },
    },
  };
}

/** The change form: a consultation of the entity, for its owning agency only. */
export async function forChange(tx: Tx, viewer: Viewer, entityId: string): Promise<Recorded<Entity>> {
  const record = await loadChecked(tx, viewer, entityRecords, 'update', entityId);
  const entity = record && asEntity(record);
  if (!entity || !mayChange(viewer, entity)) return { outcome: notFound };
  return {
    outcome: done(entity),
    entry: { action: 'consultation', recordType: 'entity', recordIds: [entityId] },
  };
}

/** Replaces the entity's properties: an alteration, by its owning agency only. */
export async function change(
  tx: Tx,
  viewer: Viewer,
  entityId: string,
  body: Record<string, unknown>,
): Promise<Recorded<Entity>> {
  const record = await loadChecked(tx, viewer, entityRecords, 'update', entityId);
  const entity = record && asEntity(record);
  if (!entity || !mayChange(viewer, entity)) return { outcome: notFound };
  const checked = checkProperties(entity.schema, propertyInput(entity.schema, body));
  if (!checked.ok) return { outcome: refused(propertyErrors(checked.errors)) };
  await updateEntityProperties(tx, entityId, entity.schema, checked.properties);
  const changed = Object.keys({ ...entity.properties, ...checked.properties }).filter(
    (p) => JSON.stringify(entity.properties[p] ?? []) !== JSON.stringify(checked.properties[p] ?? []),
  );
  return {
    outcome: done(entity),
    entry: { action: 'alteration', recordType: 'entity', recordIds: [entityId], detail: { changed } },
  };
}
