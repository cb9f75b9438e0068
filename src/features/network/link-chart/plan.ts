/**
 * Deciding a link chart's rows before anything is written: which names match an entity the
 * importer may link, what is new, which links are already on record. It reads in a fixed number of
 * statements, whatever the chart's length: the names, the keys, the links already on record.
 */
import type { Queryable } from '../../../db/database.js';
import type { Viewer } from '../../access/policy.js';
import {
  sameLinks,
  linksByKeys,
  linkKey,
  ENTITY_SCHEMAS,
  LINK_TYPES,
  normaliseName,
  sourceKey,
  type EntitySchemaSpec,
} from '../../intelligence/index.js';
import { entityIdsByKeys, linkableEntitiesNamed, type NamedEntity } from './queries.js';
import { parseLinkChart, type LinkChartEnd, type LinkChartRejection, type LinkChartRow } from './rows.js';

/** One end of a planned link: an entity already on record, or one the import will create. */
export type Resolved =
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

export const linkChartNamespace = (agencyCode: string) => `${agencyCode}/link-chart`;

function entityKey(agencyCode: string, end: LinkChartEnd): string {
  const spec: EntitySchemaSpec = ENTITY_SCHEMAS[end.schema];
  // The naming property is all a link chart knows of an entity, so it is the key's identity.
  return (
    sourceKey(linkChartNamespace(agencyCode), end.schema, end.properties, [spec.required]) ??
    `${linkChartNamespace(agencyCode)}:${end.matchKey}`
  );
}

/** How a name in the chart resolves: to one entity, to a new one, or to a reason to reject. */
async function nameResolver(
  q: Queryable,
  viewer: Viewer,
  agencyCode: string,
  ends: readonly LinkChartEnd[],
): Promise<(end: LinkChartEnd) => Resolved | string> {
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
  return (end) => {
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
}

type Candidate = { row: LinkChartRow; from: Resolved; to: Resolved; key: string | null };

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
  const resolve = await nameResolver(
    q,
    viewer,
    agencyCode,
    file.rows.flatMap((row) => [row.from, row.to]),
  );
  const rejections = [...file.rejections];
  const candidates: Candidate[] = [];
  for (const row of file.rows) {
    const from = resolve(row.from);
    const to = resolve(row.to);
    if (typeof from === 'string' || typeof to === 'string') {
      const reason = [from, to].filter((r): r is string => typeof r === 'string').join('; ');
      rejections.push({ line: row.line, reason, fields: row.fields });
      continue;
    }
    const bothOnRecord = from.kind === 'existing' && to.kind === 'existing';
    const key = bothOnRecord ? linkKey(linkChartNamespace(agencyCode), row.type, from.id, to.id) : null;
    candidates.push({ row, from, to, key });
  }
  const links = await linksOnRecord(q, viewer, candidates, rejections);
  rejections.sort((a, b) => a.line - b.line);
  const newEntities = new Map<string, LinkChartEnd>();
  const matched = new Set<string>();
  for (const end of links.flatMap((link) => [link.from, link.to])) {
    if (end.kind === 'existing') matched.add(end.id);
    else if (!newEntities.has(end.end.matchKey)) newEntities.set(end.end.matchKey, end.end);
  }
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

/**
 * Rows whose ends are both on record: the same link visible to the importer is confirmed; one an
 * earlier import made (by key) that the importer may no longer see refuses the row.
 */
async function linksOnRecord(
  q: Queryable,
  viewer: Viewer,
  candidates: readonly Candidate[],
  rejections: LinkChartRejection[],
): Promise<PlannedLink[]> {
  const keyed = candidates.filter((c) => c.key !== null);
  const same = await sameLinks(
    q,
    viewer,
    keyed.map(({ row, from, to }) => ({
      type: row.type,
      from: from.kind === 'existing' ? from.id : '',
      to: to.kind === 'existing' ? to.id : '',
      directed: LINK_TYPES[row.type].directed,
    })),
  );
  const existingLinkIds = new Map(keyed.map((c, n) => [c, same.get(n) ?? null] as const));
  const unseenKeys = keyed.filter((c) => !existingLinkIds.get(c)).map((c) => c.key ?? '');
  const taken = new Set((await linksByKeys(q, unseenKeys)).map((link) => link.source_key));
  const links: PlannedLink[] = [];
  for (const candidate of candidates) {
    const existingLinkId = existingLinkIds.get(candidate) ?? null;
    if (!existingLinkId && candidate.key !== null && taken.has(candidate.key)) {
      rejections.push({
        line: candidate.row.line,
        reason: 'This link is already on record and you may not change it',
        fields: candidate.row.fields,
      });
      continue;
    }
    links.push({ ...candidate, existingLinkId });
  }
  return links;
}
