/**
 * The network's file exports (GraphML, GEXF, i2 ANX XML) through a running Lantern: each holds
 * exactly the downloader's visible network, is ONE s62 disclosure naming every entity and link in
 * it, needs intelligence:export (a 404 otherwise, writing nothing), and shows handling code C
 * conditions to acknowledge before anything leaves. The network page offers the
 * exports only to those who may use them, and draws its picture from the same data.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { testDatabaseKind } from '../../../test/support/database.js';
import { parseHtml } from '../../../test/support/html.js';
import { signedInPartner, type TestPartner } from '../../../test/support/partner.js';
import { elementsNamed, parseStrictXml } from './exports/test-strict-xml.js';
import { networkFixture, type NetworkFixture } from './test-fixture.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const FORMATS = [
  { ext: 'graphml', event: 'network.export-graphml', type: /application\/graphml\+xml/ },
  { ext: 'gexf', event: 'network.export-gexf', type: /application\/gexf\+xml/ },
  { ext: 'xml', event: 'network.export-anx', type: /application\/xml/ },
] as const;

/** The entity ids a file's nodes carry, read the way each format writes them. */
function nodeIds(ext: string, xml: string): string[] {
  const root = parseStrictXml(xml);
  if (ext === 'xml') return elementsNamed(root, 'Entity').map((e) => e.attributes.EntityId ?? '');
  return elementsNamed(root, 'node').map((n) => n.attributes.id ?? '');
}

describe(`network exports on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let f: NetworkFixture;
  /** A council team lead: the council officer's view of the network, with intelligence:export. */
  let councilLead: TestPartner;

  before(async () => {
    app = await startTestApp();
    f = await networkFixture(app);
    const officerAgency = await app.lantern.database.db
      .selectFrom('agency')
      .select('code')
      .where('id', '=', f.officer.agencyId)
      .executeTakeFirstOrThrow();
    councilLead = await signedInPartner(app, {
      agency: officerAgency.code,
      roles: ['partnership-coordinator'],
    });
  });
  after(() => app.stop());

  const entries = (partner: TestPartner, event?: string) => {
    let query = app.lantern.database.db
      .selectFrom('audit_entry')
      .select(['record_ids', 'record_type', 'action', 'event', 'recipients', 'detail'])
      .where('actor_user_id', '=', partner.id)
      .where('event', 'like', 'network.export-%');
    if (event) query = query.where('event', '=', event);
    return query.orderBy('seq').execute();
  };

  const analystIds = () => [...Object.values(f.ids), ...Object.values(f.links)].sort();
  const councilIds = () => [f.ids.A, f.ids.B, f.ids.E, f.ids.F, f.links.AB, f.links.BE, f.links.EF].sort();

  for (const format of FORMATS) {
    it(`exports ${format.ext}: exactly the visible network, as one disclosure naming it`, async () => {
      for (const [partner, expected, nodes] of [
        [f.analyst, analystIds(), 8],
        [councilLead, councilIds(), 4],
      ] as const) {
        const response = await partner.client.get(
          `/partner/network/export.${format.ext}?seed=${f.ids.A}&hops=4`,
        );
        const xml = await response.text();
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', format.type);
        assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="network/);
        assert.equal(response.headers.get('cache-control'), 'no-store');
        // Every id in the file is one of the viewer's, and every one of theirs is in it.
        assert.deepEqual([...new Set(xml.match(UUID))].sort(), expected, `${format.ext} ids`);
        assert.equal(nodeIds(format.ext, xml).length, nodes);
        // With the analysis's measures: betweenness is written for the nodes.
        assert.match(xml, /[Bb]etweenness/);
        const written = await entries(partner, format.event);
        assert.equal(written.length, 1, 'one entry per export');
        const [entry] = written;
        assert.ok(entry);
        assert.equal(entry.action, 'disclosure');
        assert.equal(entry.record_type, 'network');
        assert.equal(entry.recipients, 'the requesting user, by download');
        assert.deepEqual([...entry.record_ids].sort(), expected);
      }
      const hidden = [f.ids.C, f.ids.D, f.ids.G, f.ids.H, f.links.AG, f.links.BF, f.links.BH];
      const council = await (
        await councilLead.client.get(`/partner/network/export.${format.ext}?seed=${f.ids.A}&hops=4`)
      ).text();
      for (const id of hidden) assert.ok(!council.includes(id), 'no hidden id in the council export');
      for (const name of 'CDGH') assert.ok(!council.includes(`Netfixture ${name}`));
    });
  }

  it('gives those without intelligence:export, and outsiders, a 404, writing nothing', async () => {
    for (const format of FORMATS) {
      const officer = await f.officer.client.get(`/partner/network/export.${format.ext}?seed=${f.ids.A}`);
      assert.equal(officer.status, 404);
      assert.ok(!(await officer.text()).includes('Netfixture'));
      const stranger = await f.stranger.client.get(`/partner/network/export.${format.ext}?seed=${f.ids.A}`);
      assert.equal(stranger.status, 404);
      await stranger.text();
    }
    assert.equal((await entries(f.officer)).length, 0);
    assert.equal((await entries(f.stranger)).length, 0);
  });

  it('refuses bad input with the form and its message, writing nothing', async () => {
    const before = (await entries(f.analyst)).length;
    const bad = await f.analyst.client.get(`/partner/network/export.graphml?seed=${f.ids.A}&hops=9`);
    assert.equal(bad.status, 400);
    assert.ok((await bad.text()).includes('Enter the number of hops as a whole number from 1 to 4'));
    assert.equal((await entries(f.analyst)).length, before);
  });

  it('offers the exports on the network page only to those who may export', async () => {
    const analystPage = parseHtml(
      await (await f.analyst.client.get(`/partner/network?seed=${f.ids.A}&hops=4`)).text(),
    );
    const links = analystPage
      .querySelectorAll('[data-testid="network-exports"] a')
      .map((a) => a.getAttribute('href') ?? '');
    assert.deepEqual(
      links.map((href) => href.split('?')[0]),
      FORMATS.map((format) => `/partner/network/export.${format.ext}`),
    );
    assert.ok(links.every((href) => href.includes(`seed=${f.ids.A}`) && href.includes('hops=4')));
    const officerPage = parseHtml(
      await (await f.officer.client.get(`/partner/network?seed=${f.ids.A}&hops=4`)).text(),
    );
    assert.equal(officerPage.querySelector('[data-testid="network-exports"]'), null);
  });

  it('draws the picture from the visible network, sized by the measure chosen', async () => {
    const read = async (query: string) => {
      const doc = parseHtml(
        await (await councilLead.client.get(`/partner/network?seed=${f.ids.A}&hops=4${query}`)).text(),
      );
      assert.ok(doc.querySelector('script[src^="/assets/app/network-view.js"]'), 'the picture script');
      return JSON.parse(doc.querySelector('#network-data')?.textContent ?? '{}') as {
        nodes: { id: string; size: number; community: number | null; href: string }[];
        edges: { id: string }[];
      };
    };
    const data = await read('');
    assert.deepEqual(data.nodes.map((n) => n.id).sort(), [f.ids.A, f.ids.B, f.ids.E, f.ids.F].sort());
    assert.deepEqual(data.edges.map((e) => e.id).sort(), [f.links.AB, f.links.BE, f.links.EF].sort());
    assert.ok(data.nodes.every((n) => typeof n.community === 'number'));
    assert.equal(data.nodes.find((n) => n.id === f.ids.B)?.href, `/partner/entities/${f.ids.B}`);
    // By betweenness (the default) only B lies between others: A, E and F size 0.
    const size = (d: typeof data, id: string) => d.nodes.find((n) => n.id === id)?.size;
    assert.equal(size(data, f.ids.B), 1);
    assert.equal(size(data, f.ids.A), 0);
    // By degree, E and F (two links each) are not 0.
    const byDegree = await read('&sizeBy=degree');
    assert.ok((size(byDegree, f.ids.E) ?? 0) > 0);
    const bad = await councilLead.client.get(`/partner/network?seed=${f.ids.A}&sizeBy=height`);
    assert.equal(bad.status, 400);
    assert.ok((await bad.text()).includes('Select a measure to size the picture by from the list'));
  });

  it('shows handling code C conditions first, and exports only once they are acknowledged', async () => {
    const { db } = app.lantern.database;
    const conditions = 'Not to be shared outside the partnership without the owner’s consent';
    await db
      .updateTable('entity')
      .set({ handling_code: 'C', handling_conditions: conditions })
      .where('id', '=', f.ids.E)
      .execute();
    try {
      const before = (await entries(f.analyst, 'network.export-anx')).length;
      const address = `/partner/network/export.xml?seed=${f.ids.A}&hops=4`;
      const shown = await f.analyst.client.get(address);
      assert.equal(shown.status, 200);
      assert.match(shown.headers.get('content-type') ?? '', /text\/html/);
      const doc = parseHtml(await shown.text());
      assert.match(doc.querySelector('[data-testid="conditions"]')?.textContent ?? '', /owner’s consent/);
      assert.ok(!doc.toString().includes('Netfixture'), 'no one is named before the conditions are accepted');
      const form = doc.querySelector('[data-testid="acknowledge-form"]');
      assert.equal(form?.getAttribute('action'), '/partner/network/export.xml');
      assert.equal((await entries(f.analyst, 'network.export-anx')).length, before, 'nothing disclosed yet');

      // Sent without the box ticked: the message, and still nothing.
      assert.ok(form);
      const fields = form
        .querySelectorAll('input[type="hidden"]')
        .map((input) => [input.getAttribute('name') ?? '', input.getAttribute('value') ?? '']);
      const unticked = await f.analyst.client.get(
        `/partner/network/export.xml?${new URLSearchParams(fields).toString()}`,
      );
      assert.equal(unticked.status, 400);
      assert.ok((await unticked.text()).includes('Select that you have read the conditions'));
      assert.equal((await entries(f.analyst, 'network.export-anx')).length, before);

      const ticked = await f.analyst.client.get(
        `/partner/network/export.xml?${new URLSearchParams([...fields, ['acknowledge', 'yes']]).toString()}`,
      );
      assert.equal(ticked.status, 200);
      assert.equal(nodeIds('xml', await ticked.text()).length, 8);
      assert.equal((await entries(f.analyst, 'network.export-anx')).length, before + 1);
    } finally {
      await db
        .updateTable('entity')
        .set({ handling_code: 'P', handling_conditions: null })
        .where('id', '=', f.ids.E)
        .execute();
    }
  });
});
