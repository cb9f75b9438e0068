/**
 * Shortest paths between two named nodes, by breadth-first search (links are unweighted).
 *
 * When several paths are equally short, the one returned is the first in id order: from the
 * start, always step to the lowest id (compared as strings) that still lies on a shortest path.
 * The same question gets the same answer every time, whatever order the links were entered in.
 */
import { indexOfId, UnknownNodeError, type Graph } from './graph.js';

export interface ShortestPath {
  /** Number of links on the path. */
  readonly distance: number;
  /** Node ids from the start to the end, inclusive. */
  readonly path: readonly string[];
  /** How many different shortest paths there are (a float: it can exceed 2^53 on huge graphs). */
  readonly count: number;
}

export interface ShortestPaths {
  readonly distance: number;
  readonly count: number;
  /** Up to `limit` shortest paths, in id order. */
  readonly paths: readonly (readonly string[])[];
  /** False when there were more than `limit`. */
  readonly complete: boolean;
}

/**
 * Distances to `to` from every node, and the number of shortest paths, searching outwards from
 * `to` only as far as `from`'s distance. Walking from `from` towards `to` then only needs each
 * neighbour's distance to `to`.
 */
function searchFromEnd(graph: Graph, from: number, to: number) {
  const { offsets, neighbours, nodeCount: n } = graph;
  const dist = new Int32Array(n).fill(-1);
  const paths = new Float64Array(n);
  const queue = new Int32Array(n);
  dist[to] = 0;
  paths[to] = 1;
  queue[0] = to;
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const v = queue[head] as number;
    const dv = dist[v] as number;
    // Everything nearer than `from` has been counted once the search reaches from's own level.
    const target = dist[from] as number;
    if (target >= 0 && dv >= target) break;
    const end = offsets[v + 1] as number;
    for (let e = offsets[v] as number; e < end; e++) {
      const w = neighbours[e] as number;
      const dw = dist[w] as number;
      if (dw < 0) {
        dist[w] = dv + 1;
        paths[w] = paths[v] as number;
        queue[tail++] = w;
      } else if (dw === dv + 1) {
        paths[w] = (paths[w] as number) + (paths[v] as number);
      }
    }
  }
  return { dist, paths };
}

function endpoints(graph: Graph, fromId: string, toId: string): [number, number] {
  const from = indexOfId(graph, fromId);
  if (from < 0) throw new UnknownNodeError(fromId);
  const to = indexOfId(graph, toId);
  if (to < 0) throw new UnknownNodeError(toId);
  return [from, to];
}

/** One shortest path (the first in id order), its length and how many there are; null if none. */
export function shortestPath(graph: Graph, fromId: string, toId: string): ShortestPath | null {
  const [from, to] = endpoints(graph, fromId, toId);
  const { dist, paths } = searchFromEnd(graph, from, to);
  const distance = dist[from] as number;
  if (distance < 0) return null;
  const path = [graph.ids[from] ?? ''];
  let v = from;
  while (v !== to) {
    const closer = (dist[v] as number) - 1;
    const end = graph.offsets[v + 1] as number;
    // Neighbours are in ascending index order, which is id order: the first one closer wins.
    for (let e = graph.offsets[v] as number; e < end; e++) {
      const w = graph.neighbours[e] as number;
      if (dist[w] === closer) {
        v = w;
        break;
      }
    }
    path.push(graph.ids[v] ?? '');
  }
  return { distance, path, count: paths[from] as number };
}

/** All shortest paths in id order, up to `limit` of them (there can be exponentially many). */
export function shortestPaths(graph: Graph, fromId: string, toId: string, limit = 100): ShortestPaths | null {
  const [from, to] = endpoints(graph, fromId, toId);
  const { dist, paths: counts } = searchFromEnd(graph, from, to);
  const distance = dist[from] as number;
  if (distance < 0) return null;
  const found: string[][] = [];
  // Depth-first through the shortest-path steps, an explicit stack of neighbour cursors.
  const route = new Int32Array(distance + 1);
  const cursor = new Int32Array(distance + 1);
  route[0] = from;
  cursor[0] = graph.offsets[from] as number;
  let depth = 0;
  while (depth >= 0 && found.length < limit) {
    const v = route[depth] as number;
    if (v === to) {
      found.push(Array.from(route, (node) => graph.ids[node] ?? ''));
      depth--;
      continue;
    }
    const at = cursor[depth] as number;
    if (at >= (graph.offsets[v + 1] as number)) {
      depth--;
      continue;
    }
    cursor[depth] = at + 1;
    const w = graph.neighbours[at] as number;
    if (dist[w] === (dist[v] as number) - 1) {
      depth++;
      route[depth] = w;
      cursor[depth] = graph.offsets[w] as number;
    }
  }
  const count = counts[from] as number;
  return { distance, count, paths: found, complete: found.length === count };
}
