/** Degree: how many distinct others each node is linked to (the reference's raw degree). */
import type { Graph } from './graph.js';

export function degree(graph: Graph): Int32Array {
  const { offsets, nodeCount: n } = graph;
  const out = new Int32Array(n);
  for (let v = 0; v < n; v++) out[v] = (offsets[v + 1] ?? 0) - (offsets[v] ?? 0);
  return out;
}
