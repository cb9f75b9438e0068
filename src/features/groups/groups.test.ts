/**
 * The OCG register through a running Lantern, as partners use it: opening an OCG, adding members
 * and supporting items, assessing and re-scoring it, the prioritised list with its trend and
 * filters, status, and the scoring models — each refused, hidden or audited as the access policy
 * and s62 say.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { testDatabaseKind } from '../../../test/support/database.js';
import { send, withoutNonce } from '../../../test/support/forms.js';
import { parseHtml, textOf } from '../../../test/support/html.js';
import { signedInPartner, type PartnerClient, type TestPartner } from '../../../test/support/partner.js';
import type { Marking } from '../access/markings.js';
import {
  insertEntity,
  insertItem,
  PUBLIC_REPORT_EVIDENCE_LIST,
  type EntityProperties,
  type EntitySchemaName,
} from '../intelligence/index.js';
import { permissionsOf } from '../access/roles.js';
import { loadViewer } from '../access/viewer.js';
import { DEFAULT_SCORING_MODEL } from './default-scoring-model.js';
import { insertMember, ocgMembersVisibleTo } from './member-queries.js';
import { createOcgCommands } from './service.js';

const SCORES = (level: number, rationale = 'Seen in the intelligence') =>
  Object.fromEntries(
    DEFAULT_SCORING_MODEL.definition.dimensions.flatMap((d) => [
      [`score-${d.key}`, String(level)],
      [`rationale-${d.key}`, `${rationale} (${d.key})`],
    ]),
  );

describe(`the OCG register on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let analyst: TestPartner; // police: ocg:manage, owns the OCGs
  let coordinator: TestPartner; // partnership team: the police share OCGs and intelligence with them
  let officer: TestPartner; // council officer: reads what the police share, cannot manage OCGs
  let stranger: TestPartner; // another force's analyst: nothing shared
  let kane: string;
  let pub: string;
  let hidden: string;
  let item: { id: string; reference: string };
  let strangerItem: { id: string; reference: string };
  let defaultModelId: string;

  const db = () => app.lantern.database.db;

  const marking = (owningAgencyId: string): Marking => ({
    classification: 'OFFICIAL-SENSITIVE',
    handlingCode: 'P',
    handlingConditions: null,
    owningAgencyId,
    accessListId: null,
  });

  const newEntity = (schema: EntitySchemaName, properties: EntityProperties, agencyId: string) =>
    app.lantern.database.transaction((tx) =>
      insertEntity(tx, { schema, properties, createdBy: null }, marking(agencyId)),
    );

  const newItem = (agencyId: string) =>
    app.lantern.database.transaction((tx) =>
      insertItem(
        tx,
        { sourceType: 'partner-officer', sourceDescription: 'Stop', body: 'Seen dealing', createdBy: null },
        marking(agencyId),
        { accessListId: PUBLIC_REPORT_EVIDENCE_LIST, conditions: 'Original words' },
      ),
    );

  async function audits(event: string) {
    return db()
      .selectFrom('audit_entry')
      .select(['seq', 'action', 'record_type', 'record_ids', 'actor_user_id'])
      .where('event', '=', event)
      .orderBy('seq')
      .execute();
  }

  async function count(table: 'ocg' | 'ocg_member' | 'ocg_assessment' | 'ocg_source' | 'scoring_model') {
    const row = await db()
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return row.n;
  }

  async function page(client: PartnerClient, path: string): Promise<string> {
    const response = await client.get(path);
    assert.equal(response.status, 200, `${path} answered ${response.status}`);
    return response.text();
  }

  /** Follows redirects (as a browser would), returning the last page. */
  async function follow(client: PartnerClient, response: Response): Promise<{ path: string; html: string }> {
    let current = response;
    let path = '';
    for (let hops = 0; current.status === 303 && hops < 5; hops += 1) {
      path = current.headers.get('location') ?? '';
      current = await client.get(path);
    }
    assert.equal(current.status, 200);
    return { path, html: await current.text() };
  }

  /** The fields of a new OCG; `extra` replaces the fields it names. */
  const newOcgFields = (name: string, extra: [string, string][] = []): [string, string][] => {
    const given: [string, string][] = [
      ['name', name],
      ['categories', 'illegal-drugs'],
      ['areas', 'Camborne'],
      ['status', 'active'],
      ['leadAgency', analyst.agencyId],
      ['classification', 'OFFICIAL-SENSITIVE'],
      ['handling', 'P'],
    ];
    const replaced = new Set(extra.map(([field]) => field));
    return [...given.filter(([field]) => !replaced.has(field)), ...extra];
  };

  async function createOcg(name: string, extra: [string, string][] = []): Promise<string> {
    const response = await send(analyst.client, '/partner/ocgs/new', newOcgFields(name, extra));
    assert.equal(response.status, 303);
    const match = /^\/partner\/ocgs\/([0-9a-f-]{36})$/.exec(response.headers.get('location') ?? '');
    assert.ok(match?.[1], `redirected to ${response.headers.get('location')}`);
    await analyst.client.get(match[0]); // shows the notice once
    return match[1];
  }

  const assess = (client: PartnerClient, ocgId: string, fields: Record<string, string>) =>
    send(client, `/partner/ocgs/${ocgId}/assess`, Object.entries({ model: defaultModelId, ...fields }));

  /** The list's rows in order: reference, band, score and trend. */
  async function listed(
    client: PartnerClient,
    query = '',
  ): Promise<{ name: string; trend: string; score: string }[]> {
    const root = parseHtml(await page(client, `/partner/ocgs${query}`));
    return root.querySelectorAll('[data-testid="ocg-list"] tbody tr').map((row) => ({
      name: row.querySelector('th a')?.text.trim() ?? '',
      trend: row.querySelector('[data-testid="trend"]')?.getAttribute('data-trend') ?? '',
      score: row.querySelector('[data-testid="score"]')?.text.trim() ?? '',
    }));
  }

  before(async () => {
    app = await startTestApp();
    analyst = await signedInPartner(app, { agency: 'police-ocg', roles: ['public-protection-analyst'] });
    coordinator = await signedInPartner(app, {
      agency: 'partnership-ocg',
      roles: ['partnership-coordinator'],
    });
    officer = await signedInPartner(app, { agency: 'council-ocg', roles: ['council-officer'] });
    stranger = await signedInPartner(app, { agency: 'elsewhere-ocg', roles: ['public-protection-analyst'] });
    for (const partner of [coordinator, officer]) {
      await db()
        .insertInto('sharing_rule')
        .values(
          ['ocg', 'intelligence-item', 'entity'].map((record_type) => ({
            owner_agency_id: analyst.agencyId,
            partner_agency_id: partner.agencyId,
            record_type,
          })),
        )
        .execute();
    }
    kane = await newEntity('Person', { name: ['Kane Testcase'] }, analyst.agencyId);
    pub = await newEntity('Premises', { name: ['The Testcase Arms'] }, analyst.agencyId);
    hidden = await newEntity('Person', { name: ['Hidden Testcase'] }, stranger.agencyId);
    item = await newItem(analyst.agencyId);
    strangerItem = await newItem(stranger.agencyId);
    const model = await db()
      .selectFrom('scoring_model')
      .select('id')
      .where('is_default', '=', true)
      .executeTakeFirstOrThrow();
    defaultModelId = model.id;
  });
  after(() => app.stop());

  it('seeds the default model once, at start-up', async () => {
    const models = await db().selectFrom('scoring_model').select(['key', 'version', 'is_default']).execute();
    assert.deepEqual(models, [{ key: DEFAULT_SCORING_MODEL.key, version: 1, is_default: true }]);
    const { seedScoringModels } = await import('./seed.js');
    assert.deepEqual(await seedScoringModels(app.lantern.database), [], 'offered once only');
  });

  it('opens an OCG owned by the creator’s agency, audited as a collection; bad input changes nothing', async () => {
    const before = await count('ocg');
    const refused = await send(analyst.client, '/partner/ocgs/new', [
      ['name', ''],
      ['status', 'active'],
      ['leadAgency', analyst.agencyId],
      ['classification', 'OFFICIAL-SENSITIVE'],
      ['handling', 'C'],
    ]);
    assert.equal(refused.status, 303);
    assert.equal(refused.headers.get('location'), '/partner/ocgs/new');
    const form = await page(analyst.client, '/partner/ocgs/new');
    assert.match(form, /Enter the OCG’s name/);
    assert.match(form, /Select at least one category of crime/);
    assert.match(form, /Enter the conditions for sharing/);
    assert.equal(await count('ocg'), before, 'nothing was created');

    const id = await createOcg('Testcase county line', [['operationName', 'Operation Testcase']]);
    const row = await db().selectFrom('ocg').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const named = await app.lantern.services.recordNames.resolve(db(), id);
    assert.equal(named.type, 'ocg');
    assert.match(named.displayName ?? '', /^OCG-\d{4} Testcase county line$/);
    assert.equal(row.owning_agency_id, analyst.agencyId);
    assert.equal(row.classification, 'OFFICIAL-SENSITIVE');
    assert.equal(row.handling_code, 'P');
    assert.deepEqual(row.categories, ['illegal-drugs']);
    assert.deepEqual(row.areas, ['Camborne']);
    const [entry] = (await audits('ocgs.create')).slice(-1);
    assert.ok(entry);
    assert.equal(entry.action, 'collection');
    assert.deepEqual(entry.record_ids, [id]);

    // Without ocg:manage the form is the same 404 as a missing page, and posting does nothing.
    assert.equal((await officer.client.get('/partner/ocgs/new')).status, 404);
    const byOfficer = await send(officer.client, '/partner/ocgs/new', newOcgFields('Not allowed'));
    assert.equal(byOfficer.status, 404);
    assert.equal(await count('ocg'), before + 1);
  });

  it('adds members and associates found by name, with a supporting item; hidden ones are never shown', async () => {
    const id = await createOcg('Members testcase');
    const search = parseHtml(await page(analyst.client, `/partner/ocgs/${id}/members/new?q=Kane%20Testcase`));
    assert.ok(search.querySelector(`input[name="entity"][value="${kane}"]`), 'Kane is found');
    const hiddenSearch = await page(analyst.client, `/partner/ocgs/${id}/members/new?q=Hidden%20Testcase`);
    assert.ok(!hiddenSearch.includes(hidden), 'another agency’s person is never found');
    const searched = (await audits('ocgs.members.add.view')).at(-2);
    assert.ok(searched);
    assert.deepEqual(searched.record_ids, [id, kane]);

    const path = `/partner/ocgs/${id}/members/new`;
    // A person cannot be "associated", a place cannot be a principal, and the item must be visible.
    const wrong = [
      { entity: kane, role: 'associated', field: /Choose a person’s role/ },
      { entity: pub, role: 'principal', field: /can only be associated/ },
      { entity: hidden, role: 'principal', field: /Choose who or what to add/ },
      { entity: kane, role: 'principal', item: strangerItem.reference, field: /There is no item/ },
      { entity: kane, role: 'boss', field: /Select the role in the group/ },
    ];
    for (const attempt of wrong) {
      const response = await send(analyst.client, path, [
        ['entity', attempt.entity],
        ['role', attempt.role],
        ...(attempt.item ? ([['item', attempt.item]] as [string, string][]) : []),
      ]);
      assert.equal(response.status, 303);
      assert.match(await page(analyst.client, path), attempt.field);
    }
    assert.equal(
      (await db().selectFrom('ocg_member').select('id').where('ocg_id', '=', id).execute()).length,
      0,
      'nothing was added',
    );

    const added = await send(analyst.client, path, [
      ['entity', kane],
      ['role', 'principal'],
      ['roleNote', 'Runs the line'],
      ['item', item.reference.toLowerCase()],
      ['statement', 'Kane runs the deal line'],
    ]);
    assert.equal(added.status, 303);
    assert.equal(added.headers.get('location'), `/partner/ocgs/${id}`);
    const memberEntry = (await audits('ocgs.members.add')).at(-1);
    assert.ok(memberEntry);
    assert.equal(memberEntry.action, 'collection');
    assert.equal(memberEntry.record_type, 'ocg-member');
    assert.deepEqual(memberEntry.record_ids.slice(1), [kane, id]);
    assert.equal(
      (
        await send(analyst.client, path, [
          ['entity', pub],
          ['role', 'associated'],
        ])
      ).status,
      303,
    );
    // Twice is refused.
    await send(analyst.client, path, [
      ['entity', kane],
      ['role', 'significant'],
    ]);
    assert.match(await page(analyst.client, path), /already recorded in this group/);

    // A member whose entity the viewer may not see (recorded by someone who could) stays hidden.
    await app.lantern.database.transaction((tx) =>
      insertMember(tx, { ocgId: id, entityId: hidden, role: 'peripheral', roleNote: null, addedBy: null }),
    );
    const ocgPage = parseHtml(await page(analyst.client, `/partner/ocgs/${id}`));
    assert.match(textOf(ocgPage, '[data-testid="members"]'), /Kane Testcase\s*Principal/);
    assert.match(textOf(ocgPage, '[data-testid="associated"]'), /The Testcase Arms/);
    assert.ok(!ocgPage.toString().includes('Hidden Testcase'));
    assert.match(
      textOf(ocgPage, '[data-testid="sources"]'),
      new RegExp(`${item.reference} Kane runs the deal line Kane Testcase`),
    );
    const viewEntry = (await audits('ocgs.view')).at(-1);
    assert.ok(viewEntry);
    assert.deepEqual(viewEntry.record_ids, [id, kane, pub, item.id]);

    // For the plans and network: the members the viewer may see, and no others.
    const visible = await app.lantern.database.transaction(async (tx) => {
      const viewer = await loadViewer(tx, {
        kind: 'user',
        userId: analyst.id,
        agencyId: analyst.agencyId,
        roles: ['public-protection-analyst'],
        permissions: permissionsOf(['public-protection-analyst']),
        clearance: 'OFFICIAL-SENSITIVE',
      });
      return ocgMembersVisibleTo(tx, viewer, id);
    });
    assert.deepEqual(
      visible.map((m) => [m.caption, m.role, m.schema]),
      [
        ['Kane Testcase', 'principal', 'Person'],
        ['The Testcase Arms', 'associated', 'Premises'],
      ],
    );

    // A supporting item for the group as a whole; an item the viewer may not see is refused.
    const sources = `/partner/ocgs/${id}/sources/new`;
    await send(analyst.client, sources, [
      ['item', strangerItem.reference],
      ['statement', 'Nope'],
      ['member', ''],
    ]);
    assert.match(await page(analyst.client, sources), /There is no item/);
    const attached = await send(analyst.client, sources, [
      ['item', item.reference],
      ['statement', 'The group deals in Camborne'],
      ['member', ''],
    ]);
    assert.equal(attached.status, 303);
    const sourceEntry = (await audits('ocgs.sources.add')).at(-1);
    assert.ok(sourceEntry);
    assert.equal(sourceEntry.action, 'alteration');
    assert.deepEqual(sourceEntry.record_ids, [id, item.id]);
  });

  it('assesses with the default model, keeps the history and shows why this score', async () => {
    const id = await createOcg('Assessed testcase');
    const form = parseHtml(await page(coordinator.client, `/partner/ocgs/${id}/assess`));
    assert.equal(form.querySelector('input[name="model"]')?.getAttribute('value'), defaultModelId);
    for (const d of DEFAULT_SCORING_MODEL.definition.dimensions) {
      assert.equal(form.querySelectorAll(`input[name="score-${d.key}"]`).length, 5, d.key);
      assert.ok(form.querySelector(`textarea[name="rationale-${d.key}"]`), d.key);
    }

    // Bad input: a missing rationale and a score out of range change nothing.
    const before = await count('ocg_assessment');
    const bad = await assess(coordinator.client, id, {
      ...SCORES(3),
      'rationale-harm': ' ',
      'score-threat': '9',
    });
    assert.equal(bad.status, 303);
    const again = await page(coordinator.client, `/partner/ocgs/${id}/assess`);
    assert.match(again, /Explain the score for harm/);
    assert.match(again, /Choose a score from 1 to 5 for threat/);
    assert.match(again, /Seen in the intelligence \(capability-intent\)/, 'the answers are kept');
    const unknownField = await assess(coordinator.client, id, { ...SCORES(3), 'score-made-up': '3' });
    assert.equal(unknownField.status, 303);
    assert.equal(await count('ocg_assessment'), before, 'nothing was stored');

    // The coordinator scores the police's OCG (shared with them): 3 everywhere = 27, Band B.
    const first = await assess(coordinator.client, id, { ...SCORES(3), unknowns: 'Who supplies them' });
    assert.equal(first.status, 303);
    const entry = (await audits('ocgs.assess')).at(-1);
    assert.ok(entry);
    assert.equal(entry.action, 'collection');
    assert.equal(entry.record_type, 'ocg-assessment');
    assert.equal(entry.actor_user_id, coordinator.id);
    const stored = await db()
      .selectFrom('ocg_assessment')
      .selectAll()
      .where('ocg_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(entry.record_ids, [stored.id, id]);
    assert.equal(stored.total, 27);
    assert.equal(stored.band, 'Band B');
    assert.equal(stored.unknowns, 'Who supplies them');
    assert.equal(stored.scores.length, 5);

    const second = await assess(coordinator.client, id, SCORES(4, 'Firearm recovered'));
    assert.equal(second.status, 303);
    const shown = parseHtml((await follow(coordinator.client, second)).html);
    assert.match(textOf(shown, '.govuk-notification-banner'), /scored 36: Band A \(highest harm\)/);
    assert.match(
      textOf(shown, '[data-testid="latest-score"]'),
      /Band A \(highest harm\).*36 \(from 9 to 45\)/,
    );
    const why = textOf(shown, '[data-testid="why-this-score"]');
    assert.match(why, /Harm 4 of 1 to 5: Serious.* 3 12 Firearm recovered \(harm\)/);
    assert.match(why, /Confidence 4 of 1 to 5: High.* 0 0/);
    assert.match(why, /Total 36 Band A/);
    const history = shown
      .querySelectorAll('[data-testid="history"] tbody tr')
      .map((r) => r.text.replace(/\s+/g, ' '));
    assert.equal(history.length, 2, 'the earlier assessment is kept');
    assert.match(history[0]!, /36 Band A \(highest harm\) Up since the last assessment/);
    assert.match(history[1]!, /27 Band B New: first assessment/);

    // The council officer reads it but cannot assess: the same 404, and nothing stored.
    assert.equal((await officer.client.get(`/partner/ocgs/${id}`)).status, 200);
    assert.equal((await officer.client.get(`/partner/ocgs/${id}/assess`)).status, 404);
    assert.equal((await assess(officer.client, id, SCORES(5))).status, 404);
    assert.equal(
      (await db().selectFrom('ocg_assessment').select('id').where('ocg_id', '=', id).execute()).length,
      2,
    );
  });

  it('lists OCGs by band then score, with the trend, and filters by category, area and status', async () => {
    const lower = await createOcg('List testcase lower', [['areas', 'Redruth']]);
    const higher = await createOcg('List testcase higher', [
      ['categories', 'modern-slavery-and-human-trafficking'],
    ]);
    await assess(analyst.client, lower, SCORES(2)); // 18: Band C
    await assess(analyst.client, higher, SCORES(3)); // 27: Band B
    const names = (rows: { name: string }[]) =>
      rows.map((r) => r.name).filter((n) => n.startsWith('List testcase'));
    assert.deepEqual(names(await listed(analyst.client)), ['List testcase higher', 'List testcase lower']);

    // Re-scoring the lower one above the other moves it up the list, with an upward trend.
    await assess(analyst.client, lower, SCORES(4)); // 36: Band A
    const rows = await listed(analyst.client);
    assert.deepEqual(names(rows), ['List testcase lower', 'List testcase higher']);
    assert.equal(rows.find((r) => r.name === 'List testcase lower')?.trend, 'up');
    assert.equal(rows.find((r) => r.name === 'List testcase higher')?.trend, 'new');
    const listEntry = (await audits('ocgs.list')).at(-1);
    assert.ok(listEntry);
    assert.equal(listEntry.action, 'consultation');
    assert.equal(listEntry.record_type, 'ocg');
    assert.equal(listEntry.record_ids.length, rows.length, 'one entry naming every OCG shown');
    assert.ok(listEntry.record_ids.includes(lower) && listEntry.record_ids.includes(higher));

    assert.deepEqual(names(await listed(analyst.client, '?category=modern-slavery-and-human-trafficking')), [
      'List testcase higher',
    ]);
    assert.deepEqual(names(await listed(analyst.client, '?area=redruth')), ['List testcase lower']);
    assert.equal((await analyst.client.get('/partner/ocgs?category=not-a-category')).status, 400);

    // Archiving takes it off the list unless asked for; the change is an alteration.
    const archived = await send(analyst.client, `/partner/ocgs/${lower}/status`, [['status', 'archived']]);
    assert.equal(archived.status, 303);
    const statusEntry = (await audits('ocgs.status')).at(-1);
    assert.ok(statusEntry);
    assert.equal(statusEntry.action, 'alteration');
    assert.deepEqual(statusEntry.record_ids, [lower]);
    assert.deepEqual(names(await listed(analyst.client)), ['List testcase higher']);
    assert.ok(names(await listed(analyst.client, '?status=all')).includes('List testcase lower'));
    await send(analyst.client, `/partner/ocgs/${lower}/status`, [['status', 'gone']]);
    assert.equal(
      (await db().selectFrom('ocg').select('status').where('id', '=', lower).executeTakeFirstOrThrow())
        .status,
      'archived',
      'a bad status changes nothing',
    );
  });

  it('another agency gets the same 404 as a missing OCG, sees none in the list and changes nothing', async () => {
    const id = await createOcg('Private testcase');
    const missing = await stranger.client.get('/partner/ocgs/00000000-0000-4000-8000-000000000000');
    const refused = await stranger.client.get(`/partner/ocgs/${id}`);
    assert.equal(refused.status, 404);
    assert.equal(withoutNonce(await refused.text()), withoutNonce(await missing.text()));
    for (const path of ['assess', 'members/new', 'sources/new']) {
      assert.equal((await stranger.client.get(`/partner/ocgs/${id}/${path}`)).status, 404, path);
    }
    assert.equal((await assess(stranger.client, id, SCORES(5))).status, 404);
    assert.equal(
      (await send(stranger.client, `/partner/ocgs/${id}/status`, [['status', 'dormant']])).status,
      404,
    );
    assert.equal(
      (
        await send(stranger.client, `/partner/ocgs/${id}/members/new`, [
          ['entity', hidden],
          ['role', 'principal'],
        ])
      ).status,
      404,
    );
    assert.equal(
      (await db().selectFrom('ocg_member').select('id').where('ocg_id', '=', id).execute()).length,
      0,
    );
    assert.equal(
      (await db().selectFrom('ocg').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status,
      'active',
    );
    const strangerList = await listed(stranger.client);
    assert.ok(!strangerList.some((r) => r.name.includes('testcase')), 'none of the police’s OCGs are listed');
    // Refusals are not consultations.
    const entries = await db()
      .selectFrom('audit_entry')
      .select('record_ids')
      .where('actor_user_id', '=', stranger.id)
      .where('event', 'like', 'ocgs.%')
      .execute();
    assert.ok(entries.every((e) => !e.record_ids.includes(id)));
  });

  it('lists the plans the plans feature supplies on the OCG page, named in its consultation', async () => {
    const id = await createOcg('Planned testcase');
    const commands = createOcgCommands(app.lantern.database, {
      plansFor: (_q, viewer, ocgId) =>
        Promise.resolve(
          ocgId === id && viewer.agencyId === analyst.agencyId
            ? [{ id: 'plan-1', href: '/partner/plans/plan-1', title: 'Disrupt the line', status: 'open' }]
            : [],
        ),
    });
    const outcome = await commands.page(
      {
        principal: {
          kind: 'user',
          userId: analyst.id,
          agencyId: analyst.agencyId,
          roles: ['public-protection-analyst'],
          permissions: permissionsOf(['public-protection-analyst']),
          clearance: 'OFFICIAL-SENSITIVE',
        },
        audit: {
          actor: { kind: 'user', userId: analyst.id, agencyId: analyst.agencyId },
          requestId: null,
          purpose: null,
          justification: null,
          written: 0,
        },
        event: 'ocgs.view',
      },
      id,
    );
    assert.equal(outcome.kind, 'done');
    assert.deepEqual(
      outcome.value.plans.map((p) => p.title),
      ['Disrupt the line'],
    );
    const entry = await db()
      .selectFrom('audit_entry')
      .select(['record_ids', 'detail'])
      .where('event', '=', 'ocgs.view')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(entry.record_ids, [id]);
    assert.deepEqual((entry.detail as { plans: string[] }).plans, ['plan-1']);
  });

  it('links the OCG page to the 4P plans for it that the viewer may see', async () => {
    const id = await createOcg('Plan page testcase');
    const plan = await db()
      .insertInto('plan')
      .values({
        title: 'Disrupt the testcase line',
        ocg_id: id,
        owner_user_id: analyst.id,
        classification: 'OFFICIAL-SENSITIVE',
        handling_code: 'P',
        owning_agency_id: analyst.agencyId,
      })
      .returning(['id', 'reference'])
      .executeTakeFirstOrThrow();
    const shown = parseHtml(await page(analyst.client, `/partner/ocgs/${id}`));
    assert.match(textOf(shown, '[data-testid="ocg-plans"]'), /Disrupt the testcase line/);
    assert.ok(shown.querySelector(`a[href="/partner/plans/${plan.id}"]`));
    // The council officer sees the OCG (shared) but not the police's plan (plans are not shared).
    const officerView = parseHtml(await page(officer.client, `/partner/ocgs/${id}`));
    assert.match(textOf(officerView, '[data-testid="ocg-plans"]'), /no 4P plans/);
  });

  it('lets the coordinator add a model version and choose the default; others get 404', async () => {
    assert.equal((await analyst.client.get('/partner/ocgs/scoring-models')).status, 404);
    assert.equal((await officer.client.get(`/partner/ocgs/scoring-models/${defaultModelId}`)).status, 404);
    const list = await page(coordinator.client, '/partner/ocgs/scoring-models');
    assert.match(list, /Partnership OCG harm model/);
    const view = parseHtml(await page(coordinator.client, `/partner/ocgs/scoring-models/${defaultModelId}`));
    assert.match(textOf(view, '[data-testid="model-bands"]'), /Band A \(highest harm\) 34 to 45/);

    const before = await count('scoring_model');
    const path = '/partner/ocgs/scoring-models/new';
    const fields = (definition: string): [string, string][] => [
      ['key', DEFAULT_SCORING_MODEL.key],
      ['name', 'Partnership OCG harm model'],
      ['description', 'Harm weighs more'],
      ['definition', definition],
      ['makeDefault', 'yes'],
    ];
    await send(coordinator.client, path, fields('{"dimensions": ['));
    assert.match(await page(coordinator.client, path), /must be valid JSON/);
    const noBands = JSON.stringify({ ...DEFAULT_SCORING_MODEL.definition, bands: [] });
    await send(coordinator.client, path, fields(noBands));
    assert.match(await page(coordinator.client, path), /A model needs at least one band/);
    assert.equal(await count('scoring_model'), before, 'nothing was added');
    assert.equal((await send(analyst.client, path, fields('{}'))).status, 404);

    const heavier = structuredClone(DEFAULT_SCORING_MODEL.definition);
    heavier.dimensions[0]!.weight = 4;
    const added = await send(coordinator.client, path, fields(JSON.stringify(heavier)));
    assert.equal(added.status, 303);
    const version2 = await db()
      .selectFrom('scoring_model')
      .select(['id', 'version', 'is_default'])
      .where('version', '=', 2)
      .executeTakeFirstOrThrow();
    assert.equal(version2.is_default, true);
    const shown = await follow(coordinator.client, added);
    assert.match(shown.html, /added as version 2/);
    const addedEntry = (await audits('scoring-models.add')).at(-1);
    assert.ok(addedEntry);
    assert.equal(addedEntry.action, 'security');
    assert.deepEqual(addedEntry.record_ids, [version2.id]);
    assert.equal(addedEntry.actor_user_id, coordinator.id);

    // Published models cannot be changed, only superseded.
    await assert.rejects(
      sql`update scoring_model set definition = ${JSON.stringify(heavier)}::jsonb where id = ${defaultModelId}`.execute(
        db(),
      ),
      /cannot be changed/,
    );

    // The first version back as default.
    const back = await send(coordinator.client, `/partner/ocgs/scoring-models/${defaultModelId}/default`, []);
    assert.equal(back.status, 303);
    const defaults = await db()
      .selectFrom('scoring_model')
      .select('id')
      .where('is_default', '=', true)
      .execute();
    assert.deepEqual(defaults, [{ id: defaultModelId }]);
    assert.deepEqual((await audits('scoring-models.make-default')).at(-1)?.record_ids, [defaultModelId]);
  });
});
