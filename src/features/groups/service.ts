/**
 * The commands behind the OCG register's pages. Each runs in one transaction that loads the
 * Viewer, checks access, does the work and writes its one s62 audit entry, so nothing happens that
 * the log does not show and an entry that cannot be written undoes the work. The work itself is
 * in plain functions by use case: register.ts (list, open, page, status), members.ts (members and
 * supporting items) and assessing.ts (scoring and the scoring models).
 *
 * Who may change an OCG: anyone the policy lets take the action on it (ocg:manage, and the OCG's
 * markings and sharing), not only its owning agency: the register is the partnership's, and the
 * coordinator scores and plans groups the police share with them.
 */
import type { Database } from '../../db/database.js';
import { commandKernel, refused, type Asker, type Outcome } from '../../web/commands.js';
import { addModel, assess, assessForm, makeDefault } from './assessing.js';
import type {
  AssessAnswers,
  NewMemberAnswers,
  NewModelAnswers,
  NewOcgAnswers,
  NewSourceAnswers,
} from './forms.js';
import { addMember, addSource, memberChoices, sourceForm } from './members.js';
import type { OcgListFilters, OcgStatus } from './queries.js';
import { listModels, loadModel, type StoredModel } from './scoring-queries.js';
import { changeStatus, listOcgs, ocgPage, openOcg, type PlansFor } from './register.js';
import { parseDefinition } from './scoring.js';

export type { OcgHeading } from './ocg-access.js';
export {
  prioritise,
  type ListedOcg,
  type OcgPage,
  type OcgPermissions,
  type PlanLink,
  type PlansFor,
} from './register.js';

export function createOcgCommands(database: Database, options: { plansFor?: PlansFor } = {}) {
  const { audited, recorded } = commandKernel(database);

  return {
    list: (asker: Asker, filters: OcgListFilters) =>
      audited(asker, (tx, viewer) => listOcgs(tx, viewer, filters)),
    create: (asker: Asker, answers: NewOcgAnswers) =>
      audited(asker, (tx, viewer) => openOcg(tx, viewer, answers)),
    page: (asker: Asker, id: string) =>
      audited(asker, (tx, viewer) => ocgPage(tx, viewer, id, options.plansFor)),
    memberChoices: (asker: Asker, id: string, search: string | undefined) =>
      audited(asker, (tx, viewer) => memberChoices(tx, viewer, id, search)),
    addMember: (asker: Asker, id: string, answers: NewMemberAnswers) =>
      audited(asker, (tx, viewer) => addMember(tx, viewer, id, answers)),
    sourceForm: (asker: Asker, id: string) => audited(asker, (tx, viewer) => sourceForm(tx, viewer, id)),
    addSource: (asker: Asker, id: string, answers: NewSourceAnswers) =>
      audited(asker, (tx, viewer) => addSource(tx, viewer, id, answers)),
    assessForm: (asker: Asker, id: string, modelId: string | undefined) =>
      audited(asker, (tx, viewer) => assessForm(tx, viewer, id, modelId)),
    assess: (asker: Asker, id: string, answers: AssessAnswers) =>
      audited(asker, (tx, viewer) => assess(tx, viewer, id, answers)),
    setStatus: (asker: Asker, id: string, status: OcgStatus) =>
      audited(asker, (tx, viewer) => changeStatus(tx, viewer, id, status)),

    // Scoring models are reference data, not personal data: no s62 operation. Adding one or
    // changing the default changes how every OCG is prioritised, so it goes in the tamper-evident
    // log as a 'security' entry, as administrators' changes to agencies and sharing do.
    models(): Promise<StoredModel[]> {
      return listModels(database.db);
    },

    model(id: string): Promise<StoredModel | undefined> {
      return loadModel(database.db, id);
    },

    addModel(asker: Asker, answers: NewModelAnswers): Promise<Outcome<{ id: string; version: number }>> {
      const parsed = parseDefinition(answers.definition);
      if (!parsed.ok) return Promise.resolve(refused({ definition: parsed.errors.join('. ') }));
      return recorded(asker, (tx) => addModel(tx, asker.principal.userId, answers, parsed.definition));
    },

    makeDefault: (asker: Asker, id: string) => recorded(asker, (tx) => makeDefault(tx, id)),
  };
}

export type OcgCommands = ReturnType<typeof createOcgCommands>;
