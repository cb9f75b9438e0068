/**
 * The project's own import graph, read from the sources: which modules a file loads at run time,
 * directly or through others. Used to tell database tests from unit tests (scripts/test-files.ts)
 * and to key the seeded template database on the seed data's sources (database.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectPath } from '../../src/paths.js';

// Static and dynamic imports and re-exports of relative modules; `import type` is erased at run time.
const IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/gm;

const posix = (file: string) => file.split(path.sep).join('/');

function resolveModule(from: string, specifier: string): string | undefined {
  const target = path.posix.join(path.posix.dirname(from), specifier);
  const candidates = [target.replace(/\.js$/, '.ts'), `${target}.ts`, path.posix.join(target, 'index.ts')];
  return candidates.find((candidate) => existsSync(projectPath(candidate)));
}

const importsOf = new Map<string, string[]>();

/** The project modules a file (relative to the project) imports for their values. */
export function localImports(file: string): string[] {
  const key = posix(file);
  let found = importsOf.get(key);
  if (!found) {
    const source = readFileSync(projectPath(key), 'utf8');
    found = [...source.matchAll(IMPORT)]
      .map((match) => resolveModule(key, (match[1] ?? match[2])!))
      .filter((resolved): resolved is string => resolved !== undefined);
    importsOf.set(key, found);
  }
  return found;
}

/** The file and every project module it loads, directly or not (paths relative to the project). */
export function moduleClosure(file: string): Set<string> {
  const seen = new Set<string>();
  const queue = [posix(file)];
  while (queue.length) {
    const next = queue.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...localImports(next));
  }
  return seen;
}
