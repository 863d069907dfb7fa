/** `healthscore calibrate`: a saved model's calibrator refitted into a new version (src/run/stages/calibrate-stage.ts). */
import type { Command } from 'commander';
import { modelStageLog, modelStageOptions } from '../model-stage.ts';
import { examples } from '../examples.ts';

export function registerCalibrate(program: Command): void {
  const command = program
    .command('calibrate')
    .description(
      'Refit the calibrator of a saved model on the calibration part of a feature folder: Platt scaling and ' +
        'isotonic regression are both fitted there and the one with the lower log-loss on the validation part is ' +
        'kept. Prints both log-losses (and that of the previous calibrator). Saved models are immutable, so the ' +
        'result is a NEW version beside the given one (same name); the old version is left as it was. ' +
        'A model whose inputs are missing from the features stops with exit code 4.',
    )
    .requiredOption('--model <dir>', 'a saved model version, e.g. models/churn/20261123T101500Z')
    .requiredOption('--features <dir>', 'output of "healthscore features" (or "healthscore ingest --tabular")')
    .option('--model-version <version>', 'name of the new version (default: the start time)');
  modelStageOptions(command)
    .addHelpText('after', examples(
      'healthscore calibrate --model models/churn/20261123T101500Z --features runs/features',
      'healthscore calibrate --model models/churn/v1 --features runs/features-2025q2 --model-version v1-recal',
    ))
    .action(async (flags: Record<string, unknown>) => {
      const [{ flag, parseFlags }, { CalibrateStageOptions, runCalibrateStage }] = await Promise.all([
        import('../flags.ts'),
        import('../../run/stages/calibrate-stage.ts'),
      ]);
      const { modelVersion, quiet, ...options } = parseFlags(
        CalibrateStageOptions.extend({ modelVersion: flag.folderName.optional(), seedSplit: flag.wholeNumber, quiet: flag.on }),
        flags,
      );
      await runCalibrateStage({ ...options, version: modelVersion }, await modelStageLog(quiet));
    });
}
