/**
 * A small network for the network tests, owned by a police unit that shares entities, links and
 * items with a council team by sharing rules:
 *
 *     G ─(family, low, hidden link)─ A ── B ── H* ── C ── D        * H is on a police-only list
 *                                        │ ╲
 *                                        E ─ F   (B–F supported only by a police-only item)
 *
 * The police analyst sees all eight. The council officer cannot open H, the link A–G or the only
 * item behind B–F, so from A they get A, B, E and F (F through E–F, whose items they may see) and
 * nothing else: C and D are visible to them, but reachable only through H, so they must never
 * appear. Dates, confidences and grades are set so each filter removes a known link. The OCG
 * "Netfixture crew" (police, not shared) has C and D as members.
 */
import type { TestApp } from '../../../test/support/app.js';
import { signedInPartner, type TestPartner } from '../../../test/support/partner.js';
import type { Marking } from '../access/markings.js';
import { permissionsOf, type Role } from '../access/roles.js';
import type { Viewer } from '../access/policy.js';
import { loadViewer } from '../access/viewer.js';
import { insertEntity, insertItem, insertLink, PUBLIC_REPORT_EVIDENCE_LIST } from '../intelligence/index.js';

export interface NetworkFixture {
  analyst: TestPartner;
  officer: TestPartner;
  stranger: TestPartner;
  ids: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H', string>;
  links: Record<'AB' | 'AG' | 'BH' | 'HC' | 'CD' | 'BE' | 'BF' | 'EF', string>;
  ocgId: string;
  viewerOf(partner: TestPartner, role: Role): Promise<Viewer>;
}

export async function networkFixture(app: TestApp, signIn = true): Promise<NetworkFixture> {
  const { database } = app.lantern;
  const analyst = await signedInPartner(app, {
    agency: 'police-net',
    roles: ['public-protection-analyst'],
    signIn,
  });
  const officer = await signedInPartner(app, { agency: 'council-net', roles: ['council-officer'], signIn });
  const stranger = await signedInPartner(app, {
    agency: 'elsewhere-net',
    roles: ['public-protection-analyst'],
    signIn,
  });
  await database.db
    .insertInto('sharing_rule')
    .values(
      ['intelligence-item', 'entity', 'link'].map((record_type) => ({
        owner_agency_id: analyst.agencyId,
        partner_agency_id: officer.agencyId,
        record_type,
      })),
    )
    .execute();
  const list = await database.db
    .insertInto('access_list')
    .values({ description: 'police only' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await database.db
    .insertInto('access_list_member')
    .values({ access_list_id: list.id, agency_id: analyst.agencyId })
    .execute();
  const marking = (listed = false): Marking => ({
    classification: 'OFFICIAL-SENSITIVE',
    handlingCode: 'P',
    handlingConditions: null,
    owningAgencyId: analyst.agencyId,
    accessListId: listed ? list.id : null,
  });

  return database.transaction(async (tx) => {
    const item = async (grade: [string, string], listed = false) =>
      (
        await insertItem(
          tx,
          {
            sourceType: 'partner-officer',
            sourceDescription: 'Visit',
            body: 'Seen together',
            grade: { sourceEvaluation: grade[0], informationAssessment: grade[1] },
            createdBy: null,
          },
          marking(listed),
          { accessListId: PUBLIC_REPORT_EVIDENCE_LIST, conditions: 'Original words' },
        )
      ).id;
    const good = await item(['1', 'B']);
    const poor = await item(['3', 'E']);
    const secret = await item(['1', 'A'], true);
    const ids = {} as NetworkFixture['ids'];
    for (const name of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const) {
      ids[name] = await insertEntity(
        tx,
        { schema: 'Person', properties: { name: [`Netfixture ${name}`] }, createdBy: null },
        marking(name === 'H'),
      );
    }
    const link = (
      from: keyof NetworkFixture['ids'],
      to: keyof NetworkFixture['ids'],
      items: string[],
      options: {
        type?: string;
        confidence?: 'low' | 'medium' | 'high';
        start?: string;
        end?: string;
        listed?: boolean;
      } = {},
    ) =>
      insertLink(
        tx,
        {
          type: (options.type ?? 'associate-of') as 'associate-of',
          fromEntityId: ids[from],
          toEntityId: ids[to],
          confidence: options.confidence ?? 'high',
          startDate: options.start ?? null,
          endDate: options.end ?? null,
          createdBy: null,
        },
        items,
        marking(options.listed ?? false),
      );
    const links: NetworkFixture['links'] = {
      AB: await link('A', 'B', [good]),
      AG: await link('A', 'G', [good], { type: 'family-of', confidence: 'low', listed: true }),
      BH: await link('B', 'H', [poor]),
      HC: await link('H', 'C', [good]),
      CD: await link('C', 'D', [good]),
      BE: await link('B', 'E', [good], { start: '2020-01-01', end: '2020-12-31' }),
      BF: await link('B', 'F', [secret]),
      EF: await link('E', 'F', [good, poor]),
    };
    const ocg = await tx
      .insertInto('ocg')
      .values({
        name: 'Netfixture crew',
        lead_agency_id: analyst.agencyId,
        classification: 'OFFICIAL-SENSITIVE',
        handling_code: 'P',
        handling_conditions: null,
        owning_agency_id: analyst.agencyId,
        access_list_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('ocg_member')
      .values([
        { ocg_id: ocg.id, entity_id: ids.C, role: 'principal' },
        { ocg_id: ocg.id, entity_id: ids.D, role: 'significant' },
      ])
      .execute();
    return {
      analyst,
      officer,
      stranger,
      ids,
      links,
      ocgId: ocg.id,
      viewerOf: (partner: TestPartner, role: Role) =>
        loadViewer(database.db, {
          kind: 'user',
          userId: partner.id,
          agencyId: partner.agencyId,
          roles: [role],
          permissions: permissionsOf([role]),
          clearance: 'OFFICIAL-SENSITIVE',
        }),
    };
  });
}
