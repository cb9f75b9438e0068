import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { checkRoutes, checkRouteSpec, route, RouteDefinitionError, type RouteSpec } from './routes.js';

const ok = route({
  method: 'get',
  path: '/thing',
  access: 'public',
  audit: 'thing.view',
  handle: () => undefined,
});

/** Builds a spec that TypeScript would refuse, as a careless JavaScript caller might. */
function broken(changes: Record<string, unknown>): RouteSpec {
  return { ...ok, ...changes } as unknown as RouteSpec;
}

describe('route declarations', () => {
  it('accepts a fully declared route', () => {
    assert.doesNotThrow(() => checkRouteSpec(ok));
    assert.doesNotThrow(() =>
      checkRouteSpec(
        route({
          method: 'post',
          path: '/api/v1/thing',
          access: { permission: 'workspace:view' },
          audit: 'thing.create',
          body: z.object({ name: z.string() }),
          handle: () => undefined,
        }),
      ),
    );
  });

  const refusals: [string, Record<string, unknown>, RegExp][] = [
    ['no access declared', { access: undefined }, /declares no known permission/],
    ['an unknown permission', { access: { permission: 'everything:do' } }, /declares no known permission/],
    ['access by a made-up word', { access: 'anyone' }, /declares no known permission/],
    ['no audit event', { audit: undefined }, /declares no audit event name/],
    ['a malformed audit event', { audit: 'View Thing' }, /declares no audit event name/],
    [
      'a POST without a schema',
      { method: 'post', path: '/api/v1/thing' },
      /POST without a validation schema/,
    ],
    [
      'a schema that is not zod',
      { method: 'post', path: '/api/v1/thing', body: { name: 'string' } },
      /POST without a validation schema/,
    ],
    [
      'a form POST with nowhere to show errors',
      { method: 'post', body: z.object({}) },
      /no way to show its errors/,
    ],
    ['an unsupported method', { method: 'delete' }, /method other than get or post/],
    ['a relative path', { path: 'thing' }, /path starting with \//],
    ['no handler', { handle: undefined }, /has no handler/],
  ];
  for (const [what, changes, message] of refusals) {
    it(`refuses ${what}`, () => {
      assert.throws(
        () => checkRouteSpec(broken(changes)),
        (error: unknown) => {
          assert.ok(error instanceof RouteDefinitionError);
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }

  it('refuses the same method and path twice', () => {
    assert.throws(() => checkRoutes([ok, { ...ok }]), /declared twice/);
  });
});
