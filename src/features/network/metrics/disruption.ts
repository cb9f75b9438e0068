/**
 * Disruption: what happens to a network as nodes are taken out (arrested, moved on, safeguarded),
 * measured by how the largest connected part shrinks and how many pieces it falls into.
 *
 * - Sequential: take out the top node by a metric (betweenness unless told otherwise), recompute
 *   the metric on what is left, take out the next top node, and so on. Recomputing matters: once
 *   a broker is gone, the paths re-route and a different node becomes the broker.
 * - Block: the same, but the top k nodes go together at each step.
 * - A chosen list: the nodes named, in the order named, one at a time.
 *
 * Before each removal the step records the largest component as a share of the largest component
 * at the start (so the first is 1) and the number of components. The process never takes out
 * the last node, as there would be nothing left to measure: by default it runs to n − 1 removals.
 *
 * Ties: scores within 1e-12 of the maximum are tied, and the lowest node id
 * compared as a string wins, which is the lowest index (graph.ts). Betweenness is compared
 * normalised, so the tolerance means the same at every size of network. The metric is
 * recomputed on the subgraph of the nodes left, as if they were the whole network.
 */
import type { BetweennessPool } from './betweenness-parallel.js';
import { betweenness } from './betweenness.js';
import { closeness } from './closeness.js';
import { connectedComponents } from './components.js';
import { coreNumber } from './core-number.js';
import { degree } from './degree.js';
import { eigenvector } from './eigenvector.js';
import { indexOfId, inducedSubgraph, UnknownNodeError, type Graph } from './graph.js';
import { pagerank } from './pagerank.js';

export const TIE_TOLERANCE = 1e-12;

export const DISRUPTION_METRICS = [
  'betweenness',
  'degree',
  'closeness',
  'eigenvector',
  'pagerank',
  'coreNumber',
] as const;
export type DisruptionMetric = (typeof DISRUPTION_METRICS)[number];

export interface DisruptionStep {
  /** Ids taken out at this step (one in sequential removal, up to k in block removal). */
  readonly removed: readonly string[];
  /** Their scores on the metric, as computed just before they were taken out (empty for a list). */
  readonly scores: readonly number[];
  /** Largest component before this step, over the largest component at the start. */
  readonly largestComponentRatio: number;
  readonly largestComponent: number;
  readonly components: number;
}

export interface Disruption {
  readonly metric: DisruptionMetric | 'list';
  readonly steps: readonly DisruptionStep[];
  /** The network after the last step. */
  readonly after: {
    readonly largestComponentRatio: number;
    readonly largestComponent: number;
    readonly components: number;
  };
}

export interface DisruptionOptions {
  readonly metric?: DisruptionMetric;
  /** Nodes taken out together at each step; 1 (sequential) unless given. */
  readonly blockSize?: number;
  /** Steps to run; by default until one node is left. */
  readonly steps?: number;
  /** Told after each step is chosen (steps done, steps at most): for progress shown to a waiting user. */
  readonly onStep?: (done: number, total: number) => void;
}

type Scores = ArrayLike<number>;

const SCORERS: Record<DisruptionMetric, (graph: Graph) => Scores> = {
  betweenness: (graph) => betweenness(graph).normalized,
  degree,
  closeness,
  eigenvector: (graph) => eigenvector(graph),
  pagerank: (graph) => pagerank(graph),
  coreNumber,
};

/**
 * The top `count` nodes by score under the tie rule: repeatedly, among the nodes not yet chosen,
 * those within TIE_TOLERANCE of the highest score are tied and the lowest index wins.
 */
export function topNodes(scores: Scores, count: number): number[] {
  const chosen: number[] = [];
  const taken = new Uint8Array(scores.length);
  while (chosen.length < Math.min(count, scores.length)) {
    let max = -Infinity;
    for (let v = 0; v < scores.length; v++) if (taken[v] === 0) max = Math.max(max, scores[v] ?? -Infinity);
    let pick = -1;
    for (let v = 0; v < scores.length && pick < 0; v++) {
      if (taken[v] === 0 && (scores[v] ?? -Infinity) >= max - TIE_TOLERANCE) pick = v;
    }
    taken[pick] = 1;
    chosen.push(pick);
  }
  return chosen;
}

/**
 * The removal process without its choice of nodes: it yields the network left (renumbered, with
 * `original` mapping back) and is sent back which of those nodes to take out, as indices of the
 * network left, with their scores. The synchronous and the parallel (awaiting worker threads)
 * versions both drive this, so they share every rule but the metric's computation.
 */
interface Choice {
  readonly nodes: readonly number[];
  readonly scores: readonly number[];
}

function* removals(graph: Graph, metric: Disruption['metric']): Generator<Graph, Disruption, Choice | null> {
  const keep = new Uint8Array(graph.nodeCount).fill(1);
  const initialLargest = connectedComponents(graph).largest;
  const ratio = (largest: number) => (initialLargest === 0 ? 0 : largest / initialLargest);
  const steps: DisruptionStep[] = [];
  for (;;) {
    const { graph: left, original } = inducedSubgraph(graph, keep);
    const components = connectedComponents(left);
    const choice: Choice | null = left.nodeCount > 1 ? yield left : null;
    if (choice === null || choice.nodes.length === 0) {
      return {
        metric,
        steps,
        after: {
          largestComponentRatio: ratio(components.largest),
          largestComponent: components.largest,
          components: components.count,
        },
      };
    }
    steps.push({
      removed: choice.nodes.map((v) => left.ids[v] ?? ''),
      scores: choice.scores,
      largestComponentRatio: ratio(components.largest),
      largestComponent: components.largest,
      components: components.count,
    });
    for (const v of choice.nodes) keep[original[v] ?? 0] = 0;
  }
}

function limits(graph: Graph, options: DisruptionOptions) {
  const blockSize = Math.max(1, Math.floor(options.blockSize ?? 1));
  const steps = Math.max(0, Math.floor(options.steps ?? graph.nodeCount));
  return { blockSize, steps, metric: options.metric ?? 'betweenness' };
}

function choose(left: Graph, scores: Scores, blockSize: number): Choice {
  // Never the last node: something must be left to measure.
  const nodes = topNodes(scores, Math.min(blockSize, left.nodeCount - 1));
  return { nodes, scores: nodes.map((v) => scores[v] ?? 0) };
}

/** Sequential (blockSize 1) or block removal by a metric, recomputed after every step. */
export function disruption(graph: Graph, options: DisruptionOptions = {}): Disruption {
  const { blockSize, steps, metric } = limits(graph, options);
  const score = SCORERS[metric];
  const process = removals(graph, metric);
  let next = process.next(null);
  for (let step = 0; !next.done; step++) {
    const left = next.value;
    next = process.next(step < steps ? choose(left, score(left), blockSize) : null);
    options.onStep?.(Math.min(step + 1, steps), steps);
  }
  return next.value;
}

/**
 * The same, with betweenness computed on a pool of worker threads (betweenness-parallel.ts).
 * Gives exactly the result of `disruption`: the pool's betweenness is bit-for-bit the same.
 */
export async function parallelDisruption(
  graph: Graph,
  pool: BetweennessPool,
  options: DisruptionOptions = {},
): Promise<Disruption> {
  const { blockSize, steps, metric } = limits(graph, options);
  const process = removals(graph, metric);
  let next = process.next(null);
  for (let step = 0; !next.done; step++) {
    const left = next.value;
    if (step >= steps) {
      next = process.next(null);
      continue;
    }
    const scores =
      metric === 'betweenness' ? (await pool.betweenness(left)).normalized : SCORERS[metric](left);
    next = process.next(choose(left, scores, blockSize));
  }
  return next.value;
}

/** Takes out the named nodes one at a time, in the order given. */
export function listDisruption(graph: Graph, ids: readonly string[]): Disruption {
  const wanted = ids.map((id) => {
    const v = indexOfId(graph, id);
    if (v < 0) throw new UnknownNodeError(id);
    return v;
  });
  if (new Set(wanted).size !== wanted.length)
    throw new RangeError('A node is named twice in the removal list');
  const process = removals(graph, 'list');
  let next = process.next(null);
  let taken = 0;
  const gone = new Set<number>();
  while (!next.done) {
    const target = wanted[taken];
    if (target === undefined) {
      next = process.next(null);
      continue;
    }
    // The network left is renumbered: count the nodes before `target` still in it.
    let index = 0;
    for (let v = 0; v < target; v++) if (!gone.has(v)) index++;
    gone.add(target);
    taken++;
    next = process.next({ nodes: [index], scores: [] });
  }
  return next.value;
}
