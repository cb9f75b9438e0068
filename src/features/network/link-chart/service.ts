/**
 * Importing a link chart (rows.ts reads it). Every row is accepted or rejected on its own, with its
 * reason, as the main import does (intelligence/import/service.ts); then, in ONE transaction with
 * ONE s62 collection entry:
 *
 * - each name is matched among the entities the importer may link, by schema and normalised name
 *   or alias (a name two such entities share is ambiguous and rejects the row: link those by hand);
 *   a name that matches nothing becomes a new entity owned by the importer's agency, keyed by
 *   `sourceKey("<agency code>/link-chart", ...)`;
 * - ONE new intelligence item ("Link chart imported from <file>", source type other-system, owned
 *   by the importer's agency, closed as recorded) is the source of every link the import writes or
 *   confirms;
 * - a link already on record (the same type and ends, visible: `sameLink`, or the same key from an
 *   earlier import of the chart) gains the item as a further source instead of being duplicated,
 *   so importing the same chart again adds no link.
 *
 * Who may: anyone whose role may create entities and links (the route 404s anyone else); records
 * are OFFICIAL-SENSITIVE, handling P when the importer is cleared for it, OFFICIAL otherwise.
 */
import type { Database, Queryable, Tx } from '../../../db/database.js';
import { coveredBy, type Marking } from '../../access/markings.js';
import type { Principal } from '../../access/principal.js';
import { mayAct, type Viewer } from '../../access/policy.js';
import { loadViewer } from '../../access/viewer.js';
import { writeAuditEntry, type AuditContext } from '../../audit/audit-log.js';
import { csvDocument } from '../../audit/csv.js';
import { sameLink } from '../../intelligence/entities/queries.js';
import { closeAsRecorded, linksByKeys } from '../../intelligence/import/queries.js';
import { linkKey } from '../../intelligence/import/rows.js';
import {
  addLinkSources,
  createAccessList,
  insertEntity,
  insertItem,
  insertLink,
} from '../../intelligence/queries.js';
import {
  ENTITY_SCHEMAS,
  LINK_TYPES,
  normaliseName,
  sourceKey,
  type EntitySchemaSpec,
} from '../../intelligence/schema.js';
import { entityIdsByKeys, linkableEntitiesNamed, type NamedEntity } from './queries.js';
import { parseLinkChart, type LinkChartEnd, type LinkChartRejection, type LinkChartRow } from './rows.js';

const REASON_COLUMN = 'Reason not imported';

export interface LinkChartImporter {
  principal: Principal & { kind: 'user' };
  agencyCode: string;
  /** How the item names the person: their email address. */
  label: string;
  audit: AuditContext;
}

/** One end of a planned link: an entity already on record, or one the import will create. */
type Resolved =
  | { kind: 'existing'; id: string; classification: string; accessListId: string | null }
  | { kind: 'new'; end: LinkChartEnd; key: string };

export interface PlannedLink {
  row: LinkChartRow;
  from: Resolved;
  to: Resolved;
  /** The link already on record that this row confirms, if any. */
  existingLinkId: string | null;
  key: string | null;
}

export interface LinkChartPlan {
  fileName: string;
  header: string[];
  rowsRead: number;
  links: PlannedLink[];
  rejections: LinkChartRejection[];
  /** Entities the import would create, in the order first met. */
  newEntities: LinkChartEnd[];
  /** How many different entities on record the names matched. */
  matchedEntities: number;
  linksNew: number;
  linksExisting: number;
}

export interface LinkChartSummary {
  fileName: string;
  rowsRead: number;
  accepted: number;
  rejected: number;
  entitiesCreated: number;
  entitiesMatched: number;
  linksCreated: number;
  linksConfirmed: number;
  item: { id: string; reference: string } | null;
  createdEntityIds: string[];
  linkIds: string[];
  rejections: { line: number; reason: string }[];
  rejectionCsv: string | null;
}

/** The importer may not import link charts at all (the route answers with its 404). */
export class LinkChartRefused extends Error {
  override name = 'LinkChartRefused';
}

export function mayImportLinkChart(viewer: Viewer): boolean {
  return (
    mayAct(viewer, 'create', 'entity') &&
    mayAct(viewer, 'create', 'link') &&
    mayAct(viewer, 'create', 'intelligence-item')
  );
}

const namespace = (agencyCode: string) => `${agencyCode}/link-chart`;

function entityKey(agencyCode: string, end: LinkChartEnd): string {
  const spec: EntitySchemaSpec = ENTITY_SCHEMAS[end.schema];
  // The naming property is all a link chart knows of an entity, so it is the key's identity.
  return (
    sourceKey(namespace(agencyCode), end.schema, end.properties, [spec.required]) ??
    `${namespace(agencyCode)}:${end.matchKey}`
  );
}

/**
 * Reads the file and decides every row: which names match, what is new, which links exist. The
 * check page says which names and links are on record, so it writes a consultation naming them.
 */
export async function planLinkChart(
  q: Queryable,
  viewer: Viewer,
  agencyCode: string,
  fileName: string,
  text: string,
): Promise<LinkChartPlan> {
  const file = parseLinkChart(text);
  const ends = file.rows.flatMap((row) => [row.from, row.to]);
  const named = await linkableEntitiesNamed(
    q,
    viewer,
    ends.map((end) => normaliseName(end.name)),
  );
  const byMatchKey = new Map<string, Map<string, NamedEntity>>();
  for (const entity of named) {
    const matchKey = `${entity.schema}:${entity.normalised}`;
    const found = byMatchKey.get(matchKey) ?? new Map<string, NamedEntity>();
    found.set(entity.id, entity);
    byMatchKey.set(matchKey, found);
  }
  // Entities an earlier import of a chart created: found by name above when the importer may
  // still link them; a key the importer may not use refuses the row rather than colliding.
  const keys = new Map(ends.map((end) => [end.matchKey, entityKey(agencyCode, end)]));
  const keyed = new Set((await entityIdsByKeys(q, [...keys.values()])).map((row) => row.source_key));

  const rejections = [...file.rejections];
  const links: PlannedLink[] = [];
  const newEntities = new Map<string, LinkChartEnd>();
  const matched = new Set<string>();

  const resolve = (end: LinkChartEnd): Resolved | string => {
    const found = [...(byMatchKey.get(end.matchKey)?.values() ?? [])];
    const label = ENTITY_SCHEMAS[end.schema].label.toLowerCase();
    if (found.length > 1) {
      return `${found.length} ${label} records you can see are called "${end.name}": link the right one by hand on its item`;
    }
    const [one] = found;
    if (one)
      return {
        kind: 'existing',
        id: one.id,
        classification: one.classification,
        accessListId: one.access_list_id,
      };
    const key = keys.get(end.matchKey) ?? entityKey(agencyCode, end);
    if (keyed.has(key)) return `A ${label} called "${end.name}" is already on record and you may not link it`;
    return { kind: 'new', end, key };
  };

  for (const row of file.rows) {
    const from = resolve(row.from);
    const to = resolve(row.to);
    if (typeof from === 'string' || typeof to === 'string') {
      rejections.push({
        line: row.line,
        reason: [from, to].filter((r): r is string => typeof r === 'string').join('; '),
        fields: row.fields,
      });
      continue;
    }
    let existingLinkId: string | null = null;
    let key: string | null = null;
    if (from.kind === 'existing' && to.kind === 'existing') {
      key = linkKey(namespace(agencyCode), row.type, from.id, to.id);
      existingLinkId =
        (await sameLink(q, viewer, {
          type: row.type,
          from: from.id,
          to: to.id,
          directed: LINK_TYPES[row.type].directed,
        })) ?? null;
      if (!existingLinkId && (await linksByKeys(q, [key])).length) {
        rejections.push({
          line: row.line,
          reason: 'This link is already on record and you may not change it',
          fields: row.fields,
        });
        continue;
      }
    }
    for (const end of [from, to]) {
      if (end.kind === 'existing') matched.add(end.id);
      else if (!newEntities.has(end.end.matchKey)) newEntities.set(end.end.matchKey, end.end);
    }
    links.push({ row, from, to, existingLinkId, key });
  }
  rejections.sort((a, b) => a.line - b.line);
  return {
    fileName,
    header: file.header,
    rowsRead: file.rowsRead,
    links,
    rejections,
    newEntities: [...newEntities.values()],
    matchedEntities: matched.size,
    linksNew: links.filter((link) => !link.existingLinkId).length,
    linksExisting: links.filter((link) => link.existingLinkId).length,
  };
}

function rejectionCsv(plan: LinkChartPlan): string | null {
  return plan.rejections.length
    ? csvDocument(
        [...plan.header, REASON_COLUMN],
        plan.rejections.map((r) => [...r.fields, r.reason]),
      )
    : null;
}

function defaultMarking(viewer: Viewer): Marking {
  return {
    classification: coveredBy(viewer.clearance).includes('OFFICIAL-SENSITIVE')
      ? 'OFFICIAL-SENSITIVE'
      : 'OFFICIAL',
    handlingCode: 'P',
    handlingConditions: null,
    owningAgencyId: viewer.agencyId,
    accessListId: null,
  };
}

/** Imports the chart: one transaction, one item, one s62 collection entry (when anything was written). */
export async function importLinkChart(
  database: Database,
  importer: LinkChartImporter,
  fileName: string,
  text: string,
  /** Claims the held upload in the same transaction: false (a second click) imports nothing. */
  claim: (tx: Tx) => Promise<boolean> = () => Promise.resolve(true),
): Promise<LinkChartSummary | null> {
  return database.transaction(async (tx) => {
    if (!(await claim(tx))) return null;
    const viewer = await loadViewer(tx, importer.principal);
    if (!mayImportLinkChart(viewer)) throw new LinkChartRefused('You may not add intelligence');
    const plan = await planLinkChart(tx, viewer, importer.agencyCode, fileName, text);
    const summary: LinkChartSummary = {
      fileName,
      rowsRead: plan.rowsRead,
      accepted: plan.links.length,
      rejected: plan.rejections.length,
      entitiesCreated: 0,
      entitiesMatched: plan.matchedEntities,
      linksCreated: 0,
      linksConfirmed: 0,
      item: null,
      createdEntityIds: [],
      linkIds: [],
      rejections: plan.rejections.map(({ line, reason }) => ({ line, reason })),
      rejectionCsv: rejectionCsv(plan),
    };
    if (!plan.links.length) return summary;
    await write(tx, viewer, importer, plan, summary);
    return summary;
  });
}

async function write(
  tx: Tx,
  viewer: Viewer,
  importer: LinkChartImporter,
  plan: LinkChartPlan,
  summary: LinkChartSummary,
): Promise<void> {
  const marking = defaultMarking(viewer);
  const description = `Link chart imported from ${plan.fileName}`;
  const originalList = await createAccessList(tx, `Link chart import by ${importer.label}`, {
    userIds: [viewer.userId],
    agencyIds: [viewer.agencyId],
  });
  const item = await insertItem(
    tx,
    {
      sourceType: 'other-system',
      sourceDescription: description.slice(0, 300),
      body: [
        `${description}.`,
        `Imported on ${new Date().toISOString().slice(0, 10)} by ${importer.label}.`,
        `Rows read: ${plan.rowsRead}. Links imported: ${plan.links.length}. Rows not imported: ${plan.rejections.length}.`,
      ].join('\n\n'),
      createdBy: viewer.userId,
    },
    marking,
    { accessListId: originalList, conditions: 'The link chart as it was first recorded.' },
  );
  await closeAsRecorded(tx, item.id, viewer.userId, description);
  summary.item = item;

  const created = new Map<string, { id: string; classification: string; accessListId: string | null }>();
  const entityOf = async (resolved: Resolved) => {
    if (resolved.kind === 'existing') return resolved;
    const known = created.get(resolved.end.matchKey);
    if (known) return known;
    const id = await insertEntity(
      tx,
      {
        schema: resolved.end.schema,
        properties: resolved.end.properties,
        sourceKey: resolved.key,
        createdBy: viewer.userId,
      },
      marking,
    );
    const entity = { id, classification: marking.classification as string, accessListId: null };
    created.set(resolved.end.matchKey, entity);
    summary.createdEntityIds.push(id);
    return entity;
  };

  for (const planned of plan.links) {
    const from = await entityOf(planned.from);
    const to = await entityOf(planned.to);
    if (planned.existingLinkId) {
      await addLinkSources(tx, planned.existingLinkId, [item.id]);
      summary.linksConfirmed += 1;
      summary.linkIds.push(planned.existingLinkId);
      continue;
    }
    const sensitive = [from, to].some((end) => end.classification === 'OFFICIAL-SENSITIVE');
    const id = await insertLink(
      tx,
      {
        type: planned.row.type,
        fromEntityId: from.id,
        toEntityId: to.id,
        startDate: planned.row.date,
        confidence: planned.row.confidence,
        sourceKey: planned.key ?? linkKey(namespace(importer.agencyCode), planned.row.type, from.id, to.id),
        createdBy: viewer.userId,
      },
      [item.id],
      {
        ...marking,
        classification: sensitive ? 'OFFICIAL-SENSITIVE' : marking.classification,
        // A link to a need-to-know entity (a child) is need-to-know on the same list.
        accessListId: from.accessListId ?? to.accessListId,
      },
    );
    summary.linksCreated += 1;
    summary.linkIds.push(id);
  }
  summary.entitiesCreated = summary.createdEntityIds.length;

  const matchedIds = [
    ...new Set(
      plan.links
        .flatMap((link) => [link.from, link.to])
        .flatMap((end) => (end.kind === 'existing' ? [end.id] : [])),
    ),
  ];
  await writeAuditEntry(tx, importer.audit, {
    action: 'collection',
    event: 'network.link-chart.import',
    recordType: 'link',
    recordIds: [item.id, ...summary.createdEntityIds, ...matchedIds, ...summary.linkIds],
    detail: {
      file: plan.fileName,
      item: item.reference,
      entitiesCreated: summary.createdEntityIds,
      entitiesMatched: matchedIds,
      linksCreated: summary.linksCreated,
      linksConfirmed: summary.linksConfirmed,
      rowsRejected: plan.rejections.length,
    },
  });
}
