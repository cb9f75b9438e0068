/**
 * The public site's pages over HTTP, read with a DOM parser: every page answers, sets no cookie
 * and shows the 999 reminder and the exit button; the content comes from the seeded data.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { parseHtml, textOf } from '../../../test/support/html.js';
import { SEED_CATEGORIES } from './content/seed-categories.js';
import { SEED_CHANNELS } from './content/seed-channels.js';
import { PUBLIC_PAGES } from './pages.js';

describe('public site pages', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.stop());

  const page = async (path: string, status = 200) => {
    const response = await app.get(path);
    assert.equal(response.status, status, path);
    return parseHtml(await response.text());
  };

  it('answers every public page with its status, no cookie, the 999 reminder and Exit this page', async () => {
    for (const { path, status } of PUBLIC_PAGES) {
      const response = await app.get(path);
      assert.equal(response.status, status, path);
      assert.equal(response.headers.get('set-cookie'), null, `${path} sets no cookie`);
      const root = parseHtml(await response.text());
      assert.equal(root.querySelector('html')?.getAttribute('lang'), 'en', path);
      assert.match(textOf(root, '.app-danger-banner'), /If someone is in immediate danger, call 999/, path);
      assert.ok(root.querySelector('.govuk-exit-this-page'), `${path} has Exit this page`);
      assert.ok(textOf(root, 'h1, legend h1, label h1').length > 0, `${path} has a heading`);
      assert.match(textOf(root, 'title'), / – Lantern Community Safety Partnership$/, path);
    }
  });

  it('logs no query string: Find help answers stay out of the logs', async () => {
    await app.get('/find-help/result?danger=no&about=fraud&detail=lost-money&anonymous=no&where=TR1');
    assert.doesNotMatch(app.logText(), /lost-money|TR1/);
    assert.match(app.logText(), /public\.find-help\.result/);
  });

  it('home: links to Find help and to every kind of crime', async () => {
    const root = await page('/');
    assert.ok(root.querySelector('a.govuk-button--start[href="/find-help"]'));
    const links = root.querySelectorAll('a[href^="/crime-types/"]').map((a) => a.getAttribute('href'));
    assert.deepEqual(
      links,
      SEED_CATEGORIES.map((c) => `/crime-types/${c.slug}`),
    );
    assert.ok(root.querySelector('.govuk-service-navigation a[href="/staying-safe-online"]'));
  });

  it('home: the anonymous number comes from the partners’ data, not the page', async () => {
    const db = app.lantern.database.db;
    await db
      .updateTable('reporting_channel')
      .set({ phone: '0800 000 999' })
      .where('code', '=', 'crimestoppers')
      .execute();
    try {
      assert.match((await page('/')).text, /Crimestoppers on 0800 000 999/);
    } finally {
      await db
        .updateTable('reporting_channel')
        .set({ phone: '0800 555 111' })
        .where('code', '=', 'crimestoppers')
        .execute();
    }
  });

  it('what is SOC: what it is, why it matters here, the victims, and everyone’s part', async () => {
    const root = await page('/what-is-serious-and-organised-crime');
    const headings = root.querySelectorAll('h2').map((h) => h.text.trim());
    for (const heading of ['Why it matters here', 'Who are the victims?', 'Everyone has a part to play']) {
      assert.ok(headings.includes(heading), heading);
    }
    assert.match(root.text, /section 17 of the Crime and Disorder Act 1998/);
    assert.equal(root.querySelectorAll('a[href^="/crime-types/"]').length, 9);
  });

  it('a crime type: what it is, the harm, the signs and where to report, from the data', async () => {
    const root = await page('/crime-types/illegal-drugs');
    assert.equal(textOf(root, 'h1'), 'Illegal drugs');
    const text = root.text;
    assert.match(text, /county lines/i);
    assert.match(text, /cuckooing/i);
    const signGroups = root.querySelectorAll('h3.govuk-heading-m').map((h) => h.text.trim());
    assert.ok(signGroups.some((h) => h.startsWith('Cuckooing')));
    const channels = root.querySelectorAll('.app-channel__name').map((h) => h.text.trim());
    assert.ok(channels.includes('Crimestoppers'));
    assert.ok(root.querySelector('a[href="tel:0800555111"]'), 'phone numbers can be tapped');
    assert.ok(root.querySelector('a[href="/find-help"]'));
  });

  it('every crime type page shows its signs and at least one place to report', async () => {
    for (const category of SEED_CATEGORIES) {
      const root = await page(`/crime-types/${category.slug}`);
      assert.ok(root.querySelectorAll('ul.govuk-list--bullet li').length >= 3, category.slug);
      assert.ok(root.querySelectorAll('.app-channel').length >= 1, category.slug);
    }
  });

  it('an unknown or malformed crime type is the ordinary not-found page, never an error', async () => {
    assert.equal(textOf(await page('/crime-types/no-such-crime', 404), 'h1'), 'Page not found');
    assert.equal(textOf(await page('/crime-types/%27%3B--', 404), 'h1'), 'Page not found');
  });

  it('who to contact: every channel, with how to reach it, who receives it, and anonymity', async () => {
    const root = await page('/where-to-report');
    const names = root.querySelectorAll('.app-channel__name').map((h) => h.text.trim());
    assert.deepEqual(names.sort(), SEED_CHANNELS.map((c) => c.text.en.name).sort());
    const ceop = root.querySelector('#channel-ceop');
    assert.match(ceop?.text ?? '', /This is not anonymous/);
    const fraud = root.querySelector('#channel-report-fraud');
    assert.ok(fraud?.querySelector('a[href="tel:03001232040"]'));
    assert.match(fraud?.text ?? '', /replaced Action Fraud/);
    assert.match(
      root.querySelector('#channel-glaa')?.text ?? '',
      /Check their website for when you can contact them/,
    );
    assert.match(root.querySelector('#channel-children-front-door')?.text ?? '', /Only for Cornwall/);
    assert.match(root.text, /Details last checked on \d{1,2} \w+ \d{4}/);
    assert.ok(root.querySelector('#channel-lantern-concern-form a[href="/report"]'));
  });

  it('staying safe online: Exit this page does not clear history, and how to clear it', async () => {
    const root = await page('/staying-safe-online');
    assert.match(root.text, /Exit this page does not delete your browsing history/);
    const browsers = root.querySelectorAll('.govuk-details__summary-text').map((s) => s.text.trim());
    assert.ok(browsers.includes('Chrome'));
    assert.ok(browsers.some((b) => b.startsWith('Safari')));
    assert.match(root.text, /private browsing/i);
  });
});
