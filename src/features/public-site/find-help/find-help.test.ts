/**
 * Find help over HTTP: one question per page, answers carried in the address, errors shown on the
 * same page with status 400 and the answers kept, and the answer page built from the signposting
 * rules and the seeded channels.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HTMLElement } from 'node-html-parser';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { parseHtml, textOf } from '../../../../test/support/html.js';

describe('Find help', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.stop());

  const get = async (path: string) => {
    const response = await app.get(path);
    return { response, root: parseHtml(await response.text()) };
  };
  const hidden = (root: HTMLElement) =>
    Object.fromEntries(
      root
        .querySelectorAll('form input[type=hidden]')
        .map((input) => [input.getAttribute('name') ?? '', input.getAttribute('value') ?? '']),
    );

  it('starts with a start page that says what it will tell you and that answers are in the history', async () => {
    const { root } = await get('/find-help');
    assert.ok(root.querySelector('a.govuk-button--start[href="/find-help/danger"]'));
    assert.match(root.text, /whether you can stay anonymous/);
    assert.match(root.text, /does not use cookies/);
  });

  it('asks one question per page, as a GET form that needs no cookie or token', async () => {
    const { response, root } = await get('/find-help/danger');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('set-cookie'), null);
    const form = root.querySelector('form')!;
    assert.equal(form.getAttribute('method'), 'get');
    assert.equal(form.getAttribute('action'), '/find-help/danger');
    assert.ok(form.hasAttribute('novalidate'));
    assert.equal(textOf(root, 'legend h1'), 'Is anyone in danger right now?');
    assert.equal(root.querySelectorAll('input[type=radio][name=danger]').length, 2);
    assert.equal(root.querySelector('input[name=_csrf]'), null);
  });

  it('shows the same page with status 400, the error summary and the earlier answers when nothing is chosen', async () => {
    const { response, root } = await get('/find-help/about?danger=no&submitted=about');
    assert.equal(response.status, 400);
    assert.match(textOf(root, 'title'), /^Error: What is it about\?/);
    const summary = root.querySelector('.govuk-error-summary');
    assert.match(summary?.text ?? '', /Select what it is about/);
    assert.equal(summary?.querySelector('a')?.getAttribute('href'), '#about');
    assert.ok(root.querySelector('#about'), 'the summary links to the first radio');
    assert.match(textOf(root, '.govuk-error-message'), /Select what it is about/);
    assert.deepEqual(hidden(root), { danger: 'no', submitted: 'about' });
  });

  it('treats an answer that is not one of ours as no answer (400), never an error page', async () => {
    const { response, root } = await get('/find-help/danger?submitted=danger&danger=maybe');
    assert.equal(response.status, 400);
    assert.match(textOf(root, '.govuk-error-summary'), /Select yes if anyone is in danger right now/);
  });

  it('goes on to the next question with the answers so far in the address', async () => {
    const { response } = await get('/find-help/danger?submitted=danger&danger=no');
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/find-help/about?danger=no');
    const next = await get('/find-help/about?submitted=about&danger=no&about=illegal-drugs');
    assert.equal(next.response.headers.get('location'), '/find-help/detail?danger=no&about=illegal-drugs');
  });

  it('sends someone in danger to "Call 999 now" first, then on to the other questions', async () => {
    const { response } = await get('/find-help/danger?submitted=danger&danger=yes');
    assert.equal(response.headers.get('location'), '/find-help/call-999?danger=yes');
    const { root } = await get('/find-help/call-999?danger=yes');
    assert.equal(textOf(root, 'h1'), 'Call 999 now');
    assert.ok(root.querySelector('a[href="tel:999"]'));
    assert.match(root.text, /18000/);
    assert.ok(root.querySelector('a.govuk-button[href="/find-help/about?danger=yes"]'));
  });

  it('asks the detail question only for topics that have one, with questions fitted to the topic', async () => {
    const { response } = await get('/find-help/about?submitted=about&danger=no&about=illegal-firearms');
    assert.equal(response.headers.get('location'), '/find-help/anonymous?danger=no&about=illegal-firearms');
    const skipped = await get('/find-help/detail?danger=no&about=illegal-firearms');
    assert.equal(skipped.response.status, 303);
    const { root } = await get('/find-help/detail?danger=no&about=fraud');
    assert.equal(textOf(root, 'legend h1'), 'What kind of scam or fraud is it?');
    const values = root.querySelectorAll('input[type=radio]').map((r) => r.getAttribute('value'));
    assert.deepEqual(values, ['scam-text', 'scam-email', 'scam-call', 'lost-money', 'rogue-trader', 'other']);
  });

  it('offers "I’m not sure", set apart with "or"', async () => {
    const { root } = await get('/find-help/about?danger=no');
    assert.equal(textOf(root, '.govuk-radios__divider'), 'or');
    assert.equal(root.querySelectorAll('input[type=radio]').at(-1)?.getAttribute('value'), 'not-sure');
  });

  it('sends someone who skips ahead back to the first question they have not answered', async () => {
    const { response } = await get('/find-help/where?danger=no&about=fraud');
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/find-help/detail?danger=no&about=fraud');
    const result = await get('/find-help/result?danger=no');
    assert.equal(result.response.headers.get('location'), '/find-help/about?danger=no');
  });

  it('keeps a where that is too long on the page with an error, and cuts a full postcode to its district', async () => {
    const answers = 'danger=no&about=illegal-firearms&anonymous=no';
    const long = 'x'.repeat(41);
    const { response, root } = await get(`/find-help/where?${answers}&submitted=where&where=${long}`);
    assert.equal(response.status, 400);
    assert.match(textOf(root, '.govuk-error-summary'), /40 characters or fewer/);
    assert.equal(root.querySelector('input#where')?.getAttribute('value'), long);
    const bad = await get(
      `/find-help/where?${answers}&submitted=where&where=${encodeURIComponent('<script>')}`,
    );
    assert.equal(bad.response.status, 400);
    assert.doesNotMatch(
      await (await app.get(`/find-help/where?${answers}&submitted=where&where=%3Cscript%3E`)).text(),
      /<script>/,
    );
    const postcode = await get(`/find-help/where?${answers}&submitted=where&where=tr1%202ab`);
    assert.equal(postcode.response.headers.get('location'), `/find-help/result?${answers}&where=TR1`);
    const blank = await get(`/find-help/where?${answers}&submitted=where&where=`);
    assert.equal(blank.response.headers.get('location'), `/find-help/result?${answers}&where=`);
  });

  it('answers odd addresses with a clear page, never a stack trace', async () => {
    const repeated = await get('/find-help/danger?submitted=danger&danger=no&danger=yes');
    assert.equal(repeated.response.status, 303, 'the first of a repeated answer counts');
    const huge = await app.get(`/find-help/where?where=${'a'.repeat(2000)}`);
    assert.equal(huge.status, 400);
    assert.doesNotMatch(await huge.text(), /at .*\.ts:\d+/);
    const tracked = await get('/find-help/danger?utm_source=leaflet');
    assert.equal(tracked.response.status, 200, 'unknown parameters are ignored');
  });

  it('answer page: which service fits, why, who receives it and what anonymity it gives', async () => {
    const { response, root } = await get(
      '/find-help/result?danger=no&about=money-laundering&detail=money-mule-text&anonymous=no&where=TR1',
    );
    assert.equal(response.status, 200);
    const names = root.querySelectorAll('.app-channel__name').map((h) => h.text.trim());
    assert.deepEqual(names.slice(0, 2), ['Report Fraud', 'Forward scam texts to 7726']);
    const first = root.querySelector('.app-recommendation');
    assert.match(first?.text ?? '', /Why we suggest this/);
    assert.match(first?.text ?? '', /Report Fraud collects these reports/);
    assert.match(first?.text ?? '', /Who gets your information/);
    assert.match(first?.text ?? '', /Can you stay anonymous\?/);
    assert.equal(
      root.querySelectorAll('.govuk-warning-text').length,
      0,
      'no anonymity warnings when not asked',
    );
  });

  it('answer page for online grooming in danger, anonymously: 999 first, CEOP shown with its not-anonymous warning', async () => {
    const { root } = await get(
      '/find-help/result?danger=yes&about=child-sexual-exploitation&detail=online-grooming&anonymous=yes&where=',
    );
    const cards = root.querySelectorAll('.app-recommendation');
    assert.equal(cards[0]?.querySelector('.app-channel__name')?.text.trim(), 'Emergency: call 999');
    const ceop = cards.find((c) => c.querySelector('#channel-ceop'));
    assert.ok(ceop, 'CEOP is recommended');
    assert.match(ceop.text, /This service cannot promise that/);
    assert.match(ceop.text, /This is not anonymous/);
    assert.match(root.text, /the services that let you do that come first/);
  });

  it('answer page offers the partnership’s own anonymous form for “not sure”, and lists every answer with a Change link', async () => {
    const answers = 'danger=no&about=not-sure&anonymous=yes&where=Truro';
    const { root } = await get(`/find-help/result?${answers}`);
    assert.ok(root.querySelector('.app-recommendation #channel-lantern-concern-form a[href="/report"]'));
    const rows =
      root.querySelectorAll('.govuk-summary-list').at(-1)?.querySelectorAll('.govuk-summary-list__row') ?? [];
    assert.deepEqual(
      rows.map((r) => textOf(r, '.govuk-summary-list__value')),
      ['No', 'I’m not sure', 'Yes, I want to stay anonymous', 'Truro'],
    );
    const change = rows[1]!.querySelector('.govuk-summary-list__actions a')!;
    assert.equal(change.getAttribute('href'), `/find-help/about?${answers}`);
    assert.match(change.text, /your answer to: What is it about\?/);
  });

  it('changing the topic from the answer page asks the new topic’s detail, then returns to the answers', async () => {
    const { response } = await get(
      '/find-help/about?submitted=about&danger=no&about=fraud&detail=scam-text&anonymous=no&where=',
    );
    assert.equal(
      response.headers.get('location'),
      '/find-help/result?danger=no&about=fraud&detail=scam-text&anonymous=no&where=',
    );
    const changed = await get(
      '/find-help/about?submitted=about&danger=no&about=cyber-crime&detail=scam-text&anonymous=no&where=',
    );
    assert.equal(
      changed.response.headers.get('location'),
      '/find-help/detail?danger=no&about=cyber-crime&anonymous=no&where=',
    );
  });

  it('leaves out local-only services when it is happening elsewhere, and says so', async () => {
    const { root } = await get(
      '/find-help/result?danger=no&about=illegal-drugs&detail=cuckooing&anonymous=no&where=EX1',
    );
    assert.equal(root.querySelector('#channel-adults-front-door'), null);
    assert.equal(root.querySelector('#channel-police-online'), null);
    assert.match(root.text, /outside Cornwall and the Isles of Scilly/);
  });
});
