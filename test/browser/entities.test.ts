/**
 * Entities and links in Chromium: an analyst adds a person to an item (seeing a suggestion of a
 * similar name already known), an address and a phone, links them, and opens the person's page,
 * where the links table is drawn as a diagram with JavaScript and stands alone without it. axe
 * checks every page on the way.
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

describe('entities and links in Chromium', () => {
  let app: TestApp;
  let browser: Browser | undefined;
  let analyst: TestPartner;
  let colleague: TestPartner;
  let item: { id: string; reference: string };

  before(async () => {
    app = await startTestApp();
    analyst = await signedInPartner(app, {
      agency: 'police',
      roles: ['public-protection-analyst'],
      signIn: false,
    });
    colleague = await signedInPartner(app, {
      agency: 'police',
      roles: ['public-protection-analyst'],
      signIn: false,
    });
    const marking: Marking = {
      classification: 'OFFICIAL-SENSITIVE',
      handlingCode: 'P',
      handlingConditions: null,
      owningAgencyId: analyst.agencyId,
      accessListId: null,
    };
    item = await app.lantern.database.transaction(async (tx) => {
      await insertEntity(
        tx,
        { schema: 'Person', properties: { name: ['Jonathan Smyth'] }, createdBy: null },
        marking,
      );
      return insertItem(
        tx,
        {
          sourceType: 'partner-officer',
          sourceDescription: 'ASB visit',
          body: 'A man called Jon Smith is dealing from 12 Fore Street and uses 07700 900123',
          createdBy: null,
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

  const addPage = () => `${app.url}/partner/intelligence/items/${item.id}/entities/new`;

  /** Step 1 of adding an entity: the kind and the name. */
  async function startAdding(page: Page, kind: string, name: string): Promise<void> {
    await page.goto(addPage());
    await page.getByLabel(kind, { exact: true }).check();
    await page.getByLabel('Name, number or address').fill(name);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForLoadState();
  }

  it('adds a person (with a suggestion), an address and a phone, links them and shows the diagram', async (t) => {
    browser ??= await launchBrowser(t);
    if (!browser) return;
    const context = await newContext(browser, { javaScript: true });
    const page = await context.newPage();
    await signIn(page, analyst);

    // The person: a similar name is already known, and offered.
    await page.goto(addPage());
    await assertAccessible(page);
    await startAdding(page, 'Person', 'Jonathan Smith');
    assert.match(page.url(), /\/entities\/new\/match$/);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Is it one of these?');
    assert.ok(await page.getByLabel('Jonathan Smyth').isVisible());
    await assertAccessible(page);
    await page.getByLabel('No, create a new one').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/entities\/new\/details$/);
    assert.equal(await page.getByLabel('Full name').inputValue(), 'Jonathan Smith');
    await assertAccessible(page);

    // A mistake first: shown in the error summary, the answers kept.
    await page.getByLabel('Date of birth').fill('1990-02-31');
    await page.getByRole('button', { name: `Add to ${item.reference}` }).click();
    await page.waitForURL(/\/entities\/new\/details$/);
    assert.match(await page.title(), /^Error: /);
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Date of birth must be a real date/);
    assert.match(
      await page.locator('.govuk-error-summary').innerText(),
      /Choose how the person is involved in this item/,
    );
    assert.equal(await page.getByLabel('Date of birth').inputValue(), '1990-02-31');
    await assertAccessible(page);
    await page.getByLabel('Date of birth').fill('1990-02-21');
    await page.getByLabel('Also known as').fill('Jon\nJS');
    await page.getByLabel('Suspect').check();
    await page.getByRole('button', { name: `Add to ${item.reference}` }).click();
    await page.waitForURL(/\/partner\/entities\/[0-9a-f-]{36}$/);
    const personUrl = page.url();
    assert.match(
      await page.locator('.govuk-notification-banner').innerText(),
      /Jonathan Smith has been added/,
    );
    await assertAccessible(page);

    // The address and the phone: nothing like them is known, so straight to their details.
    await startAdding(page, 'Address', '12 Fore Street, Truro');
    await page.waitForURL(/\/entities\/new\/details$/);
    await page.getByLabel('Postcode').fill('tr1 2ab');
    await assertAccessible(page);
    await page.getByRole('button', { name: `Add to ${item.reference}` }).click();
    await page.waitForURL(/\/partner\/entities\/[0-9a-f-]{36}$/);
    assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /12 Fore Street, Truro, TR1 2AB/);

    await startAdding(page, 'Phone', '07700 900123');
    await page.waitForURL(/\/entities\/new\/details$/);
    await page.getByRole('button', { name: `Add to ${item.reference}` }).click();
    await page.waitForURL(/\/partner\/entities\/[0-9a-f-]{36}$/);
    assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /\+447700900123/);

    // Link them, with the item as the source of each link.
    const linkPage = `${app.url}/partner/intelligence/items/${item.id}/links/new`;
    await page.goto(linkPage);
    await assertAccessible(page);
    await page.getByLabel('From', { exact: true }).selectOption({ label: 'Jonathan Smith (Person)' });
    await page
      .getByLabel('To', { exact: true })
      .selectOption({ label: '12 Fore Street, Truro, TR1 2AB (Address)' });
    await page.getByLabel('Type of link').selectOption({ label: 'lives at (the other way: home of)' });
    await page.getByLabel('High').check();
    await page.getByRole('button', { name: 'Add link' }).click();
    await page.waitForURL(personUrl);

    await page.goto(linkPage);
    await page.getByLabel('From', { exact: true }).selectOption({ label: 'Jonathan Smith (Person)' });
    await page.getByLabel('To', { exact: true }).selectOption({ label: '+447700900123 (Phone)' });
    await page.getByLabel('Type of link').selectOption({ label: 'uses phone (the other way: used by)' });
    await page.getByLabel('Medium').check();
    await page.getByRole('button', { name: 'Add link' }).click();
    await page.waitForURL(personUrl);

    // The person's page: the table, and the diagram drawn from it (hidden from assistive technology).
    const rows = page.locator('#entity-links tbody tr');
    assert.equal(await rows.count(), 2);
    assert.match(await page.locator('#entity-links').innerText(), /lives at[\s\S]*12 Fore Street/);
    assert.match(await page.locator('#entity-links').innerText(), /uses phone[\s\S]*\+447700900123/);
    const diagram = page.getByTestId('link-diagram');
    await diagram.waitFor();
    assert.equal(await diagram.getAttribute('aria-hidden'), 'true');
    assert.equal(await diagram.locator('circle').count(), 3);
    assert.match((await diagram.textContent()) ?? '', /12 Fore Street/);
    await assertAccessible(page);
    await context.close();

    // Without JavaScript: the same table, no diagram.
    const plain = await newContext(browser, { javaScript: false });
    const plainPage = await plain.newPage();
    await signIn(plainPage, colleague);
    await plainPage.goto(personUrl);
    assert.equal(await plainPage.locator('#entity-links tbody tr').count(), 2);
    assert.equal(await plainPage.getByTestId('link-diagram').count(), 0);
    await assertAccessible(plainPage);
    await plain.close();
  });
});
