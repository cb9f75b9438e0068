/**
 * Eigenvector centrality: the principal eigenvector of the adjacency matrix A, all entries
 * positive, scaled to unit Euclidean length (networkx's eigenvector_centrality_numpy).
 *
 * Power iteration on A + I rather than A: on a bipartite graph (Davis southern women; any
 * graph of people and the events they attended) A has −λ as an eigenvalue as well as λ, and plain
 * iteration swings between two vectors for ever. Adding I shifts every eigenvalue up by one, so
 * λ + 1 is alone at the top and the iteration converges to the same vector. It runs until no
 * entry moves by more than the tolerance, which by default (1e-13) is far below the 1e-9 the
 * results are compared to.
 */
import type { Graph } from './graph.js';

export interface EigenvectorOptions {
  readonly tolerance?: number;
  readonly maxIterations?: number;
}

export class NotConvergedError extends Error {
  constructor(what: string, iterations: number) {
    super(`${what} did not converge in ${iterations} iterations`);
    this.name = 'NotConvergedError';
  }
}

export function eigenvector(graph: Graph, options: EigenvectorOptions = {}): Float64Array {
  const tolerance = options.tolerance ?? 1e-13;
  const maxIterations = options.maxIterations ?? 100_000;
  const { offsets, neighbours, nodeCount: n } = graph;
  let x = new Float64Array(n).fill(1 / Math.sqrt(n));
  let y = new Float64Array(n);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    let norm = 0;
    for (let v = 0; v < n; v++) {
      let sum = x[v] as number;
      const end = offsets[v + 1] as number;
      for (let e = offsets[v] as number; e < end; e++) sum += x[neighbours[e] as number] as number;
      y[v] = sum;
      norm += sum * sum;
    }
    norm = Math.sqrt(norm);
    let change = 0;
    for (let v = 0; v < n; v++) {
      const value = (y[v] as number) / norm;
      y[v] = value;
      change = Math.max(change, Math.abs(value - (x[v] as number)));
    }
    [x, y] = [y, x];
    if (change <= tolerance) return x;
  }
  throw new NotConvergedError('Eigenvector centrality', maxIterations);
}
