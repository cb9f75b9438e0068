/**
 * npm run bench:network — Lantern's network metrics against igraph on the same graphs, in the
 * same run: seeded Barabási–Albert graphs (m = 3) of 2,000, 10,000 and 30,000
 * nodes; exact betweenness (worker threads), Louvain and PageRank at every size; the 50-step
 * sequential disruption by exact betweenness at 2,000 only. Prints a table of times and the ratio
 * Lantern / igraph (below 1: Lantern is faster), each side's peak memory, and checks that both
 * computed the same thing (betweenness and PageRank values, the disruption's removal order).
 *
 * igraph runs in Python (scripts/bench-network-igraph.py) on the very edge list Lantern uses,
 * written to a temporary file. Without igraph the Lantern times are still printed, with the
 * reason the ratios are missing and the command that installs it.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createBetweennessPool } from '../src/features/network/metrics/betweenness-parallel.js';
import { betweenness } from '../src/features/network/metrics/betweenness.js';
import { SOURCE_BLOCK } from '../src/features/network/metrics/brandes.js';
import { parallelDisruption } from '../src/features/network/metrics/disruption.js';
import {
  barabasiAlbert,
  generatedGraph,
  type GeneratedNetwork,
} from '../src/features/network/metrics/generate.js';
import { indexOfId, type Graph } from '../src/features/network/metrics/graph.js';
import { DEFAULT_RESTARTS, louvain } from '../src/features/network/metrics/louvain.js';
import { pagerank } from '../src/features/network/metrics/pagerank.js';
import { projectPath } from '../src/paths.js';

const SIZES = [2_000, 10_000, 30_000];
const ATTACHMENTS = 3;
const SEED = 2025;
const DISRUPTION_SIZE = 2_000;
const DISRUPTION_STEPS = 50;

interface Timing {
  seconds: number;
  cpu: number;
}

interface IgraphResult {
  version: string;
  betweenness?: Timing & { values: number[] };
  louvain?: Timing & { modularity: number; communities: number };
  pagerank?: Timing & { values: number[] };
  disruption?: Timing & { removed: string[]; ratios: number[] };
  peak_rss_kb: number;
}

interface Row {
  size: number;
  task: string;
  lantern: Timing;
  igraph?: Timing | undefined;
  check: string;
}

/** Runs work, timing it by the clock and by processor time (every thread of this process). */
async function timed<T>(work: () => T | Promise<T>): Promise<{ timing: Timing; result: T }> {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = await work();
  const cpu = process.cpuUsage(cpuStart);
  return {
    timing: { seconds: (performance.now() - start) / 1000, cpu: (cpu.user + cpu.system) / 1e6 },
    result,
  };
}

/** The first python3 that can import igraph, or why none can. */
function findIgraph(): { python: string } | { reason: string } {
  const reasons: string[] = [];
  // Debian's python3-igraph lives in the system Python, which a pyenv or venv python3 on PATH hides.
  for (const python of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(python, ['-c', 'import igraph'], { encoding: 'utf8' });
    if (probe.status === 0) return { python };
    const why = probe.error ? probe.error.message : (probe.stderr.trim().split('\n').pop() ?? 'failed');
    reasons.push(`${python}: ${why}`);
  }
  return { reason: reasons.join('; ') };
}

async function runIgraph(
  python: string,
  network: GeneratedNetwork,
  tasks: string[],
  dir: string,
): Promise<IgraphResult> {
  const file = path.join(dir, `ba-${network.nodeCount}.txt`);
  const lines = [String(network.nodeCount)];
  for (let e = 0; e < network.ends.length; e += 2) lines.push(`${network.ends[e]} ${network.ends[e + 1]}`);
  await writeFile(file, `${lines.join('\n')}\n`);
  const { stdout } = await promisify(execFile)(
    python,
    [projectPath('scripts', 'bench-network-igraph.py'), file, tasks.join(','), String(DISRUPTION_STEPS)],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as IgraphResult;
}

/** igraph numbers its nodes 0 .. n − 1; Lantern sorts the ids "0" .. "n − 1" as strings. */
function largestDifference(graph: Graph, lantern: Float64Array, igraph: number[]): number {
  let worst = 0;
  igraph.forEach((value, node) => {
    worst = Math.max(worst, Math.abs((lantern[indexOfId(graph, String(node))] ?? NaN) - value));
  });
  return worst;
}

const format = (value: number) => (value < 10 ? value.toFixed(3) : value.toFixed(1));
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

const loadAtStart = loadavg();
const igraph = findIgraph();
const workers = availableParallelism();
const pool = createBetweennessPool({ workers });
const dir = await mkdtemp(path.join(tmpdir(), 'lantern-bench-network-'));
const rows: Row[] = [];
let igraphVersion = '';
let igraphPeakKb = 0;
let speedUp = '';

try {
  // Start the worker threads before timing anything, as a running server would have them.
  await pool.betweenness(generatedGraph(barabasiAlbert(2 * SOURCE_BLOCK, ATTACHMENTS, 1)));

  for (const size of SIZES) {
    const network = barabasiAlbert(size, ATTACHMENTS, SEED);
    const graph = generatedGraph(network);
    const tasks = ['betweenness', 'louvain', 'pagerank', ...(size === DISRUPTION_SIZE ? ['disruption'] : [])];
    console.error(`${size} nodes, ${graph.edgeCount} links: Lantern...`);

    const exact = await timed(() => pool.betweenness(graph));
    if (size === SIZES[0]) {
      // What the worker threads buy on this machine, at the smallest size.
      const single = await timed(() => betweenness(graph));
      speedUp =
        `one thread ${format(single.timing.seconds)} s, ${pool.size} worker threads ` +
        `${format(exact.timing.seconds)} s (×${(single.timing.seconds / exact.timing.seconds).toFixed(2)})`;
    }
    const oneRun = await timed(() => louvain(graph, { seed: 1, restarts: 1 }));
    const bestRun = await timed(() => louvain(graph, { seed: 1 }));
    const ranks = await timed(() => pagerank(graph));
    const disrupted =
      size === DISRUPTION_SIZE
        ? await timed(() => parallelDisruption(graph, pool, { steps: DISRUPTION_STEPS }))
        : undefined;

    let theirs: IgraphResult | undefined;
    if ('python' in igraph) {
      console.error(`${size} nodes: igraph...`);
      theirs = await runIgraph(igraph.python, network, tasks, dir);
      igraphVersion = theirs.version;
      igraphPeakKb = Math.max(igraphPeakKb, theirs.peak_rss_kb);
    }

    const maxBetweenness = exact.result.raw.reduce((a, b) => Math.max(a, b), 0);
    rows.push({
      size,
      task: `exact betweenness (${pool.size} worker threads)`,
      lantern: exact.timing,
      igraph: theirs?.betweenness,
      check: theirs?.betweenness
        ? `largest difference ${(largestDifference(graph, exact.result.raw, theirs.betweenness.values) / maxBetweenness).toExponential(1)} of the maximum`
        : '',
    });
    rows.push({
      size,
      task: 'Louvain, one run',
      lantern: oneRun.timing,
      igraph: theirs?.louvain,
      check:
        `modularity ${oneRun.result.modularity.toFixed(4)}` +
        (theirs?.louvain ? `, igraph ${theirs.louvain.modularity.toFixed(4)}` : ''),
    });
    rows.push({
      size,
      task: `Louvain, best of ${DEFAULT_RESTARTS} (the default)`,
      lantern: bestRun.timing,
      check: `modularity ${bestRun.result.modularity.toFixed(4)}`,
    });
    rows.push({
      size,
      task: 'PageRank (0.85, to 1e-12)',
      lantern: ranks.timing,
      igraph: theirs?.pagerank,
      check: theirs?.pagerank
        ? `largest difference ${largestDifference(graph, ranks.result, theirs.pagerank.values).toExponential(1)}`
        : '',
    });
    if (disrupted) {
      const removed = disrupted.result.steps.map((step) => step.removed[0] ?? '');
      const same = theirs?.disruption?.removed.every((id, i) => id === removed[i]);
      rows.push({
        size,
        task: `sequential disruption, ${DISRUPTION_STEPS} steps`,
        lantern: disrupted.timing,
        igraph: theirs?.disruption,
        check: same === undefined ? '' : same ? 'same removal order' : 'REMOVAL ORDER DIFFERS',
      });
    }
  }
} finally {
  await pool.close();
  await rm(dir, { recursive: true, force: true });
}

const header = ['nodes', 'task', 'Lantern', 'igraph', 'Lantern/igraph', 'CPU: Lantern', 'igraph', 'check'];
const table = [
  header,
  ...rows.map((row) => [
    row.size.toLocaleString('en-GB'),
    row.task,
    `${format(row.lantern.seconds)} s`,
    row.igraph ? `${format(row.igraph.seconds)} s` : '-',
    row.igraph ? (row.lantern.seconds / row.igraph.seconds).toFixed(2) : '-',
    `${format(row.lantern.cpu)} s`,
    row.igraph ? `${format(row.igraph.cpu)} s` : '-',
    row.check,
  ]),
];
const widths = header.map((_, column) => Math.max(...table.map((cells) => (cells[column] ?? '').length)));
const load = (averages: number[]) => averages.map((a) => a.toFixed(1)).join(' ');
console.log(
  `Network metrics: Barabási–Albert graphs (m = ${ATTACHMENTS}, seed ${SEED}); ` +
    `${workers} cores reported (os.availableParallelism)\n` +
    `Times are wall-clock; CPU is processor time (Lantern's includes its worker threads). ` +
    `Ratio below 1: Lantern is faster.\n`,
);
for (const cells of table)
  console.log(cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));
console.log(`\nParallel betweenness at ${SIZES[0]?.toLocaleString('en-GB')} nodes: ${speedUp}`);
console.log(
  `Peak memory (RSS): Lantern ${megabytes(process.resourceUsage().maxRSS * 1024)} (this process, worker threads included)`,
);
if ('python' in igraph) {
  console.log(
    `igraph ${igraphVersion} (${igraph.python}): peak RSS ${megabytes(igraphPeakKb * 1024)} (its own process)`,
  );
} else {
  console.log(`\nigraph not run, ratios skipped: ${igraph.reason}`);
  console.log('Install it (Debian, as root): apt-get install -y python3-igraph');
}
// Other work on the machine slows both sides; a load well above the core count makes times noisy.
console.log(`Load average (1, 5, 15 min): ${load(loadAtStart)} at the start, ${load(loadavg())} at the end`);
