/**
 * The access matrix: roles × agencies × clearances × record types × actions × markings. The
 * expected outcome of every cell comes from the tables in THIS file, written from the issue's
 * rules and not from the policy code; the actual outcome comes from the live HTTP API, signed in
 * as a real user. Any unexpected allow or deny fails, and the counts are printed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { writeAuditEntry } from '../src/features/audit/audit-log.js';
import { RECORD_TYPES } from '../src/features/access/policy.js';
import { auditEntryId } from '../src/features/audit/audit-records.js';
import { startTestApp, type TestApp } from './support/app.js';
import { matrixFixtures, type FixtureRecord, type MatrixFixtures } from './support/matrix-fixtures.js';
import { signedInPartner, type TestPartner } from './support/partner.js';

type Action = 'read' | 'list' | 'search' | 'count' | 'export';
type Clearance = 'OFFICIAL' | 'OFFICIAL-SENSITIVE';
type AgencyName = 'owner' | 'partner' | 'outsider';

/** What each role may do to each type, before markings: written from the issue, not from roles.ts. */
const READ = ['read', 'list', 'search', 'count'] as const;
const EXPORT = [...READ, 'export'] as const;
/** Intelligence leads may export (a disclosure); everyone with intelligence may read it. */
const INTELLIGENCE_LEAD = {
  'public-report': EXPORT,
  'public-report-file': EXPORT,
  'intelligence-item': EXPORT,
  // The words as they arrived: read, listed and counted, never searched or exported.
  'intelligence-original': ['read', 'list', 'count'],
  entity: EXPORT,
  link: EXPORT,
  involvement: READ,
  agency: READ,
  // OCG register: OCGs exported like intelligence; members and assessments read with their OCG.
  ocg: EXPORT,
  'ocg-member': READ,
  'ocg-assessment': READ,
  'scoring-model': READ,
  // 4P plans: leads export them; a referral is victims' data (the victim flag below).
  plan: EXPORT,
  'plan-action': EXPORT,
  'disruption-impact': READ,
  'safeguarding-referral': EXPORT,
  // Reference data: every partner reads the tactics library.
  tactic: READ,
} as const;
const INTELLIGENCE_USER = {
  'public-report': READ,
  'public-report-file': READ,
  'intelligence-item': READ,
  'intelligence-original': ['read', 'list', 'count'],
  entity: READ,
  link: READ,
  involvement: READ,
  agency: READ,
  ocg: READ,
  'ocg-member': READ,
  'ocg-assessment': READ,
  'scoring-model': READ,
  plan: READ,
  'plan-action': READ,
  'disruption-impact': READ,
  // Victims' data: only the health and social care partner of these roles (the victim flag).
  'safeguarding-referral': READ,
  tactic: READ,
} as const;
/** Roles that may see victims' involvements. */
const VICTIM_ROLES = new Set([
  'public-protection-analyst',
  'police-supervisor',
  'health-social-care-partner',
  'partnership-coordinator',
]);
const ROLE_TABLE: Record<string, Record<string, readonly Action[]>> = {
  'public-protection-analyst': INTELLIGENCE_LEAD,
  'police-supervisor': INTELLIGENCE_LEAD,
  'council-officer': INTELLIGENCE_USER,
  'health-social-care-partner': INTELLIGENCE_USER,
  // Reads the audit log, not the intelligence.
  'information-governance': { 'audit-entry': [...READ, 'export'], agency: READ, tactic: READ },
  'partnership-coordinator': INTELLIGENCE_LEAD,
  // Manages accounts, reads no intelligence.
  'system-administrator': { user: [...READ, 'export'], agency: READ, 'sharing-rule': READ, tactic: READ },
  // Approves sharing of their own agency's records (separation of duties), reads none of them.
  'information-asset-owner': { agency: READ, tactic: READ },
};

interface Viewer {
  role: string;
  agency: AgencyName;
  clearance: Clearance;
  partner: TestPartner;
}

/** The marking rules, restated: clearance, then the owner or a sharing rule, then the access list. */
function expectedVisible(viewer: Viewer, record: FixtureRecord, action: Action): boolean {
  if (!(ROLE_TABLE[viewer.role]?.[record.type] ?? []).includes(action)) return false;
  if (record.victim && !VICTIM_ROLES.has(viewer.role)) return false;
  // A record that reveals others (a link's ends, an involvement's person) needs them readable too.
  if (record.reveals?.some((other) => !expectedVisible(viewer, other, 'read'))) return false;
  // A record supported by others (a link by its items) needs at least one of them readable.
  if (record.supportedBy && !record.supportedBy.some((item) => expectedVisible(viewer, item, 'read')))
    return false;
  if (!record.marking) return true;
  const { classification, owner, accessList, sharedWith } = record.marking;
  if (classification === 'OFFICIAL-SENSITIVE' && viewer.clearance !== 'OFFICIAL-SENSITIVE') return false;
  // The fixtures share every marked type from the owner to the partner agency by sharing rules,
  // and some records one at a time (sharedWith); nothing is shared with the outsider.
  const sharedWithViewer =
    owner === viewer.agency ||
    (owner === 'owner' && viewer.agency === 'partner') ||
    (sharedWith ?? []).includes(viewer.agency);
  if (!sharedWithViewer) return false;
  return accessList === null || accessList.includes(viewer.agency);
}

/** Runs `work` over `items`, `size` at a time. */
async function inBatches<T>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(work));
  }
}

const tally = { cells: 0, unexpectedAllows: [] as string[], unexpectedDenies: [] as string[] };

function check(cell: string, expected: boolean, actual: boolean) {
  tally.cells += 1;
  if (expected && !actual) tally.unexpectedDenies.push(cell);
  if (!expected && actual) tally.unexpectedAllows.push(cell);
}

describe('access matrix through the live API', () => {
  let app: TestApp;
  let fixtures: MatrixFixtures;
  const viewers: Viewer[] = [];

  before(async () => {
    app = await startTestApp();
    fixtures = await matrixFixtures(app);
    // Two fixture audit entries, so audit entries are in the matrix too.
    for (let i = 0; i < 2; i++) {
      const { seq } = await app.lantern.database.transaction((tx) =>
        writeAuditEntry(
          tx,
          {
            actor: { kind: 'system', name: 'matrix' },
            requestId: null,
            purpose: null,
            justification: null,
            written: 0,
          },
          { action: 'security', event: `matrix.fixture-${i}` },
        ),
      );
      fixtures.records.push({
        type: 'audit-entry',
        id: auditEntryId(seq),
        marking: null,
        label: `audit entry ${seq}`,
      });
    }
    // The auditor first, so the audit-entry fixtures are among the newest entries when they list.
    const roles = Object.keys(ROLE_TABLE).sort(
      (a, b) => Number(b === 'information-governance') - Number(a === 'information-governance'),
    );
    for (const role of roles) {
      for (const agency of ['owner', 'partner', 'outsider'] as const) {
        for (const clearance of ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const) {
          const partner = await signedInPartner(app, {
            agency: fixtures.agencyCodes[agency],
            roles: [role as never],
            clearance,
          });
          viewers.push({ role, agency, clearance, partner });
        }
      }
    }
  });
  after(() => app.stop());

  it('has the cells it says it has: every role, agency, clearance, type and action', () => {
    const types = new Set(fixtures.records.map((r) => r.type));
    assert.deepEqual([...types].sort(), [
      'agency',
      'audit-entry',
      'disruption-impact',
      'entity',
      'intelligence-item',
      'intelligence-original',
      'involvement',
      'link',
      'ocg',
      'ocg-assessment',
      'ocg-member',
      'plan',
      'plan-action',
      'public-report',
      'public-report-file',
      'safeguarding-referral',
      'scoring-model',
      'sharing-rule',
      'tactic',
      'user',
    ]);
    assert.deepEqual(
      [...types].filter((type) => type !== 'audit-entry').sort(),
      Object.keys(RECORD_TYPES)
        .filter((type) => type !== 'audit-entry')
        .sort(),
      'every record type the policy knows has fixtures in the matrix',
    );
    assert.equal(fixtures.records.filter((r) => r.type === 'intelligence-item').length, 24);
    assert.equal(
      fixtures.records.filter((r) => r.type === 'public-report').length,
      24,
      'every marking combination',
    );
    assert.equal(viewers.length, 8 * 3 * 2);
  });

  for (const action of ['list', 'search', 'export'] as const) {
    it(`${action}s: each fixture record is present exactly when the rules allow`, async () => {
      for (const viewer of viewers) {
        for (const type of fixtures.types) {
          const path =
            action === 'list'
              ? `/api/v1/records/${type}?limit=500`
              : action === 'search'
                ? `/api/v1/records/${type}?q=${encodeURIComponent(fixtures.searchTerms[type])}&limit=500`
                : `/api/v1/records/${type}/export?acknowledge=yes`;
          const response = await viewer.partner.client.get(path);
          const ids = new Set<string>();
          if (response.status === 200) {
            const body = (await response.json()) as { records: { id: string }[] };
            for (const record of body.records) ids.add(record.id);
          } else {
            assert.equal(response.status, 404, `${viewer.role} ${action} ${type}: ${response.status}`);
          }
          for (const record of fixtures.records.filter((r) => r.type === type)) {
            const cell = `${viewer.role}/${viewer.agency}/${viewer.clearance} ${action} ${record.label}`;
            check(cell, expectedVisible(viewer, record, action), ids.has(record.id));
          }
        }
      }
    });
  }

  it('counts: the number matching the fixtures is exactly the number the rules allow', async () => {
    for (const viewer of viewers) {
      for (const type of fixtures.types) {
        const response = await viewer.partner.client.get(
          `/api/v1/records/${type}/count?q=${encodeURIComponent(fixtures.searchTerms[type])}`,
        );
        const count = response.status === 200 ? ((await response.json()) as { count: number }).count : 0;
        const records = fixtures.records.filter((r) => r.type === type);
        const expected = records.filter((r) => expectedVisible(viewer, r, 'count')).length;
        // One cell per fixture record: more than expected is an unexpected allow, fewer a deny.
        const cell = `${viewer.role}/${viewer.agency}/${viewer.clearance} count ${type}`;
        tally.cells += records.length;
        if (count > expected) tally.unexpectedAllows.push(`${cell}: ${count} not ${expected}`);
        if (count < expected) tally.unexpectedDenies.push(`${cell}: ${count} not ${expected}`);
      }
    }
  });

  // Reads run after lists: each read writes an audit entry, and the audit-entry fixtures must stay
  // within the newest 500 entries a list returns.
  it('reads one record: allowed → 200 with the record; refused → the same 404 as a missing id', async () => {
    const missing = await viewers[0]!.partner.client.get(
      '/api/v1/records/public-report/00000000-0000-4000-8000-00000000beef',
    );
    const notFoundBody = await missing.text();
    assert.equal(missing.status, 404);
    // Six viewers at a time (each has its own session), records one after another: parallel
    // enough to be quick, not so much that a loaded machine times requests out.
    await inBatches(viewers, 6, async (viewer) => {
      for (const record of fixtures.records) {
        const response = await viewer.partner.client.get(`/api/v1/records/${record.type}/${record.id}`);
        const body = await response.text();
        const cell = `${viewer.role}/${viewer.agency}/${viewer.clearance} read ${record.label}`;
        if (response.status === 404)
          assert.equal(body, notFoundBody, `${cell}: refusal looks like a missing id`);
        else assert.equal(response.status, 200, `${cell}: ${body}`);
        check(cell, expectedVisible(viewer, record, 'read'), response.status === 200);
      }
    });
  });

  it('export of handling code C records needs the conditions acknowledged first', async () => {
    const analyst = viewers.find(
      (v) =>
        v.role === 'public-protection-analyst' &&
        v.agency === 'owner' &&
        v.clearance === 'OFFICIAL-SENSITIVE',
    )!;
    const refused = await analyst.partner.client.get('/api/v1/records/public-report/export');
    assert.equal(refused.status, 409);
    const body = (await refused.json()) as { conditions: string[] };
    assert.ok(body.conditions.length > 0);
    const before = await app.lantern.database.db
      .selectFrom('audit_entry')
      .select(sql<number>`count(*)`.as('n'))
      .where('event', '=', 'records.export')
      .where('record_type', '=', 'public-report')
      .where('actor_user_id', '=', analyst.partner.id)
      .executeTakeFirstOrThrow();
    assert.equal(before.n, 1, 'only the acknowledged export was a disclosure');
  });

  it('ends with 0 unexpected allows and 0 unexpected denies over at least 2,000 cells', () => {
    console.log(
      `access matrix: ${tally.cells} cells, ${tally.unexpectedAllows.length} unexpected allows, ${tally.unexpectedDenies.length} unexpected denies`,
    );
    assert.ok(tally.cells >= 2000, `only ${tally.cells} cells`);
    assert.deepEqual(tally.unexpectedAllows.slice(0, 20), []);
    assert.deepEqual(tally.unexpectedDenies.slice(0, 20), []);
  });
});
