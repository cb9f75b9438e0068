/**
 * 4P plans through a running Lantern, as partners use them: a coordinator plans against an OCG
 * with suggested tactics, gives a licensing officer an action, the officer sees only their action
 * and the plan, completes it with a disruption impact, someone else peer reviews it; overdue
 * actions, safeguarding referrals hidden from those without victims:read, the audited CSV export
 * with handling code C, bad input that changes nothing, and the 404 for outsiders.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { testDatabaseKind } from '../../../test/support/database.js';
import { send, withoutNonce } from '../../../test/support/forms.js';
import { parseHtml, textOf } from '../../../test/support/html.js';
import { signedInPartner, type PartnerClient, type TestPartner } from '../../../test/support/partner.js';
import { plansWorld, type PlansWorld } from '../../../test/support/plans-world.js';

describe(`4P plans on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let coordinator: TestPartner; // police: ocg:manage, victims:read, export
  let analyst: TestPartner; // police colleague: peer reviews
  let licensing: TestPartner; // council licensing officer: intelligence:read only
  let licensingAgency: string;
  let outsider: TestPartner; // a coordinator in an agency nothing is shared with
  let health: TestPartner; // victims:read, in an agency with no part in the plan
  let world: PlansWorld;
  let planId: string;
  let licensingAction: string;
  let policeAction: string;
  let closeTheLine: string;
  let safeguard: string;

  const db = () => app.lantern.database.db;

  async function page(client: PartnerClient, path: string): Promise<string> {
    const response = await client.get(path);
    assert.equal(response.status, 200, `${path} answered ${response.status}`);
    return response.text();
  }

  async function lastEntry(event: string) {
    return db()
      .selectFrom('audit_entry')
      .selectAll()
      .where('event', '=', event)
      .orderBy('seq', 'desc')
      .executeTakeFirst();
  }

  async function count(
    table: 'plan' | 'plan_action' | 'disruption_impact' | 'safeguarding_referral',
  ): Promise<number> {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
      db(),
    );
    return rows[0]!.n;
  }

  const planPath = () => `/partner/plans/${planId}`;

  before(async () => {
    app = await startTestApp();
    coordinator = await signedInPartner(app, { agency: 'police-plans', roles: ['partnership-coordinator'] });
    analyst = await signedInPartner(app, { agency: 'police-plans', roles: ['public-protection-analyst'] });
    licensing = await signedInPartner(app, { agency: 'licensing-plans', roles: ['council-officer'] });
    licensingAgency = licensing.agencyId;
    outsider = await signedInPartner(app, { agency: 'outsider-plans', roles: ['partnership-coordinator'] });
    health = await signedInPartner(app, { agency: 'health-plans', roles: ['health-social-care-partner'] });
    world = await plansWorld(app, coordinator.agencyId);
  });
  after(() => app.stop());

  it('shows "Plans" in the navigation to people who read intelligence', async () => {
    assert.match(await page(licensing.client, '/partner'), /href="\/partner\/plans"/);
  });

  it('refuses a plan with bad input and changes nothing', async () => {
    const before = await count('plan');
    const response = await send(coordinator.client, '/partner/plans/new', [
      ['title', ''],
      ['about', 'ocg'],
      ['classification', 'OFFICIAL-SENSITIVE'],
      ['handling', 'C'],
    ]);
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/partner/plans/new');
    assert.match(await page(coordinator.client, '/partner/plans/new'), /Enter a title for the plan/);
    await send(coordinator.client, '/partner/plans/new', [
      ['title', 'A plan'],
      ['about', 'ocg'],
      ['classification', 'OFFICIAL-SENSITIVE'],
      ['handling', 'C'],
    ]);
    const html = await page(coordinator.client, '/partner/plans/new');
    assert.match(html, /Select the OCG/);
    assert.match(html, /Enter the conditions for sharing/);
    // An OCG the viewer may not see is refused too.
    const hidden = await send(outsider.client, '/partner/plans/new', [
      ['title', 'Sneaky'],
      ['about', 'ocg'],
      ['ocg', world.ocgId],
      ['classification', 'OFFICIAL'],
      ['handling', 'P'],
    ]);
    assert.equal(hidden.status, 303);
    assert.equal(hidden.headers.get('location'), '/partner/plans/new');
    assert.equal(await count('plan'), before);
    // A council officer may not create plans at all: the same 404 as a missing page.
    const refused = await send(licensing.client, '/partner/plans/new', [['title', 'x']]);
    assert.equal(refused.status, 404);
  });

  it('a coordinator creates a plan for an OCG they can see, with objectives under the 4Ps', async () => {
    const form = await page(coordinator.client, '/partner/plans/new');
    assert.match(form, /Kestrel county line/);
    assert.doesNotMatch(await page(outsider.client, '/partner/plans/new'), /Kestrel county line/);
    const response = await send(coordinator.client, '/partner/plans/new', [
      ['title', 'Operation Kestrel'],
      ['about', 'ocg'],
      ['ocg', world.ocgId],
      ['owner', ''],
      ['classification', 'OFFICIAL-SENSITIVE'],
      ['handling', 'P'],
      ['objectives-pursue', 'Close the line\nSeize the cash'],
      ['objectives-protect', 'Safeguard the people whose homes are used'],
    ]);
    assert.equal(response.status, 303);
    const match = /^\/partner\/plans\/([0-9a-f-]{36})$/.exec(response.headers.get('location') ?? '');
    assert.ok(match?.[1]);
    planId = match[1];
    const plan = await db().selectFrom('plan').selectAll().where('id', '=', planId).executeTakeFirstOrThrow();
    assert.equal(plan.owner_user_id, coordinator.id, 'the owner defaults to the creator');
    assert.equal(plan.owning_agency_id, coordinator.agencyId, 'the owner’s agency owns the plan');
    const entry = await lastEntry('plans.create');
    assert.equal(entry?.action, 'collection');
    assert.deepEqual(entry.record_ids, [planId]);
    const objectives = await db()
      .selectFrom('plan_objective')
      .select(['strand', 'objective'])
      .where('plan_id', '=', planId)
      .orderBy('position')
      .execute();
    assert.deepEqual(objectives, [
      { strand: 'pursue', objective: 'Close the line' },
      { strand: 'pursue', objective: 'Seize the cash' },
      { strand: 'protect', objective: 'Safeguard the people whose homes are used' },
    ]);
  });

  it('the plan page suggests a licence review for the pub and safeguarding for the cuckooing victim, with reasons', async () => {
    const html = await page(coordinator.client, planPath());
    const root = parseHtml(html);
    const suggestions = root
      .querySelectorAll('[data-testid="suggestion"]')
      .map((row) => row.text.replace(/\s+/g, ' ').trim());
    assert.ok(
      suggestions.some(
        (s) =>
          s.includes('Premises licence review') &&
          s.includes('The Miners Arms is a licensed premises linked to this OCG'),
      ),
    );
    assert.ok(
      suggestions.some(
        (s) =>
          s.includes('DVLA and vehicle checks') &&
          s.includes('WP19ABC is a vehicle used by Dean Vosper, a member of this OCG'),
      ),
    );
    assert.ok(
      suggestions.some(
        (s) =>
          s.includes('Adult safeguarding referral') &&
          /Mary Trelawny may be a cuckooing victim: exploited by Dean Vosper; their home, 12 Fore Street/.test(
            s,
          ),
      ),
      suggestions.join('\n'),
    );
    assert.match(textOf(root, '[data-testid="objectives"]'), /Close the line/);
    const entry = await lastEntry('plans.view');
    assert.equal(entry?.action, 'consultation');
    for (const id of [planId, world.pub, world.vehicle, world.victim])
      assert.ok(entry.record_ids.includes(id), id);
  });

  it('a viewer with ocg:manage but without victims:read gets no victim suggestions and no hint of a victim', async () => {
    // Build the picture directly for a viewer without victims:read, as the page would.
    const { planPicture } = await import('./plan-picture.js');
    const { suggestTactics } = await import('./suggestions.js');
    const { tactics } = await import('./queries.js');
    const viewer = {
      userId: coordinator.id,
      agencyId: coordinator.agencyId,
      permissions: new Set(['workspace:view', 'intelligence:read', 'ocg:manage'] as const),
      clearance: 'OFFICIAL-SENSITIVE' as const,
      sharedFrom: new Map(),
      accessLists: new Set<string>(),
    };
    const picture = await planPicture(db(), viewer, { ocgId: world.ocgId, subjectEntityId: null });
    assert.deepEqual(picture.victims, []);
    assert.ok(!picture.entities.some((e) => e.id === world.victim));
    const suggestions = suggestTactics(picture, await tactics(db()));
    assert.ok(suggestions.length > 0);
    assert.ok(
      suggestions.every((s) => !/Mary|victim/i.test(s.reason)),
      'nothing mentions a victim',
    );
    assert.ok(suggestions.some((s) => s.tactic.name === 'Premises licence review'));
  });

  it('adds an action for the licensing agency, owned by them and shared with the plan owner', async () => {
    const form = await page(
      coordinator.client,
      `${planPath()}/actions/new?tactic=${world.tactics.licence}&target=${world.pub}`,
    );
    assert.match(form, new RegExp(`<option value="${world.tactics.licence}" selected`));
    // The plan's objectives are offered, each under its strand.
    const objectives = await db()
      .selectFrom('plan_objective')
      .select(['id', 'strand', 'objective'])
      .where('plan_id', '=', planId)
      .execute();
    closeTheLine = objectives.find((o) => o.objective === 'Close the line')!.id;
    safeguard = objectives.find((o) => o.strand === 'protect')!.id;
    assert.match(form, new RegExp(`<option value="${closeTheLine}">Pursue: Close the line</option>`));
    const response = await send(coordinator.client, `${planPath()}/actions/new`, [
      ['tactic', world.tactics.licence],
      ['strand', 'pursue'],
      ['description', 'Call a review of the premises licence'],
      ['agency', licensingAgency],
      ['officer', licensing.email],
      ['target', world.pub],
      ['dueOn-day', '1'],
      ['dueOn-month', '2'],
      ['dueOn-year', '2020'],
    ]);
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), planPath());
    const action = await db()
      .selectFrom('plan_action')
      .selectAll()
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow();
    licensingAction = action.id;
    assert.equal(action.owning_agency_id, licensingAgency);
    assert.equal(action.officer_user_id, licensing.id);
    const shares = await db()
      .selectFrom('record_share')
      .select(['record_type', 'record_id', 'agency_id'])
      .execute();
    assert.ok(
      shares.some(
        (s) =>
          s.record_type === 'plan-action' &&
          s.record_id === licensingAction &&
          s.agency_id === coordinator.agencyId,
      ),
    );
    assert.ok(
      shares.some(
        (s) => s.record_type === 'plan' && s.record_id === planId && s.agency_id === licensingAgency,
      ),
    );
    const entry = await lastEntry('plans.action.create');
    assert.deepEqual(entry?.record_ids, [licensingAction]);
    // The suggestion is now marked as in the plan rather than offered again.
    const suggestion = parseHtml(await page(coordinator.client, planPath())).querySelector(
      '[data-tactic="test-licence-review"]',
    );
    assert.match(suggestion?.text ?? '', /In the plan/);
    assert.doesNotMatch(suggestion?.text ?? '', /Add to plan/);

    // And one for the police themselves, which licensing must not see; its description tests CSV safety.
    await send(coordinator.client, `${planPath()}/actions/new`, [
      ['tactic', ''],
      ['strand', 'pursue'],
      ['description', '=HYPERLINK("http://evil.example") warrant at the flat'],
      ['agency', coordinator.agencyId],
      ['target', ''],
      ['objective', closeTheLine],
    ]);
    const police = await db()
      .selectFrom('plan_action')
      .select(['id', 'objective_id'])
      .where('plan_id', '=', planId)
      .where('owning_agency_id', '=', coordinator.agencyId)
      .executeTakeFirstOrThrow();
    policeAction = police.id;
    // It serves the plan's Pursue objective, shown beside it on the plan page.
    assert.equal(police.objective_id, closeTheLine);
    const row = parseHtml(await page(coordinator.client, planPath()))
      .querySelectorAll('[data-testid="action-row"]')
      .find((r) => r.text.includes('warrant at the flat'));
    assert.match(
      row?.querySelector('[data-testid="action-objective"]')?.text ?? '',
      /Objective: Close the line/,
    );
  });

  it('refuses a bad action and changes nothing: unknown agency, officer from another agency, a target not offered', async () => {
    const before = await count('plan_action');
    for (const fields of [
      [
        ['strand', 'pursue'],
        ['description', 'x'],
        ['agency', '00000000-0000-4000-8000-000000000000'],
      ],
      [
        ['strand', 'pursue'],
        ['description', 'x'],
        ['agency', licensingAgency],
        ['officer', coordinator.email],
      ],
      [
        ['strand', 'pursue'],
        ['description', 'x'],
        ['agency', licensingAgency],
        ['target', '00000000-0000-4000-8000-000000000001'],
      ],
      [
        ['strand', 'nonsense'],
        ['description', ''],
        ['agency', licensingAgency],
      ],
      // An objective under another strand, and one that is not this plan's.
      [
        ['strand', 'pursue'],
        ['description', 'x'],
        ['agency', licensingAgency],
        ['objective', safeguard],
      ],
      [
        ['strand', 'pursue'],
        ['description', 'x'],
        ['agency', licensingAgency],
        ['objective', '00000000-0000-4000-8000-000000000002'],
      ],
      [
        ['strand', 'pursue'],
        ['description', 'x'],
        ['agency', licensingAgency],
        ['dueOn-day', '31'],
        ['dueOn-month', '2'],
        ['dueOn-year', '2026'],
      ],
    ] as [string, string][][]) {
      const response = await send(coordinator.client, `${planPath()}/actions/new`, fields);
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('location'), `${planPath()}/actions/new`);
    }
    assert.equal(await count('plan_action'), before);
  });

  it('the licensing agency sees the plan and only its own action: no suggestions, no safeguarding, no victim', async () => {
    const list = await page(licensing.client, '/partner/plans');
    assert.match(list, /Operation Kestrel/);
    const html = await page(licensing.client, planPath());
    assert.match(html, /Call a review of the premises licence/);
    assert.doesNotMatch(html, /warrant at the flat/);
    assert.doesNotMatch(html, /Suggested tactics/);
    assert.doesNotMatch(html, /\b(safeguarding|referrals?|Mary Trelawny)\b/i);
    const entry = await lastEntry('plans.view');
    assert.ok(entry?.record_ids.includes(licensingAction));
    assert.ok(!entry?.record_ids.includes(policeAction));
    assert.equal((await licensing.client.get(`/partner/plans/actions/${policeAction}`)).status, 404);
    // Licensing cannot add actions (no ocg:manage): the route's 404.
    assert.equal((await licensing.client.get(`${planPath()}/actions/new`)).status, 404);
  });

  it('"Your actions" lists the agency’s open actions, overdue first and marked', async () => {
    const html = await page(licensing.client, '/partner/plans/actions');
    const root = parseHtml(html);
    const rows = root.querySelectorAll('[data-testid="your-action"]');
    assert.equal(rows.length, 1);
    assert.ok(rows[0]!.hasAttribute('data-overdue'));
    assert.match(textOf(root, '[data-testid="overdue-warning"]'), /1 action is overdue/);
    // The coordinator sees it overdue on the plan page.
    const plan = parseHtml(await page(coordinator.client, planPath()));
    assert.match(textOf(plan, '[data-testid="overdue-warning"]'), /1 action is overdue: Call a review/);
    const entry = await lastEntry('plans.actions.yours');
    // The pub is the police's: licensing are told there is a target they may not see, not its name.
    assert.deepEqual(entry?.record_ids, [licensingAction]);
    assert.match(
      await page(licensing.client, `/partner/plans/actions/${licensingAction}`),
      /Not shown to you/,
    );
  });

  it('completing needs a rating and a rationale; the owning agency records them; the plan owner only reads', async () => {
    const path = `/partner/plans/actions/${licensingAction}`;
    assert.match(await page(licensing.client, path), /Update this action/);
    assert.match(await page(coordinator.client, path), /Only licensing-plans can update this action/);
    assert.equal(
      (await send(coordinator.client, path, [['status', 'in-progress']])).status,
      404,
      'the plan owner cannot change another agency’s action',
    );

    const progress = await send(licensing.client, path, [
      ['status', 'in-progress'],
      ['outcome', 'Review requested'],
    ]);
    assert.equal(progress.status, 303);
    let row = await db()
      .selectFrom('plan_action')
      .selectAll()
      .where('id', '=', licensingAction)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'in-progress');

    for (const fields of [
      [['status', 'completed']],
      [
        ['status', 'completed'],
        ['rating', 'moderate'],
      ],
      [
        ['status', 'completed'],
        ['rating', 'moderate'],
        ['rationale', 'short'],
      ],
      [
        ['status', 'completed'],
        ['rating', 'brilliant'],
        ['rationale', 'A long enough rationale'],
      ],
    ] as [string, string][][]) {
      const refused = await send(licensing.client, path, fields);
      assert.equal(refused.status, 303);
      assert.equal(refused.headers.get('location'), path);
    }
    row = await db()
      .selectFrom('plan_action')
      .selectAll()
      .where('id', '=', licensingAction)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'in-progress', 'nothing changed');
    assert.equal(await count('disruption_impact'), 0);
    const shown = await page(licensing.client, path);
    assert.match(shown, /no national definitions/);

    const completed = await send(licensing.client, path, [
      ['status', 'completed'],
      ['outcome', 'Licence suspended for three months'],
      ['rating', 'moderate'],
      ['rationale', 'The pub was the line’s meeting place; it is closed to them for three months'],
      ['evidence', 'Licensing sub-committee decision'],
    ]);
    assert.equal(completed.status, 303);
    row = await db()
      .selectFrom('plan_action')
      .selectAll()
      .where('id', '=', licensingAction)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'completed');
    assert.ok(row.completed_at);
    const impact = await db()
      .selectFrom('disruption_impact')
      .selectAll()
      .where('action_id', '=', licensingAction)
      .executeTakeFirstOrThrow();
    assert.equal(impact.rating, 'moderate');
    assert.equal(impact.assessed_by, licensing.id);
    const entry = await lastEntry('plans.action.update');
    assert.equal(entry?.action, 'alteration');
    assert.deepEqual(entry.record_ids, [licensingAction, impact.id]);
  });

  it('peer review is by someone else only (the database refuses self-review too)', async () => {
    const path = `/partner/plans/actions/${licensingAction}`;
    assert.doesNotMatch(await page(licensing.client, path), /Record peer review/);
    const self = await send(licensing.client, `${path}/review`, [['note', 'I agree with myself']]);
    assert.equal(self.status, 303);
    let impact = await db()
      .selectFrom('disruption_impact')
      .selectAll()
      .where('action_id', '=', licensingAction)
      .executeTakeFirstOrThrow();
    assert.equal(impact.peer_reviewed_by, null);
    await assert.rejects(
      db()
        .updateTable('disruption_impact')
        .set({ peer_reviewed_by: licensing.id, peer_reviewed_at: new Date() })
        .where('id', '=', impact.id)
        .execute(),
    );
    assert.match(await page(analyst.client, path), /Record peer review/);
    const reviewed = await send(analyst.client, `${path}/review`, [['note', 'Agreed: moderate']]);
    assert.equal(reviewed.status, 303);
    impact = await db()
      .selectFrom('disruption_impact')
      .selectAll()
      .where('action_id', '=', licensingAction)
      .executeTakeFirstOrThrow();
    assert.equal(impact.peer_reviewed_by, analyst.id);
    const entry = await lastEntry('plans.impact.review');
    assert.deepEqual(entry?.record_ids, [impact.id]);
  });

  it('safeguarding referrals: made by those with victims:read, invisible (not even counted) to others', async () => {
    const form = await page(coordinator.client, `${planPath()}/referrals/new?victim=${world.victim}`);
    assert.match(form, /Mary Trelawny/);
    const bad = await send(coordinator.client, `${planPath()}/referrals/new`, [
      ['victim', world.dean],
      ['victimKind', 'cuckooing'],
      ['route', 'adult-safeguarding'],
      ['reason', 'Not a victim'],
    ]);
    assert.equal(bad.status, 303);
    assert.equal(await count('safeguarding_referral'), 0, 'only a victim linked to the plan');
    const made = await send(coordinator.client, `${planPath()}/referrals/new`, [
      ['victim', world.victim],
      ['victimKind', 'cuckooing'],
      ['route', 'adult-safeguarding'],
      ['reason', 'Her flat is used to deal from'],
      ['dueOn-day', '1'],
      ['dueOn-month', '1'],
      ['dueOn-year', '2030'],
    ]);
    assert.equal(made.status, 303);
    const referral = await db().selectFrom('safeguarding_referral').selectAll().executeTakeFirstOrThrow();
    assert.equal(referral.classification, 'OFFICIAL-SENSITIVE');
    assert.equal(referral.owning_agency_id, coordinator.agencyId);
    assert.deepEqual((await lastEntry('plans.referral.create'))?.record_ids, [referral.id]);

    const plan = await page(coordinator.client, planPath());
    assert.match(plan, /Her flat|Mary Trelawny/);
    const update = await send(coordinator.client, `/partner/plans/referrals/${referral.id}`, [
      ['status', 'made'],
    ]);
    assert.equal(update.status, 303, 'made needs a date');
    assert.equal(
      (await db().selectFrom('safeguarding_referral').select('status').executeTakeFirstOrThrow()).status,
      'to-make',
    );
    await send(coordinator.client, `/partner/plans/referrals/${referral.id}`, [
      ['status', 'made'],
      ['referredOn-day', '20'],
      ['referredOn-month', '11'],
      ['referredOn-year', '2026'],
      ['outcome', 'Accepted by adult social care'],
    ]);
    assert.equal(
      (await db().selectFrom('safeguarding_referral').select('status').executeTakeFirstOrThrow()).status,
      'made',
    );

    // Licensing (no victims:read): no trace on the plan page, 404 on the referral, 404 on the form.
    const theirs = await page(licensing.client, planPath());
    assert.doesNotMatch(theirs, /\b(referrals?|Mary Trelawny|safeguarding)\b/i);
    assert.doesNotMatch(theirs, new RegExp(referral.id));
    assert.equal((await licensing.client.get(`/partner/plans/referrals/${referral.id}`)).status, 404);
    assert.equal((await licensing.client.get(`${planPath()}/referrals/new`)).status, 404);
    assert.ok(!(await lastEntry('plans.view'))?.record_ids.includes(referral.id));
    // The API: no referral, and a count of nothing (the type is refused outright).
    assert.equal((await licensing.client.get('/api/v1/records/safeguarding-referral/count')).status, 404);
    // Health (victims:read, no part in the plan): the same 404s.
    assert.equal((await health.client.get(`/partner/plans/referrals/${referral.id}`)).status, 404);
    assert.equal((await health.client.get(planPath())).status, 404);
  });

  it('outsiders get the same 404 as a missing plan, and cannot add to it', async () => {
    const missing = await outsider.client.get('/partner/plans/00000000-0000-4000-8000-000000000000');
    const hidden = await outsider.client.get(planPath());
    assert.equal(missing.status, 404);
    assert.equal(hidden.status, 404);
    assert.equal(withoutNonce(await hidden.text()), withoutNonce(await missing.text()));
    assert.doesNotMatch(await page(outsider.client, '/partner/plans'), /Operation Kestrel/);
    const before = await count('plan_action');
    const add = await send(outsider.client, `${planPath()}/actions/new`, [
      ['strand', 'pursue'],
      ['description', 'Nope'],
      ['agency', outsider.agencyId],
    ]);
    assert.equal(add.status, 404);
    assert.equal(await count('plan_action'), before);
    assert.equal((await outsider.client.get(`/partner/plans/actions/${licensingAction}`)).status, 404);
    assert.equal((await outsider.client.get(`${planPath()}/export.csv`)).status, 404);
    const update = await send(outsider.client, `/partner/plans/actions/${licensingAction}`, [
      ['status', 'cancelled'],
    ]);
    assert.equal(update.status, 404);
  });

  it('exports the plan as CSV: one disclosure naming every record, formulas defused, referrals included', async () => {
    const before = await lastEntry('plans.export');
    assert.equal(before, undefined);
    const response = await coordinator.client.get(`${planPath()}/export.csv`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/csv/);
    const csv = await response.text();
    assert.match(csv, /Operation Kestrel/);
    assert.match(csv, /Call a review of the premises licence/);
    assert.match(csv, /"'=HYPERLINK\(""http:\/\/evil.example""\) warrant at the flat"/);
    assert.match(csv, /Safeguarding referral/);
    assert.match(csv, /moderate/);
    const referral = await db().selectFrom('safeguarding_referral').select('id').executeTakeFirstOrThrow();
    const impact = await db().selectFrom('disruption_impact').select('id').executeTakeFirstOrThrow();
    const entry = await lastEntry('plans.export');
    assert.equal(entry?.action, 'disclosure');
    for (const id of [planId, licensingAction, policeAction, impact.id, referral.id, world.victim, world.pub])
      assert.ok(entry.record_ids.includes(id), `the audit entry names ${id}`);
    // Licensing may not export (no intelligence:export): the route's 404.
    assert.equal((await licensing.client.get(`${planPath()}/export.csv`)).status, 404);
  });

  it('handling code C: the conditions must be acknowledged before the export, which is audited once', async () => {
    const response = await send(coordinator.client, '/partner/plans/new', [
      ['title', 'Pub watch'],
      ['about', 'entity'],
      ['entity', world.pub],
      ['owner', coordinator.email],
      ['classification', 'OFFICIAL-SENSITIVE'],
      ['handling', 'C'],
      ['handlingConditions', 'Not to leave the partnership meeting'],
    ]);
    const id = /([0-9a-f-]{36})$/.exec(response.headers.get('location') ?? '')![1]!;
    const plan = parseHtml(await page(coordinator.client, `/partner/plans/${id}`));
    assert.match(textOf(plan, '[data-testid="plan-summary"]'), /The Miners Arms/);
    assert.ok(
      plan
        .querySelectorAll('[data-testid="suggestion"]')
        .some((row) =>
          row.text.includes('The Miners Arms, the subject of this plan, is a licensed premises'),
        ),
    );
    const exportPage = await page(coordinator.client, `/partner/plans/${id}/export`);
    assert.match(exportPage, /Not to leave the partnership meeting/);
    const disclosures = async () =>
      (await db().selectFrom('audit_entry').select('seq').where('event', '=', 'plans.export').execute())
        .length;
    const before = await disclosures();
    const refused = await coordinator.client.get(`/partner/plans/${id}/export.csv`);
    assert.equal(refused.status, 303);
    assert.equal(refused.headers.get('location'), `/partner/plans/${id}/export`);
    assert.match(
      await page(coordinator.client, `/partner/plans/${id}/export`),
      /Confirm you have read the conditions/,
    );
    assert.equal(await disclosures(), before, 'a refused export discloses nothing');
    const allowed = await coordinator.client.get(`/partner/plans/${id}/export.csv?acknowledge=yes`);
    assert.equal(allowed.status, 200);
    assert.match(await allowed.text(), /Pub watch/);
    assert.equal(await disclosures(), before + 1);
    const entry = await lastEntry('plans.export');
    assert.ok(entry?.record_ids.includes(id));
  });

  it('handling code C on a record the export names (a target) needs its conditions acknowledged too', async () => {
    const response = await send(coordinator.client, '/partner/plans/new', [
      ['title', 'Flat watch'],
      ['about', 'entity'],
      ['entity', world.flat],
      ['owner', coordinator.email],
      ['classification', 'OFFICIAL-SENSITIVE'],
      ['handling', 'P'],
    ]);
    const id = /([0-9a-f-]{36})$/.exec(response.headers.get('location') ?? '')![1]!;
    assert.equal((await coordinator.client.get(`/partner/plans/${id}/export.csv`)).status, 200, 'all P');
    await db()
      .updateTable('entity')
      .set({ handling_code: 'C', handling_conditions: 'Address not to be disclosed to the landlord' })
      .where('id', '=', world.flat)
      .execute();
    try {
      assert.match(
        await page(coordinator.client, `/partner/plans/${id}/export`),
        /Address not to be disclosed to the landlord/,
      );
      const refused = await coordinator.client.get(`/partner/plans/${id}/export.csv`);
      assert.equal(refused.status, 303, 'the subject is handling code C');
      const allowed = await coordinator.client.get(`/partner/plans/${id}/export.csv?acknowledge=yes`);
      assert.equal(allowed.status, 200);
    } finally {
      await db()
        .updateTable('entity')
        .set({ handling_code: 'P', handling_conditions: null })
        .where('id', '=', world.flat)
        .execute();
    }
  });

  it('the audit pages can name plan records', async () => {
    const names = app.lantern.services.recordNames;
    const resolved = await names.resolve(db(), planId);
    assert.match(JSON.stringify(resolved), /Operation Kestrel/);
  });
  it('closing a plan: its owning agency only (a partner with an action or an outsider gets 404), audited once', async () => {
    for (const other of [licensing, outsider]) {
      const response = await send(other.client, `${planPath()}/close`, []);
      assert.equal(response.status, 404);
    }
    assert.doesNotMatch(await page(licensing.client, planPath()), /Close the plan/);
    const status = () =>
      db().selectFrom('plan').select('status').where('id', '=', planId).executeTakeFirstOrThrow();
    assert.equal((await status()).status, 'open');
    assert.match(await page(coordinator.client, planPath()), /Close the plan/);
    const response = await send(coordinator.client, `${planPath()}/close`, []);
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), planPath());
    assert.equal((await status()).status, 'closed');
    const entry = await lastEntry('plans.close');
    assert.deepEqual(entry?.record_ids, [planId]);
    assert.equal(entry.action, 'alteration');
    const shown = await page(coordinator.client, planPath());
    assert.match(shown, /The plan has been closed/);
    assert.doesNotMatch(shown, /Close the plan/);
    // Closing again changes nothing and writes nothing.
    await send(coordinator.client, `${planPath()}/close`, []);
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_entry where event = 'plans.close'`.execute(db());
    assert.equal(rows[0]!.n, 1);
  });
  it('names a victim target only to victims:read, a plan only to those who may read it; a referral changes only by its agency', async () => {
    const police = coordinator.agencyId;
    const marked = (owner: string) => ({
      classification: 'OFFICIAL-SENSITIVE',
      handling_code: 'P',
      handling_conditions: null,
      owning_agency_id: owner,
      access_list_id: null,
    });
    // An action for licensing whose target is the cuckooing victim (as a protective visit might be).
    const visit = await db()
      .insertInto('plan_action')
      .values({
        plan_id: planId,
        strand: 'protect',
        description: 'Protective visit to the tenant',
        target_entity_id: world.victim,
        ...marked(licensingAgency),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('record_share')
      .values({ record_type: 'plan-action', record_id: visit.id, agency_id: police, shared_by: null })
      .execute();
    await db()
      .insertInto('record_share')
      .values({ record_type: 'entity', record_id: world.victim, agency_id: licensingAgency, shared_by: null })
      .execute();
    const theirs = await page(licensing.client, `/partner/plans/actions/${visit.id}`);
    assert.doesNotMatch(
      theirs,
      /Mary Trelawny/,
      'licensing may read the entity, but not that she is a victim',
    );
    assert.match(theirs, /Not shown to you/);
    assert.doesNotMatch(await page(licensing.client, planPath()), /Mary Trelawny/);
    assert.ok(!(await lastEntry('plans.action.view'))?.record_ids.includes(world.victim));
    assert.match(await page(coordinator.client, `/partner/plans/actions/${visit.id}`), /Mary Trelawny/);

    // An action shared without its plan: the action page and "Your actions" do not name the plan.
    const hiddenPlan = await db()
      .insertInto('plan')
      .values({
        title: 'Operation Quiet Harbour',
        ocg_id: world.ocgId,
        owner_user_id: coordinator.id,
        ...marked(police),
      })
      .returning(['id', 'reference'])
      .executeTakeFirstOrThrow();
    const lone = await db()
      .insertInto('plan_action')
      .values({
        plan_id: hiddenPlan.id,
        strand: 'pursue',
        description: 'Test purchase',
        ...marked(licensingAgency),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const path of [`/partner/plans/actions/${lone.id}`, '/partner/plans/actions']) {
      const html = await page(licensing.client, path);
      assert.doesNotMatch(html, /Operation Quiet Harbour/);
      assert.doesNotMatch(html, new RegExp(hiddenPlan.reference));
    }

    // Health reads police referrals through a sharing rule, but only the referring agency changes one.
    for (const record_type of ['safeguarding-referral', 'entity']) {
      await db()
        .insertInto('sharing_rule')
        .values({ owner_agency_id: police, partner_agency_id: health.agencyId, record_type })
        .execute();
    }
    const referral = await db()
      .selectFrom('safeguarding_referral')
      .select(['id', 'status'])
      .executeTakeFirstOrThrow();
    const shown = await page(health.client, `/partner/plans/referrals/${referral.id}`);
    assert.doesNotMatch(shown, /<form[^>]*referrals\//);
    const refused = await send(health.client, `/partner/plans/referrals/${referral.id}`, [
      ['status', 'made'],
      ['referredOn-day', '21'],
      ['referredOn-month', '11'],
      ['referredOn-year', '2026'],
      ['outcome', 'Changed by another agency'],
    ]);
    assert.equal(refused.status, 404);
    assert.equal(
      (
        await db()
          .selectFrom('safeguarding_referral')
          .select('status')
          .where('id', '=', referral.id)
          .executeTakeFirstOrThrow()
      ).status,
      referral.status,
    );
  });
});
