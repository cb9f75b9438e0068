/**
 * THE KARATE INTEGRATION TEST: Zachary's karate club stored as 34 people and 78
 * links (each supported by one graded intelligence item) through the intelligence helpers, then
 * read back through the network API, on whichever database the suite runs on (PGlite, or
 * TEST_DATABASE_URL). Every metric must match networkx's reference values to 1e-9, and the
 * sequential removal by betweenness must match the reference order and curve exactly.
 *
 * Entity ids are UUIDs the database makes. The tie rule picks the lowest id as a
 * string, so the karate ids (sorted as strings) are paired with the UUIDs sorted the same way:
 * string order is then the same on both sides, and so is every tie.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { testDatabaseKind } from '../../../test/support/database.js';
import { signedInPartner, type TestPartner } from '../../../test/support/partner.js';
import type { Marking } from '../access/markings.js';
import { insertEntity, insertItem, insertLink, PUBLIC_REPORT_EVIDENCE_LIST } from '../intelligence/index.js';
import { loadReferenceNetwork } from './metrics/test-networks.js';
import type { NodeMetrics, NetworkEdge, NetworkNode } from './types.js';

const { network: karate } = loadReferenceNetwork('karate');
const TOLERANCE = 1e-9;

interface ApiAnswer {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  summary: { nodes: number; components: number; modularity: number; betweenness: { method: string } };
  metrics: Record<string, NodeMetrics>;
  disruption?: {
    steps: { removed: string[]; largestComponentRatio: number }[];
  };
}

describe(`the karate club through the network API on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let analyst: TestPartner;
  /** Karate id → entity id, and back. */
  const entityOf = new Map<string, string>();
  const karateOf = new Map<string, string>();

  before(async () => {
    app = await startTestApp();
    analyst = await signedInPartner(app, { agency: 'police-karate', roles: ['public-protection-analyst'] });
    const marking: Marking = {
      classification: 'OFFICIAL-SENSITIVE',
      handlingCode: 'P',
      handlingConditions: null,
      owningAgencyId: analyst.agencyId,
      accessListId: null,
    };
    await app.lantern.database.transaction(async (tx) => {
      const item = await insertItem(
        tx,
        {
          sourceType: 'partner-officer',
          sourceDescription: 'Club records',
          body: 'Who trained with whom at the karate club',
          grade: { sourceEvaluation: '1', informationAssessment: 'A' },
          createdBy: null,
        },
        marking,
        { accessListId: PUBLIC_REPORT_EVIDENCE_LIST, conditions: 'Original words' },
      );
      const ids: string[] = [];
      for (const id of karate.nodes) {
        ids.push(
          await insertEntity(
            tx,
            { schema: 'Person', properties: { name: [`Karate member ${id}`] }, createdBy: null },
            marking,
          ),
        );
      }
      const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      const uuids = [...ids].sort(byString);
      [...karate.nodes].sort(byString).forEach((id, i) => {
        entityOf.set(id, uuids[i]!);
        karateOf.set(uuids[i]!, id);
      });
      for (const edge of karate.edges) {
        await insertLink(
          tx,
          {
            type: 'associate-of',
            fromEntityId: entityOf.get(edge.source)!,
            toEntityId: entityOf.get(edge.target)!,
            confidence: 'high',
            createdBy: null,
          },
          [item.id],
          marking,
        );
      }
    });
  });
  after(() => app.stop());

  async function api(query: string): Promise<ApiAnswer> {
    const response = await analyst.client.get(`/api/v1/network?${query}`);
    assert.equal(response.status, 200, await response.clone().text());
    return (await response.json()) as ApiAnswer;
  }

  function assertClose(
    name: string,
    actual: Record<string, NodeMetrics>,
    pick: (m: NodeMetrics) => number | undefined,
    expected: Record<string, number>,
  ) {
    for (const [karateId, value] of Object.entries(expected)) {
      const got = pick(actual[entityOf.get(karateId)!] ?? {});
      assert.ok(
        got !== undefined && Math.abs(got - value) <= TOLERANCE,
        `${name} of ${karateId}: ${got} not ${value}`,
      );
    }
  }

  it('gives every metric to 1e-9 of the reference', async () => {
    const answer = await api(`seed=${entityOf.get('0')}&hops=4`);
    assert.equal(answer.nodes.length, 34);
    assert.equal(answer.edges.length, 78);
    assert.equal(answer.summary.betweenness.method, 'exact');
    const ref = karate.reference;
    assertClose('degree', answer.metrics, (m) => m.degree, ref.degree);
    assertClose('betweenness', answer.metrics, (m) => m.betweenness, ref.betweenness_normalized);
    assertClose('closeness', answer.metrics, (m) => m.closeness, ref.closeness);
    assertClose('eigenvector', answer.metrics, (m) => m.eigenvector, ref.eigenvector);
    assertClose('PageRank', answer.metrics, (m) => m.pagerank, ref['pagerank_alpha_0.85_unweighted']);
    assertClose('core number', answer.metrics, (m) => m.coreNumber, ref.core_number);
    assert.equal(answer.summary.components, ref.connected_components);
    assert.ok(answer.summary.modularity >= ref.best_modularity_louvain_igraph_20_runs - 1e-12);
  });

  it('gives the sequential removal by betweenness exactly: order and curve', async () => {
    const answer = await api(`seed=${entityOf.get('0')}&hops=4&mode=sequential&metric=betweenness&steps=33`);
    const steps = answer.disruption?.steps ?? [];
    const expected = karate.reference.sequential_betweenness_removal;
    assert.deepEqual(
      steps.map((s) => karateOf.get(s.removed[0]!)),
      expected.removed,
    );
    assert.deepEqual(
      steps.map((s) => s.largestComponentRatio),
      expected.lcc_ratio_before_each_removal,
    );
  });

  it('writes one consultation per call naming every entity and link', async () => {
    const before = await app.lantern.database.db
      .selectFrom('audit_entry')
      .select(['record_ids'])
      .where('event', '=', 'network.api')
      .where('actor_user_id', '=', analyst.id)
      .execute();
    assert.equal(before.length, 2);
    for (const entry of before) assert.equal(entry.record_ids.length, 34 + 78);
  });
});
