/**
 * PageRank on the undirected graph (each link followed both ways), damping alpha = 0.85 by
 * default. A node with no links ("dangling") hands its rank to every node equally, as networkx
 * does. Iterates until the total change (L1) is at most the tolerance, 1e-12 by default; the
 * error left is then below tolerance × alpha / (1 − alpha), about 6e-12.
 */
import { NotConvergedError } from './eigenvector.js';
import type { Graph } from './graph.js';

export interface PagerankOptions {
  readonly alpha?: number;
  readonly tolerance?: number;
  readonly maxIterations?: number;
}

export function pagerank(graph: Graph, options: PagerankOptions = {}): Float64Array {
  const alpha = options.alpha ?? 0.85;
  const tolerance = options.tolerance ?? 1e-12;
  const maxIterations = options.maxIterations ?? 10_000;
  const { offsets, neighbours, nodeCount: n } = graph;
  let x = new Float64Array(n).fill(1 / n);
  let y = new Float64Array(n);
  // Each node's rank divided by its degree: what it sends along each link this round.
  const share = new Float64Array(n);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    let dangling = 0;
    for (let v = 0; v < n; v++) {
      const degree = (offsets[v + 1] as number) - (offsets[v] as number);
      if (degree === 0) {
        dangling += x[v] as number;
        share[v] = 0;
      } else {
        share[v] = (x[v] as number) / degree;
      }
    }
    const base = (1 - alpha) / n + (alpha * dangling) / n;
    let change = 0;
    for (let v = 0; v < n; v++) {
      let sum = 0;
      const end = offsets[v + 1] as number;
      for (let e = offsets[v] as number; e < end; e++) sum += share[neighbours[e] as number] as number;
      const value = base + alpha * sum;
      y[v] = value;
      change += Math.abs(value - (x[v] as number));
    }
    [x, y] = [y, x];
    if (change <= tolerance) return x;
  }
  throw new NotConvergedError('PageRank', maxIterations);
}
