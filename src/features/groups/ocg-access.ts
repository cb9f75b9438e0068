/** How each OCG command finds the OCG it acts on, and names it back to the page. */
import type { Tx } from '../../db/database.js';
import { mayAccess, type RecordAction, type RecordType, type Viewer } from '../access/policy.js';
import { loadOcg, type OcgWithMarking } from './queries.js';

export interface OcgHeading {
  id: string;
  reference: string;
  name: string;
}

/** The OCG, if the viewer may take `action` on records of `type` governed by it. */
export async function ocgFor(
  tx: Tx,
  viewer: Viewer,
  id: string,
  action: RecordAction = 'read',
  type: RecordType = 'ocg',
): Promise<OcgWithMarking | undefined> {
  const ocg = await loadOcg(tx, id);
  return ocg && mayAccess(viewer, action, type, ocg.marking) ? ocg : undefined;
}

export function heading(ocg: OcgWithMarking): OcgHeading {
  return { id: ocg.id, reference: ocg.reference, name: ocg.name };
}
