/**
 * What the stage-command tests share: running `healthscore` as a child process (so exit codes
 * and terminal output are the real ones), and a small labelled feature set with a saved model,
 * built in-process once per test file from generated histories (600 customers over 24 months,
 * seed 7: twelve labelled monthly cutoffs, about 4,300 rows, 25-40 churners per cutoff).
 */
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryLog } from '../../support/memory-log.ts';
import { ingestFolder } from '../../../src/data/ingest-folder.ts';
import { runFeaturesStage } from '../../../src/features/features-stage.ts';
import { runTrainStage } from '../../../src/run/stages/train-stage.ts';
import { runGenerateStage } from '../../../src/synth/generate-stage.ts';
import { REPO_ROOT } from '../../support/shared-data.ts';
import { runNode, type CommandResult } from '../../support/run-process.ts';

const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

export type { CommandResult };

/** Runs the command without blocking the test worker (a blocked worker misses vitest's RPC deadlines). */
export function healthscore(...args: string[]): Promise<CommandResult> {
  return runNode([tsxCli, join(REPO_ROOT, 'src', 'cli', 'main.ts'), ...args], REPO_ROOT);
}

/** No line of a stack trace ("    at f (file:1:2)") reached the user. */
export const hasStackTrace = (text: string): boolean => /^\s+at /m.test(text);

export interface StageFixture {
  root: string;
  features: string;
  modelsDir: string;
  /** A logistic model saved from `features` as churn/v1. */
  model: string;
}

export async function buildStageFixture(options: { withModel: boolean }): Promise<StageFixture> {
  const root = mkdtempSync(join(tmpdir(), 'hs-stage-'));
  const log = memoryLog();
  await runGenerateStage({ customers: 600, months: 24, seed: 7, out: join(root, 'data') }, log);
  await ingestFolder(join(root, 'data'), join(root, 'ingest'), { log });
  const features = join(root, 'features');
  await runFeaturesStage({ data: join(root, 'ingest'), out: features, horizonDays: 90 }, log);
  const modelsDir = join(root, 'models');
  const model = join(modelsDir, 'churn', 'v1');
  if (options.withModel) await runTrainStage({ features, model: 'logistic', modelsDir, name: 'churn', version: 'v1' }, log);
  return { root, features, modelsDir, model };
}
