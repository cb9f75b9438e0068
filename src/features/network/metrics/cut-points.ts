/**
 * Bridges (links whose loss splits a component) and articulation points (nodes whose loss does):
 * the single points of failure in a network. Tarjan's low-link depth-first search, written with an
 * explicit stack rather than recursion, so a long chain of 100,000 nodes cannot overflow the call
 * stack.
 */
import type { Graph } from './graph.js';

export interface CutPoints {
  /** Bridges as node index pairs [u, v], u < v, sorted. */
  readonly bridges: readonly (readonly [number, number])[];
  /** Articulation points, ascending. */
  readonly articulationPoints: Int32Array;
}

export function cutPoints(graph: Graph): CutPoints {
  const { offsets, neighbours, nodeCount: n } = graph;
  const discovered = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  // Where each node on the stack has got to in its neighbour list.
  const cursor = new Int32Array(n);
  const stack = new Int32Array(n);
  const articulation = new Uint8Array(n);
  const bridges: [number, number][] = [];
  let time = 0;

  for (let root = 0; root < n; root++) {
    if ((discovered[root] as number) >= 0) continue;
    discovered[root] = low[root] = time++;
    cursor[root] = offsets[root] as number;
    stack[0] = root;
    let top = 1;
    let rootChildren = 0;
    while (top > 0) {
      const v = stack[top - 1] as number;
      const at = cursor[v] as number;
      if (at < (offsets[v + 1] as number)) {
        cursor[v] = at + 1;
        const w = neighbours[at] as number;
        if ((discovered[w] as number) < 0) {
          parent[w] = v;
          discovered[w] = low[w] = time++;
          cursor[w] = offsets[w] as number;
          stack[top++] = w;
          if (v === root) rootChildren++;
        } else if (w !== parent[v]) {
          // Simple graph: the only link back to the parent is the tree edge itself.
          low[v] = Math.min(low[v] as number, discovered[w] as number);
        }
        continue;
      }
      top--;
      const p = parent[v] as number;
      if (p < 0) continue;
      low[p] = Math.min(low[p] as number, low[v] as number);
      if ((low[v] as number) > (discovered[p] as number)) bridges.push(p < v ? [p, v] : [v, p]);
      if (p !== root && (low[v] as number) >= (discovered[p] as number)) articulation[p] = 1;
    }
    if (rootChildren > 1) articulation[root] = 1;
  }

  const points: number[] = [];
  for (let v = 0; v < n; v++) if (articulation[v] === 1) points.push(v);
  bridges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { bridges, articulationPoints: Int32Array.from(points) };
}
