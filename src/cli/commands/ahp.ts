/**
 * `healthscore ahp --config FILE`: checks an AHP config and prints its weights (eigenvector and geometric mean per
 * node, λmax, CI, CR), the global indicator weights and warnings.
 */
import type { Command } from 'commander';
import type { AhpWeights } from '../../ahp/hierarchy-weights.ts';
import type { NodeWeights } from '../../ahp/node-weights.ts';
import { UserError } from '../../diagnostics/user-error.ts';
import { examples } from '../examples.ts';

const pct = (w: number) => `${(100 * w).toFixed(1)}%`.padStart(6);

function nodeLines(title: string, node: NodeWeights): string[] {
  const width = Math.max(...node.criteria.map((c) => c.length), 9);
  const lines = [`${title} (${node.method}${node.judges.length > 0 ? `, judges: ${node.judges.join(', ')}` : ''})`];
  lines.push(`  ${'criterion'.padEnd(width)}  eigenvector  geometric mean`);
  node.criteria.forEach((c, i) => {
    lines.push(`  ${c.padEnd(width)}  ${pct(node.weights[i]).padStart(11)}  ${pct(node.geometricMeanWeights[i]).padStart(14)}`);
  });
  if (node.criteria.length > 2) {
    lines.push(
      `  λmax ${node.lambdaMax.toFixed(4)}  CI ${node.consistencyIndex.toFixed(4)}  ` +
        `RI ${node.randomIndex.toFixed(2)}  CR ${node.consistencyRatio.toFixed(4)}`,
    );
  }
  for (const c of node.completed) lines.push(`  completed (Harker): (${c.row}, ${c.col}) = ${c.value.toFixed(3)}`);
  for (const j of node.judgeConsistency) {
    lines.push(`  judge ${j.judge}: CR ${j.consistencyRatio === null ? 'n/a' : j.consistencyRatio.toFixed(4)}`);
  }
  return lines;
}

export function formatAhpWeights(w: AhpWeights): string {
  const lines = [`AHP config "${w.name}"`, '', ...nodeLines('Dimensions', w.goal)];
  for (const d of w.dimensions) {
    if (d.indicators.criteria.length > 1) lines.push('', ...nodeLines(`Indicators of "${d.name}"`, d.indicators));
  }
  lines.push('', 'Global indicator weights');
  const width = Math.max(...w.indicators.map((i) => i.feature.length), 7);
  for (const i of w.indicators) {
    lines.push(`  ${i.feature.padEnd(width)}  ${pct(i.globalWeight)}  (${i.dimension}${i.direction ? `, ${i.direction}` : ''})`);
  }
  return lines.join('\n');
}

export function registerAhp(program: Command): void {
  program
    .command('ahp')
    .description('check an AHP weights config and print its weights, λmax, CI and CR')
    .requiredOption('--config <file>', 'AHP config (JSON; see models/ahp/*.json and models/ahp/ahp-config.schema.json)')
    .option('--dictionary <file>', 'feature dictionary (JSON) to check the indicators and their directions against')
    .option('--json', 'print the weights as JSON instead of a table')
    .addHelpText(
      'after',
      examples(
        'healthscore ahp --config models/ahp/practice-satisfaction-repeat-interaction-profit.json',
        'healthscore ahp --config models/ahp/practice-amount-interaction-satisfaction.json --json',
        'healthscore ahp --config my-weights.json --dictionary runs/latest/features/dictionary.json',
      ) + '\n\nA consistency ratio (CR) above 0.10 is reported as a warning with the judgments whose change\nwould lower it the most.',
    )
    .action(async (flags: Record<string, unknown>) => {
      const [{ flag, parseFlags }, { readAhpConfig }] = await Promise.all([import('../flags.ts'), import('../../ahp/config-file.ts')]);
      const opts = parseFlags({ config: flag.text, dictionary: flag.text.optional(), json: flag.on }, flags);
      const r = readAhpConfig(opts.config);
      if (!r.ok) throw new UserError(r.problems.join('\nhealthscore: '));
      if (opts.dictionary) {
        const [{ readJsonFile }, { FeatureDictionary }, { scoringIndicators }] = await Promise.all([
          import('../../data/json-file.ts'),
          import('../../features/dictionary.ts'),
          import('../../ahp/scoring-indicators.ts'),
        ]);
        const dictionary = readJsonFile(opts.dictionary, FeatureDictionary, { what: 'the feature dictionary' });
        const s = scoringIndicators(r.weights, dictionary, opts.config);
        if (!s.ok) throw new UserError(s.problems.join('\nhealthscore: '));
      }
      console.log(opts.json ? JSON.stringify(r.weights, null, 2) : formatAhpWeights(r.weights));
      for (const w of r.weights.warnings) console.error(`warning: ${w}`);
    });
}
