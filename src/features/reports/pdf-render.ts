/**
 * A PDF rebuilt from pictures of its pages, drawn by MuPDF in a worker thread
 * (pdf-render-worker.ts), as Dangerzone does, within
 * limits a reporter is told about: at most MAX_PAGES pages, at most MAX_PAGE_PIXELS pixels a page
 * whatever size the page claims to be, and at most RENDER_TIME_MS for the whole file, after which
 * the worker is ended. At most two files are drawn at once; a few more wait, and beyond that a
 * file is refused rather than piling up.
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { RenderMessage, RenderRequest } from './pdf-render-worker.js';

export const MAX_PAGES = 50;
/** 4 megapixels: an A4 page at 150 dots per inch is 2.2. */
export const MAX_PAGE_PIXELS = 4_000_000;
export const RENDER_DPI = 150;
export const RENDER_TIME_MS = 60_000;
const MAX_RUNNING = 2;
const MAX_WAITING = 8;

export type RenderOutcome =
  | { kind: 'rebuilt'; pdf: Uint8Array; pageCount: number }
  | { kind: 'refused'; problem: 'password' | 'too-many-pages' | 'damaged' | 'too-slow' | 'busy' };

let compiled: Promise<WebAssembly.Module> | undefined;

/** MuPDF's WebAssembly, compiled once per process (seconds) and shared by every worker. */
function mupdfWasm(): Promise<WebAssembly.Module> {
  compiled ??= (() => {
    const entry = new URL(import.meta.resolve('mupdf'));
    return WebAssembly.compile(readFileSync(new URL('./mupdf-wasm.wasm', entry)));
  })();
  return compiled;
}

/**
 * Starts the worker. Compiled, it is the .js beside this module; under tsx (tests, scripts) it is
 * the .ts source, started from a line that registers tsx's loader first, as network/jobs.ts does.
 */
function startWorker(request: RenderRequest): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./pdf-render-worker.js', import.meta.url), { workerData: request });
  }
  const source = JSON.stringify(new URL('./pdf-render-worker.ts', import.meta.url).href);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return new Worker(`import(${tsx}).then((tsx) => { tsx.register(); return import(${source}); });`, {
    eval: true,
    workerData: request,
  });
}

let running = 0;
const waiting: (() => void)[] = [];

async function takeTurn(): Promise<boolean> {
  if (running < MAX_RUNNING) {
    running++;
    return true;
  }
  if (waiting.length >= MAX_WAITING) return false;
  // The finishing file hands its place straight to this one, so `running` does not change.
  await new Promise<void>((resolve) => waiting.push(resolve));
  return true;
}

function endTurn(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

export interface RenderLimits {
  maxPages: number;
  maxPagePixels: number;
  dpi: number;
  timeMs: number;
}

const LIMITS: RenderLimits = {
  maxPages: MAX_PAGES,
  maxPagePixels: MAX_PAGE_PIXELS,
  dpi: RENDER_DPI,
  timeMs: RENDER_TIME_MS,
};

/** The PDF rebuilt from pictures of its pages (pdf-render-worker.ts), or why it cannot be. */
export async function rebuildPdfAsPictures(
  bytes: Uint8Array,
  limits: Partial<RenderLimits> = {},
): Promise<RenderOutcome> {
  const { maxPages, maxPagePixels, dpi, timeMs } = { ...LIMITS, ...limits };
  const wasm = await mupdfWasm();
  if (!(await takeTurn())) return { kind: 'refused', problem: 'busy' };
  try {
    const worker = startWorker({ bytes, wasm, maxPages, maxPagePixels, dpi });
    return await new Promise<RenderOutcome>((resolve) => {
      const timer = setTimeout(() => {
        resolve({ kind: 'refused', problem: 'too-slow' });
        void worker.terminate();
      }, timeMs);
      const finish = (outcome: RenderOutcome) => {
        clearTimeout(timer);
        resolve(outcome);
        void worker.terminate();
      };
      worker.once('message', (message: RenderMessage) =>
        finish(message.kind === 'rebuilt' ? message : { kind: 'refused', problem: message.problem }),
      );
      // A crash (MuPDF running out of memory on a hostile file, say) is a file we cannot read.
      worker.once('error', () => finish({ kind: 'refused', problem: 'damaged' }));
      worker.once('exit', () => finish({ kind: 'refused', problem: 'damaged' }));
    });
  } finally {
    endTurn();
  }
}
