import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, describe, it } from 'node:test';
import ts from 'typescript';
import { createBetweennessPool, parallelBetweenness } from './betweenness-parallel.js';
import { betweenness } from './betweenness.js';
import { SOURCE_BLOCK } from './brandes.js';
import { barabasiAlbert, generatedGraph } from './generate.js';
import { referenceNetworks } from './test-networks.js';

describe('parallel exact betweenness (worker threads)', () => {
  const pool = createBetweennessPool({ workers: 2 });
  after(() => pool.close());

  it('equals the single-threaded result bit for bit on a graph split across both workers', async () => {
    // Six source blocks, so both workers take several each.
    const graph = generatedGraph(barabasiAlbert(6 * SOURCE_BLOCK - 17, 3, 11));
    const parallel = await pool.betweenness(graph);
    assert.equal(pool.started, 2);
    const single = betweenness(graph);
    assert.deepEqual(parallel.raw, single.raw);
    assert.deepEqual(parallel.normalized, single.normalized);
  });

  it('reuses its workers for the next graph', async () => {
    const graph = generatedGraph(barabasiAlbert(3 * SOURCE_BLOCK, 2, 5));
    assert.deepEqual((await pool.betweenness(graph)).raw, betweenness(graph).raw);
    assert.equal(pool.started, 2);
  });

  it('runs calls made together one after the other, each with its own answer', async () => {
    const first = generatedGraph(barabasiAlbert(2 * SOURCE_BLOCK, 3, 1));
    const second = generatedGraph(barabasiAlbert(2 * SOURCE_BLOCK + 5, 1, 2));
    const [a, b] = await Promise.all([pool.betweenness(first), pool.betweenness(second)]);
    assert.deepEqual(a.raw, betweenness(first).raw);
    assert.deepEqual(b.raw, betweenness(second).raw);
  });

  for (const { name, graph } of referenceNetworks) {
    it(`${name}: the same as single-threaded`, async () => {
      assert.deepEqual((await pool.betweenness(graph)).raw, betweenness(graph).raw);
    });
  }

  it('starts and stops a pool of its own for a single call', async () => {
    const graph = generatedGraph(barabasiAlbert(2 * SOURCE_BLOCK + 1, 3, 9));
    assert.deepEqual((await parallelBetweenness(graph, { workers: 2 })).raw, betweenness(graph).raw);
  });

  it('refuses work once closed', async () => {
    const closed = createBetweennessPool({ workers: 1 });
    await closed.close();
    await assert.rejects(closed.betweenness(referenceNetworks[0]!.graph), /closed/);
  });
});

describe('parallel betweenness compiled to JavaScript, as it runs from dist/', () => {
  it('finds its worker as the .js file beside it, with no tsx loader', async () => {
    // Each module of this folder transpiled to .js in a folder of its own, as tsc -p
    // tsconfig.build.json lays them out in dist/ (type checking is npm run typecheck's job).
    const here = path.dirname(fileURLToPath(import.meta.url));
    const out = await mkdtemp(path.join(tmpdir(), 'lantern-network-'));
    try {
      const sources = (await readdir(here)).filter(
        (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('test-'),
      );
      for (const file of sources) {
        const { outputText } = ts.transpileModule(await readFile(path.join(here, file), 'utf8'), {
          compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
        });
        await writeFile(path.join(out, file.replace(/\.ts$/, '.js')), outputText);
      }
      await writeFile(path.join(out, 'package.json'), '{"type":"module"}');
      const script = [
        "import { parallelBetweenness } from './betweenness-parallel.js';",
        "import { barabasiAlbert, generatedGraph } from './generate.js';",
        `const graph = generatedGraph(barabasiAlbert(${3 * SOURCE_BLOCK}, 3, 8));`,
        'const result = await parallelBetweenness(graph, { workers: 2 });',
        'console.log(JSON.stringify(Array.from(result.raw)));',
      ].join('\n');
      await writeFile(path.join(out, 'run.mjs'), script);
      // A plain node with no loader: a .ts worker could not start here.
      const { stdout } = await promisify(execFile)(process.execPath, ['run.mjs'], { cwd: out });
      const expected = betweenness(generatedGraph(barabasiAlbert(3 * SOURCE_BLOCK, 3, 8))).raw;
      assert.deepEqual(JSON.parse(stdout), Array.from(expected));
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
