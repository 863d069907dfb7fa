/** `healthscore train`: one model fitted, calibrated and saved from a feature folder (src/run/stages/train-stage.ts). */
import { Option, type Command } from 'commander';
import { modelStageLog, modelStageOptions } from '../model-stage.ts';
import { examples } from '../examples.ts';

const MODEL_KINDS = ['logistic', 'gbdt'] as const;

export function registerTrain(program: Command): void {
  const command = program
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
    .addOption(new Option('--model <kind>', 'logistic regression or gradient-boosted trees').choices(MODEL_KINDS).makeOptionMandatory())
    .option('--monotone', 'gbdt: constrain each feature to push risk the way the feature dictionary says')
    .option('--models-dir <dir>', 'where model versions are saved', 'models')
    .option('--name <name>', 'model name (a folder under --models-dir)', 'churn')
    .option('--model-version <version>', 'version name (default: the start time, e.g. 20261123T101500Z)');
  modelStageOptions(command)
    .addHelpText('after', examples(
      'healthscore train --features runs/features --model logistic',
      'healthscore train --features runs/features --model gbdt --monotone --models-dir models --name churn --model-version v2',
      'healthscore train --features runs/telco --model logistic --name telco   (a "healthscore ingest --tabular" folder)',
    ))
    .action(async (flags: Record<string, unknown>) => {
      const [{ flag, parseFlags }, { runTrainStage, TrainStageOptions }] = await Promise.all([
        import('../flags.ts'),
        import('../../run/stages/train-stage.ts'),
      ]);
      const { modelVersion, quiet, ...options } = parseFlags(
        TrainStageOptions.extend({ name: flag.folderName, modelVersion: flag.folderName.optional(), seedSplit: flag.wholeNumber, quiet: flag.on }),
        flags,
      );
      await runTrainStage({ ...options, version: modelVersion }, await modelStageLog(quiet));
    });
}
