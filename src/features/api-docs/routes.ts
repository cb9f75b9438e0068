import { route, type RouteSpec } from '../../web/routes.js';
import { openApiDocument } from './openapi.js';

/** Serves the OpenAPI document for every other route; built once, at start. */
export function apiDocsRoutes(
  otherRoutes: readonly RouteSpec[],
  info: { title: string; version: string },
): RouteSpec[] {
  const self = route({
    method: 'get',
    path: '/api/v1/openapi.json',
    access: 'public',
    audit: 'api.openapi.view',
    summary: 'This document',
    handle: ({ res }) => res.json(document),
  });
  const document = openApiDocument([...otherRoutes, self], info);
  return [self];
}
