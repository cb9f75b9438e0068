/** What the three exports share: a fixed order, the link types' words and the metrics' columns. */
import { isLinkType, LINK_TYPES } from '../../intelligence/index.js';
import type { NetworkEdge, NetworkNode, NodeMetrics, VisibleNetwork } from '../types.js';

/** Nodes and edges sorted by id (as strings), so one network always exports to the same bytes. */
export function ordered(network: VisibleNetwork): { nodes: NetworkNode[]; edges: NetworkEdge[] } {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { nodes: [...network.nodes].sort(byId), edges: [...network.edges].sort(byId) };
}

export function linkLabel(linkType: string): string {
  return isLinkType(linkType) ? LINK_TYPES[linkType].label : linkType;
}

export function linkDirected(linkType: string): boolean {
  return isLinkType(linkType) ? LINK_TYPES[linkType].directed : false;
}

export type MetricKind = 'integer' | 'double' | 'boolean';

/** The metrics' columns, in the order every export writes them. */
export const METRIC_COLUMNS: readonly { key: keyof NodeMetrics; kind: MetricKind; title: string }[] = [
  { key: 'degree', kind: 'integer', title: 'Degree' },
  { key: 'betweenness', kind: 'double', title: 'Betweenness' },
  { key: 'closeness', kind: 'double', title: 'Closeness' },
  { key: 'eigenvector', kind: 'double', title: 'Eigenvector centrality' },
  { key: 'pagerank', kind: 'double', title: 'PageRank' },
  { key: 'coreNumber', kind: 'integer', title: 'Core number' },
  { key: 'community', kind: 'integer', title: 'Community' },
  { key: 'articulationPoint', kind: 'boolean', title: 'Articulation point' },
];

/** The metric columns some node of this network has a value for (only those are declared). */
export function metricColumnsUsed(
  nodes: readonly NetworkNode[],
  metrics: Record<string, NodeMetrics> | undefined,
): typeof METRIC_COLUMNS {
  if (!metrics) return [];
  return METRIC_COLUMNS.filter(({ key }) =>
    nodes.some((node) => Object.hasOwn(metrics, node.id) && metricValue(metrics[node.id], key) !== undefined),
  );
}

/** A node's value for one metric as text, or undefined when missing or not a finite number. */
export function metricValue(metrics: NodeMetrics | undefined, key: keyof NodeMetrics): string | undefined {
  const value = metrics?.[key];
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function metricsOf(
  metrics: Record<string, NodeMetrics> | undefined,
  id: string,
): NodeMetrics | undefined {
  return metrics && Object.hasOwn(metrics, id) ? metrics[id] : undefined;
}
