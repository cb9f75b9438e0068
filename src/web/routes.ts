/**
 * The one way to add a route. Each declares who may use it (a permission, or 'public') and the
 * audit event it represents; a POST also declares the schema its input must pass. Anything less
 * stops the app at start. The pipeline is the same for every route: authorise, then validate,
 * then handle — so a caller who may not use a route learns nothing from its validation.
 */
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import { isPermission, type Permission } from '../features/access/permissions.js';
import { mayUse } from '../features/access/principal.js';
import { HttpError } from './errors.js';
import { fieldErrorsOf, formErrors, type FormErrors } from './validation.js';
import { S62_ACTIONS, type Actor, type S62Action } from '../features/audit/audit-log.js';
import type { Principal } from '../features/access/principal.js';

export type Access = 'public' | { readonly permission: Permission };
export type Method = 'get' | 'post';

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteContext<B, Q> {
  req: Request;
  res: Response;
  body: B;
  query: Q;
  params: Record<string, string>;
}

export interface RouteSpec<
  BodySchema extends z.ZodType | undefined = z.ZodType | undefined,
  QuerySchema extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: Method;
  /** Express path. Paths under /api/ answer in JSON. */
  path: string;
  access: Access;
  /** The audit event this route represents, e.g. 'partner.sign-in'. */
  audit: string;
  /**
   * The s62 operation on personal data this route performs, if any. A successful response must
   * then have written exactly one audit entry (checked on every request, and by the tests).
   */
  s62?: S62Action;
  /** One line for the OpenAPI document. */
  summary?: string;
  body?: BodySchema;
  /**
   * Reads a body the shared parsers leave alone (a multipart form with a file), after authorising
   * and before validating: `body` validates what it returns, and `invalid` finds it in req.body.
   */
  readBody?: (req: Request) => Promise<Record<string, unknown>>;
  query?: QuerySchema;
  /** API routes: the schema of a successful response, for the OpenAPI document. */
  response?: z.ZodType;
  /**
   * Page forms: show the form again with the errors and the answers given (status 400).
   * Required for page POSTs, so every form has somewhere to put its errors.
   */
  invalid?: (req: Request, res: Response, errors: FormErrors) => void | Promise<void>;
  handle: (ctx: RouteContext<Infer<BodySchema>, Infer<QuerySchema>>) => unknown;
}

/** Declares a route with its input types inferred from its schemas. */
export function route<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<B, Q>): RouteSpec<B, Q> {
  return spec;
}

export class RouteDefinitionError extends Error {
  constructor(spec: { method?: unknown; path?: unknown }, problem: string) {
    super(`Route ${String(spec.method).toUpperCase()} ${String(spec.path)} ${problem}`);
    this.name = 'RouteDefinitionError';
  }
}

const AUDIT_EVENT = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/** Checks a route's declarations. Throws RouteDefinitionError: the app must not start. */
export function checkRouteSpec(spec: RouteSpec): void {
  const method: unknown = spec.method; // specs may come from JavaScript, so check what TypeScript assumes
  if (method !== 'get' && method !== 'post') {
    throw new RouteDefinitionError(spec, 'has a method other than get or post');
  }
  if (typeof spec.path !== 'string' || !spec.path.startsWith('/')) {
    throw new RouteDefinitionError(spec, 'needs a path starting with /');
  }
  const access: unknown = spec.access;
  const accessDeclared =
    access === 'public' ||
    (typeof access === 'object' &&
      access !== null &&
      isPermission((access as { permission?: unknown }).permission));
  if (!accessDeclared) {
    throw new RouteDefinitionError(spec, "declares no known permission (or 'public')");
  }
  if (typeof spec.audit !== 'string' || !AUDIT_EVENT.test(spec.audit)) {
    throw new RouteDefinitionError(spec, "declares no audit event name (like 'partner.sign-in')");
  }
  if (spec.method === 'post') {
    if (!(spec.body instanceof z.ZodType)) {
      throw new RouteDefinitionError(spec, 'is a POST without a validation schema');
    }
    if (!isApiPath(spec.path) && typeof spec.invalid !== 'function') {
      throw new RouteDefinitionError(spec, 'is a form POST with no way to show its errors (invalid)');
    }
  }
  if (spec.s62 !== undefined && !(S62_ACTIONS as readonly string[]).includes(spec.s62)) {
    throw new RouteDefinitionError(spec, 'declares an s62 action that does not exist');
  }
  if (spec.readBody !== undefined && (spec.method !== 'post' || typeof spec.readBody !== 'function')) {
    throw new RouteDefinitionError(spec, 'reads a body but is not a POST');
  }
  if (spec.query !== undefined && !(spec.query instanceof z.ZodType)) {
    throw new RouteDefinitionError(spec, 'has a query schema that is not a zod schema');
  }
  if (typeof spec.handle !== 'function') {
    throw new RouteDefinitionError(spec, 'has no handler');
  }
}

/** A set of routes must not declare the same method and path twice. */
export function checkRoutes(specs: readonly RouteSpec[]): void {
  const seen = new Set<string>();
  for (const spec of specs) {
    checkRouteSpec(spec);
    const key = `${spec.method} ${spec.path}`;
    if (seen.has(key)) throw new RouteDefinitionError(spec, 'is declared twice');
    seen.add(key);
  }
}

function actorOf(principal: Principal): Actor {
  return principal.kind === 'user'
    ? { kind: 'user', userId: principal.userId, agencyId: principal.agencyId }
    : { kind: 'public' };
}

// C0 controls other than tab, line feed and carriage return, DEL and C1 controls. No form field
// needs them, and a NUL reaching PostgreSQL fails the whole statement.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
export const CONTROL_CHARACTER_MESSAGE = 'Remove the control characters (such as NUL) from this answer';

/**
 * The fields of a request's input (query, path or body) whose text holds a control character,
 * named as the form errors name them. Files and other non-plain values are left to their reader.
 */
export function fieldsWithControlCharacters(value: unknown, path: readonly string[] = []): string[] {
  if (typeof value === 'string') return CONTROL_CHARACTER.test(value) ? [path.join('-')] : [];
  if (Array.isArray(value)) {
    // Repeated fields (checkboxes) are one field: name it once.
    return [...new Set(value.flatMap((item) => fieldsWithControlCharacters(item, path)))];
  }
  if (typeof value !== 'object' || value === null) return [];
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
    CONTROL_CHARACTER.test(key) ? [path.join('-')] : fieldsWithControlCharacters(item, [...path, key]),
  );
}

function withoutControlCharacters(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(new RegExp(CONTROL_CHARACTER, 'g'), '');
  if (Array.isArray(value)) return value.map(withoutControlCharacters);
  if (typeof value !== 'object' || value === null) return value;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => [
      key.replace(new RegExp(CONTROL_CHARACTER, 'g'), ''),
      withoutControlCharacters(item),
    ]),
  );
}

function controlCharacterErrors(fields: readonly string[]): FormErrors | null {
  if (fields.length === 0) return null;
  return formErrors(Object.fromEntries(fields.map((field) => [field, CONTROL_CHARACTER_MESSAGE])));
}

/** Not found and not allowed look the same to the caller. */
function refuse(req: Request, res: Response, next: NextFunction, path: string): void {
  const principal = res.locals.principal;
  if (principal.kind === 'anonymous' && !isApiPath(path) && req.method === 'GET') {
    res.redirect(303, `/partner/sign-in`);
    return;
  }
  if (principal.kind === 'anonymous' && isApiPath(path)) {
    res.status(401).json({ error: 'Sign in to use this API' });
    return;
  }
  next(); // falls through to the 404 handler
}

function handlerFor(spec: RouteSpec): RequestHandler {
  return async (req, res, next) => {
    res.locals.auditEvent = spec.audit;
    res.locals.audit = {
      actor: actorOf(res.locals.principal),
      requestId: res.locals.requestId,
      purpose: res.locals.session?.stage === 'active' ? res.locals.session.purpose : null,
      justification: res.locals.session?.stage === 'active' ? res.locals.session.justification : null,
      written: 0,
    };
    if (!mayUse(res.locals.principal, spec.access)) {
      refuse(req, res, next, spec.path);
      return;
    }
    let body: unknown = undefined;
    let query: unknown = undefined;
    // Control characters are refused here, once, for every route and every field, before any
    // schema or handler sees them.
    const inQuery = controlCharacterErrors([
      ...fieldsWithControlCharacters(req.query),
      ...fieldsWithControlCharacters(req.params),
    ]);
    if (inQuery) return sendInvalid(req, res, spec, inQuery);
    if (spec.query) {
      const parsed = spec.query.safeParse(req.query);
      if (!parsed.success) return sendInvalid(req, res, spec, fieldErrorsOf(parsed.error));
      query = parsed.data;
    }
    if (spec.body) {
      if (spec.readBody) req.body = await spec.readBody(req);
      const { _csrf: _ignored, ...fields } = (req.body ?? {}) as Record<string, unknown>;
      const inBody = controlCharacterErrors(fieldsWithControlCharacters(fields));
      if (inBody) {
        // The form comes back with the answers given, kept in the session: without the characters.
        req.body = withoutControlCharacters(req.body);
        return sendInvalid(req, res, spec, inBody);
      }
      const parsed = spec.body.safeParse(fields);
      if (!parsed.success) return sendInvalid(req, res, spec, fieldErrorsOf(parsed.error));
      body = parsed.data;
    }
    // Only a request that reaches its handler performs the s62 operation: a refusal, or a form
    // sent back with its errors (a redirect, for post/redirect/get), writes no entry.
    if (spec.s62) res.locals.s62Action = spec.s62;
    await spec.handle({ req, res, body, query, params: req.params } as RouteContext<never, never>);
  };
}

async function sendInvalid(req: Request, res: Response, spec: RouteSpec, errors: FormErrors): Promise<void> {
  if (isApiPath(spec.path)) {
    res.status(400).json({
      error: 'The request is not valid',
      fields: Object.fromEntries(Object.entries(errors.byField).map(([field, message]) => [field, message])),
    });
    return;
  }
  // A page with no form of its own (a GET with a bad query string) gets the plain 400 page.
  if (!spec.invalid) throw new HttpError(400, 'The page address has something wrong in it');
  res.status(400);
  await spec.invalid(req, res, errors);
}

/** Checks every route, then mounts them. Throws before anything is served if one is wrong. */
export function mountRoutes(router: Router, specs: readonly RouteSpec[]): void {
  checkRoutes(specs);
  for (const spec of specs) router[spec.method](spec.path, handlerFor(spec));
}
