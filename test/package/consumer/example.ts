// The README's seven-line example as a user's TypeScript, type-checked by
// test/package/pack-install.test.ts against the declarations the installed package ships.
import { readCustomerData, buildFeatures, monthlyCutoffs, temporalSplit, trainChurnModel, evaluateModel, snapshotAt } from 'healthscore';
import type { CustomerScore, EvaluationReport, HealthModel } from 'healthscore';
import { ahpWeights } from 'healthscore/ahp';
import { customerValues } from 'healthscore/value';

const data = await readCustomerData('data/sample');
const snapshots = buildFeatures(data, { cutoffs: monthlyCutoffs('2023-11-01', '2024-10-01'), horizonDays: 90 });
const split = temporalSplit(snapshots);
const model: HealthModel = await trainChurnModel(split, { model: 'gbdt', gbdt: { nThreads: 2 } });
const report: EvaluationReport = evaluateModel(model, split.test);
const scores: CustomerScore[] = model.score(snapshotAt(data, '2025-01-01'));
await model.save('models/churn');

// The declarations carry real types, not `any`: each line below must fail to type-check.
// @ts-expect-error: ROC-AUC is a number (or null), not a string
const auc: string = report.models[0].metrics.rocAuc;
// @ts-expect-error: 'forest' is not a model kind
await trainChurnModel(split, { model: 'forest' });
// @ts-expect-error: a score's tier is one of three names
const tier: 'gold' = scores[0].tier;

console.log(auc, tier, typeof ahpWeights, typeof customerValues);
