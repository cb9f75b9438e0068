/**
 * A small county-lines world for the plan tests: a police-owned OCG with a principal who uses a
 * vehicle and visits a flat, a linked licensed pub, a cuckooing victim whose home is that flat, an
 * item supporting the OCG, and a few tactics (the library's seed data is another feature's).
 */
import type { Marking } from '../../src/features/access/markings.js';
import {
  addInvolvement,
  insertEntity,
  insertItem,
  insertLink,
  PUBLIC_REPORT_EVIDENCE_LIST,
} from '../../src/features/intelligence/queries.js';
import type {
  EntityProperties,
  EntitySchemaName,
  LinkTypeName,
} from '../../src/features/intelligence/schema.js';
import type { TestApp } from './app.js';

export interface PlansWorld {
  ocgId: string;
  dean: string;
  pub: string;
  vehicle: string;
  flat: string;
  victim: string;
  itemId: string;
  tactics: Record<'licence' | 'dvla' | 'safeguarding' | 'closure', string>;
}

export async function plansWorld(app: TestApp, policeAgencyId: string): Promise<PlansWorld> {
  const { database } = app.lantern;
  const marking: Marking = {
    classification: 'OFFICIAL-SENSITIVE',
    handlingCode: 'P',
    handlingConditions: null,
    owningAgencyId: policeAgencyId,
    accessListId: null,
  };
  return database.transaction(async (tx) => {
    const entity = (schema: EntitySchemaName, properties: EntityProperties) =>
      insertEntity(tx, { schema, properties, createdBy: null }, marking);
    const dean = await entity('Person', { name: ['Dean Vosper'] });
    const pub = await entity('Premises', { name: ['The Miners Arms'], premisesKind: ['licensed premises'] });
    const vehicle = await entity('Vehicle', { registration: ['WP19ABC'] });
    const flat = await entity('Address', { full: ['12 Fore Street, Camborne'] });
    const victim = await entity('Person', { name: ['Mary Trelawny'] });
    const item = await insertItem(
      tx,
      {
        sourceType: 'partner-officer',
        sourceDescription: 'Neighbourhood team',
        body: 'Dean Vosper is running a line from the flat of a vulnerable woman',
        categories: ['illegal-drugs'],
        createdBy: null,
      },
      marking,
      { accessListId: PUBLIC_REPORT_EVIDENCE_LIST, conditions: 'Original words' },
    );
    await addInvolvement(tx, { itemId: item.id, entityId: dean, subjectCategory: 'suspect', addedBy: null });
    await addInvolvement(tx, { itemId: item.id, entityId: victim, subjectCategory: 'victim', addedBy: null });
    const link = (type: LinkTypeName, from: string, to: string) =>
      insertLink(
        tx,
        { type, fromEntityId: from, toEntityId: to, confidence: 'high', createdBy: null },
        [item.id],
        marking,
      );
    await link('uses-vehicle', dean, vehicle);
    await link('visits', dean, flat);
    await link('exploits', dean, victim);
    await link('lives-at', victim, flat);
    const ocg = await tx
      .insertInto('ocg')
      .values({
        name: 'Kestrel county line',
        categories: ['illegal-drugs'],
        lead_agency_id: policeAgencyId,
        classification: 'OFFICIAL-SENSITIVE',
        handling_code: 'P',
        owning_agency_id: policeAgencyId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('ocg_member')
      .values([
        { ocg_id: ocg.id, entity_id: dean, role: 'principal' },
        { ocg_id: ocg.id, entity_id: pub, role: 'associated' },
      ])
      .execute();
    await tx
      .insertInto('ocg_source')
      .values({ ocg_id: ocg.id, item_id: item.id, statement: 'The line exists' })
      .execute();
    const tactic = async (key: string, name: string, strand: 'pursue' | 'protect', suggestedFor: string[]) =>
      (
        await tx
          .insertInto('tactic')
          .values({
            key,
            name,
            strand,
            lifestyle_area: 'crime',
            agency_kind: strand === 'protect' ? 'Safeguarding' : 'Licensing',
            description: name,
            legal_basis: 'Test basis',
            requirements: 'Test requirements',
            typical_impact: 'Test impact',
            who_can_help: 'Test contact',
            suggested_for: suggestedFor,
            source: 'Test',
            verified_on: '2026-11-01',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    return {
      ocgId: ocg.id,
      dean,
      pub,
      vehicle,
      flat,
      victim,
      itemId: item.id,
      tactics: {
        licence: await tactic('test-licence-review', 'Premises licence review', 'pursue', [
          'licensed-premises',
        ]),
        dvla: await tactic('test-dvla', 'DVLA and vehicle checks', 'pursue', ['vehicle']),
        closure: await tactic('test-closure', 'Closure notice', 'pursue', ['address', 'cuckooing-victim']),
        safeguarding: await tactic('test-adult-safeguarding', 'Adult safeguarding referral', 'protect', [
          'victim',
          'cuckooing-victim',
        ]),
      },
    };
  });
}
