/**
 * The network pages and API through a running Lantern: what each partner sees, what the audit log
 * says they saw (one consultation naming every entity and link shown), 404s for outsiders, bad
 * input, the disruption and shortest-path pages, and the "Open network" link on entity pages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { testDatabaseKind } from '../../../test/support/database.js';
import { parseHtml } from '../../../test/support/html.js';
import type { PartnerClient, TestPartner } from '../../../test/support/partner.js';
import { networkFixture, type NetworkFixture } from './test-fixture.js';

describe(`network pages on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let f: NetworkFixture;

  before(async () => {
    app = await startTestApp();
    f = await networkFixture(app);
  });
  after(() => app.stop());

  const entries = (event: string, partner: TestPartner) =>
    app.lantern.database.db
      .selectFrom('audit_entry')
      .select(['record_ids', 'record_type', 'action', 'detail'])
      .where('event', '=', event)
      .where('actor_user_id', '=', partner.id)
      .orderBy('seq')
      .execute();

  async function page(client: PartnerClient, path: string, status = 200): Promise<string> {
    const response = await client.get(path);
    const body = await response.text();
    assert.equal(response.status, status, `${path}: ${response.status}`);
    return body;
  }

  const caption = (name: string) => `Netfixture ${name}`;

  it('shows the analyst the whole network and audits one consultation naming every entity and link', async () => {
    const html = await page(f.analyst.client, `/partner/network?seed=${f.ids.A}&hops=4`);
    for (const name of 'ABCDEFGH') assert.ok(html.includes(caption(name)), `${name} shown`);
    const doc = parseHtml(html);
    assert.equal(doc.querySelectorAll('[data-testid="network-nodes"] tbody tr').length, 8);
    assert.ok(doc.querySelector('[data-network-view]'));
    const data = JSON.parse(doc.querySelector('#network-data')?.textContent ?? '{}') as {
      nodes: unknown[];
      edges: unknown[];
    };
    assert.equal(data.nodes.length, 8);
    assert.equal(data.edges.length, 8);
    assert.ok(html.includes('Whom to target'));
    assert.ok(html.includes('is the only link between'));
    // Each person to target links to the tactics library, and the link works.
    const tactics = parseHtml(html).querySelector('[data-testid="targets"] a[href^="/partner/tactics"]');
    const tacticsPage = await f.analyst.client.get(tactics?.getAttribute('href') ?? '');
    assert.equal(tacticsPage.status, 200);
    await tacticsPage.text();
    const [entry, ...more] = await entries('network.view', f.analyst);
    assert.equal(more.length, 0);
    assert.equal(entry?.action, 'consultation');
    assert.equal(entry.record_type, 'network');
    assert.deepEqual(
      [...entry.record_ids].sort(),
      [...Object.values(f.ids), ...Object.values(f.links)].sort(),
    );
  });

  it('shows the council officer only what they may open, and audits exactly that', async () => {
    const html = await page(f.officer.client, `/partner/network?seed=${f.ids.A}&hops=4`);
    for (const name of 'ABEF') assert.ok(html.includes(caption(name)), `${name} shown`);
    for (const name of 'CDGH') assert.ok(!html.includes(caption(name)), `${name} never shown`);
    for (const id of [f.ids.C, f.ids.D, f.ids.G, f.ids.H, f.links.AG, f.links.BF, f.links.BH])
      assert.ok(!html.includes(id), 'no hidden id anywhere on the page');
    const summary = parseHtml(html).querySelector('[data-testid="network-summary"]')?.textContent ?? '';
    assert.match(summary.replace(/\s+/g, ' '), /People, businesses, places and things 4 /);
    const [entry] = await entries('network.view', f.officer);
    assert.deepEqual(
      [...(entry?.record_ids ?? [])].sort(),
      [f.ids.A, f.ids.B, f.ids.E, f.ids.F, f.links.AB, f.links.BE, f.links.EF].sort(),
    );
  });

  it('gives an outsider the same 404 as a missing entity, and writes nothing', async () => {
    const missing = await page(
      f.stranger.client,
      '/partner/network?seed=00000000-0000-4000-8000-00000000beef',
      404,
    );
    const refused = await page(f.stranger.client, `/partner/network?seed=${f.ids.A}`, 404);
    const plain = (html: string) => html.replace(/nonce="[^"]*"/g, '');
    assert.equal(plain(refused), plain(missing));
    assert.equal((await f.stranger.client.get(`/api/v1/network?seed=${f.ids.A}`)).status, 404);
    assert.equal((await f.stranger.client.get(`/partner/network?ocg=${f.ocgId}`)).status, 404);
    assert.equal((await entries('network.view', f.stranger)).length, 0);
    assert.equal((await entries('network.api', f.stranger)).length, 0);
  });

  it('shows the form alone when nothing is asked, and a clear message for bad input, auditing neither', async () => {
    const before = (await entries('network.view', f.analyst)).length;
    const form = await page(f.analyst.client, '/partner/network');
    assert.ok(form.includes('Show network'));
    const bad = await page(f.analyst.client, `/partner/network?seed=${f.ids.A}&hops=9`, 400);
    assert.ok(bad.includes('Enter the number of hops as a whole number from 1 to 4'));
    const badDate = await page(f.analyst.client, `/partner/network?seed=${f.ids.A}&from=31/02/2026`, 400);
    assert.ok(badDate.includes('Start of the date window must be a real date'));
    const badSeed = await page(f.analyst.client, '/partner/network?seed=not-an-id', 400);
    assert.ok(badSeed.includes('Entity ids must look like'));
    assert.equal((await entries('network.view', f.analyst)).length, before);
    const api = await f.analyst.client.get(`/api/v1/network?seed=${f.ids.A}&hops=0`);
    assert.equal(api.status, 400);
  });

  it('opens an OCG’s network from its members', async () => {
    const html = await page(f.analyst.client, `/partner/network?ocg=${f.ocgId}&hops=1`);
    assert.ok(html.includes('Netfixture crew'));
    for (const name of 'CDH') assert.ok(html.includes(caption(name)));
    assert.ok(!html.includes(caption('A')));
    // The OCG is named on the page, so its view is found by "who looked at this OCG".
    const views = await entries('network.view', f.analyst);
    assert.ok(views.at(-1)?.record_ids.includes(f.ocgId));
  });

  it('runs a disruption and shows it as a chart and a table, audited once', async () => {
    const html = await page(
      f.analyst.client,
      `/partner/network/disruption?seed=${f.ids.A}&hops=4&mode=sequential&metric=betweenness&steps=3`,
    );
    const doc = parseHtml(html);
    assert.ok(doc.querySelector('[data-testid="disruption-chart"] svg'));
    const rows = doc.querySelectorAll('[data-testid="disruption-steps"] tbody tr');
    assert.equal(rows.length, 4, 'three steps and what is left');
    // B lies between most pairs: it goes first.
    assert.ok(rows[0]?.textContent.includes(caption('B')));
    assert.equal((await entries('network.disruption', f.analyst)).length, 1);
    const chosen = await page(
      f.analyst.client,
      `/partner/network/disruption?seed=${f.ids.A}&hops=4&mode=chosen&remove=${f.ids.H}`,
    );
    assert.ok(chosen.includes(caption('H')));
    // Something not in the viewer's network cannot be chosen: refused, nothing written.
    const refused = await f.officer.client.get(
      `/partner/network/disruption?seed=${f.ids.A}&hops=4&mode=chosen&remove=${f.ids.H}`,
    );
    assert.equal(refused.status, 400);
    assert.ok(!(await refused.text()).includes(caption('H')));
    assert.equal((await entries('network.disruption', f.officer)).length, 0);
  });

  it('finds the shortest path through links the viewer may see', async () => {
    const html = await page(
      f.analyst.client,
      `/partner/network/path?seed=${f.ids.A}&hops=4&pathFrom=${f.ids.A}&pathTo=${f.ids.D}`,
    );
    const steps = [...parseHtml(html).querySelectorAll('[data-testid="path"] li')].map((li) =>
      li.textContent.trim(),
    );
    assert.deepEqual(
      steps,
      ['A', 'B', 'H', 'C', 'D'].map((n) => `${caption(n)} (Person)`),
    );
    assert.equal((await entries('network.path', f.analyst)).length, 1);
    // For the officer, D is not in their network at all.
    assert.equal(
      (
        await f.officer.client.get(
          `/partner/network/path?seed=${f.ids.A}&hops=4&pathFrom=${f.ids.A}&pathTo=${f.ids.D}`,
        )
      ).status,
      400,
    );
  });

  it('answers the API with the officer’s network only', async () => {
    const response = await f.officer.client.get(`/api/v1/network?seed=${f.ids.A}&hops=4`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      nodes: { id: string }[];
      edges: { id: string }[];
      metrics: Record<string, unknown>;
    };
    assert.deepEqual(body.nodes.map((n) => n.id).sort(), [f.ids.A, f.ids.B, f.ids.E, f.ids.F].sort());
    assert.deepEqual(Object.keys(body.metrics).sort(), [f.ids.A, f.ids.B, f.ids.E, f.ids.F].sort());
    assert.equal((await entries('network.api', f.officer)).length, 1);
  });

  it('links from an entity page to its network, and shows Network in the navigation', async () => {
    const html = await page(f.officer.client, `/partner/entities/${f.ids.A}`);
    const link = parseHtml(html).querySelector('[data-testid="open-network"]');
    assert.equal(link?.getAttribute('href'), `/partner/network?seed=${f.ids.A}`);
    assert.ok(html.includes('href="/partner/network"'));
  });
});
