/** How each entity command finds the item or entity it acts on, and who may change an entity. */
import type { Tx } from '../../../db/database.js';
import type { Marking } from '../../access/markings.js';
import type { RecordAction, Viewer } from '../../access/policy.js';
import { mayAccessRecord, type AccessRecord, type RecordSource } from '../../access/records.js';
import { intelligenceItemRecords } from '../records.js';
import { isEntitySchema, type EntityProperties, type EntitySchemaName } from '../schema.js';

export interface ItemHeading {
  id: string;
  reference: string;
}

export interface Entity {
  id: string;
  schema: EntitySchemaName;
  caption: string;
  properties: EntityProperties;
  child: boolean;
  marking: Marking;
}

export async function loadChecked(
  tx: Tx,
  viewer: Viewer,
  source: RecordSource,
  action: RecordAction,
  id: string,
): Promise<AccessRecord | undefined> {
  const record = await source.load(tx, id);
  return record && mayAccessRecord(viewer, action, source, record) ? record : undefined;
}

export function asEntity(record: AccessRecord): Entity | undefined {
  const { schema, caption, properties, child } = record.fields;
  if (!isEntitySchema(schema) || typeof caption !== 'string' || !record.marking) return undefined;
  return {
    id: record.id,
    schema,
    caption,
    properties: (properties ?? {}) as EntityProperties,
    child: child === true,
    marking: record.marking,
  };
}

/** The item an entity or link is being added to, if the viewer may add to it. */
export async function itemHeading(tx: Tx, viewer: Viewer, itemId: string): Promise<ItemHeading | undefined> {
  const record = await loadChecked(tx, viewer, intelligenceItemRecords, 'link', itemId);
  return record && { id: record.id, reference: String(record.fields.reference) };
}

/**
 * Only the owning agency changes an entity: others who may see it (through sharing) read it but do
 * not edit another agency's record; they are told who owns it on the entity page.
 */
export function mayChange(viewer: Viewer, entity: Entity): boolean {
  return entity.marking.owningAgencyId === viewer.agencyId;
}
