/**
 * Search in Chromium, with JavaScript on and off: a council ASB officer signs in, opens Search
 * from the navigation, is told to type something when they search for nothing, finds a person
 * shared by the police through a misspelt name and an item through its words, and narrows the
 * search with a filter. axe checks every page on the way.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Marking } from '../../src/features/access/markings.js';
import {
  insertEntity,
  insertItem,
  PUBLIC_REPORT_EVIDENCE_LIST,
} from '../../src/features/intelligence/queries.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { assertAccessible, launchBrowser, newContext, signInInBrowser } from '../support/browser.js';
import { signedInPartner, type TestPartner } from '../support/partner.js';

describe('search in Chromium', () => {
  let app: TestApp;
  let browser: Browser | undefined;
  let police: TestPartner;

  before(async () => {
    app = await startTestApp();
    police = await signedInPartner(app, { agency: 'police-intel', roles: ['public-protection-analyst'] });
    const asb = await signedInPartner(app, {
      agency: 'council-asb',
      roles: ['council-officer'],
      signIn: false,
    });
    await app.lantern.database.db
      .insertInto('sharing_rule')
      .values(
        ['entity', 'intelligence-item'].map((type) => ({
          owner_agency_id: police.agencyId,
          partner_agency_id: asb.agencyId,
          record_type: type,
        })),
      )
      .execute();
    const marking: Marking = {
      classification: 'OFFICIAL-SENSITIVE',
      handlingCode: 'P',
      handlingConditions: null,
      owningAgencyId: police.agencyId,
      accessListId: null,
    };
    await app.lantern.database.transaction(async (tx) => {
      await insertEntity(
        tx,
        {
          schema: 'Person',
          properties: { name: ['Katarzyna Kowalczyk'], alias: ['Kasia'] },
          createdBy: police.id,
        },
        marking,
      );
      await insertItem(
        tx,
        {
          sourceType: 'partner-officer',
          sourceDescription: 'Police patrol',
          body: 'Cuckooing at 4 Mill Lane, Redruth: Katarzyna Kowalczyk seen dealing from the flat.',
          categories: ['illegal-drugs'],
          area: 'Redruth',
          grade: { sourceEvaluation: '2', informationAssessment: 'B' },
          createdBy: police.id,
        },
        marking,
        { accessListId: PUBLIC_REPORT_EVIDENCE_LIST, conditions: 'Original words' },
      );
    });
  });
  after(async () => {
    await browser?.close();
    await app.stop();
  });

  const signIn = (page: Page, partner: TestPartner) => signInInBrowser(page, app.url, partner);

  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'with JavaScript' : 'without JavaScript';

    it(`finds a misspelt person and an item ${mode}`, async (t) => {
      browser ??= await launchBrowser(t);
      if (!browser) return;
      // One officer per run: a TOTP code is accepted once, and both runs fall in the same 30 seconds.
      const officer = await signedInPartner(app, {
        agency: 'council-asb',
        roles: ['council-officer'],
        signIn: false,
      });
      const context = await newContext(browser, { javaScript });
      const page = await context.newPage();
      await signIn(page, officer);

      await page.getByRole('link', { name: 'Search', exact: true }).click();
      await page.waitForURL(/\/partner\/search$/);
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Search');
      await assertAccessible(page);

      // Nothing typed: the error summary, and nothing searched.
      await page.getByTestId('search-button').click();
      await page.waitForLoadState();
      assert.match(await page.title(), /^Error: Search/);
      assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter a name or some words/);
      await assertAccessible(page);

      await page.getByLabel('Name, or words in the intelligence').fill('Katazhina Kovalchik');
      await page.getByTestId('search-button').click();
      await page.waitForURL((url) => url.searchParams.get('q') === 'Katazhina Kovalchik');
      const people = page.getByTestId('entities');
      assert.match(await people.innerText(), /Katarzyna Kowalczyk/);
      assert.match(await page.getByTestId('entity-count').innerText(), /1 match$/);
      assert.equal(
        await people.getByRole('link', { name: 'Katarzyna Kowalczyk' }).getAttribute('href'),
        await people
          .locator('tbody tr')
          .first()
          .getAttribute('data-id')
          .then((id) => `/partner/entities/${id}`),
      );
      await assertAccessible(page);

      await page.getByLabel('Name, or words in the intelligence').fill('dealing Redruth');
      await page.getByLabel('Type').selectOption('intelligence-item');
      await page.getByLabel('Category').selectOption('illegal-drugs');
      await page.getByTestId('search-button').click();
      await page.waitForURL((url) => url.searchParams.get('category') === 'illegal-drugs');
      assert.match(await page.getByTestId('item-count').innerText(), /1 match$/);
      assert.deepEqual((await page.locator('[data-testid=snippet] mark').allInnerTexts()).sort(), [
        'Redruth',
        'dealing',
      ]);
      assert.equal(await page.getByTestId('entities').count(), 0, 'items only');
      await assertAccessible(page);

      await page.getByLabel('Category').selectOption('fraud');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL((url) => url.searchParams.get('category') === 'fraud');
      assert.match(await page.getByTestId('no-items').innerText(), /No intelligence items/);
      await assertAccessible(page);
      await context.close();
    });
  }
});
