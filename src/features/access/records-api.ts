/**
 * The records API: list, search, count, read and export any type of record, each through the one
 * access policy. What a caller may not see is simply absent: a record they may not open answers
 * exactly as a record that does not exist. Each list, search, read and export writes one s62
 * audit entry naming every record it showed, in the same transaction as the read.
 */
import type { Response } from 'express';
import { z } from 'zod';
import type { Database, Tx } from '../../db/database.js';
import { HttpError } from '../../web/errors.js';
import { route, type RouteSpec } from '../../web/routes.js';
import { writeAuditEntry, type AuditContext } from '../audit/audit-log.js';
import {
  conditionsToAcknowledge,
  mayAct,
  RECORD_TYPES,
  type RecordAction,
  type RecordType,
  type Viewer,
} from './policy.js';
import { mayAccessRecord, type AccessRecord, type RecordSource } from './records.js';
import { loadViewer } from './viewer.js';

const listQuery = z.strictObject({
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const countQuery = z.strictObject({ q: z.string().trim().min(1).max(200).optional() });
const exportQuery = z.strictObject({ acknowledge: z.enum(['yes']).optional() });
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const recordJson = z.object({ id: z.string(), fields: z.record(z.string(), z.unknown()) });

function output(record: AccessRecord) {
  const marking = record.marking && {
    classification: record.marking.classification,
    handlingCode: record.marking.handlingCode,
    handlingConditions: record.marking.handlingConditions,
  };
  return { id: record.id, ...(marking ? { marking } : {}), fields: record.fields };
}

export function recordsApiRoutes(database: Database, sources: readonly RecordSource[]): RouteSpec[] {
  const byType = new Map<string, RecordSource>(sources.map((source) => [source.type, source]));

  /** The source for a type the viewer may take this action on; otherwise "not found". */
  function sourceFor(type: string | undefined, viewer: Viewer, action: RecordAction): RecordSource {
    const source = type === undefined ? undefined : byType.get(type);
    if (!source || !Object.hasOwn(RECORD_TYPES, source.type) || !mayAct(viewer, action, source.type)) {
      throw new HttpError(404, 'Not found');
    }
    return source;
  }

  function viewerFor(res: Response, tx: Tx): Promise<Viewer> {
    const principal = res.locals.principal;
    if (principal.kind !== 'user') throw new HttpError(404, 'Not found');
    return loadViewer(tx, principal);
  }

  /** Reads inside a transaction that also writes the audit entry: no entry, no data. */
  function audited<T>(
    context: AuditContext,
    work: (tx: Tx) => Promise<{ result: T; entry: Parameters<typeof writeAuditEntry>[2] | null }>,
  ): Promise<T> {
    return database.transaction(async (tx) => {
      const { result, entry } = await work(tx);
      if (entry) await writeAuditEntry(tx, context, entry);
      return result;
    });
  }

  return [
    route({
      method: 'get',
      path: '/api/v1/records/:type/count',
      access: { permission: 'workspace:view' },
      audit: 'records.count',
      // A count names no one, but a searched count can probe what records say: audited as well.
      s62: 'consultation',
      summary: 'Count the records of a type that you may see (optionally matching a search)',
      query: countQuery,
      response: z.object({ type: z.string(), count: z.number() }),
      handle: async ({ res, params, query }) => {
        const count = await audited(res.locals.audit, async (tx) => {
          const viewer = await viewerFor(res, tx);
          const source = sourceFor(params.type, viewer, 'count');
          const result = await source.count(tx, viewer, query.q ? { search: query.q } : {});
          return {
            result,
            entry: {
              action: 'consultation',
              event: 'records.count',
              recordType: source.type,
              detail: { search: query.q ?? null, count: result },
            },
          };
        });
        res.json({ type: params.type, count });
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/records/:type/export',
      access: { permission: 'workspace:view' },
      audit: 'records.export',
      s62: 'disclosure',
      summary: 'Export the records of a type that you may export (handling code C needs acknowledge=yes)',
      query: exportQuery,
      response: z.object({ type: z.string(), records: z.array(recordJson) }),
      handle: async ({ res, params, query }) => {
        type Outcome = { conditions: string[] } | { records: AccessRecord[] };
        const outcome = await audited<Outcome>(res.locals.audit, async (tx) => {
          const viewer = await viewerFor(res, tx);
          const source = sourceFor(params.type, viewer, 'export');
          const records = await source.list(tx, viewer, 'export', { limit: 10_000 });
          const conditions = conditionsToAcknowledge(
            records.flatMap((r) => (r.marking ? [r.marking] : [])),
            query.acknowledge === 'yes',
          );
          if (conditions.length) return { result: { conditions } as Outcome, entry: null };
          return {
            result: { records },
            entry: {
              action: 'disclosure',
              event: 'records.export',
              recordType: source.type,
              recordIds: records.map((r) => r.id),
              recipients: 'the requesting user, by download',
            },
          };
        });
        if ('conditions' in outcome) {
          res.status(409).json({
            error: 'These records carry handling conditions: acknowledge them (acknowledge=yes) to export',
            conditions: outcome.conditions,
          });
          return;
        }
        res.setHeader('Cache-Control', 'no-store');
        res.json({ type: params.type, records: outcome.records.map(output) });
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/records/:type',
      access: { permission: 'workspace:view' },
      audit: 'records.list',
      s62: 'consultation',
      summary: 'List or search the records of a type that you may see',
      query: listQuery,
      response: z.object({ type: z.string(), records: z.array(recordJson) }),
      handle: async ({ res, params, query }) => {
        const action: RecordAction = query.q ? 'search' : 'list';
        const records = await audited(res.locals.audit, async (tx) => {
          const viewer = await viewerFor(res, tx);
          const source = sourceFor(params.type, viewer, action);
          const found = await source.list(tx, viewer, action, {
            limit: query.limit,
            ...(query.q ? { search: query.q } : {}),
          });
          return {
            result: found,
            entry: {
              action: 'consultation',
              event: `records.${action}`,
              recordType: source.type,
              recordIds: found.map((r) => r.id),
            },
          };
        });
        res.setHeader('Cache-Control', 'no-store');
        res.json({ type: params.type, records: records.map(output) });
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/records/:type/:id',
      access: { permission: 'workspace:view' },
      audit: 'records.read',
      s62: 'consultation',
      summary: 'Read one record, if you may',
      response: recordJson,
      handle: async ({ res, params }) => {
        const record = await audited(res.locals.audit, async (tx) => {
          const viewer = await viewerFor(res, tx);
          const source = sourceFor(params.type, viewer, 'read');
          const id = params.id ?? '';
          const found = uuid.test(id) ? await source.load(tx, id) : undefined;
          if (!found || !mayAccessRecord(viewer, 'read', source, found))
            throw new HttpError(404, 'Not found');
          return {
            result: found,
            entry: {
              action: 'consultation',
              event: 'records.read',
              recordType: source.type,
              recordIds: [found.id],
            },
          };
        });
        res.setHeader('Cache-Control', 'no-store');
        res.json(output(record));
      },
    }),
  ];
}

export type { RecordType };
