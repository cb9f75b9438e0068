/**
 * The commands behind the entity pages. Each runs in one transaction that checks access, does the
 * work and writes its one s62 audit entry, so nothing happens that the log does not show and an
 * entry that cannot be written undoes the work. Routes stay thin: they turn outcomes into pages.
 * The work is in plain functions by use case: adding.ts (entities added to an item), linking.ts,
 * entity-page.ts (the page and its change form); entity-access.ts holds what they share.
 */
import type { Database } from '../../../db/database.js';
import { commandKernel, done, notFound, type Asker } from '../../../web/commands.js';
import type { EntitySchemaName, SubjectCategory } from '../schema.js';
import { create, linkChoices, pick, suggest } from './adding.js';
import { itemHeading, type ItemHeading } from './entity-access.js';
import { change, entityPage, forChange } from './entity-page.js';
import type { DetailsAnswers } from './forms.js';
import { link, type LinkAnswers } from './linking.js';

export { mayChange, type Entity, type ItemHeading } from './entity-access.js';
export type { EntityPage } from './entity-page.js';
export type { LinkAdded } from './linking.js';

export function createEntityCommands(database: Database) {
  const { audited } = commandKernel(database);

  return {
    /** The item an entity or link is being added to, if the viewer may add to it. Names no one. */
    async itemFor(asker: Asker, itemId: string): Promise<ItemHeading | undefined> {
      const outcome = await audited(asker, async (tx, viewer) => {
        const heading = await itemHeading(tx, viewer, itemId);
        return { outcome: heading ? done(heading) : notFound };
      });
      return outcome.kind === 'done' ? outcome.value : undefined;
    },
    suggest: (asker: Asker, itemId: string, draft: { schema: EntitySchemaName; name: string }) =>
      audited(asker, (tx, viewer) => suggest(tx, viewer, itemId, draft)),
    pick: (asker: Asker, itemId: string, entityId: string, category: SubjectCategory | null) =>
      audited(asker, (tx, viewer) => pick(tx, viewer, itemId, entityId, category)),
    create: (asker: Asker, itemId: string, answers: DetailsAnswers) =>
      audited(asker, (tx, viewer) => create(tx, viewer, itemId, answers)),
    linkChoices: (asker: Asker, itemId: string, search: string | undefined) =>
      audited(asker, (tx, viewer) => linkChoices(tx, viewer, itemId, search)),
    link: (asker: Asker, itemId: string, answers: LinkAnswers) =>
      audited(asker, (tx, viewer) => link(tx, viewer, itemId, answers)),
    page: (asker: Asker, entityId: string) =>
      audited(asker, (tx, viewer) => entityPage(tx, viewer, entityId)),
    forChange: (asker: Asker, entityId: string) =>
      audited(asker, (tx, viewer) => forChange(tx, viewer, entityId)),
    change: (asker: Asker, entityId: string, body: Record<string, unknown>) =>
      audited(asker, (tx, viewer) => change(tx, viewer, entityId, body)),
  };
}

export type EntityCommands = ReturnType<typeof createEntityCommands>;
