/**
 * Reports sit below intelligence: the inbox reads their categories and conversations, and main.ts
 * hands createReports what takes a new report into the inbox. ESLint refuses a direct import of
 * intelligence from reports/; this also catches one made through another module, which would
 * make the two features load each other again.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { projectPath } from '../src/paths.js';
import { moduleClosure } from './support/module-graph.js';

const REPORTS = 'src/features/reports';
const INTELLIGENCE = 'src/features/intelligence/';

function reportsModules(): string[] {
  return readdirSync(projectPath(REPORTS), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => `${REPORTS}/${name}`);
}

describe('feature boundaries', () => {
  it('reports never load intelligence, directly or through other modules', () => {
    const modules = reportsModules();
    assert.ok(modules.includes(`${REPORTS}/reports.ts`), 'the reports service is among the modules read');
    const reached = modules.flatMap((module) =>
      [...moduleClosure(module)]
        .filter((loaded) => loaded.startsWith(INTELLIGENCE))
        .map((loaded) => `${module} -> ${loaded}`),
    );
    assert.deepEqual(reached, []);
  });

  it('the inbox does load reports, so the check above reads the graph it means to', () => {
    assert.ok(moduleClosure(`${INTELLIGENCE}inbox/triage.ts`).has(`${REPORTS}/queries.ts`));
  });
});
