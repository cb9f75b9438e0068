/**
 * Community detection by the Louvain method (Blondel et al. 2008), maximising modularity, and
 * modularity itself.
 *
 * Each level moves single nodes to the neighbouring community that raises modularity most, until
 * no move helps, then merges each community into one node (keeping the links inside as a
 * self-loop) and starts again on that smaller graph. Moves are made from a queue, as in Leiden's
 * "fast local move" (Traag et al. 2019): after a node moves, only its neighbours outside its new
 * community are looked at again, which gives the same kind of result as sweeping every node
 * again and again, in a fraction of the time. After the last level the nodes of the original
 * graph get one more chance to move on their own (refinement), which can only raise modularity.
 *
 * Determinism: nodes are first visited in an order shuffled by a seeded generator, so a seed
 * always gives the same communities. A node joins another community only if that strictly raises
 * modularity; between equal gains the community met first (through the lowest neighbour index)
 * wins. Louvain finds a good partition, not the best one, and which one depends on the order, so
 * `restarts` runs it from several seeds and keeps the highest modularity (the first on a tie).
 *
 * Arrays are read `as number`: every index is in bounds by construction, and this is the hot loop.
 */
import type { Graph } from './graph.js';
import { seededRandom, shuffledRange, type Random } from './random.js';

export interface Communities {
  /** Community of each node, numbered in order of each community's lowest node index. */
  readonly membership: Int32Array;
  readonly count: number;
  readonly modularity: number;
}

export interface LouvainOptions {
  /** Seed of the first run; later runs use seed + 1, seed + 2, ... */
  readonly seed?: number;
  /** Independent runs from different seeds, the best kept; 10 unless given (a run is cheap). */
  readonly restarts?: number;
}

/** A weighted graph for one level: nodes are the communities of the level below. */
interface Level {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
  /** Weight of each node's links to itself (links inside a merged community), each counted once. */
  readonly selfLoops: Float64Array;
  /** Sum of the weights of each node's links, its self-loop counted twice (the usual convention). */
  readonly strength: Float64Array;
  /** Twice the total link weight: the sum of all strengths. */
  readonly total: number;
}

function firstLevel(graph: Graph): Level {
  const n = graph.nodeCount;
  const strength = new Float64Array(n);
  for (let v = 0; v < n; v++) strength[v] = (graph.offsets[v + 1] as number) - (graph.offsets[v] as number);
  return {
    n,
    offsets: graph.offsets,
    targets: graph.neighbours,
    weights: new Float64Array(graph.neighbours.length).fill(1),
    selfLoops: new Float64Array(n),
    strength,
    total: graph.neighbours.length,
  };
}

/**
 * Moves nodes between communities until no single move raises modularity. `membership` holds the
 * starting communities (numbers below n) and is updated in place; returns whether anything moved.
 */
function moveNodes(level: Level, membership: Int32Array, order: Int32Array): boolean {
  const { n, offsets, targets, weights, strength, total } = level;
  const communityStrength = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const c = membership[v] as number;
    communityStrength[c] = (communityStrength[c] as number) + (strength[v] as number);
  }
  // Link weight from the current node to each neighbouring community, reset per node via `seen`.
  const linkTo = new Float64Array(n);
  const seen = new Int32Array(n).fill(-1);
  const touched = new Int32Array(n);
  // A ring buffer of nodes waiting to be looked at; `waiting` stops a node being queued twice.
  const queue = new Int32Array(n);
  const waiting = new Uint8Array(n).fill(1);
  queue.set(order);
  let head = 0;
  let size = n;
  let visit = 0;
  let moved = false;

  while (size > 0) {
    const v = queue[head] as number;
    head = head + 1 === n ? 0 : head + 1;
    size--;
    waiting[v] = 0;
    visit++;

    const current = membership[v] as number;
    const k = strength[v] as number;
    let count = 0;
    seen[current] = visit;
    linkTo[current] = 0;
    touched[count++] = current;
    const end = offsets[v + 1] as number;
    for (let e = offsets[v] as number; e < end; e++) {
      const c = membership[targets[e] as number] as number;
      if (seen[c] !== visit) {
        seen[c] = visit;
        linkTo[c] = 0;
        touched[count++] = c;
      }
      linkTo[c] = (linkTo[c] as number) + (weights[e] as number);
    }

    // Gain of joining c (up to a positive factor), with v taken out of its own community first.
    communityStrength[current] = (communityStrength[current] as number) - k;
    const scale = k / total;
    let best = current;
    let bestGain = linkTo[current] - communityStrength[current] * scale;
    for (let i = 1; i < count; i++) {
      const c = touched[i] as number;
      const gain = (linkTo[c] as number) - (communityStrength[c] as number) * scale;
      if (gain > bestGain) {
        best = c;
        bestGain = gain;
      }
    }
    communityStrength[best] = (communityStrength[best] as number) + k;
    if (best === current) continue;

    membership[v] = best;
    moved = true;
    for (let e = offsets[v] as number; e < end; e++) {
      const w = targets[e] as number;
      if (waiting[w] === 0 && membership[w] !== best) {
        waiting[w] = 1;
        let tail = head + size;
        if (tail >= n) tail -= n;
        queue[tail] = w;
        size++;
      }
    }
  }
  return moved;
}

/** Renumbers communities 0 .. count − 1 in order of their lowest node; returns count. */
function renumber(membership: Int32Array): number {
  const map = new Int32Array(membership.length).fill(-1);
  let count = 0;
  for (let v = 0; v < membership.length; v++) {
    const c = membership[v] as number;
    let to = map[c] as number;
    if (to < 0) {
      to = count++;
      map[c] = to;
    }
    membership[v] = to;
  }
  return count;
}

/** The graph of communities: one node per community, links summed, inside links as self-loops. */
function aggregate(level: Level, membership: Int32Array, count: number): Level {
  const { n, offsets, targets, weights, selfLoops, strength } = level;
  // Members of each community, grouped (a counting sort by community).
  const start = new Int32Array(count + 1);
  for (let v = 0; v < n; v++)
    start[(membership[v] as number) + 1] = (start[(membership[v] as number) + 1] as number) + 1;
  for (let c = 0; c < count; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const fill = start.slice(0, count);
  const members = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    const c = membership[v] as number;
    members[fill[c] as number] = v;
    fill[c] = (fill[c] as number) + 1;
  }

  const newOffsets = new Int32Array(count + 1);
  const newTargets: number[] = [];
  const newWeights: number[] = [];
  const newSelfLoops = new Float64Array(count);
  const newStrength = new Float64Array(count);
  const linkTo = new Float64Array(count);
  const seen = new Int32Array(count).fill(-1);
  const touched = new Int32Array(count);
  for (let c = 0; c < count; c++) {
    let inside = 0;
    let touchedCount = 0;
    const last = start[c + 1] as number;
    for (let i = start[c] as number; i < last; i++) {
      const v = members[i] as number;
      newSelfLoops[c] = (newSelfLoops[c] as number) + (selfLoops[v] as number);
      newStrength[c] = (newStrength[c] as number) + (strength[v] as number);
      const end = offsets[v + 1] as number;
      for (let e = offsets[v] as number; e < end; e++) {
        const d = membership[targets[e] as number] as number;
        const w = weights[e] as number;
        if (d === c) {
          inside += w;
        } else {
          if (seen[d] !== c) {
            seen[d] = c;
            linkTo[d] = 0;
            touched[touchedCount++] = d;
          }
          linkTo[d] = (linkTo[d] as number) + w;
        }
      }
    }
    // Each inside link was met from both of its ends.
    newSelfLoops[c] = (newSelfLoops[c] as number) + inside / 2;
    for (let i = 0; i < touchedCount; i++) {
      const d = touched[i] as number;
      newTargets.push(d);
      newWeights.push(linkTo[d] as number);
    }
    newOffsets[c + 1] = newTargets.length;
  }
  return {
    n: count,
    offsets: newOffsets,
    targets: Int32Array.from(newTargets),
    weights: Float64Array.from(newWeights),
    selfLoops: newSelfLoops,
    strength: newStrength,
    total: level.total,
  };
}

/** One Louvain run from one seed: the membership of the original graph's nodes. */
function louvainRun(graph: Graph, random: Random): Int32Array {
  const base = firstLevel(graph);
  const n = graph.nodeCount;
  // Community of each original node, followed down through the levels.
  const result = new Int32Array(n);
  for (let v = 0; v < n; v++) result[v] = v;
  let level = base;
  for (;;) {
    const membership = new Int32Array(level.n);
    for (let v = 0; v < level.n; v++) membership[v] = v;
    const moved = moveNodes(level, membership, shuffledRange(random, level.n));
    const count = renumber(membership);
    for (let v = 0; v < n; v++) result[v] = membership[result[v] as number] as number;
    if (!moved || count === level.n) break;
    level = aggregate(level, membership, count);
  }
  // Refinement: single original nodes may still gain by moving now the communities are settled.
  moveNodes(base, result, shuffledRange(random, n));
  renumber(result);
  return result;
}

/**
 * Newman's modularity of a partition of the unweighted graph (0 when there are no links).
 * `membership` gives each node's community as a number from 0 to n − 1.
 */
export function modularity(graph: Graph, membership: Int32Array): number {
  const { offsets, neighbours, nodeCount: n } = graph;
  // A community number out of range would be dropped silently by the typed arrays below.
  if (membership.length !== n || membership.some((c) => c < 0 || c >= n)) {
    throw new RangeError('A partition needs one community number from 0 to n − 1 per node');
  }
  const total = neighbours.length;
  if (total === 0) return 0;
  const inside = new Float64Array(n);
  const strength = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const c = membership[v] as number;
    const end = offsets[v + 1] as number;
    strength[c] = (strength[c] as number) + (end - (offsets[v] as number));
    for (let e = offsets[v] as number; e < end; e++) {
      if (membership[neighbours[e] as number] === c) inside[c] = (inside[c] as number) + 1;
    }
  }
  let q = 0;
  for (let c = 0; c < n; c++) {
    const share = (strength[c] as number) / total;
    q += (inside[c] as number) / total - share * share;
  }
  return q;
}

export const DEFAULT_RESTARTS = 10;

export function louvain(graph: Graph, options: LouvainOptions = {}): Communities {
  const seed = options.seed ?? 1;
  const restarts = Math.max(1, Math.floor(options.restarts ?? DEFAULT_RESTARTS));
  let best: Communities | undefined;
  for (let run = 0; run < restarts; run++) {
    const membership = louvainRun(graph, seededRandom(seed + run));
    const candidate = {
      membership,
      count: membership.reduce((max, c) => Math.max(max, c + 1), 0),
      modularity: modularity(graph, membership),
    };
    if (best === undefined || candidate.modularity > best.modularity) best = candidate;
  }
  return best ?? { membership: new Int32Array(0), count: 0, modularity: 0 };
}
