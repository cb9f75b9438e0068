/**
 * `lantern import <file.csv> --mapping <mapping.json> --as <email> [--rejects <out.csv>] [--dry-run]`.
 * Exit codes: 0 when the file was processed (even with rejected rows), 2 for bad arguments, a bad
 * mapping, an unreadable file or an importer who may not import it, 1 for a failure.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../../../config.js';
import type { Database } from '../../../db/database.js';
import { migrate } from '../../../db/migrate.js';
import { openDatabase } from '../../../db/open.js';
import { CsvError, decodeCsv } from './csv.js';
import { checkImporter, ImportRefused, importerByEmail } from './importer.js';
import { MappingError, parseMapping } from './mapping.js';
import { runImport, type ImportSummary } from './service.js';

export const IMPORT_HELP = `  import FILE.csv    Import people, businesses, places and things and their links from a CSV file:
                       --mapping MAPPING.json --as EMAIL [--rejects OUT.csv] [--dry-run]
                     The mapping says which column is which property (see examples/import/).
                     Records belong to the agency of the user named by --as. Rejected rows go to
                     OUT.csv (default: FILE-rejects.csv beside the file) with the reason.
                     --dry-run checks every row and counts what would change, writing nothing.`;

export interface Terminal {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Where the progress bar goes, and whether it is a terminal (a bar) or not (plain lines). */
  progress: { write: (text: string) => void; isTTY: boolean };
}

const processTerminal = (): Terminal => ({
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  progress: { write: (text) => process.stderr.write(text), isTTY: process.stderr.isTTY },
});

class Usage extends Error {}

const number = (n: number) => n.toLocaleString('en-GB');

/** A progress bar on a terminal; a line every so often otherwise (logs, CI). */
export function progressReporter(progress: Terminal['progress'], now = () => Date.now()) {
  const started = now();
  let lastLine = -Infinity;
  return {
    update(done: number, total: number) {
      const seconds = Math.max((now() - started) / 1000, 0.001);
      const rate = Math.round(done / seconds);
      if (progress.isTTY) {
        const width = 30;
        const filled = total ? Math.round((done / total) * width) : width;
        progress.write(
          `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${number(done)}/${number(total)} rows  ${number(rate)} rows/s `,
        );
        if (done >= total) progress.write('\n');
      } else if (done >= total || now() - lastLine >= 2000 || done === 0) {
        lastLine = now();
        progress.write(`Imported ${number(done)} of ${number(total)} rows (${number(rate)} rows/s)\n`);
      }
    },
  };
}

/** The summary, as printed: every count, the item's reference, and where the rejections went. */
export function summaryLines(summary: ImportSummary, rejectsFile: string | null): string[] {
  const would = summary.dryRun ? 'would be ' : '';
  const row = (label: string, value: string) => `  ${label.padEnd(28)}${value}`;
  const lines = [
    summary.dryRun
      ? `Dry run of ${summary.fileName}: every row checked, nothing written.`
      : `Imported ${summary.fileName}.`,
    row('Rows read', number(summary.rowsRead)),
    row(summary.dryRun ? 'Rows valid' : 'Rows accepted', number(summary.accepted)),
    row('Rows rejected', number(summary.rejected)),
    row(`Entities ${would}created`, number(summary.entitiesCreated)),
    row(`Entities ${would}updated`, number(summary.entitiesUpdated)),
  ];
  if (!summary.dryRun) lines.push(row('Entities unchanged', number(summary.entitiesUnchanged)));
  lines.push(row(`Links ${would}created`, number(summary.linksCreated)));
  lines.push(row(`Links ${would}updated`, number(summary.linksUpdated)));
  if (!summary.dryRun) lines.push(row('Links unchanged', number(summary.linksUnchanged)));
  if (!summary.dryRun) {
    lines.push(
      row(
        summary.items.length > 1 ? 'Intelligence items' : 'Intelligence item',
        summary.items.length
          ? summary.items.map((item) => `${item.reference}${item.grade ? ` (${item.grade})` : ''}`).join(', ')
          : 'none (nothing was imported)',
      ),
    );
  }
  lines.push(row('Time', `${(summary.ms / 1000).toFixed(1)} s`));
  if (rejectsFile) lines.push(row('Rejected rows written to', rejectsFile));
  for (const batch of summary.failedBatches) lines.push(`  ${batch.reason}`);
  if (summary.rejections.length) {
    lines.push('Rejected rows:');
    for (const rejection of summary.rejections.slice(0, 20)) {
      lines.push(`  line ${rejection.line}: ${rejection.reason}`);
    }
    if (summary.rejections.length > 20) {
      lines.push(`  … and ${number(summary.rejections.length - 20)} more (see the rejection file)`);
    }
  }
  return lines;
}

async function readInput(file: string, what: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new Usage(
      `Cannot read the ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`,
    );
  }
}

/** Runs the command. Errors it understands are one line on stderr; others go to the CLI's handler. */
export async function importCommand(
  args: string[],
  config: Config,
  terminal: Terminal = processTerminal(),
  open: (config: Config) => Promise<Database> = (c) => openDatabase(c.database),
): Promise<number> {
  let database: Database | undefined;
  try {
    const { values, positionals } = (() => {
      try {
        return parseArgs({
          args,
          options: {
            mapping: { type: 'string' },
            as: { type: 'string' },
            rejects: { type: 'string' },
            'dry-run': { type: 'boolean', default: false },
          },
          strict: true,
          allowPositionals: true,
        });
      } catch (error) {
        throw new Usage((error as Error).message);
      }
    })();
    const [file, ...extra] = positionals;
    if (!file || extra.length)
      throw new Usage('import needs one CSV file: lantern import FILE.csv --mapping MAPPING.json --as EMAIL');
    if (!values.mapping) throw new Usage('import needs --mapping MAPPING.json (see examples/import/)');
    if (!values.as) throw new Usage('import needs --as EMAIL: the partner user the import is made for');
    const mapping = parseMapping(new TextDecoder().decode(await readInput(values.mapping, 'mapping file')));
    const csv = decodeCsv(await readInput(file, 'file'));

    database = await open(config);
    await migrate(database);
    const importer = await importerByEmail(database.db, values.as);
    checkImporter(importer, mapping);
    const reporter = progressReporter(terminal.progress);
    const summary = await runImport(database, {
      fileName: path.basename(file),
      csv,
      mapping,
      importer,
      dryRun: values['dry-run'],
      onProgress: (done, total) => reporter.update(done, total),
    });
    let rejectsFile: string | null = null;
    if (summary.rejectionCsv !== null) {
      rejectsFile =
        values.rejects ??
        path.join(path.dirname(file), `${path.basename(file, path.extname(file))}-rejects.csv`);
      await writeFile(rejectsFile, summary.rejectionCsv);
    }
    for (const line of summaryLines(summary, rejectsFile)) terminal.out(line);
    return 0;
  } catch (error) {
    if (error instanceof MappingError) {
      terminal.err(`lantern: ${error.message}`);
      return 2;
    }
    if (error instanceof Usage || error instanceof CsvError || error instanceof ImportRefused) {
      terminal.err(`lantern: ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    await database?.close();
  }
}
