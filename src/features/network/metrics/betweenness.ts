/**
 * Betweenness centrality on the undirected, unweighted graph: how many shortest paths between
 * other pairs pass through each node. Exact (Brandes) and sampled (a random subset of sources).
 */
import {
  addSourceBlock,
  createBatchScratch,
  createScratch,
  localityOrdered,
  resetScratch,
  singleSourceDependencies,
  sourceBlockCount,
} from './brandes.js';
import type { Graph } from './graph.js';
import { sampleWithoutReplacement, seededRandom } from './random.js';

export interface Betweenness {
  /** Each unordered pair of other nodes counted once (networkx normalized=False). */
  readonly raw: Float64Array;
  /** raw × 2 / ((n − 1)(n − 2)): the share of pairs whose shortest paths pass through the node. */
  readonly normalized: Float64Array;
}

/**
 * Turns dependency sums over all (or all sampled) sources into raw and normalised betweenness.
 * Brandes' sum counts each unordered pair twice, once from each end, hence the halving.
 */
export function finishBetweenness(sums: Float64Array, scale = 1): Betweenness {
  const n = sums.length;
  const raw = new Float64Array(n);
  const normalized = new Float64Array(n);
  const toNormalized = n > 2 ? 2 / ((n - 1) * (n - 2)) : 0;
  for (let v = 0; v < n; v++) {
    const value = ((sums[v] ?? 0) * scale) / 2;
    raw[v] = value;
    normalized[v] = value * toNormalized;
  }
  return { raw, normalized };
}

/** Adds one block total into the running sum. */
export function addInto(total: Float64Array, part: Float64Array): void {
  for (let v = 0; v < total.length; v++) total[v] = (total[v] ?? 0) + (part[v] ?? 0);
}

/** Block totals, summed in block order, are in locality order: put them back in the graph's. */
export function totalsInGraphOrder(total: Float64Array, order: Int32Array): Float64Array {
  const sums = new Float64Array(total.length);
  for (let j = 0; j < total.length; j++) sums[order[j] ?? 0] = total[j] ?? 0;
  return sums;
}

/** Exact betweenness in this thread. O(n·m) time, O(n) memory. */
export function betweenness(graph: Graph): Betweenness {
  const n = graph.nodeCount;
  const { adjacency, order } = localityOrdered(graph);
  const total = new Float64Array(n);
  const block = new Float64Array(n);
  const scratch = createBatchScratch(n);
  for (let b = 0; b < sourceBlockCount(n); b++) {
    block.fill(0);
    addSourceBlock(adjacency, b, block, scratch);
    addInto(total, block);
  }
  return finishBetweenness(totalsInGraphOrder(total, order));
}

export interface SampledBetweenness extends Betweenness {
  /** Sources actually used (k, or n if k ≥ n, when the result is exact). */
  readonly pivots: number;
  /** Estimated standard error of each raw value; 0 when exact, Infinity with a single pivot. */
  readonly rawStandardError: Float64Array;
  readonly normalizedStandardError: Float64Array;
  /**
   * A guarantee rather than an estimate: with probability at least `confidence`, no node's
   * normalised value is further than this from the exact one (Hoeffding–Serfling, every node at
   * once). Loose, but it holds whatever the shape of the network.
   */
  readonly normalizedErrorBound: number;
}

export interface SampledBetweennessOptions {
  readonly pivots: number;
  readonly seed?: number;
  /** For normalizedErrorBound; 0.95 unless given. */
  readonly confidence?: number;
}

/**
 * Each pivot s gives every node v a value delta_s(v) / (n − 2) between 0 and 1 (at most n − 2
 * targets lie behind v), and v's normalised betweenness is n / (n − 1) times the mean of these
 * over all sources. Serfling's inequality for sampling without replacement bounds how far the
 * mean over k pivots strays, and a union bound over the n nodes makes it hold for all of them.
 */
export function sampledErrorBound(nodeCount: number, pivots: number, confidence: number): number {
  const n = nodeCount;
  if (pivots >= n || n <= 2) return 0;
  const failure = 1 - confidence;
  const spread = Math.sqrt(((1 - (pivots - 1) / n) * Math.log((2 * n) / failure)) / (2 * pivots));
  return (n / (n - 1)) * spread;
}

/**
 * Approximate betweenness from k source nodes (pivots) drawn uniformly without replacement
 * (Brandes & Pich 2007): each node's dependency sum over the pivots, scaled by n / k, is an
 * unbiased estimate of its sum over all sources. The error estimate is the standard error of
 * that scaled sample mean, from the pivots' own spread, with the finite-population correction
 * (1 − k/n) because pivots are not repeated: it reaches 0 when every node is a pivot. It is a
 * guide, not a promise: a node that few pivots' paths run through can show no spread at all in
 * the sample (and so a standard error of 0) while still being off; see normalizedErrorBound for a
 * guarantee. Costs k/n of the exact computation.
 */
export function sampledBetweenness(graph: Graph, options: SampledBetweennessOptions): SampledBetweenness {
  const n = graph.nodeCount;
  const k = Math.max(1, Math.min(n, Math.floor(options.pivots)));
  if (n === 0) {
    const none = new Float64Array(0);
    return {
      raw: none,
      normalized: none,
      pivots: 0,
      rawStandardError: none,
      normalizedStandardError: none,
      normalizedErrorBound: 0,
    };
  }
  const pivots = sampleWithoutReplacement(seededRandom(options.seed ?? 1), n, k);
  const sums = new Float64Array(n);
  const squares = new Float64Array(n);
  const scratch = createScratch(n);
  for (const s of pivots) {
    const count = singleSourceDependencies(graph, s, scratch);
    for (let i = 1; i < count; i++) {
      const v = scratch.order[i] ?? 0;
      const d = scratch.delta[v] ?? 0;
      sums[v] = (sums[v] ?? 0) + d;
      squares[v] = (squares[v] ?? 0) + d * d;
    }
    resetScratch(scratch, count);
  }

  const estimate = finishBetweenness(sums, n / k);
  const rawStandardError = new Float64Array(n);
  const normalizedStandardError = new Float64Array(n);
  const toNormalized = n > 2 ? 2 / ((n - 1) * (n - 2)) : 0;
  const correction = 1 - k / n;
  for (let v = 0; v < n; v++) {
    const mean = (sums[v] ?? 0) / k;
    // Sample variance of delta_s(v) over the pivots (a pivot that never reaches v contributes 0).
    const variance = k > 1 ? Math.max(0, ((squares[v] ?? 0) - k * mean * mean) / (k - 1)) : Infinity;
    const error = correction === 0 ? 0 : (n / 2) * Math.sqrt((variance / k) * correction);
    rawStandardError[v] = error;
    // With n ≤ 2 every betweenness is 0, exactly, whatever the sample.
    normalizedStandardError[v] = toNormalized === 0 ? 0 : error * toNormalized;
  }
  return {
    ...estimate,
    pivots: k,
    rawStandardError,
    normalizedStandardError,
    normalizedErrorBound: sampledErrorBound(n, k, options.confidence ?? 0.95),
  };
}
