/**
 * The network a viewer gets: only entities and links they may open (issue 7). Built by
 * `build.ts` from the database, consumed by the metrics (via `metrics/graph.ts`), the pages, the
 * picture (`src/web/assets/network-view.js`) and the exports (GraphML, GEXF, ANX).
 */

export interface NetworkNode {
  /** The entity id. */
  id: string;
  /** Entity schema: Person, Business, Address, Premises, Vehicle, Phone, OnlineAccount, BankAccount. */
  schema: string;
  caption: string;
  /** True for the entities the network was built around. */
  seed: boolean;
  /** Hops from the nearest seed. */
  hops: number;
}

export interface NetworkEdge {
  /** The link id. */
  id: string;
  from: string;
  to: string;
  linkType: string;
  /** 'YYYY-MM-DD' or null. */
  startDate: string | null;
  endDate: string | null;
  confidence: 'low' | 'medium' | 'high';
}

export interface VisibleNetwork {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /**
   * Set when the network stopped short of the hops asked for because the next hop would have taken
   * it past `maxNodes` entities: it then holds `hops` hops (0: the seeds alone were too many).
   */
  limit?: { requestedHops: number; hops: number; maxNodes: number };
}

/**
 * Per-node results for the picture and the exports, by entity id; any may be missing when not
 * computed. Community is a number from 0.
 */
export interface NodeMetrics {
  degree?: number;
  betweenness?: number;
  closeness?: number;
  eigenvector?: number;
  pagerank?: number;
  coreNumber?: number;
  community?: number;
  articulationPoint?: boolean;
}

/**
 * What the page embeds for the picture, as JSON in
 * `<script type="application/json" id="network-data">` beside `<div data-network-view>`.
 * `size` is the chosen sizing metric scaled 0..1; `href` opens the entity page.
 */
export interface NetworkViewData {
  nodes: {
    id: string;
    label: string;
    schema: string;
    size: number;
    community: number | null;
    href: string;
  }[];
  edges: { id: string; source: string; target: string; label: string }[];
}
