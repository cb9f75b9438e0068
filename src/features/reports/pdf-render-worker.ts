/**
 * A worker thread that rebuilds one PDF as pictures of its pages with MuPDF (WebAssembly), for
 * pdf-render.ts. Each PDF gets a fresh worker and a fresh MuPDF, so nothing one file does can
 * reach the next, and a file that takes too long is stopped by ending the worker.
 */
import { parentPort, workerData } from 'node:worker_threads';

export interface RenderRequest {
  bytes: Uint8Array;
  /** Compiled once by the main thread, so each worker only instantiates it. */
  wasm: WebAssembly.Module;
  maxPages: number;
  maxPagePixels: number;
  dpi: number;
}

export type RenderProblem = 'password' | 'too-many-pages' | 'damaged';

export type RenderMessage =
  { kind: 'rebuilt'; pdf: Uint8Array; pageCount: number } | { kind: 'refused'; problem: RenderProblem };

// Readers show pages no bigger than 200 inches (the PDF 1.7 implementation limit) a side.
const MAX_PAGE_SIDE = 14_400;

const port = parentPort;
if (port === null) throw new Error('pdf-render-worker.ts runs only as a worker thread');
const request = workerData as RenderRequest;

// MuPDF's loader asks for its WebAssembly here; hand it the module the main thread compiled.
(globalThis as Record<string, unknown>).$libmupdf_wasm_Module = {
  instantiateWasm(
    imports: WebAssembly.Imports,
    done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
  ) {
    void WebAssembly.instantiate(request.wasm, imports).then((instance) => done(instance, request.wasm));
    return {};
  },
};

const mupdf = await import('mupdf');
// Warnings about repaired files are expected from hostile input; they are not ours to log.
mupdf.setLog(null);

/**
 * A new PDF holding nothing but one picture for each page of the original, so nothing the
 * original could do (scripts, actions, links, forms, attachments) or hide survives in it.
 */
function rebuild(): RenderMessage {
  let original: InstanceType<typeof mupdf.Document>;
  try {
    original = mupdf.Document.openDocument(request.bytes, 'application/pdf');
  } catch {
    return { kind: 'refused', problem: 'damaged' };
  }
  if (original.needsPassword()) return { kind: 'refused', problem: 'password' };
  const pageCount = original.countPages();
  if (pageCount < 1) return { kind: 'refused', problem: 'damaged' };
  if (pageCount > request.maxPages) return { kind: 'refused', problem: 'too-many-pages' };
  const copy = new mupdf.PDFDocument();
  for (let index = 0; index < pageCount; index++) {
    const page = original.loadPage(index);
    const [x0, y0, x1, y1] = page.getBounds();
    const width = x1 - x0;
    const height = y1 - y0;
    if (!(width > 0 && height > 0 && Number.isFinite(width * height))) {
      return { kind: 'refused', problem: 'damaged' };
    }
    // The resolution asked for, lowered for big pages so no page has more than maxPagePixels,
    // however large it claims to be.
    let scale = Math.min(request.dpi / 72, Math.sqrt(request.maxPagePixels / (width * height)));
    // MuPDF rounds the picture's edges outwards: allow a pixel more each way.
    const pixelsAt = (at: number) => (Math.ceil(width * at) + 1) * (Math.ceil(height * at) + 1);
    while (pixelsAt(scale) > request.maxPagePixels) scale *= 0.99;
    // Annotations are drawn as they look (showExtras): the picture is what the reporter saw.
    const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true);
    copy.insertPage(-1, pictureOf(copy, pixmap, width, height));
    pixmap.destroy();
    page.destroy();
  }
  original.destroy();
  // MuPDF names itself as the producer of a new file; the copy says nothing about anyone.
  copy.getTrailer().delete('Info');
  copy.getTrailer().get('Root').delete('Info');
  // garbage: only objects the pages reach are written.
  const pdf = copy.saveToBuffer('compress,garbage=4').asUint8Array();
  return { kind: 'rebuilt', pdf: new Uint8Array(pdf), pageCount };
}

/** A page the size of the original (within what readers show) filled by the pixmap. */
function pictureOf(
  copy: InstanceType<typeof mupdf.PDFDocument>,
  pixmap: InstanceType<typeof mupdf.Pixmap>,
  width: number,
  height: number,
) {
  const shrink = Math.min(1, MAX_PAGE_SIDE / Math.max(width, height));
  const w = Math.max(1, Math.round(width * shrink * 100) / 100);
  const h = Math.max(1, Math.round(height * shrink * 100) / 100);
  // Text and drawings stay sharp and small losslessly. A page that is mostly a photograph (more
  // than half a byte a pixel losslessly) is tried as a JPEG, which is slow to make, and kept as
  // one if that is less than half the size.
  const pixels = pixmap.getWidth() * pixmap.getHeight();
  const losslessSize = pixmap.asPNG().length;
  const jpeg = losslessSize > pixels / 2 ? pixmap.asJPEG(85, false) : undefined;
  const lossless = jpeg === undefined || losslessSize <= 2 * jpeg.length;
  // The image is written by hand so its dictionary holds only what drawing it needs.
  const picture = {
    Type: 'XObject',
    Subtype: 'Image',
    Width: pixmap.getWidth(),
    Height: pixmap.getHeight(),
    ColorSpace: 'DeviceRGB',
    BitsPerComponent: 8,
  };
  const image = lossless
    ? copy.addStream(new Uint8Array(pixmap.getPixels()), picture) // compressed when saved
    : copy.addRawStream(jpeg, { ...picture, Filter: 'DCTDecode' });
  const resources = { XObject: { Page: image } };
  return copy.addPage([0, 0, w, h], 0, resources, `q ${w} 0 0 ${h} 0 0 cm /Page Do Q`);
}

let message: RenderMessage;
try {
  message = rebuild();
} catch {
  // MuPDF throws on files it cannot repair; each is a file we cannot read.
  message = { kind: 'refused', problem: 'damaged' };
}
port.postMessage(message, message.kind === 'rebuilt' ? [message.pdf.buffer as ArrayBuffer] : []);
