/**
 * Page weight as the budget defines it: the bytes a browser transfers for a page with
 * compression on — the HTML and everything it loads (stylesheets, scripts and the modules they
 * import, icons, images, and anything a stylesheet's url() pulls in), each counted once.
 * Used by `npm run bench:pages` and by the page-weight test.
 */
import http from 'node:http';

export const PAGE_BUDGET_BYTES = 100 * 1024;

export interface Resource {
  url: string;
  status: number;
  /** Bytes on the wire: the body as sent, compressed when the server compressed it. */
  transferred: number;
  /** Bytes once decompressed. */
  raw: number;
  encoding: string;
}

export interface PageWeight {
  path: string;
  status: number;
  html: Resource;
  resources: Resource[];
  transferred: number;
  raw: number;
}

/** What Chromium offers, so the server picks what a real visitor would get. */
const ACCEPT_ENCODING = 'gzip, deflate, br';

function fetchRaw(url: string): Promise<{ status: number; body: Buffer; encoding: string; type: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { 'accept-encoding': ACCEPT_ENCODING } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks),
          encoding: response.headers['content-encoding'] ?? 'identity',
          type: response.headers['content-type'] ?? '',
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

async function decompress(body: Buffer, encoding: string): Promise<Buffer> {
  const zlib = await import('node:zlib');
  if (encoding === 'br') return zlib.brotliDecompressSync(body);
  if (encoding === 'gzip') return zlib.gunzipSync(body);
  if (encoding === 'deflate') return zlib.inflateSync(body);
  return body;
}

async function load(url: string): Promise<{ resource: Resource; text: string; type: string }> {
  const response = await fetchRaw(url);
  const raw = await decompress(response.body, response.encoding);
  return {
    resource: {
      url,
      status: response.status,
      transferred: response.body.length,
      raw: raw.length,
      encoding: response.encoding,
    },
    text: raw.toString('utf8'),
    type: response.type,
  };
}

/** The addresses an HTML page makes a browser fetch. Links to other pages are not fetched. */
export function htmlReferences(html: string): string[] {
  const found: string[] = [];
  const tag = /<(link|script|img|source)\b[^>]*>/gi;
  for (const match of html.matchAll(tag)) {
    const element = match[0];
    const name = (match[1] ?? '').toLowerCase();
    const attribute = (attr: string) => new RegExp(`\\b${attr}="([^"]*)"`, 'i').exec(element)?.[1];
    if (name === 'link') {
      const rel = attribute('rel') ?? '';
      if (/\b(stylesheet|icon|manifest|modulepreload|preload)\b/i.test(rel)) {
        const href = attribute('href');
        if (href) found.push(href);
      }
    } else {
      const src = attribute('src');
      if (src) found.push(src);
    }
  }
  return found;
}

/** Static imports in an ES module, and url() in a stylesheet. */
export function assetReferences(text: string, type: string): string[] {
  if (/css/.test(type)) {
    return [...text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)]
      .map((m) => m[1] ?? '')
      .filter((u) => !u.startsWith('data:'));
  }
  if (/javascript/.test(type)) {
    return [...text.matchAll(/\bimport\s*(?:[\w*{}\s,]+from\s*)?["']([^"']+)["']/g)].map((m) => m[1] ?? '');
  }
  return [];
}

/** Weighs one page on a running Lantern at `origin` (like http://127.0.0.1:3000). */
export async function weighPage(origin: string, path: string): Promise<PageWeight> {
  const page = await load(new URL(path, origin).toString());
  const seen = new Set<string>();
  const resources: Resource[] = [];
  const queue = htmlReferences(page.text).map((ref) => new URL(ref, page.resource.url).toString());
  while (queue.length > 0) {
    const url = queue.shift() ?? '';
    // Only our own origin: the public site loads nothing from anywhere else (app.test.ts checks).
    if (seen.has(url) || new URL(url).origin !== new URL(origin).origin) continue;
    seen.add(url);
    const loaded = await load(url);
    resources.push(loaded.resource);
    for (const ref of assetReferences(loaded.text, loaded.type)) queue.push(new URL(ref, url).toString());
  }
  const all = [page.resource, ...resources];
  return {
    path,
    status: page.resource.status,
    html: page.resource,
    resources,
    transferred: all.reduce((sum, r) => sum + r.transferred, 0),
    raw: all.reduce((sum, r) => sum + r.raw, 0),
  };
}
