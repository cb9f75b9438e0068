/**
 * Issue 5's "done when", in the demo partnership and in Chromium, axe on every page: a public
 * report about cuckooing reaches the inbox; the police analyst grades it 2/B/P and links it to a
 * person, an address and a phone already known; sanitises it; the supervisor signs it off and
 * shares it with the council's ASB team; the ASB officer finds the person through a misspelt name.
 * Then the audit log holds a consultation for everything each of them saw.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { loadDemoData, type DemoCredentials } from '../../src/features/demo/demo-data.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { assertAccessible, launchBrowser, newContext, signInInBrowser } from '../support/browser.js';

describe('intelligence in the demo, end to end in Chromium', () => {
  let app: TestApp;
  let browser: Browser | undefined;
  let people: DemoCredentials[];

  before(async () => {
    app = await startTestApp();
    const { database, services } = app.lantern;
    const loaded = await loadDemoData(database, services.accounts, services.reports);
    assert.ok(loaded, 'the demo loads into an empty database');
    people = loaded;
  });
  after(async () => {
    await browser?.close();
    await app.stop();
  });

  const who = (email: string) => {
    const found = people.find((p) => p.email === email);
    assert.ok(found, email);
    return found;
  };

  const signIn = (page: Page, person: DemoCredentials) => signInInBrowser(page, app.url, person);

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();

  /** Adds an entity already known to the item, picked from the suggestions. */
  async function pickExisting(
    page: Page,
    itemUrl: string,
    kind: string,
    typed: string,
    pick: RegExp,
    category?: string,
  ) {
    await page.goto(`${itemUrl}/entities/new`);
    await page.getByLabel(kind, { exact: true }).check();
    await page.getByLabel('Name, number or address').fill(typed);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/entities\/new\/match$/);
    await assertAccessible(page);
    await page.getByRole('radio', { name: pick }).check();
    if (category) await page.getByLabel(category, { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForLoadState();
  }

  it('a cuckooing report: inbox, 2/B/P, person, address and phone, sanitised, signed off, shared, found misspelt', async (t) => {
    browser ??= await launchBrowser(t);
    if (!browser) return;
    const analyst = who('analyst@police.demo.lantern.test');
    const supervisor = who('supervisor@police.demo.lantern.test');
    const asbOfficer = who('asb@council.demo.lantern.test');

    // The analyst finds the report in the inbox.
    const page = await (await newContext(browser)).newPage();
    await signIn(page, analyst);
    await page.getByRole('link', { name: 'Intelligence' }).click();
    await page.waitForURL(/\/partner\/intelligence$/);
    await assertAccessible(page);
    const row = page.locator('[data-testid=inbox] tbody tr', { hasText: 'cuckooed' });
    assert.equal(await row.count(), 1, 'the cuckooing report is in the inbox');
    await row.getByRole('link').first().click();
    await page.waitForURL(/\/partner\/intelligence\/items\/[0-9a-f-]{36}$/);
    const itemUrl = page.url();
    const reference = await heading(page);
    await assertAccessible(page);

    // Graded 2/B/P.
    await page.getByRole('link', { name: `Grade ${reference}` }).click();
    await page.getByLabel('2: Untested').check();
    await page.getByLabel('B: Known indirectly to the source but corroborated').check();
    await page.getByLabel('P: Lawful sharing permitted', { exact: true }).check();
    await page.getByLabel('Fact: something seen or heard').check();
    await assertAccessible(page);
    await page.getByRole('button', { name: 'Save grade' }).click();
    await page.waitForURL(itemUrl);
    assert.match(await page.getByTestId('grade').innerText(), /2\/B\/P/);

    // Linked to a person (by the street name the reporter heard), the address and the phone.
    await pickExisting(page, itemUrl, 'Person', 'Kaner', /Kane Pascoe/, 'Suspect');
    await assertAccessible(page);
    await pickExisting(page, itemUrl, 'Address', '14 Chapel Row Camborne', /Chapel Row/);
    await pickExisting(page, itemUrl, 'Phone', '07700 900461', /\+447700900461/);
    await page.goto(itemUrl);
    const involved = await page.locator('main').innerText();
    for (const expected of [/Kane Pascoe/, /Flat 2, 14 Chapel Row/, /\+447700900461/])
      assert.match(involved, expected);

    // Sanitised: the reporter's own words that could identify them go.
    await page.getByRole('link', { name: `Sanitise ${reference}` }).click();
    await page.waitForURL(/\/sanitise$/);
    assert.match(await page.getByTestId('original').innerText(), /the flat below mine/);
    await assertAccessible(page);
    await page
      .getByLabel('Sanitised text')
      .fill(
        'A flat on Chapel Row, Camborne, is believed to have been cuckooed: young people visit at all hours and the occupant appears frightened. Cards with 07700 900461 have been posted locally. A man called "Kaner" waits in a silver car.',
      );
    await page.getByRole('button', { name: 'Save sanitised text' }).click();
    await page.waitForURL(itemUrl);

    // The supervisor signs it off and shares it with the ASB team.
    const supervisorPage = await (await newContext(browser)).newPage();
    await signIn(supervisorPage, supervisor);
    await supervisorPage.goto(`${itemUrl}/sign-off`);
    await assertAccessible(supervisorPage);
    await supervisorPage.getByRole('button', { name: 'Sign off' }).click();
    await supervisorPage.waitForURL(itemUrl);
    await supervisorPage.getByRole('link', { name: `Share ${reference} with another agency` }).click();
    await supervisorPage.waitForURL(/\/share$/);
    await supervisorPage.getByLabel(/Anti-social behaviour team/).check();
    await assertAccessible(supervisorPage);
    await supervisorPage.getByRole('button', { name: 'Share' }).click();
    await supervisorPage.waitForURL(itemUrl);
    assert.match(await supervisorPage.getByTestId('shared-with').innerText(), /Anti-social behaviour team/);

    // The ASB officer finds the person by a misspelt name, and opens them.
    const asbPage = await (await newContext(browser)).newPage();
    await signIn(asbPage, asbOfficer);
    await asbPage.goto(`${app.url}/partner/search?q=${encodeURIComponent('Kain Paskoe')}`);
    await assertAccessible(asbPage);
    await asbPage.getByRole('link', { name: 'Kane Pascoe' }).first().click();
    await asbPage.waitForURL(/\/partner\/entities\/[0-9a-f-]{36}$/);
    assert.equal(await heading(asbPage), 'Kane Pascoe');
    await assertAccessible(asbPage);
    // What was not shared stays hidden: the car wash picture is police only.
    assert.doesNotMatch(await asbPage.locator('main').innerText(), /Marius Popescu|Sparkle/);

    // Every consultation is in the audit log: the ASB officer's search named Kane Pascoe.
    const kane = await app.lantern.database.db
      .selectFrom('entity')
      .select('id')
      .where('caption', '=', 'Kane Pascoe')
      .executeTakeFirstOrThrow();
    const { rows } = await sql<{ event: string }>`select e.event from audit_entry e
      join audit_entry_record r on r.audit_seq = e.seq join app_user u on u.id = e.actor_user_id
      where r.record_id = ${kane.id} and u.email = ${asbOfficer.email} and e.action = 'consultation'
      order by e.seq`.execute(app.lantern.database.db);
    assert.ok(
      rows.length >= 2,
      `the search and the page were both audited: ${rows.map((r) => r.event).join(', ')}`,
    );
  });
});
