// The README's seven-line example, run by test/package/pack-install.test.ts in a project that
// installed the packed tarball: plain Node, no TypeScript loader. It prints one JSON line.
/* global console, setTimeout */
import { existsSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import threads from 'node:worker_threads';

// Counts the worker threads healthscore starts, by phase, and their failures: parallel work falls
// back to the calling thread when a worker fails, so a worker that cannot run from dist/ would
// otherwise pass unseen.
const workers = { started: { train: 0, score: 0, logistic: 0 }, alive: 0, aliveWhileScoring: 0, online: 0, failed: 0 };
let phase = 'train';
const Worker = threads.Worker;
threads.Worker = class extends Worker {
  constructor(...args) {
    super(...args);
    workers.started[phase]++;
    workers.alive++;
    this.on('online', () => workers.online++);
    this.on('error', () => workers.failed++);
    this.on('exit', () => workers.alive--);
  }
};
syncBuiltinESMExports();

const { readCustomerData, buildFeatures, monthlyCutoffs, temporalSplit, trainChurnModel, evaluateModel, snapshotAt } = await import('healthscore');
const data = await readCustomerData('data/sample');
const snapshots = buildFeatures(data, { cutoffs: monthlyCutoffs('2023-11-01', '2024-10-01'), horizonDays: 90 });
const split = temporalSplit(snapshots);
const model = await trainChurnModel(split, { model: 'gbdt', gbdt: { nThreads: 2 } });
const report = evaluateModel(model, split.test);
// Workers that training stopped have reported their exit by now.
await new Promise((resolve) => setTimeout(resolve, 200));
phase = 'score';
const scores = model.score(snapshotAt(data, '2025-01-01'));
// Started for TreeSHAP, or kept from training by a pool: none can have exited during the synchronous call.
workers.aliveWhileScoring = workers.alive;
await model.save('models/churn');

// The logistic model is fitted on the TensorFlow.js backend chosen at its first use; the saved manifest names it.
phase = 'logistic';
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
