// The README's seven-line example, run by test/package/pack-install.test.ts in a project that
// installed the packed tarball: plain Node, no TypeScript loader. It prints one JSON line.
/* global console */
import { existsSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import threads from 'node:worker_threads';

// Counts the worker threads healthscore starts, by team, and their failures: a team swallows a
// worker's error and goes on alone, so a worker that cannot run from dist/ would pass unseen.
const workers = { teams: {}, online: 0, failed: 0 };
const Worker = threads.Worker;
threads.Worker = class extends Worker {
  constructor(...args) {
    super(...args);
    const team = /(\w+Team)\.start/.exec(new Error().stack)?.[1] ?? 'other';
    workers.teams[team] = (workers.teams[team] ?? 0) + 1;
    this.on('online', () => workers.online++);
    this.on('error', () => workers.failed++);
  }
};
syncBuiltinESMExports();

const { readCustomerData, buildFeatures, monthlyCutoffs, temporalSplit, trainChurnModel, evaluateModel, snapshotAt } = await import('healthscore');
const data = await readCustomerData('data/sample');
const snapshots = buildFeatures(data, { cutoffs: monthlyCutoffs('2023-11-01', '2024-10-01'), horizonDays: 90 });
const split = temporalSplit(snapshots);
const model = await trainChurnModel(split, { model: 'gbdt', gbdt: { nThreads: 2 } });
const report = evaluateModel(model, split.test);
const scores = model.score(snapshotAt(data, '2025-01-01'));
await model.save('models/churn');

// The logistic model is fitted on the TensorFlow.js backend chosen at its first use; the saved manifest names it.
const logistic = await trainChurnModel(split, { model: 'logistic' });
const logisticManifest = await logistic.save('models/logistic');

console.log(
  JSON.stringify({
    kind: model.kind,
    rocAuc: report.models[0].metrics.rocAuc,
    scores,
    savedManifest: existsSync('models/churn/manifest.json'),
    logistic: { kind: logistic.kind, backend: logisticManifest.libraries.backend, rocAuc: evaluateModel(logistic, split.test).models[0].metrics.rocAuc },
    workers,
  }),
);
