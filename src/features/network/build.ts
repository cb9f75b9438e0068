/**
 * Builds the network a viewer may see around seed entities or an OCG's members, out to N hops,
 * breadth first, one hop at a time. Each hop asks the database (queries.ts) for the links the
 * viewer may open that touch the current frontier; a link qualifies only if the viewer may open it,
 * both its ends and at least one supporting item meeting the grading asked for. Nodes reached only
 * through hidden links are never reached, so a hidden entity cannot bridge to visible ones, and the
 * metrics (computed on this network alone) carry no trace of what is hidden.
 *
 * After the last hop, links between nodes already in the network are added too (the network is
 * the qualifying links among the nodes within N hops). If a hop would take the network past
 * MAX_NODES, expansion stops at the hop before, and `limit` says so.
 */
import type { Queryable } from '../../db/database.js';
import type { Viewer } from '../access/policy.js';
import {
  linksTouching,
  ocgMembersVisibleTo,
  visibleEntities,
  type EntityRow,
  type LinkFilters,
  type LinkRow,
} from './queries.js';
import type { NetworkEdge, NetworkNode, VisibleNetwork } from './types.js';

export const MAX_NODES = 5000;
export const MAX_HOPS = 4;

export interface NetworkRequest {
  seeds?: readonly string[];
  ocgId?: string;
  /** 1 to 4. */
  hops: number;
  filters?: LinkFilters;
  /** Tests may lower the cap. */
  maxNodes?: number;
}

export interface BuiltNetwork extends VisibleNetwork {
  /** The OCG the network was built around, if one was asked for and the viewer may see it. */
  ocg?: { id: string; reference: string; name: string };
}

/** The viewer's network, or undefined when no seed (or OCG) is one they may see. */
export async function buildVisibleNetwork(
  q: Queryable,
  viewer: Viewer,
  request: NetworkRequest,
): Promise<BuiltNetwork | undefined> {
  const maxNodes = request.maxNodes ?? MAX_NODES;
  const requestedHops = Math.max(1, Math.min(MAX_HOPS, Math.floor(request.hops)));
  const filters = request.filters ?? {};

  const seedRows: EntityRow[] = await visibleEntities(q, viewer, request.seeds ?? []);
  let ocg: BuiltNetwork['ocg'];
  if (request.ocgId) {
    const found = await ocgMembersVisibleTo(q, viewer, request.ocgId);
    if (found) {
      ocg = { id: request.ocgId, reference: found.reference, name: found.name };
      seedRows.push(...found.members);
    }
  }
  const nodes = new Map<string, NetworkNode>();
  for (const row of seedRows) nodes.set(row.id, { ...row, seed: true, hops: 0 });
  if (nodes.size === 0) return ocg ? { nodes: [], edges: [], ocg } : undefined;
  if (nodes.size > maxNodes) {
    return { nodes: [], edges: [], limit: { requestedHops, hops: 0, maxNodes }, ...(ocg ? { ocg } : {}) };
  }

  const edges = new Map<string, LinkRow>();
  let frontier = [...nodes.keys()];
  let hopsReached = 0;
  let limited = false;
  for (let hop = 1; hop <= requestedHops && frontier.length; hop++) {
    const found = await linksTouching(q, viewer, frontier, filters);
    const added = new Map<string, NetworkNode>();
    for (const link of found) {
      for (const [id, schema, caption] of [
        [link.from_entity_id, link.from_schema, link.from_caption],
        [link.to_entity_id, link.to_schema, link.to_caption],
      ] as const) {
        if (!nodes.has(id) && !added.has(id)) added.set(id, { id, schema, caption, seed: false, hops: hop });
      }
    }
    if (nodes.size + added.size > maxNodes) {
      limited = true;
      break;
    }
    for (const [id, node] of added) nodes.set(id, node);
    for (const link of found) edges.set(link.id, link);
    frontier = [...added.keys()];
    hopsReached = hop;
  }
  // Links among the nodes of the last hop reached (both ends already in): fetched from that hop.
  if (frontier.length) {
    for (const link of await linksTouching(q, viewer, frontier, filters)) {
      if (nodes.has(link.from_entity_id) && nodes.has(link.to_entity_id)) edges.set(link.id, link);
    }
  }

  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const network: BuiltNetwork = {
    nodes: [...nodes.values()].sort(byId),
    edges: [...edges.values()].map(asEdge).sort(byId),
    ...(ocg ? { ocg } : {}),
  };
  if (limited) network.limit = { requestedHops, hops: hopsReached, maxNodes };
  return network;
}

function asEdge(link: LinkRow): NetworkEdge {
  return {
    id: link.id,
    from: link.from_entity_id,
    to: link.to_entity_id,
    linkType: link.link_type,
    startDate: link.start_date,
    endDate: link.end_date,
    confidence: link.confidence,
  };
}
