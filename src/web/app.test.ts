import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { startTestApp, type TestApp } from '../../test/support/app.js';
import { createTestDatabase } from '../../test/support/database.js';
import { parseHtml, textOf } from '../../test/support/html.js';
import { testConfig } from '../config.js';
import { buildLantern } from '../main.js';
import { route, type RouteSpec } from './routes.js';

/** Routes that exist only in this test, to exercise the shared pipeline. */
let slowRequestRelease: () => void = () => undefined;
/** Resolves once the slow route has the request in hand (the test then asks the server to stop). */
let slowRequestArrived: () => void = () => undefined;
const testRoutes: RouteSpec[] = [
  route({
    method: 'post',
    path: '/api/v1/test-things',
    access: 'public',
    audit: 'test.thing.create',
    body: z.strictObject({ name: z.string().min(1, 'Enter a name'), count: z.number().int().min(0) }),
    handle: ({ res, body }) => res.status(201).json({ created: body.name }),
  }),
  route({
    method: 'get',
    path: '/api/v1/private-things',
    access: { permission: 'workspace:view' },
    audit: 'test.thing.list',
    handle: ({ res }) => res.json({ secret: 'should never be sent' }),
  }),
  route({
    method: 'get',
    path: '/test/explode',
    access: 'public',
    audit: 'test.explode',
    handle: () => {
      throw new Error('database password is hunter2 at /srv/lantern/secret.ts:42');
    },
  }),
  route({
    method: 'get',
    path: '/test/slow',
    access: 'public',
    audit: 'test.slow',
    handle: async ({ res }) => {
      const released = new Promise<void>((resolve) => (slowRequestRelease = resolve));
      slowRequestArrived();
      await released;
      res.send('finished');
    },
  }),
];

describe('the web pipeline', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ extraRoutes: testRoutes });
  });
  after(() => app.stop());

  it('sends a strict CSP with a fresh nonce, no referrer, and no framing', async () => {
    const first = await app.get('/');
    const second = await app.get('/');
    const csp = first.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.notEqual(csp, second.headers.get('content-security-policy'), 'the nonce changes per request');
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    const html = await first.text();
    for (const script of parseHtml(html).querySelectorAll('script')) {
      assert.equal(script.getAttribute('nonce'), nonce, 'every script carries the nonce');
    }
    assert.equal(first.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(first.headers.get('x-powered-by'), null);
  });

  it('loads nothing from other origins and sets no cookie on public pages', async () => {
    const response = await app.get('/');
    assert.equal(response.headers.get('set-cookie'), null);
    const root = parseHtml(await response.text());
    const external = [...root.querySelectorAll('script[src], link[href], img[src]')]
      .map((el) => el.getAttribute('src') ?? el.getAttribute('href') ?? '')
      .filter((url) => /^(https?:)?\/\//.test(url));
    assert.deepEqual(external, []);
  });

  it('serves the compiled stylesheets and frontend scripts from its own origin, without GDS Transport', async () => {
    for (const path of [
      '/assets/app/public.css',
      '/assets/app/partner.css',
      '/assets/govuk/govuk-frontend.min.js',
      '/assets/moj/moj-frontend.min.js',
      '/assets/app/public.js',
    ]) {
      const response = await app.get(path);
      assert.equal(response.status, 200, path);
      const body = await response.text();
      assert.doesNotMatch(body, /GDS Transport/, path);
    }
  });

  it('shows a friendly 404 page, and JSON under /api', async () => {
    const page = await app.get('/no-such-page');
    assert.equal(page.status, 404);
    assert.equal(textOf(parseHtml(await page.text()), 'h1'), 'Page not found');
    const api = await app.get('/api/v1/no-such-thing');
    assert.equal(api.status, 404);
    assert.deepEqual(await api.json(), { error: 'Not found' });
  });

  it('answers a failure with a reference, never the error or a stack trace', async () => {
    const response = await app.get('/test/explode');
    assert.equal(response.status, 500);
    const html = await response.text();
    assert.doesNotMatch(html, /hunter2|secret\.ts|at .*\(/);
    const reference = response.headers.get('x-request-id')!;
    assert.ok(html.includes(reference), 'the page shows the reference to quote');
    const logged = app.logs.find((line) => line.requestId === reference && line.msg === 'request failed');
    assert.ok(logged, 'the detail goes to the log under the same reference');
  });

  it('rejects bad API input with 400 and field messages, and accepts good input', async () => {
    const apiToken = await issueToken('/api/v1/test-things');
    const post = (body: string, headers: Record<string, string> = {}) =>
      app.get('/api/v1/test-things', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    const bad = await post(JSON.stringify({ name: '', count: 'three', extra: true }), {
      'x-csrf-token': apiToken,
    });
    assert.equal(bad.status, 400);
    const badBody = (await bad.json()) as { error: string; fields: Record<string, string> };
    assert.equal(badBody.fields.name, 'Enter a name');
    assert.ok(badBody.fields.count);
    assert.match(badBody.fields[''] ?? '', /Remove the unexpected field: extra/);

    const unreadable = await post('{"name": ', { 'x-csrf-token': apiToken });
    assert.equal(unreadable.status, 400);
    const unreadableBody = (await unreadable.json()) as { error: string };
    assert.equal(unreadableBody.error, 'What you sent could not be read');

    const good = await post(JSON.stringify({ name: 'ok', count: 3 }), { 'x-csrf-token': apiToken });
    assert.equal(good.status, 201);
    assert.deepEqual(await good.json(), { created: 'ok' });
  });

  it('refuses a state-changing request without a valid CSRF token, or from another site', async () => {
    const body = JSON.stringify({ name: 'x', count: 1 });
    const headers = { 'content-type': 'application/json' };
    const none = await app.get('/api/v1/test-things', { method: 'POST', headers, body });
    assert.equal(none.status, 403);
    const token = await issueToken('/api/v1/test-things');
    const crossSite = await app.get('/api/v1/test-things', {
      method: 'POST',
      headers: { ...headers, 'x-csrf-token': token, origin: 'https://evil.example' },
      body,
    });
    assert.equal(crossSite.status, 403);
  });

  it('asks for sign-in before it says anything about a protected route, even with bad input', async () => {
    const response = await app.get('/api/v1/private-things?anything=%00');
    assert.equal(response.status, 401);
    assert.doesNotMatch(await response.text(), /should never be sent/);
    const page = await app.get('/partner');
    assert.equal(page.status, 303);
    assert.equal(page.headers.get('location'), '/partner/sign-in');
  });

  it('logs one line per request with its id and event, and no client address or user agent', async () => {
    await app.get('/', {
      headers: {
        'user-agent': 'UniqueAgent/1.0',
        'x-forwarded-for': '203.0.113.77',
        'x-request-id': 'chosen-by-client',
      },
    });
    const text = app.logText();
    assert.doesNotMatch(text, /UniqueAgent|203\.0\.113\.77|127\.0\.0\.1|chosen-by-client|remoteAddress/);
    const line = app.logs.findLast((l) => l.msg === 'request' && l.route === '/');
    assert.ok(line);
    assert.equal(line.event, 'public.home.view');
    assert.match(String(line.requestId), /^[0-9a-f-]{36}$/);
  });

  it('finishes a request in flight when asked to stop', async () => {
    const other = await startTestApp({ extraRoutes: testRoutes });
    const arrived = new Promise<void>((resolve) => (slowRequestArrived = resolve));
    const inFlight = other.get('/test/slow');
    await arrived;
    const stopped = other.stop();
    slowRequestRelease();
    const response = await inFlight;
    assert.equal(response.status, 200);
    assert.equal(await response.text(), 'finished');
    await stopped;
  });

  async function issueToken(path: string): Promise<string> {
    // A page gives its scripts this token as csrfFor(path); here we sign one with the app's secret.
    const { csrfTokens } = await import('./csrf.js');
    return csrfTokens(app.lantern.config.secret).issue(path);
  }
});

describe('start-up guard rails', () => {
  const refused: [string, Record<string, unknown>, RegExp][] = [
    [
      'a route that declares no permission',
      { method: 'get', path: '/oops', audit: 'oops.view' },
      /Route GET \/oops declares no known permission/,
    ],
    [
      'a POST without a schema',
      { method: 'post', path: '/api/v1/oops', access: 'public', audit: 'oops.create' },
      /Route POST \/api\/v1\/oops is a POST without a validation schema/,
    ],
    [
      'a GET that reads a body',
      {
        method: 'get',
        path: '/oops',
        access: 'public',
        audit: 'oops.view',
        readBody: () => Promise.resolve({}),
      },
      /Route GET \/oops reads a body but is not a POST/,
    ],
  ];
  for (const [what, spec, message] of refused) {
    it(`refuses to start with ${what}`, async () => {
      const t = await createTestDatabase();
      try {
        const route = { ...spec, handle: () => undefined } as unknown as RouteSpec;
        await assert.rejects(
          buildLantern(testConfig(t.config), { database: t.database, extraRoutes: [route] }),
          message,
        );
      } finally {
        await t.dispose();
      }
    });
  }
});
