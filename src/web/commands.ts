/**
 * The command kernel: the one way a request reads or changes personal data. A command loads the
 * viewer, does its work and writes its one s62 audit entry, all in one transaction, so nothing is
 * shown or changed that the log does not record, and an entry that cannot be written undoes the
 * work. A command that finds nothing, or refuses, writes nothing. Routes turn the outcome into a
 * page with `pageNotFound` or `finish` (post/redirect/get).
 */
import type { Response } from 'express';
import type { Database, Tx } from '../db/database.js';
import { writeAuditEntry, type AuditEntryInput } from '../features/audit/audit-log.js';
import type { FormFlash } from '../features/access/form-flash.js';
import type { Viewer } from '../features/access/policy.js';
import { loadViewer } from '../features/access/viewer.js';
import { formErrors } from './validation.js';
import { pageNotFound, type Asker } from './partner-pages.js';

export type { Asker };

/** What a command came to: done (with its value), refused (field → message), or not found. */
export type Outcome<T = null> =
  | { kind: 'done'; value: T }
  /** Refused for a reason the person can fix: field → message ('' for the page as a whole). */
  | { kind: 'refused'; errors: Record<string, string> }
  /** Missing and not allowed alike: the caller cannot tell them apart. */
  | { kind: 'not-found' };

export const done = <T>(value: T): { kind: 'done'; value: T } => ({ kind: 'done', value });
export const refused = (
  errors: Record<string, string>,
): { kind: 'refused'; errors: Record<string, string> } => ({
  kind: 'refused',
  errors,
});
export const notFound: { kind: 'not-found' } = { kind: 'not-found' };

/** The audit entry a command writes; the event is always the request's own. */
export type AuditRecord = Omit<AuditEntryInput, 'event'>;

/** A command's outcome and, if it is done and showed or changed personal data, its audit entry. */
export interface Recorded<T> {
  outcome: Outcome<T>;
  entry?: AuditRecord;
}

/** The kernel over one database; each feature's commands take what they need from it. */
export function commandKernel(database: Database) {
  /** One transaction: the work, and (if it is done and names an entry) its one audit entry. */
  function recorded<T>(asker: Asker, work: (tx: Tx) => Promise<Recorded<T>>): Promise<Outcome<T>> {
    return database.transaction(async (tx) => {
      const { outcome, entry } = await work(tx);
      if (outcome.kind === 'done' && entry)
        await writeAuditEntry(tx, asker.audit, { ...entry, event: asker.event });
      return outcome;
    });
  }

  /** The same, with the viewer the policy decides for, loaded once in the same transaction. */
  function audited<T>(
    asker: Asker,
    work: (tx: Tx, viewer: Viewer) => Promise<Recorded<T>>,
  ): Promise<Outcome<T>> {
    return recorded(asker, async (tx) => work(tx, await loadViewer(tx, asker.principal)));
  }

  /** A read that always shows something (a list, a search): its value, after its one entry. */
  async function consulted<T>(
    asker: Asker,
    work: (tx: Tx, viewer: Viewer) => Promise<{ value: T; entry: AuditRecord }>,
  ): Promise<T> {
    const outcome = await audited(asker, async (tx, viewer) => {
      const { value, entry } = await work(tx, viewer);
      return { outcome: done(value), entry };
    });
    // audited() returns what the work returned, and the work above is always done.
    if (outcome.kind !== 'done') throw new Error('A consultation always comes to something');
    return outcome.value;
  }

  return { recorded, audited, consulted };
}

export type CommandKernel = ReturnType<typeof commandKernel>;

/** Where a form goes once its command is done: a page and the notice it shows once. */
export interface NextPage {
  page: string;
  notice: string;
}

/**
 * Post/redirect/get after a command: 404 if nothing was found, back to the form with its errors
 * and answers if refused, or on to the next page with its notice.
 */
export function formFinisher(flash: FormFlash) {
  return async function finish<T>(
    res: Response,
    outcome: Outcome<T>,
    form: { page: string; values?: Record<string, unknown> },
    next: NextPage | ((value: T) => NextPage),
  ): Promise<void> {
    if (outcome.kind === 'not-found') return pageNotFound(res);
    if (outcome.kind === 'refused') {
      return flash.redirectWithErrors(res, form.page, formErrors(outcome.errors), form.values ?? {});
    }
    const { page, notice } = typeof next === 'function' ? next(outcome.value) : next;
    return flash.redirectWithNotice(res, page, notice);
  };
}
