/**
 * Information governance in Chromium, with JavaScript on and off: an auditor signs in with their
 * password and TOTP code, filters the audit log by a record id, sees who looked at it, opens the
 * record's history and asks whose record it is. axe checks every page on the way.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { writeAuditEntry } from '../../src/features/audit/audit-log.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { assertAccessible, launchBrowser, newContext, signInInBrowser } from '../support/browser.js';
import { signedInPartner, type TestPartner } from '../support/partner.js';

describe('audit log pages in Chromium', () => {
  let app: TestApp;
  let browser: Browser | undefined;
  let officer: TestPartner;
  const reportId = randomUUID();

  before(async () => {
    app = await startTestApp();
    officer = await signedInPartner(app, { agency: 'council-asb', roles: ['council-officer'] });
    const context = {
      actor: { kind: 'user' as const, userId: officer.id, agencyId: officer.agencyId },
      requestId: randomUUID(),
      purpose: 'safeguarding' as const,
      justification: null,
      written: 0,
    };
    await app.lantern.database.transaction((tx) =>
      writeAuditEntry(tx, context, {
        action: 'consultation',
        event: 'reports.read',
        recordType: 'public-report',
        recordIds: [reportId],
      }),
    );
  });
  after(async () => {
    await browser?.close();
    await app.stop();
  });

  const signIn = (page: Page, partner: TestPartner) => signInInBrowser(page, app.url, partner);

  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'with JavaScript' : 'without JavaScript';

    it(`lets an auditor find who looked at a record ${mode}`, async (t) => {
      browser ??= await launchBrowser(t);
      if (!browser) return;
      // One auditor per run: a TOTP code is accepted once, and both runs fall in the same 30 seconds.
      const auditor = await signedInPartner(app, {
        agency: 'information-governance',
        roles: ['information-governance'],
        signIn: false,
      });
      const context = await newContext(browser, { javaScript });
      const page = await context.newPage();
      await signIn(page, auditor);

      await page.getByRole('link', { name: 'Audit log' }).click();
      await page.waitForURL(/\/partner\/audit$/);
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Audit log');
      await assertAccessible(page);

      // A bad record id: the same page, with the error summary.
      await page.getByLabel('Record id').fill('not-a-record-id');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForLoadState();
      assert.match(await page.title(), /^Error: Audit log/);
      assert.match(await page.locator('.govuk-error-summary').innerText(), /Record id must be a record id/);
      await assertAccessible(page);

      await page.getByLabel('Record id').fill(reportId);
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL((url) => url.searchParams.get('record') === reportId);
      // Every entry shown names the record (the other run's resolving names it too).
      const rows = page.locator('[data-testid=audit-entries] tbody tr');
      assert.ok((await rows.count()) >= 1);
      for (const text of await rows.allInnerTexts()) assert.ok(text.includes(reportId), text);
      const read = rows.filter({ hasText: 'reports.read' });
      assert.equal(await read.count(), 1);
      const row = await read.innerText();
      assert.match(row, /Test council-officer/);
      assert.match(row, /council-asb/);
      assert.match(row, /reports\.read/);
      assert.match(row, /Safeguarding a child or adult at risk/);
      await assertAccessible(page);

      await read.getByRole('link', { name: reportId }).click();
      await page.waitForURL(new RegExp(`/partner/audit/records/${reportId}$`));
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Who looked at this record');
      assert.match(await page.locator('[data-testid=audit-entries]').innerText(), /Test council-officer/);
      await assertAccessible(page);

      await page.getByRole('link', { name: 'Find out whose record this is' }).click();
      await page.waitForURL(/\/partner\/audit\/resolve\?record=/);
      assert.equal(await page.getByLabel('Record id').inputValue(), reportId);
      await assertAccessible(page);
      await page.getByLabel('Why do you need to know?').fill('Subject access request SAR-2026-14');
      await page.getByRole('button', { name: 'Show whose record this is' }).click();
      await page.waitForLoadState();
      assert.match(
        await page.locator('[data-testid=resolution]').innerText(),
        /records .* as: public-report\. The audit role is not shown the names or content/,
      );
      await assertAccessible(page);
      await context.close();
    });
  }
});
