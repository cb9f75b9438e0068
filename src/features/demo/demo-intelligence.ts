/**
 * Demo intelligence: a small, fictional county-lines picture in Camborne and Redruth, held by the
 * police public protection unit, so search, entity pages and (later) network analysis have
 * something to show. Names are invented; phone numbers are in Ofcom's drama range (07700 900xxx);
 * postcodes are real districts with invented streets. Loaded once, with one audit entry.
 *
 * The county line around Kane Pascoe has runners, a London line holder and, through the pub's
 * supervisor, a tie to the car wash, so the network pages show communities, brokers and a
 * network that falls apart when its brokers go. The cuckooing item (signed off) and what it names
 * are shared with the council's ASB team, so the ASB officer sees a smaller part of that network.
 */
import type { Tx } from '../../db/database.js';
import type { Marking } from '../access/markings.js';
import { writeAuditEntry } from '../audit/audit-log.js';
import {
  addInvolvement,
  insertEntity,
  insertItem,
  insertLink,
  PUBLIC_REPORT_EVIDENCE_LIST,
  checkProperties,
} from '../intelligence/index.js';
import { shareRecord } from '../access/shares.js';
import { ENTITIES, ITEMS, LINKS } from './demo-intelligence-data.js';

/** Shared with the council's ASB team: the cuckooing item, and the people, place and links it names. */
const SHARED_WITH_ASB = {
  item: 'cuckoo',
  entities: ['kane', 'lee', 'flat'],
  links: [4, 5, 6], // lee lives at the flat, kane visits it, kane exploits lee
} as const;

/**
 * The cuckooing item, sanitised by the analyst and signed off by the supervisor (so it may be
 * shared), shared with the ASB team with the entities and links it names. Skipped when the demo
 * has no such team or users.
 */
async function shareWithAsb(
  tx: Tx,
  itemIds: ReadonlyMap<string, string>,
  entityIds: ReadonlyMap<string, string>,
  linkIds: readonly string[],
): Promise<void> {
  const asb = await tx.selectFrom('agency').select('id').where('code', '=', 'council-asb').executeTakeFirst();
  const users = await tx
    .selectFrom('app_user')
    .select(['id', 'email'])
    .where('email', 'in', ['analyst@police.demo.lantern.test', 'supervisor@police.demo.lantern.test'])
    .execute();
  const analyst = users.find((u) => u.email.startsWith('analyst@'));
  const supervisor = users.find((u) => u.email.startsWith('supervisor@'));
  const itemId = itemIds.get(SHARED_WITH_ASB.item);
  if (!asb || !analyst || !supervisor || !itemId) return;
  const now = new Date();
  await tx
    .updateTable('intelligence_item')
    .set({ sanitised_by: analyst.id, sanitised_at: now, signed_off_by: supervisor.id, signed_off_at: now })
    .where('id', '=', itemId)
    .execute();
  const shares: { type: 'intelligence-item' | 'entity' | 'link'; recordId: string | undefined }[] = [
    { type: 'intelligence-item', recordId: itemId },
    ...SHARED_WITH_ASB.entities.map((key) => ({ type: 'entity' as const, recordId: entityIds.get(key) })),
    ...SHARED_WITH_ASB.links.map((index) => ({ type: 'link' as const, recordId: linkIds[index] })),
  ];
  for (const { type, recordId } of shares) {
    if (!recordId) throw new Error(`Demo data shares a ${type} it does not define`);
    await shareRecord(tx, { type, recordId, agencyId: asb.id, sharedBy: supervisor.id });
  }
}

function idOf(ids: ReadonlyMap<string, string>, key: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`Demo data names ${key}, which it does not define`);
  return id;
}

async function loadEntities(tx: Tx, marking: Marking): Promise<Map<string, string>> {
  const entityIds = new Map<string, string>();
  for (const entity of ENTITIES) {
    const checked = checkProperties(entity.schema, entity.properties);
    if (!checked.ok) throw new Error(`Demo entity ${entity.key}: ${JSON.stringify(checked.errors)}`);
    entityIds.set(
      entity.key,
      await insertEntity(
        tx,
        {
          schema: entity.schema,
          properties: checked.properties,
          area: entity.area,
          sourceKey: `demo:${entity.key}`,
          createdBy: null,
        },
        marking,
      ),
    );
  }
  return entityIds;
}

async function loadItems(
  tx: Tx,
  marking: Marking,
  entityIds: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  const itemIds = new Map<string, string>();
  for (const item of ITEMS) {
    const { id } = await insertItem(
      tx,
      {
        sourceType: 'partner-officer',
        sourceDescription: 'Police public protection unit officer',
        body: item.body,
        categories: item.categories,
        vulnerabilities: item.vulnerabilities ?? [],
        area: 'Camborne and Redruth',
        grade: item.grade,
        createdBy: null,
      },
      marking,
      { accessListId: PUBLIC_REPORT_EVIDENCE_LIST, conditions: 'Original officer notes: police only' },
    );
    itemIds.set(item.key, id);
    for (const [entityKey, category] of item.involves) {
      await addInvolvement(tx, {
        itemId: id,
        entityId: idOf(entityIds, entityKey),
        subjectCategory: category,
        addedBy: null,
      });
    }
  }
  return itemIds;
}

async function loadLinks(
  tx: Tx,
  marking: Marking,
  entityIds: ReadonlyMap<string, string>,
  itemIds: ReadonlyMap<string, string>,
): Promise<string[]> {
  const linkIds: string[] = [];
  for (const [from, type, to, itemKey, confidence] of LINKS) {
    linkIds.push(
      await insertLink(
        tx,
        {
          type,
          fromEntityId: idOf(entityIds, from),
          toEntityId: idOf(entityIds, to),
          confidence,
          createdBy: null,
        },
        [idOf(itemIds, itemKey)],
        marking,
      ),
    );
  }
  return linkIds;
}

/**
 * The police public protection unit triages public reports with the hub: it may open the
 * originals kept for evidence, and the hub shares its inbox with it.
 */
async function letPoliceTriage(tx: Tx, policeAgencyId: string, hubAgencyId: string | null): Promise<void> {
  await tx
    .insertInto('access_list_member')
    .values({ access_list_id: PUBLIC_REPORT_EVIDENCE_LIST, user_id: null, agency_id: policeAgencyId })
    .onConflict((oc) => oc.doNothing())
    .execute();
  if (!hubAgencyId) return;
  for (const recordType of ['intelligence-item', 'intelligence-original']) {
    await tx
      .insertInto('sharing_rule')
      .values({ owner_agency_id: hubAgencyId, partner_agency_id: policeAgencyId, record_type: recordType })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Loads the demo intelligence for the police public protection unit, once. */
export async function loadDemoIntelligence(
  tx: Tx,
  policeAgencyId: string,
  hubAgencyId: string | null,
): Promise<void> {
  const already = await tx
    .selectFrom('entity')
    .select('id')
    .where('source_key', 'like', 'demo:%')
    .executeTakeFirst();
  if (already) return;
  const marking: Marking = {
    classification: 'OFFICIAL-SENSITIVE',
    handlingCode: 'P',
    handlingConditions: null,
    owningAgencyId: policeAgencyId,
    accessListId: null,
  };
  const entityIds = await loadEntities(tx, marking);
  const itemIds = await loadItems(tx, marking, entityIds);
  const linkIds = await loadLinks(tx, marking, entityIds, itemIds);
  await shareWithAsb(tx, itemIds, entityIds, linkIds);
  await letPoliceTriage(tx, policeAgencyId, hubAgencyId);
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
      event: 'demo.intelligence',
      recordType: 'entity',
      recordIds: [...entityIds.values(), ...itemIds.values(), ...linkIds],
    },
  );
}
