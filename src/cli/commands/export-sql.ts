/**
 * `healthscore export-sql`: a saved model (a model directory, or three spec files) compiled into one portable SQL
 * query over a feature table, so scoring can run in Spark SQL, Trino or a warehouse (docs/scoring-operations.md).
 */
import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import type { ScoringBundle } from '../../score/sql-export/compile-scoring-sql.ts';
import { ExitCode, UserError } from '../../diagnostics/user-error.ts';
import { examples } from '../examples.ts';

/** The model: a saved model directory, or the three spec files. */
async function bundleFrom(o: Partial<Record<'model' | 'preprocessor' | 'modelSpec' | 'calibrator', string>>): Promise<ScoringBundle> {
  const files = [o.preprocessor, o.modelSpec, o.calibrator];
  if (o.model !== undefined) {
    if (files.some((f) => f !== undefined)) throw new UserError('give either --model or the three spec files, not both', ExitCode.usage);
    const { loadModelBundle } = await import('../../score/bundle-artifact.ts');
    const { manifest, fitted } = await loadModelBundle(o.model);
    return { preprocessor: manifest.preprocessing, model: fitted, calibrator: manifest.calibrator };
  }
  if (o.preprocessor === undefined || o.modelSpec === undefined || o.calibrator === undefined) {
    throw new UserError('give --model DIR, or all of --preprocessor, --model-spec and --calibrator', ExitCode.usage);
  }
  const [{ readJsonFile }, { PreprocessorSpec }, { LogisticSpec }, { GbdtSpec }, { CalibratorSpec }] = await Promise.all([
    import('../../data/json-file.ts'),
    import('../../learn/preprocess/spec.ts'),
    import('../../learn/logistic/logistic-spec.ts'),
    import('../../learn/gbdt/serialize.ts'),
    import('../../calibrate/calibrator.ts'),
  ]);
  // The specs are the model itself: a missing or broken one is a model that does not fit (exit 4).
  const exitCode = ExitCode.modelMismatch;
  const preprocessor = readJsonFile(o.preprocessor, PreprocessorSpec, { what: 'the preprocessor spec', exitCode });
  const raw = readJsonFile(o.modelSpec, LogisticSpec.or(GbdtSpec), { what: 'the logistic or GBDT model spec', exitCode });
  const calibrator = readJsonFile(o.calibrator, CalibratorSpec, { what: 'the calibrator spec', exitCode });
  const model: ScoringBundle['model'] = raw.kind === 'logistic' ? { kind: 'logistic', spec: raw } : { kind: 'gbdt', spec: raw };
  return { preprocessor, model, calibrator };
}

export function registerExportSql(program: Command): void {
  program
    .command('export-sql')
    .description('compile a model (preprocessing, model, calibration) into one portable SQL query over a feature table')
    .option('--model <dir>', 'saved model directory, models/NAME/VERSION')
    .option('--preprocessor <file>', 'preprocessor spec JSON (instead of --model)')
    .option('--model-spec <file>', 'logistic or GBDT spec JSON (instead of --model)')
    .option('--calibrator <file>', 'calibrator spec JSON (instead of --model)')
    .option('--table <name>', 'feature table (or view) the query reads', 'features')
    .option('--keep <columns>', 'comma-separated columns copied to the output', 'customer_id')
    .option('--out <file>', 'write the SQL here instead of standard output')
    .addHelpText(
      'after',
      examples(
        'healthscore export-sql --model models/churn/2026-03-01 --table features --out score.sql',
        'healthscore export-sql --preprocessor pre.json --model-spec gbdt.json --calibrator cal.json',
      ) +
        '\n\nThe query returns the --keep columns, churn_probability and health_score. Missing values\n' +
        'must be NULL and categorical columns text; see docs/scoring-operations.md.',
    )
    .action(async (flags: Record<string, unknown>) => {
      const [{ flag, parseFlags }, { writeAtomically }, { compileScoringSql }] = await Promise.all([
        import('../flags.ts'),
        import('../../data/atomic-output.ts'),
        import('../../score/sql-export/compile-scoring-sql.ts'),
      ]);
      const o = parseFlags(
        {
          model: flag.text.optional(),
          preprocessor: flag.text.optional(),
          modelSpec: flag.text.optional(),
          calibrator: flag.text.optional(),
          table: flag.text,
          keep: flag.list,
          out: flag.text.optional(),
        },
        flags,
      );
      const bundle = await bundleFrom(o);
      let sql: string;
      try {
        sql = `${compileScoringSql(bundle, { table: o.table, keep: o.keep }).query};\n`;
      } catch (error) {
        // The compiler throws only on specs that disagree with each other (a corrupted model).
        throw new UserError(`the model does not compile: ${(error as Error).message}`, ExitCode.modelMismatch);
      }
      if (o.out === undefined) process.stdout.write(sql);
      else await writeAtomically(o.out, (tmp) => writeFile(tmp, sql));
    });
}
