/**
 * Fixture for predict-team.test.ts: awaits worker predictions (predictAsync) with nothing else
 * keeping the event loop alive, then returns without closing anything. The workers are unref'd, so
 * the team must hold the process open while a job is out, and let it exit afterwards.
 */
import { trainGbdt } from '../../../src/learn/gbdt/boost.ts';
import { PredictionTeam } from '../../../src/learn/gbdt/predict-team.ts';
import { planForest, predictPlan } from '../../../src/learn/gbdt/predict.ts';
import { sharedMatrix } from '../../../src/learn/matrix.ts';
import { synthetic } from './dataset.ts';

const { x, y } = synthetic(2000, 5, 41, 0.1);
const { model } = trainGbdt(x, y, { maxIter: 10 });
const rows = synthetic(8000, 5, 43, 0.1).x;
const shared = sharedMatrix(rows.rows, rows.cols);
shared.data.set(rows.data);
const plan = planForest(model.trees, 5);
const team = PredictionTeam.start(plan, 2);
team?.waitReady();
const out = new Float64Array(new SharedArrayBuffer(rows.rows * 8));
let byWorkers = 0;
for (let k = 0; k < 20 && byWorkers === 0 && team; k++) {
  await team.predictAsync(shared, model.baseline, out);
  byWorkers = team.workerRows;
}
const expected = predictPlan(plan, rows, model.baseline);
const same = out.every((v, i) => Object.is(v, expected[i]));
console.log(`async worker rows: ${byWorkers}, same: ${same}`);
