/**
 * Stage 1, synthetic data, as a script:
 * `npx tsx pipelines/01-generate.ts --customers N --months M --seed S --out DIR [--start DATE]
 *  [--truth FILE] [--decline-share P --decline-date DATE]`.
 * Same call as `healthscore generate`; prints the rows written per table.
 */
import { parseArgs } from 'node:util';
import { ExitCode, UserError } from '../src/diagnostics/user-error.ts';
import { consoleLog } from '../src/diagnostics/log.ts';
import { formatGenerationSummary, runGenerateStage } from '../src/synth/generate-stage.ts';

const USAGE = 'usage: npx tsx pipelines/01-generate.ts --customers N --months M --seed S --out DIR [--truth FILE]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '5000' },
      months: { type: 'string', default: '24' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      start: { type: 'string' },
      truth: { type: 'string' },
      'decline-share': { type: 'string' },
      'decline-date': { type: 'string' },
    },
  });
  if (values.out === undefined) {
    console.error(`01-generate: --out is required\n${USAGE}`);
    return ExitCode.usage;
  }
  try {
    const summary = await runGenerateStage(
      { ...values, out: values.out, declineShare: values['decline-share'], declineDate: values['decline-date'] },
      consoleLog,
    );
    console.log(formatGenerationSummary(summary));
    return ExitCode.ok;
  } catch (err) {
    if (err instanceof UserError) {
      console.error(`01-generate: ${err.message}`);
      return err.exitCode;
    }
    throw err;
  }
}

process.exitCode = await main();
