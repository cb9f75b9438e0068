/**
 * 4P plans in the access matrix: plans, actions, disruption impacts (governed by their action) and
 * safeguarding referrals (victim-only records, visible only if the victim is), in marking
 * combinations, shared owner → partner by sharing rules and some one record at a time.
 */
import type { Marking } from '../../src/features/access/markings.js';
import { shareRecord } from '../../src/features/access/shares.js';
import type { TestApp } from './app.js';
import { MATRIX_TOKEN, type FixtureRecord } from './matrix-fixtures.js';

type AgencyName = 'owner' | 'partner' | 'outsider';
type FixtureMarking = NonNullable<FixtureRecord['marking']>;

export async function planFixtures(
  app: TestApp,
  agencyIds: Record<AgencyName, string>,
  lists: Record<'owner' | 'partner', string>,
  records: FixtureRecord[],
): Promise<void> {
  const { database } = app.lantern;
  const db = database.db;
  for (const type of ['plan', 'plan-action', 'safeguarding-referral']) {
    await db
      .insertInto('sharing_rule')
      .values({ owner_agency_id: agencyIds.owner, partner_agency_id: agencyIds.partner, record_type: type })
      .execute();
  }
  const author = await db
    .selectFrom('app_user')
    .select('id')
    .where('email', 'like', `${MATRIX_TOKEN}-%`)
    .orderBy('email')
    .executeTakeFirstOrThrow();
  const entity = (label: string) =>
    records.find((r) => r.type === 'entity' && r.label.startsWith(`entity ${label}`))!;
  const subject = entity('owner OFFICIAL list none');
  const columns = (m: FixtureMarking) => {
    const marking: Marking = {
      classification: m.classification,
      handlingCode: m.handlingCode,
      handlingConditions: m.handlingCode === 'C' ? 'Do not disclose outside the partnership' : null,
      owningAgencyId: agencyIds[m.owner],
      accessListId: m.accessList ? lists[m.accessList[0] as 'owner' | 'partner'] : null,
    };
    return {
      classification: marking.classification,
      handling_code: marking.handlingCode,
      handling_conditions: marking.handlingConditions,
      owning_agency_id: marking.owningAgencyId,
      access_list_id: marking.accessListId,
    };
  };
  const shareWithPartner = async (type: 'plan' | 'plan-action', record: FixtureRecord): Promise<void> => {
    await database.transaction((tx) =>
      shareRecord(tx, { type, recordId: record.id, agencyId: agencyIds.partner, sharedBy: author.id }),
    );
    record.marking!.sharedWith = ['partner'];
    record.label += ', shared one by one with partner';
  };

  const plan = async (m: FixtureMarking) => {
    const row = await db
      .insertInto('plan')
      .values({
        title: `${MATRIX_TOKEN} plan`,
        subject_entity_id: subject.id,
        owner_user_id: author.id,
        ...columns(m),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const record: FixtureRecord = {
      type: 'plan',
      id: row.id,
      label: `plan owned by ${m.owner}, ${m.classification}, ${m.handlingCode}, list ${m.accessList?.[0] ?? 'none'}`,
      marking: m,
    };
    records.push(record);
    return record;
  };
  const ownPlan = await plan({
    classification: 'OFFICIAL',
    handlingCode: 'P',
    owner: 'owner',
    accessList: null,
  });
  await plan({
    classification: 'OFFICIAL-SENSITIVE',
    handlingCode: 'C',
    owner: 'owner',
    accessList: ['owner'],
  });
  await plan({ classification: 'OFFICIAL', handlingCode: 'P', owner: 'owner', accessList: ['partner'] });
  const outsiderPlan = await plan({
    classification: 'OFFICIAL',
    handlingCode: 'P',
    owner: 'outsider',
    accessList: null,
  });
  await shareWithPartner('plan', outsiderPlan);
  await plan({
    classification: 'OFFICIAL-SENSITIVE',
    handlingCode: 'P',
    owner: 'outsider',
    accessList: null,
  });

  const action = async (planRecord: FixtureRecord, m: FixtureMarking) => {
    const row = await db
      .insertInto('plan_action')
      .values({
        plan_id: planRecord.id,
        strand: 'pursue',
        description: `${MATRIX_TOKEN} action`,
        created_by: author.id,
        ...columns(m),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const record: FixtureRecord = {
      type: 'plan-action',
      id: row.id,
      label: `action owned by ${m.owner}, ${m.classification}, ${m.handlingCode}, list ${m.accessList?.[0] ?? 'none'}`,
      marking: m,
    };
    records.push(record);
    return record;
  };
  const ownAction = await action(ownPlan, {
    classification: 'OFFICIAL',
    handlingCode: 'P',
    owner: 'owner',
    accessList: null,
  });
  const sensitiveAction = await action(ownPlan, {
    classification: 'OFFICIAL-SENSITIVE',
    handlingCode: 'C',
    owner: 'owner',
    accessList: null,
  });
  await action(ownPlan, {
    classification: 'OFFICIAL',
    handlingCode: 'P',
    owner: 'owner',
    accessList: ['partner'],
  });
  const sharedAction = await action(outsiderPlan, {
    classification: 'OFFICIAL',
    handlingCode: 'P',
    owner: 'outsider',
    accessList: null,
  });
  await shareWithPartner('plan-action', sharedAction);
  const unsharedAction = await action(outsiderPlan, {
    classification: 'OFFICIAL',
    handlingCode: 'P',
    owner: 'outsider',
    accessList: null,
  });

  // Disruption impacts carry their action's markings and one-record shares.
  for (const actionRecord of [ownAction, sensitiveAction, sharedAction, unsharedAction]) {
    const row = await db
      .insertInto('disruption_impact')
      .values({
        action_id: actionRecord.id,
        rating: 'moderate',
        rationale: `${MATRIX_TOKEN} rationale for the rating`,
        assessed_by: author.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    records.push({
      type: 'disruption-impact',
      id: row.id,
      label: `impact of ${actionRecord.label}`,
      marking: { ...actionRecord.marking! },
    });
  }

  // Safeguarding referrals: victim-only, and visible only if the victim is.
  const referral = async (planRecord: FixtureRecord, m: FixtureMarking, victim: FixtureRecord) => {
    const row = await db
      .insertInto('safeguarding_referral')
      .values({
        plan_id: planRecord.id,
        victim_entity_id: victim.id,
        victim_kind: 'cuckooing',
        route: 'adult-safeguarding',
        reason: `${MATRIX_TOKEN} referral reason`,
        created_by: author.id,
        ...columns(m),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    records.push({
      type: 'safeguarding-referral',
      id: row.id,
      label: `referral owned by ${m.owner}, ${m.classification}, list ${m.accessList?.[0] ?? 'none'}, for ${victim.label}`,
      marking: m,
      victim: true,
      reveals: [victim],
    });
  };
  const sensitive = { classification: 'OFFICIAL-SENSITIVE', handlingCode: 'P', accessList: null } as const;
  await referral(ownPlan, { ...sensitive, owner: 'owner' }, entity('owner OFFICIAL list none'));
  await referral(outsiderPlan, { ...sensitive, owner: 'outsider' }, entity('outsider OFFICIAL list none'));
  await referral(
    ownPlan,
    { classification: 'OFFICIAL', handlingCode: 'C', owner: 'owner', accessList: ['partner'] },
    entity('owner OFFICIAL list none'),
  );
  // The victim is on the partner's list: the owner's own people may not see this referral.
  await referral(ownPlan, { ...sensitive, owner: 'owner' }, entity('owner OFFICIAL list partner'));
}
