import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { route } from '../../web/routes.js';
import { openApiDocument } from './openapi.js';

describe('OpenAPI document', () => {
  it('describes each API route from its zod schemas', () => {
    const doc = openApiDocument(
      [
        route({
          method: 'post',
          path: '/api/v1/agencies/:code/notes',
          access: { permission: 'workspace:view' },
          audit: 'agency.note.create',
          summary: 'Add a note',
          body: z.strictObject({ text: z.string().min(1).max(500) }),
          response: z.object({ id: z.string() }),
          handle: () => undefined,
        }),
        route({
          method: 'get',
          path: '/not-api',
          access: 'public',
          audit: 'page.view',
          handle: () => undefined,
        }),
      ],
      { title: 'Test', version: '1' },
    ) as { openapi: string; paths: Record<string, Record<string, Record<string, unknown>>> };
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(
      Object.keys(doc.paths),
      ['/api/v1/agencies/{code}/notes'],
      'pages are not in the API document',
    );
    const operation = doc.paths['/api/v1/agencies/{code}/notes']!.post!;
    assert.equal(operation.operationId, 'agency.note.create');
    assert.equal(operation['x-permission'], 'workspace:view');
    assert.deepEqual(operation.parameters, [
      { name: 'code', in: 'path', required: true, schema: { type: 'string' } },
    ]);
    const body = (operation.requestBody as { content: Record<string, { schema: Record<string, unknown> }> })
      .content['application/json']!.schema;
    assert.deepEqual(body.required, ['text']);
    assert.equal(body.additionalProperties, false);
    assert.deepEqual(Object.keys(operation.responses as object).sort(), ['200', '400', '401', '404']);
  });

  describe('served by the app', () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp();
    });
    after(() => app.stop());

    it('is at /api/v1/openapi.json and documents itself and /health', async () => {
      const response = await app.get('/api/v1/openapi.json');
      assert.equal(response.status, 200);
      const doc = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
      assert.equal(doc.openapi, '3.1.0');
      assert.ok(doc.paths['/api/v1/openapi.json']);
      assert.ok(doc.paths['/health']);
    });
  });
});
