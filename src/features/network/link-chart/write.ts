/**
 * Writing a planned link chart, inside the import's transaction: the one item, the new entities,
 * the new links and the item as a source of every link, each kind in one statement
 * (intelligence/bulk-queries.ts), then the one s62 collection entry.
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../../db/database.js';
import { coveredBy, type Marking } from '../../access/markings.js';
import type { Viewer } from '../../access/policy.js';
import { writeAuditEntry, type AuditContext } from '../../audit/audit-log.js';
import {
  addLinkSourcesOf,
  insertEntities,
  insertLinks,
  type NewBulkEntity,
  type NewBulkLink,
  closeAsRecorded,
  linkKey,
  insertItem,
} from '../../intelligence/index.js';
import { needToKnowList } from '../../access/access-lists.js';
import { linkChartNamespace, type LinkChartPlan, type Resolved } from './plan.js';

/** What the write reports back into the summary. */
export interface Written {
  item: { id: string; reference: string };
  createdEntityIds: string[];
  linkIds: string[];
  linksCreated: number;
  linksConfirmed: number;
}

interface Writer {
  viewer: Viewer;
  agencyCode: string;
  label: string;
  audit: AuditContext;
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

async function writeItem(tx: Tx, writer: Writer, plan: LinkChartPlan, marking: Marking) {
  const { viewer } = writer;
  const description = `Link chart imported from ${plan.fileName}`;
  const originalList = await needToKnowList(tx, viewer.userId, viewer.agencyId);
  const item = await insertItem(
    tx,
    {
      sourceType: 'other-system',
      sourceDescription: description.slice(0, 300),
      body: [
        `${description}.`,
        `Imported on ${new Date().toISOString().slice(0, 10)} by ${writer.label}.`,
        `Rows read: ${plan.rowsRead}. Links imported: ${plan.links.length}. Rows not imported: ${plan.rejections.length}.`,
      ].join('\n\n'),
      createdBy: viewer.userId,
    },
    marking,
    { accessListId: originalList, conditions: 'The link chart as it was first recorded.' },
  );
  await closeAsRecorded(tx, item.id, viewer.userId, description);
  return item;
}

export async function writeLinkChart(tx: Tx, writer: Writer, plan: LinkChartPlan): Promise<Written> {
  const { viewer } = writer;
  const marking = defaultMarking(viewer);
  const item = await writeItem(tx, writer, plan, marking);
  const written: Written = { item, createdEntityIds: [], linkIds: [], linksCreated: 0, linksConfirmed: 0 };

  const entities = new Map<string, NewBulkEntity>();
  const entityOf = (resolved: Resolved) => {
    if (resolved.kind === 'existing') return resolved;
    let entity = entities.get(resolved.end.matchKey);
    if (!entity) {
      entity = {
        id: randomUUID(),
        schema: resolved.end.schema,
        properties: resolved.end.properties,
        child: false,
        sourceKey: resolved.key,
        createdBy: viewer.userId,
        marking,
      };
      entities.set(resolved.end.matchKey, entity);
      written.createdEntityIds.push(entity.id);
    }
    return { id: entity.id, classification: marking.classification as string, accessListId: null };
  };

  const links: NewBulkLink[] = [];
  for (const planned of plan.links) {
    const from = entityOf(planned.from);
    const to = entityOf(planned.to);
    if (planned.existingLinkId) {
      written.linksConfirmed += 1;
      written.linkIds.push(planned.existingLinkId);
      continue;
    }
    const sensitive = [from, to].some((end) => end.classification === 'OFFICIAL-SENSITIVE');
    const id = randomUUID();
    links.push({
      id,
      type: planned.row.type,
      fromEntityId: from.id,
      toEntityId: to.id,
      startDate: planned.row.date,
      endDate: null,
      confidence: planned.row.confidence,
      sourceKey:
        planned.key ?? linkKey(linkChartNamespace(writer.agencyCode), planned.row.type, from.id, to.id),
      createdBy: viewer.userId,
      marking: {
        ...marking,
        classification: sensitive ? 'OFFICIAL-SENSITIVE' : marking.classification,
        // A link to a need-to-know entity (a child) is need-to-know on the same list.
        accessListId: from.accessListId ?? to.accessListId,
      },
    });
    written.linksCreated += 1;
    written.linkIds.push(id);
  }
  await insertEntities(tx, [...entities.values()]);
  await insertLinks(tx, links);
  await addLinkSourcesOf(
    tx,
    written.linkIds.map((linkId) => ({ linkId, itemId: item.id })),
  );
  await auditLinkChart(tx, writer, plan, written);
  return written;
}

async function auditLinkChart(tx: Tx, writer: Writer, plan: LinkChartPlan, written: Written): Promise<void> {
  const matchedIds = [
    ...new Set(
      plan.links
        .flatMap((link) => [link.from, link.to])
        .flatMap((end) => (end.kind === 'existing' ? [end.id] : [])),
    ),
  ];
  await writeAuditEntry(tx, writer.audit, {
    action: 'collection',
    event: 'network.link-chart.import',
    recordType: 'link',
    recordIds: [written.item.id, ...written.createdEntityIds, ...matchedIds, ...written.linkIds],
    detail: {
      file: plan.fileName,
      item: written.item.reference,
      entitiesCreated: written.createdEntityIds,
      entitiesMatched: matchedIds,
      linksCreated: written.linksCreated,
      linksConfirmed: written.linksConfirmed,
      rowsRejected: plan.rejections.length,
    },
  });
}
