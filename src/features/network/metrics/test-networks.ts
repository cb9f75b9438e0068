/**
 * The reference networks of test/fixtures/networks (see the README there), loaded for the metric
 * tests. Each file holds nodes, edges and networkx's reference values by node id.
 */
import { readFileSync } from 'node:fs';
import { projectPath } from '../../../paths.js';
import { buildGraph, type Graph } from './graph.js';

export interface ReferenceNetwork {
  readonly name: string;
  readonly nodes: string[];
  readonly edges: { source: string; target: string; weight?: number }[];
  readonly reference: {
    readonly betweenness_raw: Record<string, number>;
    readonly betweenness_normalized: Record<string, number>;
    readonly closeness: Record<string, number>;
    readonly degree: Record<string, number>;
    readonly eigenvector: Record<string, number>;
    readonly 'pagerank_alpha_0.85_unweighted': Record<string, number>;
    readonly core_number: Record<string, number>;
    readonly connected_components: number;
    readonly best_modularity_louvain_igraph_20_runs: number;
    readonly sequential_betweenness_removal: {
      readonly lcc_ratio_before_each_removal: number[];
      readonly removed: string[];
    };
  };
}

export const REFERENCE_NETWORK_NAMES = [
  'karate',
  'florentine-families',
  'les-miserables',
  'davis-southern-women',
] as const;

export function loadReferenceNetwork(name: string): { network: ReferenceNetwork; graph: Graph } {
  const file = projectPath('test', 'fixtures', 'networks', `${name}.json`);
  const network = JSON.parse(readFileSync(file, 'utf8')) as ReferenceNetwork;
  return { network, graph: buildGraph(network.nodes, network.edges) };
}

export const referenceNetworks = REFERENCE_NETWORK_NAMES.map((name) => ({
  name,
  ...loadReferenceNetwork(name),
}));

/** Asserts every node's value is within `tolerance` of the reference, naming the first that is not. */
export function assertCloseById(
  graph: Graph,
  actual: ArrayLike<number>,
  expected: Record<string, number>,
  tolerance = 1e-9,
): void {
  const expectedIds = Object.keys(expected).sort();
  if (expectedIds.length !== graph.nodeCount || expectedIds.some((id, i) => id !== graph.ids[i])) {
    throw new Error('The reference and the graph hold different node ids');
  }
  graph.ids.forEach((id, i) => {
    const a = actual[i] ?? Number.NaN;
    const e = expected[id] ?? Number.NaN;
    if (!(Math.abs(a - e) <= tolerance)) {
      throw new Error(`${id}: expected ${e}, got ${a} (difference ${Math.abs(a - e)})`);
    }
  });
}
