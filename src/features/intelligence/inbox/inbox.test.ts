/**
 * The inbox, the item page and the triage actions, through the running app: what each agency
 * sees and in what order, grading, categorising, asking the reporter, closing, downloading the
 * report's files, and one audit entry of the right action for every operation.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { testDatabaseKind } from '../../../../test/support/database.js';
import { parseHtml, textOf } from '../../../../test/support/html.js';
import { send, withoutNonce } from '../../../../test/support/forms.js';
import { signedInPartner, type TestPartner } from '../../../../test/support/partner.js';
import { photoWithGps } from '../../../../test/support/report-files.js';
import {
  enterReceipt,
  GOOD_ANSWERS,
  postReportForm,
  receiptFrom,
  sendFromCheckPage,
} from '../../../../test/support/reports.js';
import type { Marking } from '../../access/markings.js';
import { inboxRank } from '../grading.js';
import { addInvolvement, insertEntity, insertItem } from '../queries.js';

describe(`the intelligence inbox on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let analyst: TestPartner; // the partnership hub: receives public reports
  let hubOfficer: TestPartner; // the hub too, without victims:read or export
  let outsider: TestPartner; // an agency nothing is shared with
  let reportItemId: string;
  let reportId: string;
  let receipt: string;
  const db = () => app.lantern.database.db;

  const entries = (event: string) =>
    db().selectFrom('audit_entry').selectAll().where('event', '=', event).orderBy('seq').execute();
  const item = (id: string) =>
    db().selectFrom('intelligence_item').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  const hubMarking = (): Marking => ({
    classification: 'OFFICIAL-SENSITIVE',
    handlingCode: 'P',
    handlingConditions: null,
    owningAgencyId: analyst.agencyId,
    accessListId: null,
  });

  /** An item straight into the database, received `daysAgo`. */
  async function seedItem(options: {
    daysAgo: number;
    graded?: boolean;
    vulnerabilities?: string[];
    categories?: string[];
    closed?: boolean;
    body?: string;
  }): Promise<string> {
    return app.lantern.database.transaction(async (tx) => {
      const list = await tx
        .insertInto('access_list')
        .values({ description: 'test original' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { id } = await insertItem(
        tx,
        {
          sourceType: 'partner-officer',
          sourceDescription: 'Test officer',
          body: options.body ?? `Seen ${options.daysAgo} days ago at the car wash`,
          categories: options.categories ?? [],
          vulnerabilities: options.vulnerabilities ?? [],
          grade: options.graded ? { sourceEvaluation: '2', informationAssessment: 'B' } : null,
          createdBy: analyst.id,
        },
        hubMarking(),
        { accessListId: list.id, conditions: 'Original words' },
      );
      await tx
        .updateTable('intelligence_item')
        .set({
          received_at: sql<Date>`now() - make_interval(days => ${options.daysAgo})`,
          ...(options.closed
            ? { status: 'closed', outcome: 'duplicate', closed_at: new Date(), closed_by: analyst.id }
            : {}),
        })
        .where('id', '=', id)
        .execute();
      return id;
    });
  }

  const inboxIds = (html: string) =>
    parseHtml(html)
      .querySelectorAll('[data-testid=inbox] tbody tr th a')
      .map((a) => (a.getAttribute('href') ?? '').split('/').pop() ?? '');

  before(async () => {
    app = await startTestApp();
    analyst = await signedInPartner(app, { agency: 'partnership-hub', roles: ['public-protection-analyst'] });
    hubOfficer = await signedInPartner(app, { agency: 'partnership-hub', roles: ['council-officer'] });
    outsider = await signedInPartner(app, {
      agency: 'trading-standards',
      roles: ['public-protection-analyst'],
    });
    const check = await postReportForm(app, GOOD_ANSWERS, {
      bytes: await photoWithGps(),
      name: 'IMG_0042.jpg',
      type: 'image/jpeg',
    });
    const sent = await sendFromCheckPage(app, await check.text(), { fileChoice: 'send' });
    receipt = receiptFrom(await sent.text());
    const row = await db()
      .selectFrom('intelligence_item')
      .select(['id', 'public_report_id'])
      .where('source_type', '=', 'public-report')
      .executeTakeFirstOrThrow();
    reportItemId = row.id;
    reportId = row.public_report_id!;
  });
  after(() => app.stop());

  it('lists what the viewer may see: vulnerability first, then ungraded, then oldest, in one audit entry', async () => {
    const ids = {
      oldGraded: await seedItem({ daysAgo: 9, graded: true }),
      ungraded: await seedItem({ daysAgo: 2 }),
      flaggedGraded: await seedItem({ daysAgo: 1, graded: true, vulnerabilities: ['exploitation'] }),
      flaggedUngraded: await seedItem({
        daysAgo: 3,
        vulnerabilities: ['child-at-risk'],
        categories: ['fraud'],
      }),
      closed: await seedItem({ daysAgo: 5, closed: true }),
    };
    const response = await analyst.client.get('/partner/intelligence');
    assert.equal(response.status, 200);
    const html = await response.text();
    const shown = inboxIds(html);

    const rows = await db()
      .selectFrom('intelligence_item')
      .select(['id', 'vulnerabilities', 'source_evaluation', 'received_at', 'status'])
      .execute();
    const expected = rows
      .filter((row) => row.status !== 'closed')
      .map((row) => ({
        id: row.id,
        rank: inboxRank({
          vulnerabilities: row.vulnerabilities,
          graded: row.source_evaluation !== null,
          receivedAt: row.received_at,
        }),
      }))
      .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.rank[2] - b.rank[2])
      .map((row) => row.id);
    assert.deepEqual(shown, expected);
    assert.equal(shown[0], ids.flaggedUngraded);
    assert.equal(shown[1], ids.flaggedGraded);
    assert.equal(shown.at(-1), ids.oldGraded);
    assert.ok(!shown.includes(ids.closed), 'closed items wait behind the status filter');

    const page = parseHtml(html);
    const flaggedRow = page
      .querySelectorAll('[data-testid=inbox] tbody tr')
      .find((tr) => tr.innerHTML.includes(ids.flaggedUngraded));
    assert.ok(flaggedRow);
    assert.match(flaggedRow.querySelector('.govuk-tag--red')?.text ?? '', /Child at risk/);
    assert.match(flaggedRow.text, /Not graded/);
    assert.match(flaggedRow.text, /Fraud/);
    assert.match(textOf(page, '.govuk-service-navigation'), /Intelligence/);

    const entry = (await entries('intelligence.inbox.view')).at(-1);
    assert.equal(entry?.action, 'consultation');
    assert.deepEqual([...entry.record_ids].sort(), [...shown].sort());

    const closed = inboxIds(await (await analyst.client.get('/partner/intelligence?status=closed')).text());
    assert.deepEqual(closed, [ids.closed]);
    const flagged = inboxIds(
      await (await analyst.client.get('/partner/intelligence?vulnerability=child-at-risk')).text(),
    );
    assert.deepEqual(flagged, [ids.flaggedUngraded]);
    const fraud = inboxIds(await (await analyst.client.get('/partner/intelligence?category=fraud')).text());
    assert.deepEqual(fraud, [ids.flaggedUngraded]);
    assert.equal((await analyst.client.get('/partner/intelligence?status=nonsense')).status, 400);
  });

  it('shows an agency without access nothing, and the same 404 for a hidden item as for no item', async () => {
    const html = await (await outsider.client.get('/partner/intelligence')).text();
    assert.deepEqual(inboxIds(html), []);
    assert.ok(parseHtml(html).querySelector('[data-testid=inbox-empty]'));
    const entry = (await entries('intelligence.inbox.view')).at(-1);
    assert.deepEqual(entry?.record_ids, []);

    const hidden = await outsider.client.get(`/partner/intelligence/items/${reportItemId}`);
    const missing = await outsider.client.get(`/partner/intelligence/items/${randomUUID()}`);
    const nonsense = await outsider.client.get('/partner/intelligence/items/not-an-id');
    assert.equal(hidden.status, 404);
    assert.equal(missing.status, 404);
    assert.equal(nonsense.status, 404);
    const [a, b] = [withoutNonce(await hidden.text()), withoutNonce(await missing.text())];
    assert.equal(a, b);
    for (const suffix of ['/grade', '/categorise', '/sanitise', '/sign-off', '/close', '/ask', '/share']) {
      assert.equal(
        (await outsider.client.get(`/partner/intelligence/items/${reportItemId}${suffix}`)).status,
        404,
      );
    }
    // Their changes are refused the same way, and change nothing.
    const before = await item(reportItemId);
    const grade = await send(outsider.client, `/partner/intelligence/items/${reportItemId}/grade`, [
      ['sourceEvaluation', '1'],
      ['informationAssessment', 'A'],
      ['handling', 'P'],
      ['statementKind', 'fact'],
    ]);
    assert.equal(grade.status, 404);
    assert.deepEqual(await item(reportItemId), before);
  });

  it('shows the item page with its summary, conversation and files, naming every entity shown', async () => {
    const [suspect, victim] = await app.lantern.database.transaction(async (tx) => {
      const ids = [
        await insertEntity(
          tx,
          { schema: 'Person', properties: { name: ['Jon Trelawny'] }, createdBy: analyst.id },
          hubMarking(),
        ),
        await insertEntity(
          tx,
          { schema: 'Person', properties: { name: ['Vic Penrose'] }, createdBy: analyst.id },
          hubMarking(),
        ),
      ];
      await addInvolvement(tx, {
        itemId: reportItemId,
        entityId: ids[0]!,
        subjectCategory: 'suspect',
        addedBy: analyst.id,
      });
      await addInvolvement(tx, {
        itemId: reportItemId,
        entityId: ids[1]!,
        subjectCategory: 'victim',
        addedBy: analyst.id,
      });
      return ids;
    });
    const response = await analyst.client.get(`/partner/intelligence/items/${reportItemId}`);
    assert.equal(response.status, 200);
    const page = parseHtml(await response.text());
    const summary = textOf(page, '[data-testid=item-summary]');
    assert.match(summary, /Report from the public/);
    assert.match(summary, /Not graded/);
    assert.match(summary, /Not sanitised yet/);
    assert.match(textOf(page, '[data-testid=item-text]'), /Cars stop outside number 4/);
    const involvements = textOf(page, '[data-testid=involvements]');
    assert.match(involvements, /Jon Trelawny.*Suspect/);
    assert.match(involvements, /Vic Penrose.*Victim/);
    const actions = textOf(page, '[data-testid=item-actions]');
    for (const action of [
      'Grade',
      'Categorise and flag',
      'Sanitise',
      'Ask the reporter a question',
      'Close with an outcome',
      'Share',
      'Add a person, business, place or thing',
      'Add a link',
    ]) {
      assert.ok(actions.includes(action), action);
    }
    const files = page.querySelectorAll('[data-testid=files] a').map((a) => a.text);
    assert.equal(files.length, 2, 'the analyst is on the evidence list: both copies');
    const entry = (await entries('intelligence.item.view')).at(-1);
    assert.equal(entry?.action, 'consultation');
    assert.deepEqual([...entry.record_ids].sort(), [reportItemId, suspect, victim, reportId].sort());

    // Without victims:read, the victim is not shown (nor named in the audit entry).
    const officerPage = parseHtml(
      await (await hubOfficer.client.get(`/partner/intelligence/items/${reportItemId}`)).text(),
    );
    const officerInvolvements = textOf(officerPage, '[data-testid=involvements]');
    assert.match(officerInvolvements, /Jon Trelawny/);
    assert.doesNotMatch(officerInvolvements, /Vic Penrose/);
    assert.doesNotMatch(textOf(officerPage, '[data-testid=item-actions]'), /Share/);
    const officerEntry = (await entries('intelligence.item.view')).at(-1);
    assert.ok(!officerEntry?.record_ids.includes(victim!));
  });

  it('lets the evidence list download the original file, and anyone who sees the item the sanitised copy', async () => {
    const files = await db()
      .selectFrom('public_report_file')
      .select(['id', 'variant', 'content'])
      .where('report_id', '=', reportId)
      .execute();
    const original = files.find((f) => f.variant === 'original')!;
    const sanitised = files.find((f) => f.variant === 'sanitised')!;
    const path = (id: string) => `/partner/intelligence/items/${reportItemId}/files/${id}`;
    const got = await analyst.client.get(path(original.id));
    assert.equal(got.status, 200);
    assert.match(
      got.headers.get('content-disposition') ?? '',
      /attachment; filename="INT-\d+-original\.jpg"/,
    );
    assert.deepEqual(Buffer.from(await got.arrayBuffer()), Buffer.from(original.content));
    const copy = await analyst.client.get(path(sanitised.id));
    assert.deepEqual(Buffer.from(await copy.arrayBuffer()), Buffer.from(sanitised.content));
    const audit = (await entries('intelligence.item.file')).slice(-2);
    assert.deepEqual(
      audit.map((e) => [e.action, e.record_type, e.record_ids[0]]),
      [
        ['consultation', 'public-report-file', original.id],
        ['consultation', 'public-report-file', sanitised.id],
      ],
    );
    assert.equal((await outsider.client.get(path(sanitised.id))).status, 404);
    assert.equal((await analyst.client.get(path(randomUUID()))).status, 404);
  });

  it('grades an item 2/B/P; an invalid grade changes nothing and writes nothing', async () => {
    const path = `/partner/intelligence/items/${reportItemId}/grade`;
    const before = await item(reportItemId);
    const auditBefore = (await entries('intelligence.grade')).length;
    const invalid = await send(analyst.client, path, [
      ['sourceEvaluation', '4'],
      ['informationAssessment', 'B'],
      ['handling', 'P'],
      ['statementKind', 'fact'],
    ]);
    assert.equal(invalid.status, 303);
    assert.equal(invalid.headers.get('location'), path);
    const form = parseHtml(await (await analyst.client.get(path)).text());
    assert.match(textOf(form, 'title'), /^Error: Grade/);
    assert.match(textOf(form, '.govuk-error-summary'), /Select how reliable the source is/);
    const noConditions = await send(analyst.client, path, [
      ['sourceEvaluation', '2'],
      ['informationAssessment', 'B'],
      ['handling', 'C'],
      ['statementKind', 'fact'],
    ]);
    assert.equal(noConditions.status, 303);
    assert.match(
      textOf(parseHtml(await (await analyst.client.get(path)).text()), '.govuk-error-summary'),
      /Enter the conditions for sharing/,
    );
    const badDate = await send(analyst.client, path, [
      ['sourceEvaluation', '2'],
      ['informationAssessment', 'B'],
      ['handling', 'P'],
      ['statementKind', 'fact'],
      ['reviewOn-day', '31'],
      ['reviewOn-month', '2'],
      ['reviewOn-year', '2027'],
    ]);
    assert.equal(badDate.status, 303);
    assert.deepEqual(await item(reportItemId), before, 'nothing changed');
    assert.equal((await entries('intelligence.grade')).length, auditBefore, 'nothing audited');

    const graded = await send(analyst.client, path, [
      ['sourceEvaluation', '2'],
      ['informationAssessment', 'B'],
      ['handling', 'P'],
      ['statementKind', 'assessment'],
      ['reviewOn-day', '1'],
      ['reviewOn-month', '6'],
      ['reviewOn-year', '2027'],
    ]);
    assert.equal(graded.status, 303);
    assert.equal(graded.headers.get('location'), `/partner/intelligence/items/${reportItemId}`);
    const after = await item(reportItemId);
    assert.equal(after.source_evaluation, '2');
    assert.equal(after.information_assessment, 'B');
    assert.equal(after.handling_code, 'P');
    assert.equal(after.handling_conditions, null);
    assert.equal(after.statement_kind, 'assessment');
    assert.equal(after.review_on, '2027-06-01');
    assert.equal(after.status, 'in-progress');
    assert.equal(after.graded_by, analyst.id);
    const audit = (await entries('intelligence.grade')).slice(auditBefore);
    assert.deepEqual(
      audit.map((e) => [e.action, e.record_ids]),
      [['alteration', [reportItemId]]],
    );
    const page = parseHtml(
      await (await analyst.client.get(`/partner/intelligence/items/${reportItemId}`)).text(),
    );
    assert.match(textOf(page, '.govuk-notification-banner'), /Graded 2\/B\/P/);
    assert.match(
      textOf(page, '[data-testid=grade]'),
      /2\/B\/P.*Untested.*Known indirectly to the source but corroborated.*Lawful sharing permitted/,
    );
  });

  it('categorises and flags an item', async () => {
    const path = `/partner/intelligence/items/${reportItemId}/categorise`;
    const auditBefore = (await entries('intelligence.categorise')).length;
    const bad = await send(analyst.client, path, [['categories', 'knitting']]);
    assert.equal(bad.status, 303);
    assert.equal((await entries('intelligence.categorise')).length, auditBefore);
    const saved = await send(analyst.client, path, [
      ['categories', 'illegal-drugs'],
      ['categories', 'modern-slavery-and-human-trafficking'],
      ['vulnerabilities', 'adult-at-risk'],
      ['area', 'Redruth'],
    ]);
    assert.equal(saved.status, 303);
    const after = await item(reportItemId);
    assert.deepEqual(after.categories, ['illegal-drugs', 'modern-slavery-and-human-trafficking']);
    assert.deepEqual(after.vulnerabilities, ['adult-at-risk']);
    assert.equal(after.area, 'Redruth');
    const audit = (await entries('intelligence.categorise')).slice(auditBefore);
    assert.deepEqual(
      audit.map((e) => [e.action, e.record_ids]),
      [['alteration', [reportItemId]]],
    );
    const page = parseHtml(
      await (await analyst.client.get(`/partner/intelligence/items/${reportItemId}`)).text(),
    );
    assert.match(textOf(page, '[data-testid=item-summary]'), /Illegal drugs.*Modern slavery/);
  });

  it('sends a question that the reporter reads with their receipt', async () => {
    const path = `/partner/intelligence/items/${reportItemId}/ask`;
    const empty = await send(analyst.client, path, [['question', '  ']]);
    assert.equal(empty.status, 303);
    const question = 'Roughly how many people visit each evening?';
    const asked = await send(analyst.client, path, [['question', question]]);
    assert.equal(asked.status, 303);
    const audit = await entries('intelligence.ask');
    assert.deepEqual(
      audit.map((e) => [e.action, e.record_ids]),
      [['alteration', [reportItemId, reportId]]],
    );
    const conversation = await enterReceipt(app, receipt);
    assert.equal(conversation.status, 200);
    assert.match(await conversation.text(), new RegExp(question));
    const page = parseHtml(
      await (await analyst.client.get(`/partner/intelligence/items/${reportItemId}`)).text(),
    );
    assert.match(textOf(page, '[data-testid=conversation]'), new RegExp(question));
    // Only public reports have a reporter to ask.
    const officerItem = await seedItem({ daysAgo: 1 });
    const refused = await send(analyst.client, `/partner/intelligence/items/${officerItem}/ask`, [
      ['question', question],
    ]);
    assert.equal(refused.status, 404);
  });

  it('closes an item with an outcome', async () => {
    const id = await seedItem({ daysAgo: 4 });
    const path = `/partner/intelligence/items/${id}/close`;
    const bad = await send(analyst.client, path, [['outcome', 'vanished']]);
    assert.equal(bad.status, 303);
    assert.equal((await item(id)).status, 'new');
    const closed = await send(analyst.client, path, [
      ['outcome', 'no-further-action'],
      ['note', 'Nothing more to go on'],
    ]);
    assert.equal(closed.status, 303);
    const after = await item(id);
    assert.equal(after.status, 'closed');
    assert.equal(after.outcome, 'no-further-action');
    assert.equal(after.outcome_note, 'Nothing more to go on');
    assert.equal(after.closed_by, analyst.id);
    assert.ok(after.closed_at);
    const audit = await entries('intelligence.close');
    assert.deepEqual(
      audit.map((e) => [e.action, e.record_ids]),
      [['alteration', [id]]],
    );
    const page = parseHtml(await (await analyst.client.get(`/partner/intelligence/items/${id}`)).text());
    assert.match(textOf(page, '[data-testid=status]'), /Closed: No further action/);
  });
  it("gives an agency the report is shared with the sanitised copy, but not the original or the reporter's words", async () => {
    const base = `/partner/intelligence/items/${reportItemId}`;
    assert.equal(
      (await send(analyst.client, `${base}/sanitise`, [['body', 'Cars stop at a house in Redruth.']])).status,
      303,
    );
    assert.equal((await send(hubOfficer.client, `${base}/sign-off`, [])).status, 303);
    assert.equal(
      (await send(analyst.client, `${base}/share`, [['agencies', outsider.agencyId]])).status,
      303,
    );

    const response = await outsider.client.get(base);
    assert.equal(response.status, 200);
    const page = parseHtml(await response.text());
    assert.match(textOf(page, '[data-testid=item-text]'), /Cars stop at a house in Redruth/);
    assert.equal(
      page.querySelector('[data-testid=conversation]'),
      null,
      'the conversation stays with those who may read the report',
    );
    assert.doesNotMatch(textOf(page, '[data-testid=item-actions]'), /Ask the reporter/);
    const links = page.querySelectorAll('[data-testid=files] a');
    assert.deepEqual(
      links.map((a) => a.text.split(':')[0]),
      ['Sanitised copy'],
    );
    const files = await db()
      .selectFrom('public_report_file')
      .select(['id', 'variant'])
      .where('report_id', '=', reportId)
      .execute();
    const path = (variant: string) => `${base}/files/${files.find((f) => f.variant === variant)!.id}`;
    assert.equal((await outsider.client.get(path('sanitised'))).status, 200);
    assert.equal((await outsider.client.get(path('original'))).status, 404);
    const workbench = parseHtml(await (await outsider.client.get(`${base}/sanitise`)).text());
    assert.match(textOf(workbench, '[data-testid=original-hidden]'), /You cannot see the original/);
    assert.equal((await send(outsider.client, `${base}/ask`, [['question', 'Who are you?']])).status, 404);
  });
});
