/**
 * `healthscore run`: the whole pipeline, from raw data to a calibrated, evaluated model, scores and the manager
 * report (the outputs are listed in `healthscore run --help`). I/O lives here; every step it calls is a pure function.
 */
import * as aq from 'arquero';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../diagnostics/user-error.ts';
import type { Log } from '../diagnostics/log.ts';
import { formatIngestSummary } from '../data/ingest-summary.ts';
import { loadTabularConfig } from '../data/tabular/load-tabular-config.ts';
import { evaluationReport, type EvaluationReport, type ScoreVector } from '../evaluate/evaluation-report.ts';
import { latestDate } from '../features/build-feature-set.ts';
import { DEFAULT_FEATURE_SPEC } from '../features/default-spec.ts';
import { runFeaturesStage } from '../features/features-stage.ts';
import { dayAfter } from '../features/snapshot-population.ts';
import { versionDir } from '../score/bundle-artifact.ts';
import { readCustomerData, type CustomerDataSet } from '../api/customer-data-set.ts';
import { snapshotAt } from '../api/snapshots.ts';
import { stratifiedSplit, temporalSplit } from '../api/split.ts';
import { readTabularData } from '../api/tabular-data.ts';
import { trainChurnModel } from '../api/train.ts';
import type { ModelBundle } from '../score/model-bundle.ts';
import { versionAt } from '../training/saved-model.ts';
import { runGenerateStage } from '../synth/generate-stage.ts';
import { tierCounts } from '../score/tiers.ts';
import type { Candidate } from '../training/fit-candidates.ts';
import type { Prepared } from './run-context.ts';
import { writeRunOutputs } from './run-outputs.ts';
import { DEFAULT_AHP_CONFIG, writeComparison } from './stages/compare-stage.ts';
import { RunOptions, type RunOptionsInput } from './run-options.ts';
import { bgnbdBaseline, rfmBaseline } from '../training/baselines.ts';
import { compareWithAhp, type AhpComparison } from '../training/ahp-comparison.ts';
import { readAhpConfig } from '../ahp/config-file.ts';
import { indicatorLevels } from '../ahp/config.ts';

export interface RunResult {
  out: string;
  modelDir: string;
  chosen: Candidate;
  candidates: Candidate[];
  metrics: EvaluationReport;
  tiers: Record<string, number>;
}

async function prepareEvents(o: RunOptions, log: Log): Promise<Prepared> {
  const ingestDir = join(o.out, 'ingest');
  let data: CustomerDataSet;
  if (o.adapter !== undefined) {
    if (o.data === undefined) throw new UserError(`--adapter ${o.adapter} needs --data FILE`);
    data = await readCustomerData(o.data, { adapter: o.adapter, out: ingestDir, log });
  } else {
    const dataDir = o.data ?? join(o.out, 'data');
    if (o.generate && !existsSync(join(dataDir, 'customers.csv'))) {
      log.info(`generating ${o.customers} customers × ${o.months} months (seed ${o.seed}) into ${dataDir}`);
      await runGenerateStage({ customers: o.customers, months: o.months, seed: o.seed, out: dataDir }, log);
    }
    data = await readCustomerData(dataDir, { asOf: o.asOf, out: ingestDir, log });
  }
  log.info(formatIngestSummary(data.summary));
  const featureSet = await runFeaturesStage(
    { data: ingestDir, out: join(o.out, 'features'), engine: o.engine, horizonDays: o.horizonDays, churn: o.churn },
    log,
    data.tables,
  );
  const asOfMs = dayAfter(latestDate(data.tables));
  const snapshot = snapshotAt(data, asOfMs, { churn: o.churn });
  const split = temporalSplit({ kind: 'temporal', ...featureSet, horizonDays: o.horizonDays, churn: o.churn, featureSpec: DEFAULT_FEATURE_SPEC, source: data.source });
  return {
    mode: 'events',
    source: data.source,
    ingest: data.summary,
    labelled: featureSet.table,
    dictionary: featureSet.dictionary,
    split,
    snapshot: snapshot.table,
    asOf: snapshot.asOf,
    data: data.tables,
    horizonDays: o.horizonDays,
  };
}

async function prepareTabular(o: RunOptions, log: Log): Promise<Prepared> {
  if (o.config === undefined) throw new UserError('--tabular needs --config FILE (id column, label column and its positive value, categorical columns)');
  const { config } = loadTabularConfig(o.config);
  const file = o.tabular as string;
  const rows = await readTabularData(file, config, { out: join(o.out, 'ingest'), log });
  const split = stratifiedSplit(rows, { seed: o.seedSplit });
  return {
    mode: 'tabular',
    source: file,
    ingest: rows.ingest,
    labelled: rows.table,
    dictionary: rows.dictionary,
    split,
    // Customers whose label is already "churned" have left: only the others get a score.
    snapshot: rows.table.filter(aq.escape((r: { label: number }) => r.label === 0)),
    asOf: null,
    data: null,
    horizonDays: null,
  };
}

/** The AHP config compared by default: one of the shipped examples that fits the data's features. */
function defaultAhpConfig(o: RunOptions): string | null {
  if (o.tabular !== undefined) return null;
  return o.adapter === 'cdnow' ? fileURLToPath(new URL('../../models/ahp/cdnow-rfm.json', import.meta.url)) : DEFAULT_AHP_CONFIG;
}

export async function runPipeline(input: RunOptionsInput, log: Log): Promise<RunResult> {
  const o = RunOptions.parse(input);
  const started = new Date();
  mkdirSync(o.out, { recursive: true });
  // A wrong AHP config is found before any data is read, not after the models train.
  const ahpPath = o.ahp === undefined ? defaultAhpConfig(o) : o.ahp;
  const ahpConfig = ahpPath === null ? null : readAhpConfig(ahpPath);
  if (ahpConfig !== null && !ahpConfig.ok) throw new UserError(ahpConfig.problems.join('\n'));

  const prepared = o.tabular !== undefined ? await prepareTabular(o, log) : await prepareEvents(o, log);
  copyFileSync(join(o.out, 'ingest', 'ingest-summary.json'), join(o.out, 'ingest-summary.json'));

  const { split } = prepared;
  const version = o.version ?? versionAt(started);
  const model = await trainChurnModel(split, {
    model: o.models.length === 2 ? 'auto' : o.models[0],
    monotone: o.monotone,
    tiers: o.tiers,
    name: o.name,
    version,
    log,
  });
  const { candidates, chosen } = model.trainedCandidates() as { chosen: Candidate; candidates: Candidate[] };

  const baselines: ScoreVector[] = [];
  const rfm = rfmBaseline(prepared.split.holdouts.test);
  if (rfm !== null) baselines.push(rfm);
  const bgnbd = bgnbdBaseline(prepared.data, prepared.split.holdouts.test, prepared.mode === 'events' ? o.churn : null, prepared.horizonDays);
  if (bgnbd.vector !== null) baselines.push(bgnbd.vector);
  else if (bgnbd.note !== null) log.info(`BG/NBD baseline left out: ${bgnbd.note.note}`);

  let ahp: AhpComparison | null = null;
  if (ahpPath !== null && ahpConfig !== null) {
    const compared = compareWithAhp(ahpConfig.weights, ahpPath, prepared.dictionary, split.holdouts, split, candidates, indicatorLevels(ahpConfig.config));
    if ('problem' in compared) log.warn(`AHP comparison left out: ${compared.problem}`);
    else {
      ahp = compared;
      baselines.push({ name: 'ahp', scores: compared.ahpTest, isProbability: true });
      baselines.push({ name: 'ahp-fitted', scores: compared.fittedTest, isProbability: true });
    }
  }

  const metrics = evaluationReport(
    split.test.labels,
    candidates.map((c) => ({ name: c.kind, scores: c.test.probabilities, isProbability: true })),
    baselines,
    {
      split: prepared.split.test.description,
      horizonDays: prepared.horizonDays,
      trainingBaseRate: model.trainingBaseRate as number,
    },
  );
  writeFileSync(join(o.out, 'metrics.json'), JSON.stringify({ chosen: chosen.kind, selection: model.candidates, ...metrics }, null, 2) + '\n');
  if (ahp !== null) writeComparison(join(o.out, 'comparison.json'), ahp.comparison, metrics);

  const modelDir = resolve(versionDir(o.modelsDir, o.name, version));
  const manifest = await model.save(modelDir);
  log.info(`model saved to ${modelDir}`);
  const bundle: ModelBundle = { manifest, fitted: chosen.trained.fitted };

  const scored = await writeRunOutputs({ options: o, prepared, bundle, chosen, metrics, ahp, log });
  return { out: o.out, modelDir, chosen, candidates, metrics, tiers: tierCounts(scored.tier) };
}

