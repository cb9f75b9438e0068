/**
 * What a network page embeds for the picture (`src/web/assets/network-view.js`): the visible
 * network as `NetworkViewData`, and that data as JSON safe inside
 * `<script type="application/json" id="network-data">`.
 */
import type { NetworkViewData, NodeMetrics, VisibleNetwork } from '../types.js';
import { linkLabel, ordered } from './common.js';

/** The metrics a picture can size nodes by. */
export type SizeMetric = 'degree' | 'betweenness' | 'closeness' | 'eigenvector' | 'pagerank' | 'coreNumber';

/**
 * The picture's data: nodes sized by one metric scaled to 0..1 over this network (0 for all when
 * none has a value above 0), coloured by community, each opening its entity page.
 */
export function toViewData(
  network: VisibleNetwork,
  metrics: Record<string, NodeMetrics> = {},
  sizeBy: SizeMetric = 'degree',
  hrefOf: (id: string) => string = (id) => `/partner/entities/${encodeURIComponent(id)}`,
): NetworkViewData {
  const { nodes, edges } = ordered(network);
  const value = (id: string) => {
    const raw = Object.hasOwn(metrics, id) ? metrics[id]?.[sizeBy] : undefined;
    return typeof raw === 'number' && Number.isFinite(raw) && raw > 0 ? raw : 0;
  };
  const largest = Math.max(0, ...nodes.map((node) => value(node.id)));
  return {
    nodes: nodes.map((node) => {
      const community = Object.hasOwn(metrics, node.id) ? metrics[node.id]?.community : undefined;
      return {
        id: node.id,
        label: node.caption,
        schema: node.schema,
        size: largest > 0 ? value(node.id) / largest : 0,
        community: typeof community === 'number' ? community : null,
        href: hrefOf(node.id),
      };
    }),
    edges: edges.map((edge) => ({
      id: edge.id,
      source: edge.from,
      target: edge.to,
      label: linkLabel(edge.linkType),
    })),
  };
}

/**
 * JSON for a `<script type="application/json">` element: `<`, `>` and `&` as \u escapes, so no
 * name can close the element or open a comment, and U+2028/U+2029 escaped for older parsers.
 * JSON.parse reads it back unchanged.
 */
export function viewDataJson(data: NetworkViewData): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
