/**
 * Reading the audit log, as commands. Reading the log is itself a consultation of personal data
 * (staff names) and the CSV a disclosure, so each read goes through the command kernel: the rows
 * and its own audit entry in one transaction. If the entry cannot be written, nothing is shown
 * (fail-closed).
 */
import type { Tx } from '../../db/database.js';
import { done, type AuditRecord, type CommandKernel } from '../../web/commands.js';
import { HttpError } from '../../web/errors.js';
import type { Asker } from '../../web/partner-pages.js';
import { csvDocument } from './csv.js';
import { filterDetail, PAGE_SIZE, type AuditFilter } from './filters.js';
import { CSV_HEADER, csvCells } from './presenters.js';
import { actorsShown, agencyChoices, countEntries, listEntries, type AuditRow } from './queries.js';
import type { RecordNames } from './record-names.js';

/** More than this in one file is refused rather than cut short: an export is all or nothing. */
export const MAX_EXPORT_ROWS = 100_000;

/** A read of the log always shows something (if only "no entries"): its value, after its entry. */
async function logged<T>(
  kernel: CommandKernel,
  asker: Asker,
  work: (tx: Tx) => Promise<{ value: T; entry: AuditRecord }>,
): Promise<T> {
  const outcome = await kernel.recorded(asker, async (tx) => {
    const { value, entry } = await work(tx);
    return { outcome: done(value), entry };
  });
  // recorded() returns what the work returned, and the work above is always done.
  if (outcome.kind !== 'done') throw new Error('A read of the audit log always comes to something');
  return outcome.value;
}

/** One page of entries matching the filter, naming the staff it shows. */
async function entriesPage(tx: Tx, filter: AuditFilter, page: number) {
  const total = await countEntries(tx, filter);
  const rows = await listEntries(tx, filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const entry: AuditRecord = {
    action: 'consultation',
    recordType: 'user',
    recordIds: actorsShown(rows),
    detail: { filter: filterDetail(filter), page, rows: rows.length },
  };
  return { total, rows, entry };
}

/** The log's list page: one page of entries, with the agencies for the filter. */
export function readLogPage(
  kernel: CommandKernel,
  asker: Asker,
  filter: AuditFilter,
  page: number,
): Promise<{ total: number; rows: AuditRow[]; agencies: { id: string; name: string }[] }> {
  return logged(kernel, asker, async (tx) => {
    const { total, rows, entry } = await entriesPage(tx, filter, page);
    return { value: { total, rows, agencies: await agencyChoices(tx) }, entry };
  });
}

/** Who looked at one record: a page of the entries naming its id. */
export function readRecordHistory(
  kernel: CommandKernel,
  asker: Asker,
  filter: AuditFilter,
  page: number,
): Promise<{ total: number; rows: AuditRow[] }> {
  return logged(kernel, asker, async (tx) => {
    const { total, rows, entry } = await entriesPage(tx, filter, page);
    return { value: { total, rows }, entry };
  });
}

/** The filtered log as one CSV document: a disclosure to the person downloading it. */
export function exportLog(kernel: CommandKernel, asker: Asker, filter: AuditFilter): Promise<string> {
  return logged(kernel, asker, async (tx) => {
    const total = await countEntries(tx, filter);
    if (total > MAX_EXPORT_ROWS) {
      throw new HttpError(
        400,
        `There are more than ${MAX_EXPORT_ROWS.toLocaleString('en-GB')} entries to download: narrow the filter, for example by date, and try again`,
      );
    }
    const rows = await listEntries(tx, filter, { limit: MAX_EXPORT_ROWS, offset: 0 });
    return {
      value: csvDocument(CSV_HEADER, rows.map(csvCells)),
      entry: {
        action: 'disclosure',
        recordType: 'user',
        recordIds: actorsShown(rows),
        recipients: 'The exporting user (CSV download)',
        detail: { filter: filterDetail(filter), rows: rows.length },
      },
    };
  });
}

/** Whose record an id is, asked with a reason: the answer and the question are both recorded. */
export function resolveRecord(
  kernel: CommandKernel,
  recordNames: RecordNames,
  asker: Asker,
  recordId: string,
  reason: string,
) {
  return logged(kernel, asker, async (tx) => {
    const found = await recordNames.resolve(tx, recordId);
    return {
      value: found,
      entry: {
        action: 'consultation',
        ...(found.type ? { recordType: found.type } : {}),
        recordIds: [recordId],
        detail: { reason, resolvedAs: found.type },
      },
    };
  });
}
