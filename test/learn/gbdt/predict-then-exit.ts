/**
 * Fixture for predict-team.test.ts: predicts with worker threads and returns without closing
 * anything. The process must exit on its own (the test kills it after a minute).
 */
import { trainGbdt } from '../../../src/learn/gbdt/boost.ts';
import { PredictionTeam } from '../../../src/learn/gbdt/predict-team.ts';
import { planForest } from '../../../src/learn/gbdt/predict.ts';
import { synthetic } from './dataset.ts';

const { x, y } = synthetic(2000, 5, 41, 0.1);
const { model } = trainGbdt(x, y, { maxIter: 10 });
const big = synthetic(60_000, 5, 42, 0.1).x;
model.margin(big);
const team = PredictionTeam.start(planForest(model.trees, 5), 2);
team?.waitReady();
// On a busy machine the main thread may finish before the workers wake: a few calls make sure they work.
let helped = 0;
for (let k = 0; k < 50 && helped === 0 && team; k++) {
  team.predict(big, model.baseline);
  helped = team.workerRows;
}
console.log(`worker rows: ${helped}`);
