/**
 * What an import is asked to do and what it reports: the options, the summary and its rejections,
 * and the words of the import's own intelligence item. Pure.
 */
import type { Tx } from '../../../db/database.js';
import type { Importer } from './importer.js';
import type { Mapping } from './mapping.js';
import type { MappedRow } from './rows.js';

export const DEFAULT_BATCH_SIZE = 500;
export const REASON_COLUMN = 'Reason not imported';

export interface ImportOptions {
  fileName: string;
  csv: string;
  mapping: Mapping;
  importer: Importer;
  /** Check every row and count what would change, but write nothing. */
  dryRun?: boolean;
  batchSize?: number;
  /** After each batch (and once before the first): rows done of the rows to write. */
  onProgress?: (done: number, total: number) => void;
  /** How many mapped rows to keep for a preview (the partner page's check page). */
  previewRows?: number;
  /** The day children are counted from (YYYY-MM-DD); today by default. */
  today?: string;
  /** Tests only: runs inside each batch's transaction before it commits. */
  beforeCommit?: (tx: Tx, batch: number) => Promise<void>;
}

export interface Rejection {
  line: number;
  reason: string;
  fields: string[];
}

/** A row that passed every check, as read and as mapped. */
export interface ValidRow {
  row: MappedRow;
  fields: string[];
}

export interface ImportedItem {
  id: string;
  reference: string;
  grade: string;
}

export interface ImportSummary {
  fileName: string;
  dryRun: boolean;
  rowsRead: number;
  accepted: number;
  rejected: number;
  rejections: Rejection[];
  entitiesCreated: number;
  entitiesUpdated: number;
  entitiesUnchanged: number;
  linksCreated: number;
  linksUpdated: number;
  linksUnchanged: number;
  /** The import's intelligence items (one, or one per legacy grade). */
  items: ImportedItem[];
  /** Batches committed that wrote records, each with its one s62 entry. */
  batchesWritten: number;
  /** Batches rolled back: their rows are among the rejections. */
  failedBatches: { fromLine: number; toLine: number; reason: string }[];
  preview: MappedRow[];
  /** The rejection file's text (the original header plus a reason column), if any row was rejected. */
  rejectionCsv: string | null;
  ms: number;
}

export interface RowCounts {
  read: number;
  accepted: number;
  rejected: number;
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The first and last lines of a batch's rows. */
export function lineRange(rows: readonly { row: MappedRow }[]): { from: number; to: number } {
  return { from: rows[0]?.row.line ?? 0, to: rows.at(-1)?.row.line ?? 0 };
}

/** The item's words: what was imported, from where, by whom, with what result. */
export function itemBody(options: ImportOptions, counts: RowCounts, grade: string): string {
  return [
    `Imported from the file "${options.fileName}": ${options.mapping.provenance}.`,
    `Imported on ${isoDay(new Date())} by ${options.importer.label}, source "${options.mapping.source}".`,
    `Rows read: ${counts.read}. Rows accepted: ${counts.accepted}. Rows rejected: ${counts.rejected}.`,
    grade ? `The rows this item supports were graded ${grade} in the source system.` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}
