/**
 * The network build joins the access matrix: on the matrix's three-agency fixtures (every marking
 * combination, shares one at a time, a child on a need-to-know list, links whose ends differ in
 * visibility), for every role, agency and clearance, the network built from the fixture entities
 * holds exactly the entities and links the rules allow, its counts count only those, and a network
 * from any single visible seed holds nothing else. The expectation is restated here from the rules
 * (as in test/access-matrix.test.ts), not taken from the policy code.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import {
  matrixFixtures,
  type FixtureRecord,
  type MatrixFixtures,
} from '../../../test/support/matrix-fixtures.js';
import { signedInPartner, type TestPartner } from '../../../test/support/partner.js';

type AgencyName = 'owner' | 'partner' | 'outsider';
type Clearance = 'OFFICIAL' | 'OFFICIAL-SENSITIVE';

/** Roles that read intelligence (and so may build networks); the others get 404. */
const READERS = new Set([
  'public-protection-analyst',
  'police-supervisor',
  'council-officer',
  'health-social-care-partner',
  'partnership-coordinator',
]);
const ROLES = [...READERS, 'information-governance', 'system-administrator'];

interface MatrixViewer {
  role: string;
  agency: AgencyName;
  clearance: Clearance;
  partner: TestPartner;
}

/** Clearance, then the owner, a sharing rule (owner → partner for every type) or a one-off share, then the list. */
function readable(viewer: MatrixViewer, record: FixtureRecord): boolean {
  if (!READERS.has(viewer.role)) return false;
  if (record.reveals?.some((other) => !readable(viewer, other))) return false;
  if (!record.marking) return true;
  const { classification, owner, accessList, sharedWith } = record.marking;
  if (classification === 'OFFICIAL-SENSITIVE' && viewer.clearance !== 'OFFICIAL-SENSITIVE') return false;
  const shared =
    owner === viewer.agency ||
    (owner === 'owner' && viewer.agency === 'partner') ||
    (sharedWith ?? []).includes(viewer.agency);
  return shared && (accessList === null || accessList.includes(viewer.agency));
}

describe('network build in the access matrix', () => {
  let app: TestApp;
  let fixtures: MatrixFixtures;
  const viewers: MatrixViewer[] = [];
  /** Each fixture link's supporting items, as fixture records. */
  const sourcesOf = new Map<string, FixtureRecord[]>();

  before(async () => {
    app = await startTestApp();
    fixtures = await matrixFixtures(app);
    const links = fixtures.records.filter((r) => r.type === 'link');
    const rows = await app.lantern.database.db
      .selectFrom('link_source')
      .select(['link_id', 'item_id'])
      .where(
        'link_id',
        'in',
        links.map((l) => l.id),
      )
      .execute();
    for (const row of rows) {
      const item = fixtures.records.find((r) => r.type === 'intelligence-item' && r.id === row.item_id);
      assert.ok(item, 'every supporting item is a fixture');
      sourcesOf.set(row.link_id, [...(sourcesOf.get(row.link_id) ?? []), item]);
    }
    for (const role of ROLES) {
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

  const entities = () => fixtures.records.filter((r) => r.type === 'entity');
  const links = () => fixtures.records.filter((r) => r.type === 'link');
  /** A link is in the network when the viewer may read it, both ends and one of its items. */
  const linkExpected = (viewer: MatrixViewer, link: FixtureRecord) =>
    readable(viewer, link) && (sourcesOf.get(link.id) ?? []).some((item) => readable(viewer, item));

  it('from every fixture entity at once: exactly the visible entities and links, and counts of only those', async () => {
    let cells = 0;
    const wrong: string[] = [];
    const query = entities()
      .map((e) => `seed=${e.id}`)
      .join('&');
    for (const viewer of viewers) {
      const who = `${viewer.role}/${viewer.agency}/${viewer.clearance}`;
      const response = await viewer.partner.client.get(`/api/v1/network?${query}&hops=1`);
      const visible = entities().filter((e) => readable(viewer, e));
      if (!visible.length) {
        assert.equal(response.status, 404, `${who}: sees no seed, so no network`);
        cells += entities().length + links().length;
        continue;
      }
      assert.equal(response.status, 200, who);
      const body = (await response.json()) as {
        nodes: { id: string }[];
        edges: { id: string }[];
        summary: { nodes: number; links: number };
      };
      const nodes = new Set(body.nodes.map((n) => n.id));
      const edges = new Set(body.edges.map((e) => e.id));
      for (const entity of entities()) {
        cells += 1;
        if (readable(viewer, entity) !== nodes.has(entity.id)) wrong.push(`${who} ${entity.label}`);
      }
      for (const link of links()) {
        cells += 1;
        if (linkExpected(viewer, link) !== edges.has(link.id)) wrong.push(`${who} ${link.label}`);
      }
      assert.equal(body.summary.nodes, visible.length, `${who}: the count counts only what they may see`);
      assert.equal(body.summary.links, links().filter((l) => linkExpected(viewer, l)).length);
    }
    console.log(`network matrix: ${cells} cells, ${wrong.length} unexpected`);
    assert.deepEqual(wrong, []);
  });

  it('from each visible seed alone: nothing the viewer may not see, and a hidden seed is a 404', async () => {
    for (const viewer of viewers.filter((v) => READERS.has(v.role))) {
      for (const seed of entities()) {
        const response = await viewer.partner.client.get(`/api/v1/network?seed=${seed.id}&hops=4`);
        const who = `${viewer.role}/${viewer.agency}/${viewer.clearance} from ${seed.label}`;
        if (!readable(viewer, seed)) {
          assert.equal(response.status, 404, who);
          continue;
        }
        assert.equal(response.status, 200, who);
        const body = (await response.json()) as { nodes: { id: string }[]; edges: { id: string }[] };
        assert.ok(
          body.nodes.some((n) => n.id === seed.id),
          `${who}: holds its seed`,
        );
        for (const node of body.nodes) {
          const record = entities().find((e) => e.id === node.id);
          assert.ok(record && readable(viewer, record), `${who}: ${record?.label ?? node.id} is visible`);
        }
        for (const edge of body.edges) {
          const record = links().find((l) => l.id === edge.id);
          assert.ok(record && linkExpected(viewer, record), `${who}: ${record?.label ?? edge.id} is visible`);
        }
      }
    }
  });
});
