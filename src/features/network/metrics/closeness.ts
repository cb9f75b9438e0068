/**
 * Closeness centrality as networkx computes it (Wasserman–Faust): (r − 1) / (sum of distances to
 * the r − 1 nodes v reaches), scaled by (r − 1) / (n − 1). On a connected graph that is the plain
 * (n − 1) / sum; on a fragmented one the scaling stops a node in a tiny component looking central
 * because its few neighbours are near. A node that reaches no one scores 0.
 */
import type { Graph } from './graph.js';

export function closeness(graph: Graph): Float64Array {
  const { offsets, neighbours, nodeCount: n } = graph;
  const out = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    dist[s] = 0;
    queue[0] = s;
    let tail = 1;
    let total = 0;
    for (let head = 0; head < tail; head++) {
      const v = queue[head] as number;
      const next = (dist[v] as number) + 1;
      const end = offsets[v + 1] as number;
      for (let e = offsets[v] as number; e < end; e++) {
        const w = neighbours[e] as number;
        if ((dist[w] as number) < 0) {
          dist[w] = next;
          total += next;
          queue[tail++] = w;
        }
      }
    }
    const others = tail - 1;
    out[s] = total > 0 && n > 1 ? (others / total) * (others / (n - 1)) : 0;
    for (let k = 0; k < tail; k++) dist[queue[k] as number] = -1;
  }
  return out;
}
