/**
 * Seeded random graphs for benchmarks and tests: the same seed gives the same edge list on every
 * machine, so Lantern and igraph can be timed on the very same graph and runs compared over time.
 */
import { buildGraph, type EdgeInput, type Graph } from './graph.js';
import { randomBelow, seededRandom } from './random.js';

export interface GeneratedNetwork {
  readonly nodeCount: number;
  /** Endpoint pairs over node numbers 0 .. n − 1: u0, v0, u1, v1, ... */
  readonly ends: Int32Array;
}

/**
 * Barabási–Albert preferential attachment, as networkx's barabasi_albert_graph builds it: start
 * from a star on m + 1 nodes, then each new node links to m distinct existing nodes, each chosen
 * with probability proportional to its degree (uniformly from a list holding every node once per
 * link it has). Hubs and a long tail, like the co-offending networks Lantern is for.
 */
export function barabasiAlbert(nodeCount: number, m: number, seed: number): GeneratedNetwork {
  if (!Number.isInteger(m) || m < 1 || m >= nodeCount) {
    throw new RangeError('Barabási–Albert needs 1 ≤ m < n');
  }
  const random = seededRandom(seed);
  const edgeCount = m + (nodeCount - m - 1) * m;
  const ends = new Int32Array(edgeCount * 2);
  // Every endpoint ever attached, so a uniform pick from it is a pick proportional to degree.
  const attached = new Int32Array(edgeCount * 2);
  let links = 0;
  let picks = 0;
  const link = (u: number, v: number) => {
    ends[2 * links] = u;
    ends[2 * links + 1] = v;
    links++;
    attached[picks++] = u;
    attached[picks++] = v;
  };
  for (let leaf = 1; leaf <= m; leaf++) link(0, leaf);

  const chosen = new Int32Array(m);
  for (let source = m + 1; source < nodeCount; source++) {
    let count = 0;
    while (count < m) {
      const target = attached[randomBelow(random, picks)] ?? 0;
      if (!chosen.subarray(0, count).includes(target)) chosen[count++] = target;
    }
    for (const target of chosen) link(source, target);
  }
  return { nodeCount, ends };
}

/** The generated network as Lantern would receive it: string ids and an edge list. */
export function generatedAsInput(network: GeneratedNetwork): { nodes: string[]; edges: EdgeInput[] } {
  const nodes = Array.from({ length: network.nodeCount }, (_, i) => String(i));
  const edges: EdgeInput[] = [];
  for (let e = 0; e < network.ends.length; e += 2) {
    edges.push({ source: String(network.ends[e]), target: String(network.ends[e + 1]) });
  }
  return { nodes, edges };
}

export function generatedGraph(network: GeneratedNetwork): Graph {
  const { nodes, edges } = generatedAsInput(network);
  return buildGraph(nodes, edges);
}
