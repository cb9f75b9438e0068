/**
 * Reading the inbox: its list, an item's page, the item behind a form, the workbench and a
 * report's files. Each writes its one consultation entry; service.ts runs them in one transaction
 * with the viewer and the item already checked.
 */
import type { Tx } from '../../../db/database.js';
import { mayAccess, mayAct, type Viewer } from '../../access/policy.js';
import { messagesOf } from '../../reports/queries.js';
import { done, entry, mayReadReport, NOT_FOUND, originalFor, type InboxRequest } from './item-access.js';
import * as q from './queries.js';

/** One page of the inbox, with one consultation entry naming every item shown. */
export async function inboxPage(tx: Tx, request: InboxRequest, viewer: Viewer, filter: q.InboxFilter) {
  const page = await q.inboxItems(tx, viewer, filter);
  await entry(tx, request, {
    action: 'consultation',
    recordType: 'intelligence-item',
    recordIds: page.rows.map((row) => row.id),
    detail: {
      status: filter.statuses,
      category: filter.category,
      vulnerability: filter.vulnerability,
      page: filter.page,
    },
  });
  return page;
}

/** Which page of the item's involvements (people) and links to show; the first by default. */
export interface ItemPages {
  people?: number;
  links?: number;
}

/** The item page: one consultation naming the item and every entity and link shown. */
export async function itemPage(
  tx: Tx,
  request: InboxRequest,
  viewer: Viewer,
  item: q.ItemRow,
  pages: ItemPages = {},
) {
  // One after another: a transaction is one connection.
  const involvementsPage = await q.involvementsShown(tx, viewer, item.id, pages.people);
  const linksPage = await q.linksShown(tx, viewer, item.id, pages.links);
  const involvements = involvementsPage.rows;
  const links = linksPage.rows;
  const reportReadable = await mayReadReport(tx, viewer, item);
  const agencies = await q.agencyNames(tx, item.sharedWith);
  const messages = reportReadable && item.public_report_id ? await messagesOf(tx, item.public_report_id) : [];
  const files = item.public_report_id
    ? (await q.reportFiles(tx, item.public_report_id)).filter(
        (file) =>
          file.variant === 'sanitised' || mayAccess(viewer, 'read', 'public-report-file', file.marking),
      )
    : [];
  await entry(tx, request, {
    action: 'consultation',
    recordType: 'intelligence-item',
    recordIds: [
      item.id,
      ...involvements.map((row) => row.entity_id),
      ...links.flatMap((link) => [link.id, link.from_id, link.to_id]),
      ...(reportReadable && item.public_report_id ? [item.public_report_id] : []),
    ],
  });
  return done({
    item,
    involvements,
    links,
    involvementsPage: { page: involvementsPage.page, more: involvementsPage.more },
    linksPage: { page: linksPage.page, more: linksPage.more },
    conversation: reportReadable ? messages : null,
    files,
    sharedWith: agencies.map((agency) => agency.name),
    mayExport: mayAct(viewer, 'export', 'intelligence-item'),
  });
}

/** A form about one item (grade, categorise, close, ask): it shows the item, so it is a consultation. */
export async function itemForForm(tx: Tx, request: InboxRequest, viewer: Viewer, item: q.ItemRow) {
  await entry(tx, request, {
    action: 'consultation',
    recordType: 'intelligence-item',
    recordIds: [item.id],
  });
  return done({ item, reportReadable: await mayReadReport(tx, viewer, item) });
}

/**
 * The workbench or the sign-off page: the working text and, for those its access list admits,
 * the original. One consultation, of the original when it was shown (its own record type).
 */
export async function workbench(tx: Tx, request: InboxRequest, viewer: Viewer, item: q.ItemRow) {
  const original = await originalFor(tx, viewer, item.id);
  await entry(tx, request, {
    action: 'consultation',
    recordType: original === null ? 'intelligence-item' : 'intelligence-original',
    recordIds: [item.id],
    detail: { original: original !== null },
  });
  return done({ item, original, viewerId: viewer.userId });
}

/**
 * A file sent with a public report: the sanitised copy for everyone who may see the item, the
 * original only for those its evidence access list admits. One consultation entry.
 */
export async function download(
  tx: Tx,
  request: InboxRequest,
  viewer: Viewer,
  item: q.ItemRow,
  fileId: string,
) {
  if (!item.public_report_id) return NOT_FOUND;
  const file = await q.reportFile(tx, item.public_report_id, fileId);
  if (!file) return NOT_FOUND;
  if (file.variant === 'original' && !mayAccess(viewer, 'read', 'public-report-file', file.marking)) {
    return NOT_FOUND;
  }
  await entry(tx, request, {
    action: 'consultation',
    recordType: 'public-report-file',
    recordIds: [file.id, item.id],
    detail: { variant: file.variant },
  });
  return done({
    reference: item.reference,
    variant: file.variant,
    mediaType: file.media_type,
    content: file.content,
  });
}
