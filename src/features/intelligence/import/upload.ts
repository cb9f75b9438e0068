/**
 * Reads the import page's multipart form: a CSV file (at most `maxCsvBytes`), an optional mapping
 * file (at most 200 KB) and a few short fields. Unlike public reports, the CSV's file name is kept:
 * it is a partner's own export, and the import's item names the file it came from.
 */
import busboy from 'busboy';
import type { Request } from 'express';
import { HttpError } from '../../../web/errors.js';

export const MAPPING_MAX_BYTES = 200_000;

export class UploadedFile {
  constructor(
    readonly name: string,
    readonly bytes: Uint8Array,
    /** Larger than allowed: `bytes` holds only the start. */
    readonly tooLarge: boolean,
  ) {}
}

export function readImportForm(req: Request, maxCsvBytes: number): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: {
          files: 2,
          fileSize: Math.max(maxCsvBytes, MAPPING_MAX_BYTES),
          fields: 10,
          parts: 12,
          fieldSize: 1000,
        },
      });
    } catch {
      reject(new HttpError(400, 'What you sent could not be read'));
      return;
    }
    const fields: Record<string, unknown> = {};
    const files: Promise<void>[] = [];
    parser.on('field', (name, value) => {
      if (!Object.hasOwn(fields, name)) fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      const limit = name === 'mappingFile' ? MAPPING_MAX_BYTES : maxCsvBytes;
      const chunks: Buffer[] = [];
      let size = 0;
      let tooLarge = false;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) tooLarge = true;
        else chunks.push(chunk);
      });
      stream.on('limit', () => (tooLarge = true));
      files.push(
        new Promise((done) =>
          stream.on('close', () => {
            const bytes = Buffer.concat(chunks);
            // Browsers send an empty part when no file was chosen.
            if (name !== 'csv' && name !== 'mappingFile') fields[name] = '(a file)';
            else if (bytes.length > 0 || tooLarge) {
              fields[name] = new UploadedFile(
                (info.filename ?? '').slice(0, 200),
                new Uint8Array(bytes),
                tooLarge,
              );
            }
            done();
          }),
        ),
      );
    });
    parser.on('filesLimit', () => reject(new HttpError(400, 'Send at most a CSV file and a mapping file')));
    parser.on('fieldsLimit', () => reject(new HttpError(413, 'What you sent is too large')));
    parser.on('partsLimit', () => reject(new HttpError(413, 'What you sent is too large')));
    parser.on('error', () => reject(new HttpError(400, 'What you sent could not be read')));
    parser.on('close', () => void Promise.all(files).then(() => resolve(fields)));
    req.pipe(parser);
  });
}
