/**
 * Long network computations run off the request thread: the job runner reports progress, gives the
 * same result as computing inline, keeps serving other requests meanwhile, limits how many run,
 * and the pages show progress (refreshing themselves) until the result is ready.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app.js';
import { testDatabaseKind } from '../../../test/support/database.js';
import { signedInPartner, type TestPartner } from '../../../test/support/partner.js';
import type { Marking } from '../access/markings.js';
import { insertEntity, insertItem, insertLink, PUBLIC_REPORT_EVIDENCE_LIST } from '../intelligence/index.js';
import { createJobRunner, JobsBusyError } from './jobs.js';
import { barabasiAlbert, generatedAsInput } from './metrics/generate.js';
import { runTask, taskCost, INLINE_COST, type NetworkTask } from './tasks.js';
import type { VisibleNetwork } from './types.js';

function generatedNetwork(n: number, m: number, seed: number): VisibleNetwork {
  const { nodes, edges } = generatedAsInput(barabasiAlbert(n, m, seed));
  return {
    nodes: nodes.map((id) => ({ id, schema: 'Person', caption: id, seed: false, hops: 1 })),
    edges: edges.map((e, i) => ({
      id: `l${i}`,
      from: e.source,
      to: e.target,
      linkType: 'associate-of',
      startDate: null,
      endDate: null,
      confidence: 'high',
    })),
  };
}

describe(`network jobs on ${testDatabaseKind}`, () => {
  let app: TestApp;
  let analyst: TestPartner;
  let colleague: TestPartner;
  let seed: string;

  before(async () => {
    app = await startTestApp();
    analyst = await signedInPartner(app, { agency: 'police-jobs', roles: ['public-protection-analyst'] });
    colleague = await signedInPartner(app, { agency: 'police-jobs', roles: ['public-protection-analyst'] });
    // 150 people, about 300 links: too much for a 100-step disruption inline.
    const generated = generatedNetwork(150, 2, 7);
    const marking: Marking = {
      classification: 'OFFICIAL',
      handlingCode: 'P',
      handlingConditions: null,
      owningAgencyId: analyst.agencyId,
      accessListId: null,
    };
    const idOf = new Map<string, string>();
    await app.lantern.database.transaction(async (tx) => {
      const item = await insertItem(
        tx,
        { sourceType: 'partner-officer', sourceDescription: 'Visit', body: 'Seen together', createdBy: null },
        marking,
        { accessListId: PUBLIC_REPORT_EVIDENCE_LIST, conditions: 'Original words' },
      );
      for (const node of generated.nodes) {
        idOf.set(
          node.id,
          await insertEntity(
            tx,
            { schema: 'Person', properties: { name: [`Jobfixture ${node.id}`] }, createdBy: null },
            marking,
          ),
        );
      }
      for (const edge of generated.edges) {
        await insertLink(
          tx,
          {
            type: 'associate-of',
            fromEntityId: idOf.get(edge.from)!,
            toEntityId: idOf.get(edge.to)!,
            confidence: 'high',
            createdBy: null,
          },
          [item.id],
          marking,
        );
      }
    });
    seed = idOf.get(generated.nodes[0]!.id)!;
  });
  after(() => app.stop());

  it('runs a long computation in a worker with progress, gives the inline result, and keeps serving', async () => {
    const network = generatedNetwork(2000, 3, 1);
    const task: NetworkTask = {
      kind: 'disruption',
      network,
      plan: { mode: 'sequential', metric: 'betweenness', steps: 6, blockSize: 1 },
    };
    assert.ok(taskCost(task) > INLINE_COST);
    const runner = createJobRunner({ maxRunning: 1, maxQueued: 0 });
    // before() kept the thread busy writing hundreds of rows while the server's keep-alive timeout
    // closed the client's idle connection: a first request may find it closed, and a second opens one.
    await (await app.get('/health').catch(() => app.get('/health'))).text();
    try {
      const job = runner.submit('heavy', 'someone', task);
      assert.equal(runner.submit('heavy', 'someone', task), job, 'the same work asked again is the same job');
      assert.throws(() => runner.submit('other', 'someone', task), JobsBusyError);
      const seen = new Set<number>();
      let served = 0;
      while (job.state === 'queued' || job.state === 'running') {
        // Requests to the app while the job runs are answered: the work is not on the request thread.
        const health = await app.get('/health');
        assert.equal(health.status, 200);
        await health.text();
        served += 1;
        seen.add(job.progress);
      }
      assert.equal(job.state, 'done', job.error);
      assert.ok(served >= 2, `only ${served} requests served while the job ran`);
      assert.ok(seen.size >= 2, 'progress was reported along the way');
      assert.deepEqual(job.result, runTask(task));
      assert.equal(runner.byId(job.id, 'someone-else'), undefined, 'another person’s job does not exist');
    } finally {
      await runner.close();
    }
  });

  it('forgets finished jobs after a while', async () => {
    // The runner's clock stands still until the test moves it on, past keepMs, without waiting.
    mock.timers.enable({ apis: ['Date'] });
    const runner = createJobRunner({ keepMs: 10 });
    try {
      const job = runner.submit('small', 'someone', {
        kind: 'analysis',
        network: generatedNetwork(50, 2, 3),
      });
      await runner.wait(job, 30_000);
      assert.equal(job.state, 'done');
      assert.equal(runner.get('small'), job, 'kept while fresh');
      mock.timers.tick(11);
      assert.equal(runner.get('small'), undefined);
    } finally {
      mock.timers.reset();
      await runner.close();
    }
  });

  it('shows a self-refreshing progress page naming no one, then the result, audited once', async () => {
    const path = `/partner/network/disruption?seed=${seed}&hops=4&mode=sequential&metric=betweenness&steps=100`;
    const audited = async () =>
      (
        await app.lantern.database.db
          .selectFrom('audit_entry')
          .select('seq')
          .where('event', '=', 'network.disruption')
          .where('actor_user_id', '=', analyst.id)
          .execute()
      ).length;
    const first = await analyst.client.get(path);
    const firstHtml = await first.text();
    assert.equal(first.status, 200);
    assert.match(firstHtml, /<meta http-equiv="refresh" content="2">/);
    assert.ok(!firstHtml.includes('Jobfixture'), 'nobody named while working');
    assert.equal(await audited(), 0);
    const jobId = /data-jobs="([^"]+)"/.exec(firstHtml)?.[1] ?? '';
    const progress = await analyst.client.get(`/api/v1/network/jobs/${jobId}`);
    assert.equal(progress.status, 200);
    assert.equal((await colleague.client.get(`/api/v1/network/jobs/${jobId}`)).status, 404);

    let html = firstHtml;
    for (let tries = 0; tries < 120 && html.includes('http-equiv="refresh"'); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const again = await analyst.client.get(path);
      assert.equal(again.status, 200);
      html = await again.text();
    }
    assert.ok(html.includes('data-testid="disruption-steps"'), 'the result arrived');
    assert.ok(html.includes('Jobfixture'));
    assert.equal(await audited(), 1);
    // A colleague asking the same gets their own computation, never the analyst's job.
    const theirs = (await (await colleague.client.get(path)).text()).match(/data-jobs="([^"]+)"/)?.[1];
    assert.notEqual(theirs, jobId);
  });
});
