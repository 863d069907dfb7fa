/** `healthscore compare`: AHP hand weights against a saved model's learned ones (src/run/stages/compare-stage.ts). */
import type { Command } from 'commander';
import { modelStageLog, modelStageOptions } from '../model-stage.ts';
import { examples } from '../examples.ts';

export function registerCompare(program: Command): void {
  const command = program
    .command('compare')
    .description(
      'Compare hand-set AHP weights with what a saved model learned, on the test part of a feature folder: ' +
        'ROC-AUC (bootstrap interval), PR-AUC, Brier and lift of the AHP score (Platt-calibrated on the ' +
        'calibration part) and of the data-fitted hand weights beside the model; per dimension the AHP weight ' +
        'beside the learned share (logistic: |standardised coefficient|, GBDT: mean |SHAP|), rank correlations, ' +
        'and the judgments the data disagrees with most. Writes the shape of RUN/comparison.json. ' +
        'A model whose inputs are missing from the features stops with exit code 4.',
    )
    .requiredOption('--model <dir>', 'a saved model version, e.g. models/churn/20261123T101500Z')
    .requiredOption('--features <dir>', 'output of "healthscore features" (or "healthscore ingest --tabular")')
    .option('--ahp <config>', 'AHP config JSON (default for event features: models/ahp/practice-satisfaction-repeat-interaction-profit.json; required in tabular mode)')
    .option('--out <file>', 'where to write the comparison JSON', 'comparison.json');
  modelStageOptions(command)
    .addHelpText('after', examples(
      'healthscore compare --model models/churn/20261123T101500Z --features runs/features --out runs/comparison.json',
      'healthscore compare --model models/churn/v1 --features runs/features --ahp models/ahp/practice-amount-interaction-satisfaction.json',
      'healthscore compare --model models/telco/v1 --features runs/telco --ahp models/ahp/telco.json',
    ))
    .action(async (flags: Record<string, unknown>) => {
      const [{ flag, parseFlags }, { CompareStageOptions, runCompareStage }] = await Promise.all([
        import('../flags.ts'),
        import('../../run/stages/compare-stage.ts'),
      ]);
      const { quiet, ...options } = parseFlags(CompareStageOptions.extend({ seedSplit: flag.wholeNumber, quiet: flag.on }), flags);
      await runCompareStage(options, await modelStageLog(quiet));
    });
}
