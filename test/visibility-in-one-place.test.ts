/**
 * The access policy and its rules for derived records live in src/features/access/ and nowhere
 * else: feature code calls `visibleSql`, `visibleLinkSql`, `visibleInvolvementSql`, `mayAct` and
 * the share helpers instead of writing the conditions again, where they would drift. This test
 * reads the sources and fails on a visibility condition written by hand outside that folder.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { projectPath } from '../src/paths.js';

const ACCESS = path.join('src', 'features', 'access') + path.sep;

/** What a hand-written visibility condition looks like, and what to call instead. */
const HAND_WRITTEN: readonly { pattern: RegExp; instead: string }[] = [
  { pattern: /\brecord_share\b/, instead: 'sharesOf / shareRecord (access/shares.ts) or visibleSql' },
  { pattern: /\baccess_list_member\b/, instead: 'visibleSql / listAdmitsSql (access/policy.ts)' },
  { pattern: /\baccess_list_id\s+(in|=)\s/i, instead: 'visibleSql (access/policy.ts)' },
  { pattern: /\bowning_agency_id\s+in\s*\(/i, instead: 'visibleSql (access/policy.ts)' },
  { pattern: /\bclassification\s+in\s*\(/i, instead: 'visibleSql (access/policy.ts)' },
  { pattern: /\.permissions\.has\(/, instead: 'mayAct (access/policy.ts) or a helper in access/' },
  { pattern: /\bVICTIM_CATEGORIES\b/, instead: 'visibleInvolvementSql / victimsRuleSql (access/derived.ts)' },
  {
    // The support rule (a link needs a visible supporting item) as an existence condition.
    pattern: /exists\s*\(\s*select[^)]*?from\s+link_source[\s\S]{0,200}?visibleSql\([^)]*'intelligence-item'/,
    instead: 'visibleLinkSql / visibleSupportSql (access/derived.ts)',
  },
];

/**
 * Files that may name these for a reason other than deciding visibility: seed and demo data that
 * write the rows themselves, and table types.
 */
const WRITERS_OF_THE_ROWS = new Set([
  path.join('src', 'features', 'demo', 'demo-intelligence.ts'),
  path.join('src', 'features', 'network', 'test-fixture.ts'),
]);

function sourcesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(projectPath(dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...sourcesUnder(relative));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) found.push(relative);
  }
  return found;
}

describe('visibility decided in one place', () => {
  const sources = sourcesUnder('src').filter(
    (file) =>
      !file.startsWith(ACCESS) &&
      !file.startsWith(path.join('src', 'db') + path.sep) &&
      !WRITERS_OF_THE_ROWS.has(file),
  );

  it('reads the feature sources it checks', () => {
    assert.ok(sources.length > 50, `only ${sources.length} source files found`);
    assert.ok(sources.some((file) => file.includes(path.join('features', 'plans'))));
  });

  it('finds no visibility condition written by hand outside src/features/access/', () => {
    const found: string[] = [];
    for (const file of sources) {
      const text = readFileSync(projectPath(file), 'utf8');
      for (const { pattern, instead } of HAND_WRITTEN) {
        const match = pattern.exec(text);
        if (!match) continue;
        const line = text.slice(0, match.index).split('\n').length;
        found.push(`${file}:${line}: "${match[0].slice(0, 60)}": use ${instead}`);
      }
    }
    assert.deepEqual(found, []);
  });

  it('would catch one: each pattern matches the condition it names', () => {
    const examples = [
      'select 1 from record_share rs where rs.agency_id = $1',
      'join access_list_member m on m.access_list_id = x.access_list_id',
      'where e.access_list_id in ($1, $2)',
      'and l.owning_agency_id in ($1)',
      'and i.classification in ($1, $2)',
      "principal.permissions.has('victims:read')",
      'subject_category not in (${sql.join(VICTIM_CATEGORIES)})',
      "exists (select 1 from link_source ls join intelligence_item i on i.id = ls.item_id where ls.link_id = l.id and ${visibleSql(viewer, 'read', 'intelligence-item', 'i')})",
    ];
    HAND_WRITTEN.forEach(({ pattern }, i) => assert.match(examples[i]!, pattern));
  });
});
