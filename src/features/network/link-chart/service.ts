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
import type { Database, Tx } from '../../../db/database.js';
import type { Principal } from '../../access/principal.js';
import { mayAct, type Viewer } from '../../access/policy.js';
import { loadViewer } from '../../access/viewer.js';
import type { AuditContext } from '../../audit/audit-log.js';
import { csvDocument } from '../../audit/csv.js';
import { planLinkChart, type LinkChartPlan } from './plan.js';
import { writeLinkChart } from './write.js';

export { planLinkChart, type LinkChartPlan, type PlannedLink } from './plan.js';

const REASON_COLUMN = 'Reason not imported';

export interface LinkChartImporter {
  principal: Principal & { kind: 'user' };
  agencyCode: string;
  /** How the item names the person: their email address. */
  label: string;
  audit: AuditContext;
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

function rejectionCsv(plan: LinkChartPlan): string | null {
  return plan.rejections.length
    ? csvDocument(
        [...plan.header, REASON_COLUMN],
        plan.rejections.map((r) => [...r.fields, r.reason]),
      )
    : null;
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
    const written = await writeLinkChart(tx, { ...importer, viewer }, plan);
    return {
      ...summary,
      item: written.item,
      createdEntityIds: written.createdEntityIds,
      entitiesCreated: written.createdEntityIds.length,
      linkIds: written.linkIds,
      linksCreated: written.linksCreated,
      linksConfirmed: written.linksConfirmed,
    };
  });
}
