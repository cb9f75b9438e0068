/**
 * Everything the network pages show, computed from a viewer's network alone (never from the
 * database, so nothing hidden can weigh on a number): centralities, components, bridges and
 * articulation points, communities, top brokers and "whom to target". Pure and synchronous; the
 * job runner (jobs.ts) runs it in a worker thread for large networks, reporting progress through
 * `onProgress`.
 */
import {
  addInto,
  betweenness as exactBetweenness,
  finishBetweenness,
  sampledBetweenness,
  totalsInGraphOrder,
} from './metrics/betweenness.js';
import { addSourceBlock, createBatchScratch, localityOrdered, sourceBlockCount } from './metrics/brandes.js';
import { closeness } from './metrics/closeness.js';
import { connectedComponents } from './metrics/components.js';
import { coreNumber } from './metrics/core-number.js';
import { cutPoints } from './metrics/cut-points.js';
import { degree } from './metrics/degree.js';
import { TIE_TOLERANCE, topNodes } from './metrics/disruption.js';
import { eigenvector, NotConvergedError } from './metrics/eigenvector.js';
import { buildGraph, type Graph } from './metrics/graph.js';
import { louvain } from './metrics/louvain.js';
import { pagerank } from './metrics/pagerank.js';
import type { NodeMetrics, VisibleNetwork } from './types.js';

/** Above this many nodes betweenness is sampled, with its error stated on the page. */
export const SAMPLED_BETWEENNESS_ABOVE = 3000;
export const SAMPLE_PIVOTS = 1000;
export const SAMPLE_CONFIDENCE = 0.95;
/** How many brokers and targets the pages list. */
export const TOP = 10;

export type Progress = (fraction: number, stage: string) => void;

export interface NodeResult extends Required<Omit<NodeMetrics, 'eigenvector'>> {
  /** Null when the power iteration did not settle (it always does on the networks we have seen). */
  eigenvector: number | null;
  component: number;
}

export interface Target {
  id: string;
  /** People separated from the largest part that is left of the target's component. */
  separated: number;
  /** Parts the target's component falls into without them. */
  pieces: number;
  /** The smaller parts (all but the largest), largest first, each as its node ids. */
  cutOff: string[][];
}

export interface NetworkAnalysis {
  nodeCount: number;
  /** Distinct pairs linked (several links between one pair count once in the metrics). */
  edgeCount: number;
  linkCount: number;
  components: number;
  largestComponent: number;
  communityCount: number;
  modularity: number;
  betweenness:
    { method: 'exact' } | { method: 'sampled'; pivots: number; errorBound: number; confidence: number };
  nodes: Record<string, NodeResult>;
  bridges: { from: string; to: string }[];
  articulationPoints: string[];
  /** Communities, largest first, each as its node ids in id order. */
  communities: { number: number; members: string[] }[];
  /** Highest betweenness first (the tie rule: the lowest id as a string), only nodes above 0. */
  brokers: string[];
  targets: Target[];
}

export function graphOf(network: VisibleNetwork): Graph {
  return buildGraph(
    network.nodes.map((n) => n.id),
    network.edges.map((e) => ({ source: e.from, target: e.to })),
  );
}

/** Exact betweenness block by block (as betweenness.ts does), reporting progress after each. */
function exactWithProgress(graph: Graph, progress: (fraction: number) => void): Float64Array {
  const n = graph.nodeCount;
  const blocks = sourceBlockCount(n);
  if (blocks <= 1) return exactBetweenness(graph).normalized;
  const { adjacency, order } = localityOrdered(graph);
  const total = new Float64Array(n);
  const block = new Float64Array(n);
  const scratch = createBatchScratch(n);
  for (let b = 0; b < blocks; b++) {
    block.fill(0);
    addSourceBlock(adjacency, b, block, scratch);
    addInto(total, block);
    progress((b + 1) / blocks);
  }
  return finishBetweenness(totalsInGraphOrder(total, order)).normalized;
}

/**
 * Whom to target: for each person whose removal splits their part of the network (an articulation
 * point), how many are cut off from the largest piece left and into how many pieces it falls.
 * Ranked by the number cut off; ties go to the lowest id compared as a string.
 */
export function targetsOf(graph: Graph, people: ReadonlySet<string>, articulation: Int32Array): Target[] {
  const { offsets, neighbours, nodeCount: n } = graph;
  const seen = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const found: Target[] = [];
  for (const v of articulation) {
    const id = graph.ids[v] ?? '';
    if (!people.has(id)) continue;
    const pieces: number[][] = [];
    seen[v] = v;
    for (let e = offsets[v] as number; e < (offsets[v + 1] as number); e++) {
      const start = neighbours[e] as number;
      if (seen[start] === v) continue;
      seen[start] = v;
      queue[0] = start;
      let tail = 1;
      for (let head = 0; head < tail; head++) {
        const u = queue[head] as number;
        for (let f = offsets[u] as number; f < (offsets[u + 1] as number); f++) {
          const w = neighbours[f] as number;
          if (seen[w] !== v) {
            seen[w] = v;
            queue[tail++] = w;
          }
        }
      }
      pieces.push(Array.from(queue.subarray(0, tail)).sort((a, b) => a - b));
    }
    // Largest piece first; between equal sizes the one holding the lowest id.
    pieces.sort((a, b) => b.length - a.length || (a[0] as number) - (b[0] as number));
    const rest = pieces.slice(1);
    found.push({
      id,
      separated: rest.reduce((sum, piece) => sum + piece.length, 0),
      pieces: pieces.length,
      cutOff: rest.map((piece) => piece.map((u) => graph.ids[u] ?? '')),
    });
  }
  found.sort((a, b) => b.separated - a.separated || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return found;
}

/** Betweenness, exact with progress, or sampled (with its error bound) above a size. */
function betweennessOf(
  graph: ReturnType<typeof graphOf>,
  onProgress: Progress,
): { between: Float64Array; betweennessMethod: NetworkAnalysis['betweenness'] } {
  const sampled = graph.nodeCount > SAMPLED_BETWEENNESS_ABOVE;
  let between: Float64Array;
  let betweennessMethod: NetworkAnalysis['betweenness'] = { method: 'exact' };
  if (sampled) {
    const result = sampledBetweenness(graph, {
      pivots: SAMPLE_PIVOTS,
      seed: 1,
      confidence: SAMPLE_CONFIDENCE,
    });
    between = result.normalized;
    betweennessMethod = {
      method: 'sampled',
      pivots: result.pivots,
      errorBound: result.normalizedErrorBound,
      confidence: SAMPLE_CONFIDENCE,
    };
  } else {
    between = exactWithProgress(graph, (f) => onProgress(0.05 + 0.6 * f, 'Betweenness'));
  }
  return { between, betweennessMethod };
}

export function analyseNetwork(
  network: VisibleNetwork,
  onProgress: Progress = () => undefined,
): NetworkAnalysis {
  const graph = graphOf(network);
  const n = graph.nodeCount;
  onProgress(0, 'Degree and components');
  const deg = degree(graph);
  const components = connectedComponents(graph);
  const cores = coreNumber(graph);

  onProgress(0.05, 'Betweenness');
  const { between, betweennessMethod } = betweennessOf(graph, onProgress);
  onProgress(0.65, 'Closeness');
  const close = closeness(graph);
  onProgress(0.75, 'Eigenvector and PageRank');
  let eigen: Float64Array | null = null;
  try {
    eigen = eigenvector(graph);
  } catch (error) {
    if (!(error instanceof NotConvergedError)) throw error;
  }
  const rank = n ? pagerank(graph) : new Float64Array(0);
  onProgress(0.8, 'Communities');
  const communities = louvain(graph);
  onProgress(0.9, 'Bridges and whom to target');
  const cuts = cutPoints(graph);
  const articulation = new Set(Array.from(cuts.articulationPoints));
  const people = new Set(network.nodes.filter((node) => node.schema === 'Person').map((node) => node.id));

  const nodes: Record<string, NodeResult> = {};
  graph.ids.forEach((id, v) => {
    nodes[id] = {
      degree: deg[v] ?? 0,
      betweenness: between[v] ?? 0,
      closeness: close[v] ?? 0,
      eigenvector: eigen ? (eigen[v] ?? 0) : null,
      pagerank: rank[v] ?? 0,
      coreNumber: cores[v] ?? 0,
      community: communities.membership[v] ?? 0,
      articulationPoint: articulation.has(v),
      component: components.membership[v] ?? 0,
    };
  });
  const groups: string[][] = Array.from({ length: communities.count }, () => []);
  graph.ids.forEach((id, v) => groups[communities.membership[v] ?? 0]?.push(id));
  const brokers = topNodes(between, Math.min(TOP, n)).filter((v) => (between[v] ?? 0) > TIE_TOLERANCE);

  const analysis: NetworkAnalysis = {
    nodeCount: n,
    edgeCount: graph.edgeCount,
    linkCount: network.edges.length,
    components: components.count,
    largestComponent: components.largest,
    communityCount: communities.count,
    modularity: communities.modularity,
    betweenness: betweennessMethod,
    nodes,
    bridges: cuts.bridges.map(([u, v]) => ({ from: graph.ids[u] ?? '', to: graph.ids[v] ?? '' })),
    articulationPoints: Array.from(cuts.articulationPoints, (v) => graph.ids[v] ?? ''),
    communities: groups
      .map((members, number) => ({ number, members }))
      .sort((a, b) => b.members.length - a.members.length || a.number - b.number),
    brokers: brokers.map((v) => graph.ids[v] ?? ''),
    targets: targetsOf(graph, people, cuts.articulationPoints),
  };
  onProgress(1, 'Done');
  return analysis;
}
