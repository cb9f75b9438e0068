/**
 * Core number: the largest k such that the node belongs to a k-core, the part of the graph left
 * when nodes with fewer than k links are peeled away again and again. Batagelj–Zaversnik (2003):
 * nodes bucketed by current degree, always peeling from the lowest bucket, O(n + m).
 */
import type { Graph } from './graph.js';

export function coreNumber(graph: Graph): Int32Array {
  const { offsets, neighbours, nodeCount: n } = graph;
  const deg = new Int32Array(n);
  let maxDegree = 0;
  for (let v = 0; v < n; v++) {
    const d = (offsets[v + 1] as number) - (offsets[v] as number);
    deg[v] = d;
    if (d > maxDegree) maxDegree = d;
  }
  // bin[d]: where the nodes of current degree d start in `sorted`; pos[v]: v's place in it.
  const bin = new Int32Array(maxDegree + 1);
  for (let v = 0; v < n; v++) bin[deg[v] as number] = (bin[deg[v] as number] as number) + 1;
  let start = 0;
  for (let d = 0; d <= maxDegree; d++) {
    const count = bin[d] as number;
    bin[d] = start;
    start += count;
  }
  const sorted = new Int32Array(n);
  const pos = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    const d = deg[v] as number;
    const at = bin[d] as number;
    pos[v] = at;
    sorted[at] = v;
    bin[d] = at + 1;
  }
  for (let d = maxDegree; d > 0; d--) bin[d] = bin[d - 1] as number;
  bin[0] = 0;

  for (let i = 0; i < n; i++) {
    const v = sorted[i] as number;
    const dv = deg[v] as number;
    const end = offsets[v + 1] as number;
    for (let e = offsets[v] as number; e < end; e++) {
      const u = neighbours[e] as number;
      const du = deg[u] as number;
      if (du > dv) {
        // Move u to the front of its bucket, then shrink that bucket by one: u's degree drops.
        const pu = pos[u] as number;
        const pw = bin[du] as number;
        const w = sorted[pw] as number;
        if (u !== w) {
          sorted[pu] = w;
          pos[w] = pu;
          sorted[pw] = u;
          pos[u] = pw;
        }
        bin[du] = pw + 1;
        deg[u] = du - 1;
      }
    }
  }
  return deg;
}
