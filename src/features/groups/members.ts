/**
 * Who is in an OCG and what supports it: choosing and adding members or associates, and attaching
 * supporting items. Plain functions of the command's transaction and viewer; service.ts runs each
 * as one audited command.
 */
import type { Tx } from '../../db/database.js';
import type { Viewer } from '../access/policy.js';
import { mayAccessRecord } from '../access/records.js';
import { findEntitiesByName, type NameMatch, entityRecords } from '../intelligence/index.js';
import { done, notFound, refused, type Recorded } from '../../web/commands.js';
import type { NewMemberAnswers, NewSourceAnswers } from './forms.js';
import { heading, ocgFor, type OcgHeading } from './ocg-access.js';
import {
  insertMember,
  insertSource,
  memberExists,
  membersOf,
  visibleItemByReference,
  type Member,
} from './member-queries.js';

/**
 * The add-a-member form, with entities the viewer may see whose names are like the one typed
 * (none are already members). A consultation of the OCG and of everyone found.
 */
export async function memberChoices(
  tx: Tx,
  viewer: Viewer,
  id: string,
  search: string | undefined,
): Promise<Recorded<{ ocg: OcgHeading; found: NameMatch[]; members: Member[] }>> {
  const ocg = await ocgFor(tx, viewer, id, 'create', 'ocg-member');
  if (!ocg) return { outcome: notFound };
  const members = await membersOf(tx, viewer, id);
  const already = new Set(members.map((m) => m.entityId));
  const found = search
    ? (await findEntitiesByName(tx, viewer, search, { limit: 10 })).filter((m) => !already.has(m.id))
    : [];
  return {
    outcome: done({ ocg: heading(ocg), found, members }),
    entry: {
      action: 'consultation',
      recordType: 'ocg',
      recordIds: [id, ...found.map((f) => f.id)],
      detail: { purpose: 'choosing a member or associate', searched: Boolean(search) },
    },
  };
}

/** Adds a person with their role, or an associated business, place or thing: a collection. */
export async function addMember(
  tx: Tx,
  viewer: Viewer,
  id: string,
  answers: NewMemberAnswers,
): Promise<Recorded<{ ocg: OcgHeading; caption: string; memberId: string }>> {
  const ocg = await ocgFor(tx, viewer, id, 'create', 'ocg-member');
  if (!ocg) return { outcome: notFound };
  const record = await entityRecords.load(tx, answers.entity);
  if (!record || !mayAccessRecord(viewer, 'link', entityRecords, record)) {
    return { outcome: refused({ entity: 'Choose who or what to add' }) };
  }
  const schema = String(record.fields.schema);
  const caption = String(record.fields.caption);
  if (schema === 'Person' && answers.role === 'associated') {
    return {
      outcome: refused({
        role: 'Choose a person’s role: principal, significant, peripheral or enabler',
      }),
    };
  }
  if (schema !== 'Person' && answers.role !== 'associated') {
    return {
      outcome: refused({ role: `A ${schema.toLowerCase()} can only be associated with the group` }),
    };
  }
  if (await memberExists(tx, id, answers.entity)) {
    return { outcome: refused({ entity: `${caption} is already recorded in this group` }) };
  }
  let item: { id: string; reference: string } | undefined;
  if (answers.item) {
    item = await visibleItemByReference(tx, viewer, answers.item);
    if (!item) return { outcome: refused({ item: `There is no item ${answers.item} you may see` }) };
  }
  const memberId = await insertMember(tx, {
    ocgId: id,
    entityId: answers.entity,
    role: answers.role,
    roleNote: answers.roleNote,
    addedBy: viewer.userId,
  });
  if (item) {
    await insertSource(tx, {
      ocgId: id,
      itemId: item.id,
      memberId,
      statement: answers.statement ?? `${caption}: ${answers.role}`,
      addedBy: viewer.userId,
    });
  }
  return {
    outcome: done({ ocg: heading(ocg), caption, memberId }),
    entry: {
      action: 'collection',
      recordType: 'ocg-member',
      recordIds: [memberId, answers.entity, id],
      detail: { role: answers.role, ...(item ? { item: item.id } : {}) },
    },
  };
}

/** The supporting-item form: a consultation of the OCG and the members it lists. */
export async function sourceForm(
  tx: Tx,
  viewer: Viewer,
  id: string,
): Promise<Recorded<{ ocg: OcgHeading; members: Member[] }>> {
  const ocg = await ocgFor(tx, viewer, id, 'update');
  if (!ocg) return { outcome: notFound };
  const members = await membersOf(tx, viewer, id);
  return {
    outcome: done({ ocg: heading(ocg), members }),
    entry: {
      action: 'consultation',
      recordType: 'ocg',
      recordIds: [id, ...members.map((m) => m.entityId)],
    },
  };
}

/** Attaches an item supporting a statement about the OCG or a member: an alteration. */
export async function addSource(
  tx: Tx,
  viewer: Viewer,
  id: string,
  answers: NewSourceAnswers,
): Promise<Recorded<{ ocg: OcgHeading; reference: string }>> {
  const ocg = await ocgFor(tx, viewer, id, 'update');
  if (!ocg) return { outcome: notFound };
  const item = answers.item ? await visibleItemByReference(tx, viewer, answers.item) : undefined;
  if (!item) return { outcome: refused({ item: `There is no item ${answers.item} you may see` }) };
  let memberId: string | null = null;
  if (answers.member) {
    const member = (await membersOf(tx, viewer, id)).find((m) => m.memberId === answers.member);
    if (!member) return { outcome: refused({ member: 'Choose a member of this group, or none' }) };
    memberId = member.memberId;
  }
  const sourceId = await insertSource(tx, {
    ocgId: id,
    itemId: item.id,
    memberId,
    statement: answers.statement,
    addedBy: viewer.userId,
  });
  return {
    outcome: done({ ocg: heading(ocg), reference: item.reference }),
    entry: {
      action: 'alteration',
      recordType: 'ocg',
      recordIds: [id, item.id],
      detail: { change: 'supporting item', source: sourceId, member: memberId },
    },
  };
}
