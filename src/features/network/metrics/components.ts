/** Connected components: which nodes can reach which. */
import type { Graph } from './graph.js';

export interface Components {
  readonly count: number;
  /** Component number of each node; components are numbered in order of their lowest node. */
  readonly membership: Int32Array;
  readonly sizes: Int32Array;
  /** Size of the largest component (0 for an empty graph). */
  readonly largest: number;
}

export function connectedComponents(graph: Graph): Components {
  const { offsets, neighbours, nodeCount: n } = graph;
  const membership = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const sizes: number[] = [];
  for (let s = 0; s < n; s++) {
    if ((membership[s] as number) >= 0) continue;
    const component = sizes.length;
    membership[s] = component;
    queue[0] = s;
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const v = queue[head] as number;
      const end = offsets[v + 1] as number;
      for (let e = offsets[v] as number; e < end; e++) {
        const w = neighbours[e] as number;
        if ((membership[w] as number) < 0) {
          membership[w] = component;
          queue[tail++] = w;
        }
      }
    }
    sizes.push(tail);
  }
  return {
    count: sizes.length,
    membership,
    sizes: Int32Array.from(sizes),
    largest: sizes.reduce((a, b) => Math.max(a, b), 0),
  };
}
