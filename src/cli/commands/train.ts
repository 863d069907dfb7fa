/**
 * `healthscore train`: one model fitted, calibrated and saved from a feature folder
 * (see src/run/stages/train-stage.ts).
 */
import { Option, type Command } from 'commander';
import { UserError } from '../../diagnostics/user-error.ts';
import { consoleLog, quietLog } from '../../diagnostics/log.ts';

export function registerTrain(program: Command): void {
  program
    .command('train')
    .description(
      'Train one churn model on a feature folder and save it as a new model version. ' +
        'The rows are split as in "healthscore run": event features in time (latest cutoff = test; ' +
        'validation = the latest cutoff whose labels end by it; calibration = the cutoff before; training = ' +
        'the cutoffs whose labels end by the calibration cutoff); a tabular ingest ' +
        'by a seeded stratified 60/10/10/20 split. The model is fitted on the training part, then ' +
        'calibrated on the calibration part (Platt or isotonic, whichever has the lower log-loss on the ' +
        'validation part): a saved model ALWAYS carries its calibrator, so its scores are calibrated ' +
        'probabilities ("healthscore calibrate" only refits it). Prints the validation log-loss and the ' +
        'test ROC-AUC. Writes MODELS/NAME/VERSION/ (manifest.json with checksums; refuses an existing version).',
    )
    .requiredOption('--features <dir>', 'output of "healthscore features", or of "healthscore ingest --tabular"')
    .addOption(new Option('--model <kind>', 'logistic regression or gradient-boosted trees').choices(['logistic', 'gbdt']).makeOptionMandatory())
    .option('--monotone', 'gbdt: constrain each feature to push risk the way the feature dictionary says')
    .option('--models-dir <dir>', 'where model versions are saved', 'models')
    .option('--name <name>', 'model name (a folder under --models-dir)', 'churn')
    .option('--model-version <version>', 'version name (default: the start time, e.g. 20261123T101500Z)')
    .option('--seed-split <n>', 'seed of the stratified split (tabular mode)', '0')
    .option('--quiet', 'print nothing but warnings')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  healthscore train --features runs/features --model logistic\n' +
        '  healthscore train --features runs/features --model gbdt --monotone --models-dir models --name churn --model-version v2\n' +
        '  healthscore train --features runs/telco --model logistic --name telco   (a "healthscore ingest --tabular" folder)',
    )
    .action(async (flags: Record<string, string | boolean | undefined>) => {
      const [{ selectBackend }, { runTrainStage }] = await Promise.all([
        import('../../runtime/backend.ts'),
        import('../../run/stages/train-stage.ts'),
      ]);
      const log = flags.quiet === true ? quietLog : consoleLog;
      log.info(`TensorFlow.js backend: ${await selectBackend()}`);
      await runTrainStage(
        {
          features: flags.features as string,
          model: flags.model as 'logistic' | 'gbdt',
          monotone: flags.monotone === true,
          modelsDir: flags.modelsDir as string,
          name: nameFlag('--name', flags.name as string),
          version: flags.modelVersion === undefined ? undefined : nameFlag('--model-version', flags.modelVersion as string),
          seedSplit: seedFlag(flags.seedSplit as string),
        },
        log,
      );
    });
}

/** A model name or version: it becomes a folder name, so only path-safe characters. */
export function nameFlag(flag: string, text: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(text)) throw new UserError(`${flag}: "${text}" may hold only letters, digits, dot, dash or underscore`);
  return text;
}

export function seedFlag(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new UserError(`--seed-split: "${text}" is not a whole number ≥ 0`);
  return n;
}
