/**
 * Every public page under 100 KB transferred with compression on, counting the
 * page and everything it loads. The same measure `npm run bench:pages` prints.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PAGE_BUDGET_BYTES, assetReferences, htmlReferences, weighPage } from '../../scripts/page-weight.js';
import { PUBLIC_PAGES } from '../../src/features/public-site/pages.js';
import { startTestApp, type TestApp } from '../support/app.js';

describe('public page weight', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.stop());

  for (const page of PUBLIC_PAGES) {
    it(`${page.name} (${page.path}) is under 100 KB transferred, compressed`, async () => {
      const weight = await weighPage(app.url, page.path);
      assert.equal(weight.status, page.status);
      assert.notEqual(weight.html.encoding, 'identity', 'the page itself is compressed');
      assert.ok(
        weight.resources.some((r) => r.url.includes('/assets/app/public.css')),
        'the stylesheet is counted',
      );
      assert.ok(
        weight.resources.some((r) => r.url.includes('/assets/govuk/govuk-frontend.min.js')),
        'the module the page script imports is counted',
      );
      for (const resource of weight.resources) assert.equal(resource.status, 200, resource.url);
      assert.ok(weight.transferred < PAGE_BUDGET_BYTES, `${weight.transferred} bytes`);
    });
  }

  it('finds what a page loads: stylesheets, scripts, icons, module imports and url() in CSS', () => {
    assert.deepEqual(
      htmlReferences(
        '<link rel="stylesheet" href="/a.css"><link rel="icon" href="/i.svg"><a href="/page">x</a>' +
          '<script type="module" src="/m.js"></script><script>inline()</script><img src="/p.png" alt="">',
      ),
      ['/a.css', '/i.svg', '/m.js', '/p.png'],
    );
    assert.deepEqual(assetReferences("import { x } from '/lib.js'; import '/side.js';", 'text/javascript'), [
      '/lib.js',
      '/side.js',
    ]);
    assert.deepEqual(assetReferences('a{background:url("/b.png")} c{background:url(data:x)}', 'text/css'), [
      '/b.png',
    ]);
  });
});
