/**
 * Demo OCG register: the Pascoe county line (Operation Harbour) built from the demo intelligence,
 * and a lower-harm counterfeit tobacco group, both held by the police public protection unit and
 * shared with the partnership team so the coordinator can score and plan them. The county line has
 * one older assessment (Band C), below the tobacco group (Band B): re-scoring it with what the
 * intelligence now shows moves it up the list. Lee Rowe, the cuckooing victim, is not a member:
 * he is linked through the items. Loaded once, with one audit entry.
 */
import type { Tx } from '../../db/database.js';
import type { Marking } from '../access/markings.js';
import { writeAuditEntry } from '../audit/audit-log.js';
import { DEFAULT_SCORING_MODEL } from '../groups/default-scoring-model.js';
import { insertMember, insertSource } from '../groups/member-queries.js';
import { insertOcg, type MemberRole } from '../groups/queries.js';
import { insertAssessment } from '../groups/scoring-queries.js';
import { scoreAssessment } from '../groups/scoring.js';

const DAY = 24 * 60 * 60 * 1000;

/** Members: demo entity key (demo-intelligence.ts), role, note. */
const COUNTY_LINE_MEMBERS: readonly [string, MemberRole, string | null][] = [
  ['kane', 'principal', 'Runs the deal line and the runners'],
  ['jordan', 'significant', 'Drives and holds cash'],
  ['shaun', 'peripheral', 'Lets the back bar be used for hand-overs'],
  ['pub', 'associated', 'Hand-overs in the back bar'],
  ['flat', 'associated', 'Cuckooed address used to deal from; the tenant is a victim'],
  ['deal-line', 'associated', 'The deal line'],
  ['kane-phone', 'associated', null],
  ['golf', 'associated', 'Used on the line'],
];

/** Supporting items: the start of the item's words, the statement, and the member it is about. */
const COUNTY_LINE_SOURCES: readonly [string, string, string | null][] = [
  ['Kane Pascoe stopped', 'The line deals in Camborne with the deal line 07700 900461', null],
  ['Kane Pascoe stopped', 'Kane Pascoe controls the line', 'kane'],
  ['Kane Pascoe stopped', 'Jordan Tremayne travels with Kane Pascoe and holds cash', 'jordan'],
  ['Lee Rowe, a vulnerable adult', 'The line deals from a cuckooed flat on Chapel Row', 'flat'],
  ['Licensing visit', 'Packages are handed over at The Miners Arms', 'shaun'],
];

const scores = (levels: Record<string, number>, rationale: Record<string, string>) =>
  DEFAULT_SCORING_MODEL.definition.dimensions.map((d) => ({
    dimension: d.key,
    score: levels[d.key],
    rationale: rationale[d.key] ?? '',
  }));

/** Loads the demo OCGs once, after the demo intelligence. */
export async function loadDemoGroups(tx: Tx, policeAgencyId: string): Promise<void> {
  const already = await tx
    .selectFrom('ocg')
    .select('id')
    .where('name', '=', 'Pascoe county line')
    .executeTakeFirst();
  if (already) return;
  const [partnership, analyst, model] = await Promise.all([
    tx.selectFrom('agency').select('id').where('code', '=', 'partnership-team').executeTakeFirst(),
    tx
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', 'analyst@police.demo.lantern.test')
      .executeTakeFirst(),
    tx
      .selectFrom('scoring_model')
      .select('id')
      .where('key', '=', DEFAULT_SCORING_MODEL.key)
      .where('version', '=', DEFAULT_SCORING_MODEL.version)
      .executeTakeFirst(),
  ]);
  if (!partnership || !analyst || !model) return; // not the demo partnership: nothing to build on

  const marking: Marking = {
    classification: 'OFFICIAL-SENSITIVE',
    handlingCode: 'P',
    handlingConditions: null,
    owningAgencyId: policeAgencyId,
    accessListId: null,
  };
  const entityIds = new Map(
    (
      await tx
        .selectFrom('entity')
        .select(['id', 'source_key'])
        .where('source_key', 'like', 'demo:%')
        .execute()
    ).map((row) => [String(row.source_key).slice('demo:'.length), row.id]),
  );
  const idOf = (key: string): string => {
    const id = entityIds.get(key);
    if (!id) throw new Error(`Demo OCG names ${key}, which the demo intelligence does not define`);
    return id;
  };

  const countyLine = await insertOcg(
    tx,
    {
      name: 'Pascoe county line',
      operationName: 'Operation Harbour',
      summary:
        'A county line supplying crack cocaine and heroin in Camborne and Redruth through the deal line 07700 900461, using young runners from London and a cuckooed flat on Chapel Row.',
      categories: ['illegal-drugs', 'modern-slavery-and-human-trafficking'],
      areas: ['Camborne', 'Redruth'],
      status: 'active',
      leadAgencyId: policeAgencyId,
      createdBy: analyst.id,
    },
    marking,
  );
  const memberIds = new Map<string, string>();
  for (const [key, role, note] of COUNTY_LINE_MEMBERS) {
    memberIds.set(
      key,
      await insertMember(tx, {
        ocgId: countyLine.id,
        entityId: idOf(key),
        role,
        roleNote: note,
        addedBy: analyst.id,
      }),
    );
  }
  const itemIds: string[] = [];
  for (const [start, statement, memberKey] of COUNTY_LINE_SOURCES) {
    const item = await tx
      .selectFrom('intelligence_item')
      .select('id')
      .where('body', 'like', `${start}%`)
      .where('owning_agency_id', '=', policeAgencyId)
      .executeTakeFirstOrThrow();
    itemIds.push(item.id);
    await insertSource(tx, {
      ocgId: countyLine.id,
      itemId: item.id,
      memberId: memberKey ? (memberIds.get(memberKey) ?? null) : null,
      statement,
      addedBy: analyst.id,
    });
  }

  const tobacco = await insertOcg(
    tx,
    {
      name: 'Trevithick Road counterfeit tobacco',
      operationName: null,
      summary:
        'Counterfeit cigarettes and hand-rolling tobacco sold from two convenience shops and a car boot sale; proceeds laundered through the shops.',
      categories: ['fraud', 'money-laundering-and-economic-crime'],
      areas: ['Redruth'],
      status: 'active',
      leadAgencyId: policeAgencyId,
      createdBy: analyst.id,
    },
    marking,
  );

  // The county line as first assessed two months ago, before the cuckooing came to light.
  const assessments: string[] = [];
  const first = scoreAssessment(
    DEFAULT_SCORING_MODEL.definition,
    scores(
      { harm: 3, threat: 3, 'capability-intent': 2, vulnerability: 3, confidence: 2 },
      {
        harm: 'Street dealing of class A drugs in Camborne',
        threat: 'Regular supply in one town',
        'capability-intent': 'Small crew, no weapons seen',
        vulnerability: 'Young runners suspected, not confirmed',
        confidence: 'One stop check and an untested public report',
      },
    ),
  );
  const tobaccoScore = scoreAssessment(
    DEFAULT_SCORING_MODEL.definition,
    scores(
      { harm: 3, threat: 3, 'capability-intent': 3, vulnerability: 3, confidence: 4 },
      {
        harm: 'Counterfeit tobacco sold to children; unsafe products',
        threat: 'Two shops and a car boot sale across Redruth',
        'capability-intent': 'Organised supply from outside the county; proceeds laundered',
        vulnerability: 'Shop staff may be exploited; sales to under-18s',
        confidence: 'Trading Standards test purchases confirmed',
      },
    ),
  );
  if (!first.ok || !tobaccoScore.ok) throw new Error('The demo assessments do not fit the default model');
  assessments.push(
    await insertAssessment(tx, {
      ocgId: countyLine.id,
      modelId: model.id,
      scores: first.scores,
      unknowns: 'Who supplies the line; whether the runners are children',
      total: first.total,
      band: first.band,
      assessedBy: analyst.id,
      assessedAt: new Date(Date.now() - 60 * DAY),
    }),
    await insertAssessment(tx, {
      ocgId: tobacco.id,
      modelId: model.id,
      scores: tobaccoScore.scores,
      unknowns: null,
      total: tobaccoScore.total,
      band: tobaccoScore.band,
      assessedBy: analyst.id,
      assessedAt: new Date(Date.now() - 20 * DAY),
    }),
  );

  // The police share their OCGs and the intelligence behind them with the partnership team, so
  // the coordinator sees the members, the pub and the victim when planning.
  for (const recordType of ['ocg', 'entity', 'link', 'intelligence-item']) {
    await tx
      .insertInto('sharing_rule')
      .values({ owner_agency_id: policeAgencyId, partner_agency_id: partnership.id, record_type: recordType })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  await writeAuditEntry(
    tx,
    {
      actor: { kind: 'system', name: 'demo-data' },
      requestId: null,
      purpose: null,
      justification: null,
      written: 0,
    },
    {
      action: 'collection',
      event: 'demo.ocgs',
      recordType: 'ocg',
      recordIds: [countyLine.id, tobacco.id, ...memberIds.values(), ...assessments, ...itemIds],
    },
  );
}
