/**
 * The OpenAPI 3.1 document, generated from the same route specs and zod schemas that validate
 * requests, so the document cannot drift from what the API accepts.
 */
import { z } from 'zod';
import { isApiPath, type RouteSpec } from '../../web/routes.js';

type JsonSchema = Record<string, unknown>;

const errorSchema: JsonSchema = {
  type: 'object',
  properties: {
    error: { type: 'string' },
    fields: { type: 'object', additionalProperties: { type: 'string' } },
    reference: { type: 'string' },
  },
  required: ['error'],
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function queryParameters(schema: z.ZodType | undefined): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: object.required?.includes(name) ?? false,
    schema: property,
  }));
}

function pathParameters(path: string): JsonSchema[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
}

/** Documents API routes and any other route that declares a JSON response (e.g. /health). */
export function openApiDocument(
  specs: readonly RouteSpec[],
  info: { title: string; version: string },
): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const spec of specs) {
    if (!isApiPath(spec.path) && !spec.response) continue;
    const path = spec.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const responses: Record<string, JsonSchema> = {
      '200': {
        description: 'Success',
        content: { 'application/json': { schema: spec.response ? jsonSchema(spec.response, 'output') : {} } },
      },
    };
    if (spec.body || spec.query) {
      responses['400'] = {
        description: 'The request is not valid',
        content: { 'application/json': { schema: errorSchema } },
      };
    }
    if (spec.access !== 'public') {
      responses['401'] = {
        description: 'Not signed in',
        content: { 'application/json': { schema: errorSchema } },
      };
      responses['404'] = {
        description: 'Not found, or not allowed (the two look the same)',
        content: { 'application/json': { schema: errorSchema } },
      };
    }
    paths[path] ??= {};
    paths[path][spec.method] = {
      operationId: spec.audit,
      ...(spec.summary ? { summary: spec.summary } : {}),
      ...(spec.access === 'public' ? { security: [] } : { 'x-permission': spec.access.permission }),
      parameters: [...pathParameters(spec.path), ...queryParameters(spec.query)],
      ...(spec.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: '__Host-lantern-session' } },
    },
    security: [{ session: [] }],
  };
}
