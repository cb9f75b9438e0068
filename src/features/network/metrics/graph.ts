/**
 * The graph every network metric reads: undirected, unweighted and simple, held as compressed
 * sparse rows (CSR) in typed arrays. Node i's neighbours are neighbours[offsets[i] .. offsets[i+1]),
 * in ascending index order. Typed arrays keep a 30,000-node graph in a few hundred kilobytes and
 * let the inner loops of betweenness and Louvain run without Maps or object lookups.
 *
 * Node indices follow the ids sorted as strings (JavaScript's `<`, UTF-16 code units), so "the
 * lowest index" and "the lowest node id compared as a string" are the same thing: every tie rule
 * in this folder leans on that.
 */

export interface Graph {
  /** Node ids in index order (sorted as strings). */
  readonly ids: readonly string[];
  /** Length n + 1: node i's neighbours sit at offsets[i] up to (not including) offsets[i + 1]. */
  readonly offsets: Int32Array;
  /** Both directions of every edge, 2 × edgeCount entries, ascending within each node's run. */
  readonly neighbours: Int32Array;
  readonly nodeCount: number;
  readonly edgeCount: number;
}

export interface EdgeInput {
  readonly source: string;
  readonly target: string;
  /** Accepted so weighted edge lists can be passed as they are, and ignored (see buildGraph). */
  readonly weight?: number;
}

export class UnknownNodeError extends Error {
  constructor(readonly nodeId: string) {
    super(`An edge names node "${nodeId}", which is not in the node list`);
    this.name = 'UnknownNodeError';
  }
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Builds the graph from node ids and an undirected edge list. Repeated edges (in either
 * direction) count once and self-loops are dropped: the metrics are defined on simple graphs, and
 * a link recorded twice by two agencies is still one link. Any weight on an edge is ignored.
 * Repeated node ids count once. An edge naming an unknown node is a caller's mistake and throws.
 */
export function buildGraph(nodeIds: Iterable<string>, edges: Iterable<EdgeInput>): Graph {
  const ids = [...new Set(nodeIds)].sort(compareIds);
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const indexOf = (id: string): number => {
    const i = index.get(id);
    if (i === undefined) throw new UnknownNodeError(id);
    return i;
  };

  const ends: number[] = [];
  for (const edge of edges) {
    const u = indexOf(edge.source);
    const v = indexOf(edge.target);
    if (u !== v) ends.push(u, v);
  }
  return fromEndpoints(ids, ends);
}

/**
 * CSR from a flat list of endpoint pairs (u0, v0, u1, v1, ...) over indices into `ids`, which must
 * already be sorted. Self-loops must already be gone; duplicates are removed here.
 */
export function fromEndpoints(ids: readonly string[], ends: ArrayLike<number>): Graph {
  const n = ids.length;
  const degree = new Int32Array(n + 1);
  for (let e = 0; e < ends.length; e++) {
    const u = ends[e] ?? 0;
    degree[u] = (degree[u] ?? 0) + 1;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i] ?? 0) + (degree[i] ?? 0);
  const fill = offsets.slice(0, n);
  const raw = new Int32Array(ends.length);
  for (let e = 0; e < ends.length; e += 2) {
    const u = ends[e] ?? 0;
    const v = ends[e + 1] ?? 0;
    const atU = fill[u] ?? 0;
    const atV = fill[v] ?? 0;
    raw[atU] = v;
    raw[atV] = u;
    fill[u] = atU + 1;
    fill[v] = atV + 1;
  }

  // Sort each run, then squeeze out repeats in place.
  const compact = new Int32Array(n + 1);
  let write = 0;
  for (let i = 0; i < n; i++) {
    const start = offsets[i] ?? 0;
    const end = offsets[i + 1] ?? 0;
    const run = raw.subarray(start, end).sort();
    compact[i] = write;
    let last = -1;
    for (let k = 0; k < run.length; k++) {
      const v = run[k] ?? 0;
      if (v !== last) raw[write++] = v;
      last = v;
    }
  }
  compact[n] = write;
  return { ids, offsets: compact, neighbours: raw.slice(0, write), nodeCount: n, edgeCount: write / 2 };
}

/** Node index of an id, by binary search over the sorted ids; -1 if the graph has no such node. */
export function indexOfId(graph: Graph, id: string): number {
  let lo = 0;
  let hi = graph.ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = graph.ids[mid] ?? '';
    if (at === id) return mid;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The graph on the nodes where keep[i] is 1, with the edges among them. Indices are renumbered
 * but stay in id order, so tie rules carry over; `original[j]` is the kept node's index in `graph`.
 */
export function inducedSubgraph(
  graph: Graph,
  keep: Uint8Array,
): { readonly graph: Graph; readonly original: Int32Array } {
  const n = graph.nodeCount;
  const renumber = new Int32Array(n).fill(-1);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    if (keep[i] === 1) {
      renumber[i] = ids.length;
      ids.push(graph.ids[i] ?? '');
    }
  }
  const original = new Int32Array(ids.length);
  const offsets = new Int32Array(ids.length + 1);
  const neighbours = new Int32Array(graph.neighbours.length);
  let write = 0;
  for (let i = 0; i < n; i++) {
    const j = renumber[i] ?? -1;
    if (j < 0) continue;
    original[j] = i;
    const end = graph.offsets[i + 1] ?? 0;
    for (let e = graph.offsets[i] ?? 0; e < end; e++) {
      const w = renumber[graph.neighbours[e] ?? 0] ?? -1;
      if (w >= 0) neighbours[write++] = w;
    }
    offsets[j + 1] = write;
  }
  return {
    graph: {
      ids,
      offsets,
      neighbours: neighbours.slice(0, write),
      nodeCount: ids.length,
      edgeCount: write / 2,
    },
    original,
  };
}

/** Values indexed by node, as an id → value record, for presenting and for tests. */
export function valuesById(graph: Graph, values: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  graph.ids.forEach((id, i) => {
    out[id] = values[i] ?? 0;
  });
  return out;
}
