/**
 * The inbox's commands. Each loads the viewer once, checks the item with the one access policy,
 * does its work and writes exactly one s62 audit entry, all in one transaction: if the entry
 * cannot be written, nothing changes and nothing is shown. Routes stay thin; SQL is in queries.ts.
 * The work is in plain functions by use case: reading.ts (the list, an item, its files),
 * triage.ts (grading to sign-off), sharing.ts and submission.ts; item-access.ts holds what they share.
 */
import type { Database, Tx } from '../../../db/database.js';
import type { RecordAction, Viewer } from '../../access/policy.js';
import { loadViewer } from '../../access/viewer.js';
import { done, entry, NOT_FOUND, visibleItem, type InboxRequest, type Outcome } from './item-access.js';
import * as q from './queries.js';
import { download, inboxPage, itemForForm, itemPage, workbench, type ItemPages } from './reading.js';
import { share, sharePlan } from './sharing.js';
import { submit, type Submission } from './submission.js';
import * as triage from './triage.js';

export type { InboxRequest, Outcome } from './item-access.js';
export { PARTNER_ORIGINAL_CONDITIONS, type Submission } from './submission.js';

export function createInbox(database: Database) {
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

  return {
    async inbox(request: InboxRequest, filter: q.InboxFilter) {
      return database.transaction(async (tx) =>
        inboxPage(tx, request, await loadViewer(tx, request.principal), filter),
      );
    },
    itemPage: (request: InboxRequest, id: string, pages?: ItemPages) =>
      withItem(request, id, 'read', (tx, viewer, item) => itemPage(tx, request, viewer, item, pages)),
    itemForForm: (request: InboxRequest, id: string) =>
      withItem(request, id, 'update', (tx, viewer, item) => itemForForm(tx, request, viewer, item)),
    grade: (request: InboxRequest, id: string, grade: q.GradeChange) =>
      alter(request, id, (tx) => triage.grade(tx, request.principal.userId, id, grade)),
    categorise: (
      request: InboxRequest,
      id: string,
      change: { categories: string[]; vulnerabilities: string[]; area: string | null },
    ) => alter(request, id, (tx) => triage.categorise(tx, id, change)),
    close: (request: InboxRequest, id: string, close: { outcome: string; note: string | null }) =>
      alter(request, id, (tx, _viewer, item) => triage.close(tx, request.principal.userId, id, item, close)),
    ask: (request: InboxRequest, id: string, question: string): Promise<Outcome> =>
      withItem(request, id, 'update', (tx, viewer, item) => triage.ask(tx, request, viewer, item, question)),
    workbench: (request: InboxRequest, id: string) =>
      withItem(request, id, 'update', (tx, viewer, item) => workbench(tx, request, viewer, item)),
    sanitise: (request: InboxRequest, id: string, body: string) =>
      alter(request, id, (tx) => triage.sanitise(tx, request.principal.userId, id, body)),
    signOff: (request: InboxRequest, id: string) =>
      alter(request, id, (tx, _viewer, item) => triage.signOff(tx, request.principal.userId, id, item)),
    sharePlan: (request: InboxRequest, id: string) =>
      withItem(request, id, 'export', (tx, viewer, item) => sharePlan(tx, request, viewer, item)),
    share: (
      request: InboxRequest,
      id: string,
      choice: { agencies: string[]; acknowledged: boolean },
    ): Promise<Outcome<{ agencies: string[] }>> =>
      withItem(request, id, 'export', (tx, viewer, item) => share(tx, request, viewer, item, choice)),
    submit: (request: InboxRequest, submission: Submission): Promise<{ id: string; reference: string }> =>
      database.transaction((tx) => submit(tx, request, submission)),
    download: (request: InboxRequest, id: string, fileId: string) =>
      withItem(request, id, 'read', (tx, viewer, item) => download(tx, request, viewer, item, fileId)),
  };
}

export type Inbox = ReturnType<typeof createInbox>;
