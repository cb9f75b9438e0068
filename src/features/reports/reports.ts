/**
 * The reporting service: holds a file while the reporter checks it, takes a report (with its
 * files, markings and one s62 audit entry, in one transaction), checks receipts, shows the
 * conversation and takes more information. Routes stay thin; SQL lives in queries.ts.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ReportLimits } from '../../config.js';
import type { Database, Queryable, Tx } from '../../db/database.js';
import { writeAuditEntry, type AuditContext } from '../audit/audit-log.js';
import type { ReportCategory } from './categories.js';
import type { Finding, Prepared } from './files.js';
import * as q from './queries.js';
import { formatReceipt, hashSecret, newReceipt, parseReceipt, verifySecret } from './receipt.js';

/** How long a file waits for the reporter to check their answers and send. */
export const PENDING_FILE_LIFETIME_MS = 60 * 60 * 1000;
/** How long a correct receipt opens the conversation in one page (the form to add information). */
const ACCESS_LIFETIME_MS = 4 * 60 * 60 * 1000;

export interface ReportAnswers {
  category: ReportCategory;
  what: string;
  where: string | null;
  whenDate: string | null;
  whenText: string | null;
  who: string | null;
}

export interface HeldFile {
  token: string;
  mediaType: string;
  findings: Finding[];
  byteSize: number;
}

/** A global quota is used up: the caller shows a 429 page, keeping the answers. */
export class QuotaReached extends Error {
  constructor(readonly quota: 'reports' | 'upload-bytes') {
    super(`The ${quota} quota is used up`);
    this.name = 'QuotaReached';
  }
}

export interface ConversationMessage {
  authorKind: 'reporter' | 'partnership';
  /** The partnership's words; the reporter's own are not shown back (see conversation()). */
  body: string | null;
  sentAt: Date;
}

/**
 * What takes a new report into the partnership's inbox, in the transaction that stores the report.
 * main.ts passes intelligence's receivePublicReport: reports sit below intelligence (the inbox
 * reads their categories and conversations), so they are handed it rather than import it.
 */
export type ReportIntake = (tx: Tx, reportId: string) => Promise<unknown>;

export function createReports(
  database: Database,
  secret: string,
  limits: ReportLimits,
  intoInbox: ReportIntake,
) {
  const sign = (payload: string) =>
    createHmac('sha256', `report-access:${secret}`).update(payload).digest('base64url');
  // Checking a made-up hash when the lookup id is unknown keeps the timing the same either way.
  const decoyHash = hashSecret(newReceipt().secret);
  const readDraft = (draft: string | undefined) => {
    const [code, signature, extra] = (draft ?? '').split('.');
    if (!code || !signature || extra !== undefined) return null;
    const expected = Buffer.from(sign(`receipt|${code}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return parseReceipt(code);
  };

  return {
    /** Keeps a checked, sanitised file until the reporter sends the report (or an hour passes). */
    async holdFile(prepared: Prepared): Promise<HeldFile> {
      await q.deleteExpiredPendingFiles(database.db);
      const bytes = prepared.original.byteLength + prepared.sanitised.byteLength;
      if ((await q.uploadBytesInLastDay(database.db)) + bytes > limits.uploadBytesPerDay) {
        throw new QuotaReached('upload-bytes');
      }
      const token = randomBytes(32).toString('base64url');
      await q.insertPendingFile(
        database.db,
        token,
        prepared,
        new Date(Date.now() + PENDING_FILE_LIFETIME_MS),
      );
      return {
        token,
        mediaType: prepared.mediaType,
        findings: prepared.findings,
        byteSize: prepared.original.byteLength,
      };
    },

    /** A held file, if its token is right and it has not expired. */
    async heldFile(token: string): Promise<HeldFile | null> {
      const row = await q.pendingFileSummary(database.db, token);
      if (!row) return null;
      return {
        token,
        mediaType: row.media_type,
        findings: row.findings as Finding[],
        byteSize: row.original_size,
      };
    },

    async discardFile(token: string): Promise<void> {
      await q.deletePendingFile(database.db, token);
    },

    /**
     * A receipt drawn when the reporter checks their answers, signed so it cannot be chosen by
     * the client. Sending carries it, so sending twice (a double click, a reload) finds the
     * report already made and shows the same receipt, instead of making a second report.
     */
    draftReceipt(): string {
      const receipt = newReceipt();
      const code = receipt.lookupId + receipt.secret;
      return `${code}.${sign(`receipt|${code}`)}`;
    },

    /**
     * Stores the report, its file (if any) and exactly one s62 'collection' entry, all or
     * nothing. Returns the receipt code, to be shown once; or, if this draft was sent already,
     * that it was (with the same code, which the reporter's page already holds).
     */
    async submit(
      audit: AuditContext,
      answers: ReportAnswers,
      fileToken: string | null,
      draft: string | undefined,
    ): Promise<
      { reportId: string; receipt: string } | { alreadySent: true; receipt: string } | { fileExpired: true }
    > {
      const receipt = readDraft(draft) ?? newReceipt();
      const sentBefore = async (on: Queryable = database.db) => {
        const report = await q.reportByLookupId(on, receipt.lookupId);
        return report !== undefined && (await verifySecret(report.secret_hash, receipt.secret));
      };
      if (await sentBefore()) return { alreadySent: true, receipt: formatReceipt(receipt) };
      const secretHash = await hashSecret(receipt.secret);
      await q.deleteExpiredPendingFiles(database.db);
      try {
        return await database.transaction(async (tx) => {
          if ((await q.reportsInLastHour(tx)) >= limits.reportsPerHour) throw new QuotaReached('reports');
          const file = fileToken ? await q.pendingFile(tx, fileToken) : undefined;
          if (fileToken && !file) {
            // Its file is gone: because this draft was sent a moment ago, or because it expired.
            if (await sentBefore(tx)) return { alreadySent: true as const, receipt: formatReceipt(receipt) };
            return { fileExpired: true as const };
          }
          // 40 random bits: a clash with another report is rare but possible, so draw again.
          while (await q.lookupIdTaken(tx, receipt.lookupId)) receipt.lookupId = newReceipt().lookupId;
          const marking = await q.reportMarking(tx);
          const reportId = await q.insertReport(
            tx,
            { ...answers, lookupId: receipt.lookupId, secretHash },
            marking,
          );
          if (file && fileToken) {
            await q.insertFiles(
              tx,
              reportId,
              {
                mediaType: file.media_type as Prepared['mediaType'],
                original: file.original,
                sanitised: file.sanitised,
              },
              marking,
            );
            await q.deletePendingFile(tx, fileToken);
          }
          // The report reaches the partnership's inbox in the same transaction: never one without the other.
          await intoInbox(tx, reportId);
          await writeAuditEntry(tx, audit, {
            action: 'collection',
            event: 'reports.submit',
            recordType: 'public-report',
            recordIds: [reportId],
            detail: { category: answers.category, file: file ? file.media_type : null },
          });
          return { reportId, receipt: formatReceipt(receipt) };
        });
      } catch (error) {
        // The same draft sent twice at once: the second waits for the first, then clashes on
        // the lookup id. The report exists, so it is the same as sending after.
        if (q.isUniqueViolation(error) && (await sentBefore())) {
          return { alreadySent: true, receipt: formatReceipt(receipt) };
        }
        throw error;
      }
    },

    /**
     * Checks a receipt code. Returns the report's id, or null for any wrong code (unknown lookup
     * id or wrong secret look the same, and take the same time).
     */
    async checkReceipt(code: string): Promise<{ reportId: string; lookupId: string } | null> {
      const receipt = parseReceipt(code);
      const report = receipt ? await q.reportByLookupId(database.db, receipt.lookupId) : undefined;
      const ok = await verifySecret(report?.secret_hash ?? (await decoyHash), receipt?.secret ?? '');
      return report && ok ? { reportId: report.id, lookupId: report.lookup_id } : null;
    },

    /** The lookup id a code names, if it could be a code at all (for per-report throttling). */
    lookupIdOf(code: string): string | null {
      return parseReceipt(code)?.lookupId ?? null;
    },

    /** A signed, short-lived pass to this report's conversation, held in the reporter's page. */
    accessToken(reportId: string, now = Date.now()): string {
      const expiry = (now + ACCESS_LIFETIME_MS).toString(36);
      return `${expiry}.${reportId}.${sign(`${expiry}|${reportId}`)}`;
    },

    /** The report an access token opens, or null if it is forged or expired. */
    readAccessToken(token: string, now = Date.now()): string | null {
      const [expiry, reportId, signature, extra] = token.split('.');
      if (!expiry || !reportId || !signature || extra !== undefined) return null;
      const expected = Buffer.from(sign(`${expiry}|${reportId}`));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      return Number.parseInt(expiry, 36) > now ? reportId : null;
    },

    /**
     * The conversation, with one s62 'consultation' entry. The reporter's own words are not shown
     * back: if someone else gets hold of the receipt (the person reported, say), they must not
     * learn what was said. The partnership writes its questions with that in mind.
     */
    async conversation(
      audit: AuditContext,
      reportId: string,
    ): Promise<{ receivedAt: Date; messages: ConversationMessage[] }> {
      return database.transaction(async (tx) => {
        const receivedAt = await q.reportReceivedAt(tx, reportId);
        const rows = await q.messagesOf(tx, reportId);
        await writeAuditEntry(tx, audit, {
          action: 'consultation',
          event: 'reports.conversation.view',
          recordType: 'public-report',
          recordIds: [reportId],
        });
        return {
          receivedAt,
          messages: rows.map((row) => ({
            authorKind: row.author_kind,
            body: row.author_kind === 'partnership' ? row.body : null,
            sentAt: row.sent_at,
          })),
        };
      });
    },

    /** Adds the reporter's information to their report, with one s62 'collection' entry. */
    async addInformation(audit: AuditContext, reportId: string, body: string): Promise<void> {
      await database.transaction(async (tx) => {
        const marking = await q.markingOfReport(tx, reportId);
        const messageId = await q.insertMessage(
          tx,
          { reportId, authorKind: 'reporter', authorUserId: null, body },
          marking,
        );
        await writeAuditEntry(tx, audit, {
          action: 'collection',
          event: 'reports.add-information',
          recordType: 'public-report',
          recordIds: [reportId],
          detail: { message: messageId },
        });
      });
    },
  };
}

export type Reports = ReturnType<typeof createReports>;
