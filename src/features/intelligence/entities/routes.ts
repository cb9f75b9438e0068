/**
 * Entities and links pages in the partner workspace: add a person, business, place or thing to an
 * item (with fuzzy suggestions of ones already known), link two entities with the item as the
 * link's source, an entity's page, and changing an entity. Routes are thin: the commands
 * (service.ts) check access and write the one audit entry in the same transaction as the work.
 *
 * The add-an-entity steps carry their answers from one page to the next in the server-side session
 * (the form flash), never in the address, so a name typed never lands in browser history.
 */
import type { Request, Response } from 'express';
import { route, type RouteSpec } from '../../../web/routes.js';
import { type FormErrors } from '../../../web/validation.js';
import { CLASSIFICATIONS } from '../../access/markings.js';
import type { FormFlash } from '../../access/form-flash.js';
import type { Sessions } from '../../access/sessions.js';
import { describeGrade } from '../grading.js';
import {
  ENTITY_SCHEMAS,
  isEntitySchema,
  LINK_TYPES,
  linkFits,
  schemaSpec,
  SUBJECT_CATEGORIES,
  type LinkTypeName,
  type SubjectCategory,
} from '../schema.js';
import {
  categoryOptions,
  detailsSchema,
  editSchema,
  linkQuerySchema,
  linkSchema,
  matchSchema,
  propertiesAsValues,
  propertyFields,
  schemaOptions,
  startSchema,
} from './forms.js';
import type { EntityCommands } from './service.js';
import { formFinisher } from '../../../web/commands.js';
import { askerOf, formValues, givenParam, pageNotFound, uuidParam } from '../../../web/partner-pages.js';

const READ = { permission: 'intelligence:read' } as const;
const VIEWS = 'intelligence/entities/views';

const addPath = (itemId: string) => `/partner/intelligence/items/${itemId}/entities/new`;
const linkPath = (itemId: string) => `/partner/intelligence/items/${itemId}/links/new`;
const entityPath = (entityId: string) => `/partner/entities/${entityId}`;

const categoryLabel = (category: string | null): string =>
  category && Object.hasOwn(SUBJECT_CATEGORIES, category)
    ? SUBJECT_CATEGORIES[category as SubjectCategory]
    : 'Not recorded';

export interface EntityRouteDependencies {
  commands: EntityCommands;
  flash: FormFlash;
  sessions: Sessions;
}

export function entityRoutes({ commands, flash, sessions }: EntityRouteDependencies): RouteSpec[] {
  /**
   * Reads the answers carried to this step and keeps them for one more showing, so reloading a
   * step shows it again rather than starting over. Errors are shown once.
   */
  async function draftFor(res: Response): Promise<{ errors?: FormErrors; values: Record<string, unknown> }> {
    const page = res.req.path;
    const kept = await flash.take(res, page);
    const values = kept.values ?? {};
    const session = res.locals.session;
    if (session && kept.values) await sessions.setFlash(session.idHash, { page, values });
    return { ...(kept.errors ? { errors: kept.errors } : {}), values };
  }

  /** Sends the answers on to the next step (no audit: nothing was shown or stored). */
  async function onTo(res: Response, page: string, values: Record<string, unknown>): Promise<void> {
    res.locals.s62Action = undefined;
    const session = res.locals.session;
    if (session) await sessions.setFlash(session.idHash, { page, values });
    res.redirect(303, page);
  }

  const backTo =
    (page: (itemId: string) => string) =>
    (req: Request, res: Response, errors: FormErrors): Promise<void> =>
      flash.redirectWithErrors(res, page(givenParam(req, 'itemId')), errors, formValues(req));

  const finish = formFinisher(flash);

  return [
    // Step 1: what kind of entity, and its name.
    route({
      method: 'get',
      path: '/partner/intelligence/items/:itemId/entities/new',
      access: READ,
      audit: 'entities.add.start',
      handle: async ({ res, params }) => {
        const itemId = uuidParam(params, 'itemId');
        const item = itemId && (await commands.itemFor(askerOf(res, 'entities.unknown'), itemId));
        if (!item) return pageNotFound(res);
        const kept = await flash.take(res, res.req.path);
        res.render(`${VIEWS}/add-entity.njk`, { item, schemaOptions, values: kept.values ?? {}, ...kept });
      },
    }),
    route({
      method: 'post',
      path: '/partner/intelligence/items/:itemId/entities/new',
      access: READ,
      audit: 'entities.add.start',
      body: startSchema,
      invalid: backTo(addPath),
      handle: async ({ res, params, body }) => {
        const itemId = uuidParam(params, 'itemId');
        const item = itemId && (await commands.itemFor(askerOf(res, 'entities.unknown'), itemId));
        if (!item) return pageNotFound(res);
        await onTo(res, `${addPath(item.id)}/match`, { schema: body.schema, name: body.name });
      },
    }),

    // Step 2: "Is it one of these?" — existing entities the viewer may see, with similar names.
    route({
      method: 'get',
      path: '/partner/intelligence/items/:itemId/entities/new/match',
      access: READ,
      audit: 'entities.add.suggestions',
      s62: 'consultation',
      handle: async ({ res, params }) => {
        const itemId = uuidParam(params, 'itemId');
        if (!itemId) return pageNotFound(res);
        const { errors, values } = await draftFor(res);
        const { schema, name } = values;
        if (!isEntitySchema(schema) || typeof name !== 'string' || !name) {
          res.locals.s62Action = undefined; // nothing carried over: start again, showing no one
          return res.redirect(303, addPath(itemId));
        }
        const outcome = await commands.suggest(askerOf(res, 'entities.unknown'), itemId, { schema, name });
        if (outcome.kind !== 'done') return pageNotFound(res);
        if (!outcome.value.matches.length && !errors) {
          // Nobody like it is known (the search is still audited): straight on to the details.
          const session = res.locals.session;
          if (session)
            await sessions.setFlash(session.idHash, { page: `${addPath(itemId)}/details`, values });
          return res.redirect(303, `${addPath(itemId)}/details`);
        }
        res.setHeader('Cache-Control', 'no-store');
        res.render(`${VIEWS}/add-entity-match.njk`, {
          item: outcome.value.item,
          matches: outcome.value.matches,
          schema,
          schemaLabel: ENTITY_SCHEMAS[schema].label,
          name,
          categoryOptions,
          values,
          ...(errors ? { errors } : {}),
        });
      },
    }),
    route({
      method: 'post',
      path: '/partner/intelligence/items/:itemId/entities/new/match',
      access: READ,
      audit: 'entities.add.pick',
      s62: 'alteration',
      body: matchSchema,
      invalid: backTo((itemId) => `${addPath(itemId)}/match`),
      handle: async ({ req, res, params, body }) => {
        const itemId = uuidParam(params, 'itemId');
        if (!itemId) return pageNotFound(res);
        if (body.choice === 'new') {
          return onTo(res, `${addPath(itemId)}/details`, {
            schema: body.schema,
            name: body.name,
            ...(body.category ? { category: body.category } : {}),
          });
        }
        const category = body.schema === 'Person' ? (body.category as SubjectCategory) : null;
        const outcome = await commands.pick(askerOf(res, 'entities.unknown'), itemId, body.choice, category);
        await finish(
          res,
          outcome,
          { page: `${addPath(itemId)}/match`, values: formValues(req) },
          (added) => ({
            page: entityPath(added.entityId),
            notice: `${added.caption} has been added to ${added.reference}`,
          }),
        );
      },
    }),

    // Step 3: the details, in a form generated from the schema.
    route({
      method: 'get',
      path: '/partner/intelligence/items/:itemId/entities/new/details',
      access: READ,
      audit: 'entities.add.details',
      handle: async ({ res, params }) => {
        const itemId = uuidParam(params, 'itemId');
        const item = itemId && (await commands.itemFor(askerOf(res, 'entities.unknown'), itemId));
        if (!item) return pageNotFound(res);
        const { errors, values } = await draftFor(res);
        const schema = values.schema;
        if (!isEntitySchema(schema)) return res.redirect(303, addPath(item.id));
        const spec = schemaSpec(schema);
        const filled = { ...values };
        const nameField = `p_${spec.required}`;
        if (filled[nameField] === undefined && typeof values.name === 'string')
          filled[nameField] = values.name;
        res.render(`${VIEWS}/add-entity-details.njk`, {
          item,
          schema,
          spec,
          fields: propertyFields(schema, filled),
          categoryOptions,
          classifications: CLASSIFICATIONS,
          values: filled,
          ...(errors ? { errors } : {}),
        });
      },
    }),
    route({
      method: 'post',
      path: '/partner/intelligence/items/:itemId/entities/new/details',
      access: READ,
      audit: 'entities.add.create',
      s62: 'collection',
      body: detailsSchema,
      invalid: backTo((itemId) => `${addPath(itemId)}/details`),
      handle: async ({ req, res, params, body }) => {
        const itemId = uuidParam(params, 'itemId');
        if (!itemId) return pageNotFound(res);
        const outcome = await commands.create(askerOf(res, 'entities.unknown'), itemId, body);
        await finish(
          res,
          outcome,
          { page: `${addPath(itemId)}/details`, values: formValues(req) },
          (added) => ({
            page: entityPath(added.entityId),
            notice: `${added.caption} has been added to ${added.reference}`,
          }),
        );
      },
    }),

    // Links, with the item as their source.
    route({
      method: 'get',
      path: '/partner/intelligence/items/:itemId/links/new',
      access: READ,
      audit: 'links.add.view',
      s62: 'consultation',
      query: linkQuerySchema,
      handle: async ({ res, params, query }) => {
        const itemId = uuidParam(params, 'itemId');
        if (!itemId) return pageNotFound(res);
        const kept = await flash.take(res, res.req.path);
        const values = kept.values ?? {};
        const search = query.q || (typeof values.q === 'string' ? values.q.trim() : '') || undefined;
        const outcome = await commands.linkChoices(askerOf(res, 'entities.unknown'), itemId, search);
        if (outcome.kind !== 'done') return pageNotFound(res);
        const choices = [...outcome.value.involved, ...outcome.value.found];
        const schemas = new Set(choices.map((c) => c.schema));
        const fitting = Object.entries(LINK_TYPES).filter(([type]) =>
          [...schemas].some((a) => [...schemas].some((b) => linkFits(type as LinkTypeName, a, b))),
        );
        res.setHeader('Cache-Control', 'no-store');
        res.render(`${VIEWS}/link-new.njk`, {
          item: outcome.value.item,
          involved: outcome.value.involved,
          found: outcome.value.found,
          choices: choices.map((c) => ({ ...c, schemaLabel: ENTITY_SCHEMAS[c.schema].label })),
          linkTypes: fitting.map(([value, spec]) => ({
            value,
            text: spec.directed ? `${spec.label} (the other way: ${spec.reverseLabel})` : spec.label,
          })),
          search: search ?? '',
          values,
          ...(kept.errors ? { errors: kept.errors } : {}),
        });
      },
    }),
    route({
      method: 'post',
      path: '/partner/intelligence/items/:itemId/links/new',
      access: READ,
      audit: 'links.add',
      s62: 'collection',
      body: linkSchema,
      invalid: backTo(linkPath),
      handle: async ({ req, res, params, body }) => {
        const itemId = uuidParam(params, 'itemId');
        if (!itemId) return pageNotFound(res);
        const outcome = await commands.link(askerOf(res, 'entities.unknown'), itemId, body);
        // The same link again adds a source to it: an alteration of the link, not a collection.
        if (outcome.kind === 'done' && outcome.value.added === 'source') res.locals.s62Action = 'alteration';
        await finish(res, outcome, { page: linkPath(itemId), values: formValues(req) }, (added) => ({
          page: entityPath(added.fromId),
          notice:
            added.added === 'link'
              ? 'The link has been added'
              : 'That link was already recorded: this item has been added as a further source',
        }));
      },
    }),

    // An entity's page, and changing it.
    route({
      method: 'get',
      path: '/partner/entities/:id',
      access: READ,
      audit: 'entities.view',
      s62: 'consultation',
      handle: async ({ res, params }) => {
        const id = uuidParam(params, 'id');
        if (!id) return pageNotFound(res);
        const outcome = await commands.page(askerOf(res, 'entities.unknown'), id);
        if (outcome.kind !== 'done') return pageNotFound(res);
        const { entity, links, involvements, items } = outcome.value;
        const spec = schemaSpec(entity.schema);
        res.setHeader('Cache-Control', 'no-store');
        res.render(`${VIEWS}/entity.njk`, {
          ...outcome.value,
          spec,
          properties: Object.entries(spec.properties)
            .filter(([property]) => entity.properties[property]?.length)
            .map(([property, prop]) => ({ label: prop.label, values: entity.properties[property] ?? [] })),
          involvements: involvements.map((i) => ({
            ...i,
            grade: describeGrade(i).label,
            category: categoryLabel(i.subject_category),
          })),
          links: links.map((l) => ({
            ...l,
            reads: l.outgoing ? LINK_TYPES[l.link_type].label : LINK_TYPES[l.link_type].reverseLabel,
            otherLabel: ENTITY_SCHEMAS[l.other_schema].label,
          })),
          items: items.map((i) => ({ ...i, grade: describeGrade(i).label })),
          ...(await flash.take(res, entityPath(id))),
        });
      },
    }),
    route({
      method: 'get',
      path: '/partner/entities/:id/edit',
      access: READ,
      audit: 'entities.change.view',
      s62: 'consultation',
      handle: async ({ res, params }) => {
        const id = uuidParam(params, 'id');
        if (!id) return pageNotFound(res);
        const outcome = await commands.forChange(askerOf(res, 'entities.unknown'), id);
        if (outcome.kind !== 'done') return pageNotFound(res);
        const entity = outcome.value;
        const kept = await flash.take(res, res.req.path);
        const values = kept.values ?? propertiesAsValues(entity.properties);
        res.setHeader('Cache-Control', 'no-store');
        res.render(`${VIEWS}/entity-edit.njk`, {
          entity,
          spec: schemaSpec(entity.schema),
          fields: propertyFields(entity.schema, values),
          values,
          ...(kept.errors ? { errors: kept.errors } : {}),
        });
      },
    }),
    route({
      method: 'post',
      path: '/partner/entities/:id/edit',
      access: READ,
      audit: 'entities.change',
      s62: 'alteration',
      body: editSchema,
      invalid: (req, res, errors) => {
        const id: unknown = req.params.id;
        return flash.redirectWithErrors(
          res,
          `${entityPath(encodeURIComponent(typeof id === 'string' ? id : ''))}/edit`,
          errors,
          formValues(req),
        );
      },
      handle: async ({ req, res, params, body }) => {
        const id = uuidParam(params, 'id');
        if (!id) return pageNotFound(res);
        const outcome = await commands.change(askerOf(res, 'entities.unknown'), id, body);
        await finish(res, outcome, { page: `${entityPath(id)}/edit`, values: formValues(req) }, (entity) => ({
          page: entityPath(entity.id),
          notice: 'The changes have been saved',
        }));
      },
    }),
  ];
}
