/**
 * The inbox's commands. Each loads the viewer once, checks the item with the one access policy,
 * does its work and writes exactly one s62 audit entry, all in one transaction: if the entry
 * cannot be written, nothing changes and nothing is shown. Routes stay thin; SQL is in queries.ts.
 */
import { needToKnowList } from '../../access/access-lists.js';
import type { Database, Tx } from '../../../db/database.js';
import { writeAuditEntry, type AuditContext, type AuditEntryInput } from '../../audit/audit-log.js';
import type { Marking } from '../../access/markings.js';
import {
  conditionsToAcknowledge,
  mayAccess,
  mayAct,
  type RecordAction,
  type Viewer,
} from '../../access/policy.js';
import type { Principal } from '../../access/principal.js';
import { loadViewer } from '../../access/viewer.js';
import { addPartnershipMessage, messagesOf } from '../../reports/queries.js';
import { insertItem } from '../queries.js';
import { shareRecord } from '../../access/shares.js';
import * as q from './queries.js';

/** Who is asking, which event their request is, and where its audit entry goes. */
export interface InboxRequest {
  audit: AuditContext;
  event: string;
  principal: Principal & { kind: 'user' };
}

export type Outcome<T = null> =
  | { kind: 'done'; value: T }
  /** Refused for a reason the person can fix: field → message ('' for the page as a whole). */
  | { kind: 'refused'; errors: Record<string, string> }
  | { kind: 'not-found' };

const done = <T>(value: T): Outcome<T> => ({ kind: 'done', value });
const refused = (errors: Record<string, string>): Outcome<never> => ({ kind: 'refused', errors });
const NOT_FOUND: Outcome<never> = { kind: 'not-found' };

export const PARTNER_ORIGINAL_CONDITIONS =
  'Original words of a partner officer: may identify the officer or their source. Share only the sanitised text.';

export interface Submission {
  what: string;
  occurredOn: string | null;
  area: string | null;
  categories: string[];
  vulnerabilities: string[];
  statementKind: 'fact' | 'assessment';
  grade: { sourceEvaluation: string; informationAssessment: string } | null;
  handlingCode: 'P' | 'C';
  handlingConditions: string | null;
}

export function createInbox(database: Database) {
  const entry = (tx: Tx, request: InboxRequest, input: Omit<AuditEntryInput, 'event'>) =>
    writeAuditEntry(tx, request.audit, { event: request.event, ...input });

  /** The item if the viewer may take `action` on it; undefined for missing and hidden alike. */
  async function visibleItem(tx: Tx, viewer: Viewer, id: string, action: RecordAction) {
    const item = await q.itemById(tx, id);
    return item && mayAccess(viewer, action, 'intelligence-item', item.marking) ? item : undefined;
  }

  /** Loads the viewer and the item in one transaction, then runs `work`, or finds nothing. */
  function withItem<T>(
    request: InboxRequest,
    id: string,
    action: RecordAction,
    work: (tx: Tx, viewer: Viewer, item: q.ItemRow) => Promise<Outcome<T>>,
  ): Promise<Outcome<T>> {
    return database.transaction(async (tx) => {
      const viewer = await loadViewer(tx, request.principal);
      const item = await visibleItem(tx, viewer, id, action);
      return item ? work(tx, viewer, item) : NOT_FOUND;
    });
  }

  /** An alteration of one item, with its one audit entry naming it. */
  function alter(
    request: InboxRequest,
    id: string,
    change: (tx: Tx, viewer: Viewer, item: q.ItemRow) => Promise<Outcome<Record<string, unknown>>>,
  ): Promise<Outcome> {
    return withItem(request, id, 'update', async (tx, viewer, item) => {
      const outcome = await change(tx, viewer, item);
      if (outcome.kind !== 'done') return outcome;
      await entry(tx, request, {
        action: 'alteration',
        recordType: 'intelligence-item',
        recordIds: [item.id],
        detail: outcome.value,
      });
      return done(null);
    });
  }

  /** Whether the viewer may read the public report behind an item (and so its conversation). */
  async function mayReadReport(tx: Tx, viewer: Viewer, item: q.ItemRow): Promise<boolean> {
    if (!item.public_report_id) return false;
    const marking = await q.reportMarkingRow(tx, item.public_report_id);
    return mayAccess(viewer, 'read', 'public-report', marking);
  }

  async function originalFor(tx: Tx, viewer: Viewer, itemId: string) {
    const original = await q.originalOf(tx, itemId);
    return original && mayAccess(viewer, 'read', 'intelligence-original', original.marking)
      ? original.body
      : null;
  }

  return {
    /** One page of the inbox, with one consultation entry naming every item shown. */
    async inbox(request: InboxRequest, filter: q.InboxFilter) {
      return database.transaction(async (tx) => {
        const viewer = await loadViewer(tx, request.principal);
        const page = await q.inboxItems(tx, viewer, filter);
        await entry(tx, request, {
          action: 'consultation',
          recordType: 'intelligence-item',
          recordIds: page.rows.map((row) => row.id),
          detail: {
            status: filter.statuses,
            category: filter.category,
            vulnerability: filter.vulnerability,
            page: filter.page,
          },
        });
        return page;
      });
    },

    /** The item page: one consultation naming the item and every entity and link shown. */
    async itemPage(request: InboxRequest, id: string) {
      return withItem(request, id, 'read', async (tx, viewer, item) => {
        // One after another: a transaction is one connection.
        const involvements = await q.involvementsShown(tx, viewer, item.id);
        const links = await q.linksShown(tx, viewer, item.id);
        const reportReadable = await mayReadReport(tx, viewer, item);
        const agencies = await q.agencyNames(tx, item.sharedWith);
        const messages =
          reportReadable && item.public_report_id ? await messagesOf(tx, item.public_report_id) : [];
        const files = item.public_report_id
          ? (await q.reportFiles(tx, item.public_report_id)).filter(
              (file) =>
                file.variant === 'sanitised' || mayAccess(viewer, 'read', 'public-report-file', file.marking),
            )
          : [];
        await entry(tx, request, {
          action: 'consultation',
          recordType: 'intelligence-item',
          recordIds: [
            item.id,
            ...involvements.map((row) => row.entity_id),
            ...links.flatMap((link) => [link.id, link.from_id, link.to_id]),
            ...(reportReadable && item.public_report_id ? [item.public_report_id] : []),
          ],
        });
        return done({
          item,
          involvements,
          links,
          conversation: reportReadable ? messages : null,
          files,
          sharedWith: agencies.map((agency) => agency.name),
          mayExport: mayAct(viewer, 'export', 'intelligence-item'),
        });
      });
    },

    /** A form about one item (grade, categorise, close, ask): it shows the item, so it is a consultation. */
    async itemForForm(request: InboxRequest, id: string) {
      return withItem(request, id, 'update', async (tx, viewer, item) => {
        await entry(tx, request, {
          action: 'consultation',
          recordType: 'intelligence-item',
          recordIds: [item.id],
        });
        return done({ item, reportReadable: await mayReadReport(tx, viewer, item) });
      });
    },

    grade: (request: InboxRequest, id: string, grade: q.GradeChange) =>
      alter(request, id, async (tx) => {
        await q.setGrade(tx, id, request.principal.userId, grade);
        return done({
          change: 'grade',
          grade: `${grade.sourceEvaluation}/${grade.informationAssessment}/${grade.handlingCode}`,
          statementKind: grade.statementKind,
          reviewOn: grade.reviewOn,
        });
      }),

    categorise: (
      request: InboxRequest,
      id: string,
      change: { categories: string[]; vulnerabilities: string[]; area: string | null },
    ) =>
      alter(request, id, async (tx) => {
        await q.setCategories(tx, id, change);
        return done({ change: 'categories', ...change });
      }),

    close: (request: InboxRequest, id: string, close: { outcome: string; note: string | null }) =>
      alter(request, id, async (tx, _viewer, item) => {
        if (item.status === 'closed') return refused({ outcome: 'This item is already closed' });
        await q.closeItem(tx, id, request.principal.userId, close);
        return done({ change: 'closed', outcome: close.outcome });
      }),

    /**
     * A question for the anonymous reporter, which they read with their receipt. Only for public
     * reports, and only for people who may read the report itself.
     */
    async ask(request: InboxRequest, id: string, question: string): Promise<Outcome> {
      return withItem(request, id, 'update', async (tx, viewer, item) => {
        if (!item.public_report_id || !(await mayReadReport(tx, viewer, item))) return NOT_FOUND;
        const messageId = await addPartnershipMessage(tx, {
          reportId: item.public_report_id,
          authorUserId: request.principal.userId,
          body: question,
        });
        await entry(tx, request, {
          action: 'alteration',
          recordType: 'intelligence-item',
          recordIds: [item.id, item.public_report_id],
          detail: { change: 'question-to-reporter', message: messageId },
        });
        return done(null);
      });
    },

    /**
     * The workbench or the sign-off page: the working text and, for those its access list admits,
     * the original. One consultation, of the original when it was shown (its own record type).
     */
    async workbench(request: InboxRequest, id: string) {
      return withItem(request, id, 'update', async (tx, viewer, item) => {
        const original = await originalFor(tx, viewer, item.id);
        await entry(tx, request, {
          action: 'consultation',
          recordType: original === null ? 'intelligence-item' : 'intelligence-original',
          recordIds: [item.id],
          detail: { original: original !== null },
        });
        return done({ item, original, viewerId: viewer.userId });
      });
    },

    sanitise: (request: InboxRequest, id: string, body: string) =>
      alter(request, id, async (tx) => {
        await q.saveSanitised(tx, id, request.principal.userId, body);
        return done({ change: 'sanitised', length: body.length });
      }),

    /** A second person confirms the sanitised text hides the source. The database checks it too. */
    signOff: (request: InboxRequest, id: string) =>
      alter(request, id, async (tx, _viewer, item) => {
        if (!item.sanitised_by) return refused({ '': 'Sanitise the text before it can be signed off' });
        if (item.sanitised_by === request.principal.userId) {
          return refused({ '': 'You sanitised this text, so someone else must sign it off' });
        }
        if (item.signed_off_at) return refused({ '': 'This text has already been signed off' });
        await q.signOff(tx, id, request.principal.userId);
        return done({ change: 'signed-off' });
      }),

    /**
     * What sharing would send: the item, and the entities and links that go with it. The page
     * names them, so opening it is a consultation of each.
     */
    async sharePlan(request: InboxRequest, id: string) {
      return withItem(request, id, 'export', async (tx, viewer, item) => {
        const plan = await planShare(tx, viewer, item);
        await entry(tx, request, {
          action: 'consultation',
          recordType: 'intelligence-item',
          recordIds: [item.id, ...plan.entities.map((e) => e.id), ...plan.links.map((l) => l.id)],
        });
        return done(plan);
      });
    },

    /** Shares the item and its companions with the agencies chosen: one disclosure entry. */
    async share(
      request: InboxRequest,
      id: string,
      choice: { agencies: string[]; acknowledged: boolean },
    ): Promise<Outcome<{ agencies: string[] }>> {
      return withItem(request, id, 'export', async (tx, viewer, item) => {
        if (!item.signed_off_at) {
          return refused({
            '': 'This item cannot be shared yet: a second person must sign off its sanitised text first',
          });
        }
        const plan = await planShare(tx, viewer, item);
        const chosen = [...new Set(choice.agencies)];
        const allowed = new Map(plan.agencies.map((agency) => [agency.id, agency.name]));
        if (chosen.some((agencyId) => !allowed.has(agencyId))) {
          return refused({ agencies: 'Select agencies from the list' });
        }
        if (plan.conditions.length && !choice.acknowledged) {
          return refused({ acknowledge: 'Confirm you have read the conditions and will share on them' });
        }
        const records = [
          { type: 'intelligence-item' as const, id: item.id },
          ...plan.entities.map((e) => ({ type: 'entity' as const, id: e.id })),
          ...plan.links.map((l) => ({ type: 'link' as const, id: l.id })),
        ];
        for (const agencyId of chosen) {
          for (const record of records) {
            await shareRecord(tx, {
              type: record.type,
              recordId: record.id,
              agencyId,
              sharedBy: viewer.userId,
            });
          }
        }
        const names = chosen.map((agencyId) => allowed.get(agencyId) ?? agencyId);
        await entry(tx, request, {
          action: 'disclosure',
          recordType: 'intelligence-item',
          recordIds: records.map((record) => record.id),
          recipients: names.join(', '),
          detail: { agencies: chosen, conditionsAcknowledged: plan.conditions.length > 0 },
        });
        return done({ agencies: names });
      });
    },

    /**
     * A partner officer records what they saw: an item owned by their agency, with its original
     * on a new access list holding the author and their agency. One collection entry.
     */
    async submit(request: InboxRequest, submission: Submission): Promise<{ id: string; reference: string }> {
      const { principal } = request;
      return database.transaction(async (tx) => {
        const agency = await tx
          .selectFrom('agency')
          .select('name')
          .where('id', '=', principal.agencyId)
          .executeTakeFirstOrThrow();
        const marking: Marking = {
          classification: 'OFFICIAL-SENSITIVE',
          handlingCode: submission.handlingCode,
          handlingConditions: submission.handlingConditions,
          owningAgencyId: principal.agencyId,
          accessListId: null,
        };
        const accessListId = await needToKnowList(tx, principal.userId, principal.agencyId);
        const item = await insertItem(
          tx,
          {
            sourceType: 'partner-officer',
            sourceDescription: `${agency.name} officer`.slice(0, 300),
            body: submission.what,
            statementKind: submission.statementKind,
            categories: submission.categories,
            vulnerabilities: submission.vulnerabilities,
            area: submission.area,
            occurredOn: submission.occurredOn,
            grade: submission.grade,
            createdBy: principal.userId,
          },
          marking,
          { accessListId, conditions: PARTNER_ORIGINAL_CONDITIONS },
        );
        await entry(tx, request, {
          action: 'collection',
          recordType: 'intelligence-item',
          recordIds: [item.id],
          detail: { sourceType: 'partner-officer', categories: submission.categories },
        });
        return item;
      });
    },

    /**
     * A file sent with a public report: the sanitised copy for everyone who may see the item, the
     * original only for those its evidence access list admits. One consultation entry.
     */
    async download(request: InboxRequest, id: string, fileId: string) {
      return withItem(request, id, 'read', async (tx, viewer, item) => {
        if (!item.public_report_id) return NOT_FOUND;
        const file = await q.reportFile(tx, item.public_report_id, fileId);
        if (!file) return NOT_FOUND;
        if (file.variant === 'original' && !mayAccess(viewer, 'read', 'public-report-file', file.marking)) {
          return NOT_FOUND;
        }
        await entry(tx, request, {
          action: 'consultation',
          recordType: 'public-report-file',
          recordIds: [file.id, item.id],
          detail: { variant: file.variant },
        });
        return done({
          reference: item.reference,
          variant: file.variant,
          mediaType: file.media_type,
          content: file.content,
        });
      });
    },
  };

  async function planShare(tx: Tx, viewer: Viewer, item: q.ItemRow) {
    const agencies = await q.shareableAgencies(tx, item.owning_agency_id);
    const companions = await q.shareCompanions(tx, viewer, { id: item.id, ownerId: item.owning_agency_id });
    const conditions = conditionsToAcknowledge(
      [
        { handlingCode: item.handling_code as 'P' | 'C', handlingConditions: item.handling_conditions },
        ...companions.entities.map((e) => ({
          handlingCode: e.handling_code as 'P' | 'C',
          handlingConditions: e.handling_conditions,
        })),
        ...companions.links.map((l) => ({
          handlingCode: l.handling_code as 'P' | 'C',
          handlingConditions: l.handling_conditions,
        })),
      ],
      false,
    );
    return { item, agencies, ...companions, conditions, signedOff: item.signed_off_at !== null };
  }
}

export type Inbox = ReturnType<typeof createInbox>;
