/**
 * The commands behind the entity pages. Each runs in one transaction that checks access, does the
 * work and writes its one s62 audit entry, so nothing happens that the log does not show and an
 * entry that cannot be written undoes the work. Routes stay thin: they turn outcomes into pages.
 */
import type { Database, Tx } from '../../../db/database.js';
import type { Marking } from '../../access/markings.js';
import type { RecordAction, Viewer } from '../../access/policy.js';
import { mayAccessRecord, type AccessRecord, type RecordSource } from '../../access/records.js';
import { findEntitiesByName, type NameMatch } from '../name-search.js';
import {
  addInvolvement,
  addLinkSources,
  insertEntity,
  insertLink,
  markingForChild,
  updateEntityProperties,
} from '../queries.js';
import { entityRecords, intelligenceItemRecords } from '../records.js';
import {
  checkProperties,
  isEntitySchema,
  LINK_TYPES,
  linkFits,
  type Confidence,
  type EntityProperties,
  type EntitySchemaName,
  type LinkTypeName,
  type SubjectCategory,
} from '../schema.js';
import { propertyErrors, propertyInput, type DetailsAnswers } from './forms.js';
import {
  agencyName,
  hiddenInvolvement,
  involvedEntities,
  involvementsOf,
  linksOf,
  sameLink,
  supportingItems,
  type EntityLink,
  type EntitySummary,
  type Involvement,
  type SupportingItem,
} from './queries.js';
import { commandKernel, done, notFound, refused, type Asker, type Outcome } from '../../../web/commands.js';

export interface LinkAdded {
  linkId: string;
  /** A new link, or a further source for the same link already on record. */
  added: 'link' | 'source';
  fromId: string;
}

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

export interface EntityPage {
  entity: Entity;
  owningAgency: string;
  mayChange: boolean;
  involvements: Involvement[];
  links: EntityLink[];
  items: SupportingItem[];
}

async function loadChecked(
  tx: Tx,
  viewer: Viewer,
  source: RecordSource,
  action: RecordAction,
  id: string,
): Promise<AccessRecord | undefined> {
  const record = await source.load(tx, id);
  return record && mayAccessRecord(viewer, action, source, record) ? record : undefined;
}

function asEntity(record: AccessRecord): Entity | undefined {
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

export function createEntityCommands(database: Database) {
  const { audited } = commandKernel(database);

  async function item(tx: Tx, viewer: Viewer, itemId: string): Promise<ItemHeading | undefined> {
    const record = await loadChecked(tx, viewer, intelligenceItemRecords, 'link', itemId);
    return record && { id: record.id, reference: String(record.fields.reference) };
  }

  return {
    /** The item an entity or link is being added to, if the viewer may add to it. Names no one. */
    async itemFor(asker: Asker, itemId: string): Promise<ItemHeading | undefined> {
      const outcome = await audited(asker, async (tx, viewer) => {
        const heading = await item(tx, viewer, itemId);
        return { outcome: heading ? done(heading) : notFound };
      });
      return outcome.kind === 'done' ? outcome.value : undefined;
    },

    /** Existing entities the viewer may see whose names are like the one typed: a consultation. */
    suggest(
      asker: Asker,
      itemId: string,
      draft: { schema: EntitySchemaName; name: string },
    ): Promise<Outcome<{ item: ItemHeading; matches: NameMatch[] }>> {
      return audited(asker, async (tx, viewer) => {
        const heading = await item(tx, viewer, itemId);
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
      });
    },

    /** Adds an existing entity to the item (an alteration of the entity's record of involvement). */
    pick(
      asker: Asker,
      itemId: string,
      entityId: string,
      category: SubjectCategory | null,
    ): Promise<Outcome<{ entityId: string; caption: string; reference: string }>> {
      return audited(asker, async (tx, viewer) => {
        const heading = await item(tx, viewer, itemId);
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
      });
    },

    /** Creates an entity owned by the viewer's agency and adds it to the item: a collection. */
    create(
      asker: Asker,
      itemId: string,
      answers: DetailsAnswers,
    ): Promise<Outcome<{ entityId: string; caption: string; reference: string }>> {
      return audited(asker, async (tx, viewer) => {
        const heading = await item(tx, viewer, itemId);
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
      });
    },

    /** The entities a link in this item may join: those involved in it, and any found by name. */
    linkChoices(
      asker: Asker,
      itemId: string,
      search: string | undefined,
    ): Promise<Outcome<{ item: ItemHeading; involved: EntitySummary[]; found: EntitySummary[] }>> {
      return audited(asker, async (tx, viewer) => {
        const heading = await item(tx, viewer, itemId);
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
      });
    },

    /**
     * Links two entities with this item as its source. The same link, already on record and visible,
     * gains this item as a further source instead (an alteration rather than a collection).
     */
    link(
      asker: Asker,
      itemId: string,
      answers: {
        from: string;
        to: string;
        type: string;
        startDate?: string | undefined;
        endDate?: string | undefined;
        confidence: Confidence;
      },
    ): Promise<Outcome<LinkAdded>> {
      return audited<LinkAdded>(asker, async (tx, viewer) => {
        const heading = await item(tx, viewer, itemId);
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
      });
    },

    /** The entity page: one consultation naming the entity and every entity shown with it. */
    page(asker: Asker, entityId: string): Promise<Outcome<EntityPage>> {
      return audited(asker, async (tx, viewer) => {
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
      });
    },

    /** The change form: a consultation of the entity, for its owning agency only. */
    forChange(asker: Asker, entityId: string): Promise<Outcome<Entity>> {
      return audited(asker, async (tx, viewer) => {
        const record = await loadChecked(tx, viewer, entityRecords, 'update', entityId);
        const entity = record && asEntity(record);
        if (!entity || !mayChange(viewer, entity)) return { outcome: notFound };
        return {
          outcome: done(entity),
          entry: { action: 'consultation', recordType: 'entity', recordIds: [entityId] },
        };
      });
    },

    /** Replaces the entity's properties: an alteration, by its owning agency only. */
    change(asker: Asker, entityId: string, body: Record<string, unknown>): Promise<Outcome<Entity>> {
      return audited(asker, async (tx, viewer) => {
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
      });
    },
  };
}

/**
 * Only the owning agency changes an entity: others who may see it (through sharing) read it but do
 * not edit another agency's record; they are told who owns it on the entity page.
 */
export function mayChange(viewer: Viewer, entity: Entity): boolean {
  return entity.marking.owningAgencyId === viewer.agencyId;
}

export type EntityCommands = ReturnType<typeof createEntityCommands>;
