/** `healthscore evaluate`: a saved model judged on a feature folder's test part (src/run/stages/evaluate-stage.ts). */
import type { Command } from 'commander';
import { modelStageLog, modelStageOptions } from '../model-stage.ts';
import { examples } from '../examples.ts';

export function registerEvaluate(program: Command): void {
  const command = program
    .command('evaluate')
    .description(
      'Evaluate a saved model on the test part of a feature folder (the latest cutoff, or the stratified 20% ' +
        'in tabular mode): ROC-AUC with a bootstrap 95% interval, PR-AUC, Brier score, log-loss, expected ' +
        'calibration error, lift and capture at 5/10/20%, KS and a reliability table, beside the RFM-score ' +
        'and "predict the base rate" baselines. Writes the evaluation as JSON (the shape of RUN/metrics.json) ' +
        'and prints the headline metrics. A model whose inputs are missing from the features, or whose files ' +
        'fail their checksum, stops with exit code 4.',
    )
    .requiredOption('--model <dir>', 'a saved model version, e.g. models/churn/20261123T101500Z')
    .requiredOption('--features <dir>', 'output of "healthscore features" (or "healthscore ingest --tabular")')
    .option('--out <file>', 'where to write the evaluation JSON', 'metrics.json');
  modelStageOptions(command)
    .addHelpText('after', examples(
      'healthscore evaluate --model models/churn/20261123T101500Z --features runs/features --out runs/metrics.json',
      'healthscore evaluate --model models/telco/v1 --features runs/telco --out runs/telco-metrics.json',
    ))
    .action(async (flags: Record<string, unknown>) => {
      const [{ flag, parseFlags }, { EvaluateStageOptions, runEvaluateStage }] = await Promise.all([
        import('../flags.ts'),
        import('../../run/stages/evaluate-stage.ts'),
      ]);
      const { quiet, ...options } = parseFlags(EvaluateStageOptions.extend({ seedSplit: flag.wholeNumber, quiet: flag.on }), flags);
      await runEvaluateStage(options, await modelStageLog(quiet));
    });
}
