/**
 * A small seeded pseudo-random generator, so sampled betweenness, Louvain and the benchmark's
 * graphs give the same answer on every run and every machine. Math.random cannot be seeded.
 * mulberry32: 32 bits of state, good enough for shuffling and sampling (not for secrets).
 */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniformly random integer in [0, bound). */
export function randomBelow(random: Random, bound: number): number {
  return Math.floor(random() * bound);
}

/** 0 .. n-1 in a random order (Fisher–Yates). */
export function shuffledRange(random: Random, n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = randomBelow(random, i + 1);
    const held = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = held;
  }
  return order;
}

/** k distinct integers from 0 .. n-1, uniformly without replacement, in ascending order. */
export function sampleWithoutReplacement(random: Random, n: number, k: number): Int32Array {
  return shuffledRange(random, n).subarray(0, Math.min(k, n)).slice().sort();
}
