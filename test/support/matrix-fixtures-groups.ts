/**
 * The OCG register's records for the access matrix: OCGs in each marking combination (shared
 * owner → partner by a sharing rule, and one of the outsider's shared one at a time with the
 * partner), members whose entities differ in visibility, assessments, and a scoring model.
 */
import type { Marking } from '../../src/features/access/markings.js';
import { insertMember } from '../../src/features/groups/member-queries.js';
import { insertOcg } from '../../src/features/groups/queries.js';
import { insertAssessment } from '../../src/features/groups/scoring-queries.js';
import { shareRecord } from '../../src/features/access/shares.js';
import type { TestApp } from './app.js';
import { MATRIX_TOKEN, type FixtureRecord } from './matrix-fixtures.js';

type AgencyName = 'owner' | 'partner' | 'outsider';

export async function groupFixtures(
  app: TestApp,
  agencyIds: Record<AgencyName, string>,
  lists: Record<'owner' | 'partner', string>,
  records: FixtureRecord[],
): Promise<void> {
  const { database } = app.lantern;
  await database.db
    .insertInto('sharing_rule')
    .values({ owner_agency_id: agencyIds.owner, partner_agency_id: agencyIds.partner, record_type: 'ocg' })
    .execute();
  const author = await database.db
    .selectFrom('app_user')
    .select('id')
    .where('email', 'like', `${MATRIX_TOKEN}-%`)
    .orderBy('email')
    .executeTakeFirstOrThrow();
  const entity = (label: string): FixtureRecord => {
    const found = records.find((r) => r.type === 'entity' && r.label.startsWith(`entity ${label}`));
    if (!found) throw new Error(`No entity fixture "${label}"`);
    return found;
  };

  const ocgs: Record<string, FixtureRecord> = {};
  for (const owner of ['owner', 'outsider'] as const) {
    for (const classification of ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const) {
      for (const list of [null, 'partner'] as const) {
        const m = { classification, handlingCode: 'P', owner, accessList: list ? [list] : null } as const;
        const marking: Marking = {
          classification,
          handlingCode: 'P',
          handlingConditions: null,
          owningAgencyId: agencyIds[owner],
          accessListId: list ? lists[list] : null,
        };
        const name = `${owner} ${classification} list ${list ?? 'none'}`;
        const { id } = await database.transaction((tx) =>
          insertOcg(
            tx,
            {
              name: `${MATRIX_TOKEN} OCG ${name}`,
              operationName: null,
              summary: null,
              categories: ['illegal-drugs'],
              areas: ['Matrix'],
              status: 'active',
              leadAgencyId: agencyIds[owner],
              createdBy: author.id,
            },
            marking,
          ),
        );
        const record: FixtureRecord = { type: 'ocg', id, label: `OCG ${name}`, marking: { ...m } };
        records.push(record);
        ocgs[name] = record;
      }
    }
  }
  // The outsider shares one OCG with the partner, one record at a time.
  const shared = ocgs['outsider OFFICIAL list none']!;
  await database.transaction((tx) =>
    shareRecord(tx, { type: 'ocg', recordId: shared.id, agencyId: agencyIds.partner, sharedBy: author.id }),
  );
  shared.marking!.sharedWith = ['partner'];
  shared.label += ', shared one by one with partner';

  // Members carry their OCG's markings and reveal their entity: one on the partner's list is hidden
  // from the owner's own viewers although the OCG is theirs.
  const member = async (ocg: FixtureRecord, person: FixtureRecord, role: 'principal' | 'peripheral') => {
    const id = await database.transaction((tx) =>
      insertMember(tx, { ocgId: ocg.id, entityId: person.id, role, roleNote: null, addedBy: author.id }),
    );
    records.push({
      type: 'ocg-member',
      id,
      label: `${role} ${person.label} in ${ocg.label}`,
      marking: ocg.marking,
      reveals: [person],
    });
  };
  const own = ocgs['owner OFFICIAL list none']!;
  await member(own, entity('owner OFFICIAL list none'), 'principal');
  await member(own, entity('owner OFFICIAL list partner'), 'peripheral');
  await member(
    ocgs['owner OFFICIAL-SENSITIVE list partner']!,
    entity('owner OFFICIAL list none'),
    'principal',
  );
  await member(shared, entity('outsider OFFICIAL list none'), 'principal');

  const model = await database.db
    .insertInto('scoring_model')
    .values({
      key: MATRIX_TOKEN,
      version: 1,
      name: `${MATRIX_TOKEN} model`,
      description: 'Matrix',
      definition: JSON.stringify({
        dimensions: [
          {
            key: 'harm',
            label: 'Harm',
            description: 'Harm',
            scale: { min: 1, max: 2, points: [1, 2].map((value) => ({ value, meaning: `${value}` })) },
            weight: 1,
          },
        ],
        bands: [{ label: 'Band matrix', minimum: 0 }],
      }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  records.push({ type: 'scoring-model', id: model.id, label: 'scoring model', marking: null });

  for (const ocg of [
    own,
    ocgs['owner OFFICIAL-SENSITIVE list none']!,
    shared,
    ocgs['outsider OFFICIAL list partner']!,
  ]) {
    const id = await database.transaction((tx) =>
      insertAssessment(tx, {
        ocgId: ocg.id,
        modelId: model.id,
        scores: [{ dimension: 'harm', score: 1, rationale: 'Matrix' }],
        unknowns: null,
        total: 1,
        band: 'Band matrix',
        assessedBy: author.id,
      }),
    );
    records.push({ type: 'ocg-assessment', id, label: `assessment of ${ocg.label}`, marking: ocg.marking });
  }
}
