/**
 * The generate stage as one call: checks the output folder, writes the tables (and the truth) and
 * reports progress. `healthscore generate` and `pipelines/01-generate.ts` both call it.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { z } from 'zod';
import { TABLE_NAMES } from '../data/contract.ts';
import { UserError } from '../diagnostics/user-error.ts';
import type { Log } from '../diagnostics/log.ts';
import { DeclineScenario, GeneratorConfig } from './config.ts';
import { writeDataset, type GenerationSummary } from './write-dataset.ts';

/** A number the command line may give as text, then checked by the generator config's own schema for it. */
const fromText = <T extends z.ZodNumber>(schema: T, error: string) => z.coerce.number({ error }).pipe(schema);

/** The stage's options as the command line gives them (numbers may arrive as text). */
export const GenerateStageOptions = z.object({
  customers: fromText(GeneratorConfig.shape.customers, 'expected a whole number'),
  months: fromText(GeneratorConfig.shape.months, 'expected a whole number'),
  seed: fromText(GeneratorConfig.shape.seed, 'expected a whole number'),
  out: z.string().min(1),
  start: z.string().optional(),
  truth: z.string().optional(),
  declineShare: fromText(DeclineScenario.shape.share, 'expected a number between 0 and 1').optional(),
  declineDate: z.string().optional(),
});
export type GenerateStageOptions = z.input<typeof GenerateStageOptions>;

/** Validated options → generator config, or a UserError naming the flag. */
export function generatorConfigFromOptions(input: GenerateStageOptions): { config: GeneratorConfig; out: string; truth: string | null } {
  const parsed = GenerateStageOptions.safeParse(input);
  if (!parsed.success) throw flagError(parsed.error.issues[0]);
  const o = parsed.data;
  if ((o.declineShare === undefined) !== (o.declineDate === undefined)) {
    throw new UserError('--decline-share and --decline-date go together: give both or neither');
  }
  const config = GeneratorConfig.safeParse({
    customers: o.customers,
    months: o.months,
    seed: o.seed,
    ...(o.start === undefined ? {} : { start: o.start }),
    decline: o.declineShare === undefined ? null : { share: o.declineShare, date: o.declineDate },
  });
  if (!config.success) throw flagError(config.error.issues[0]);
  return { config: config.data, out: o.out, truth: o.truth ?? null };
}

export async function runGenerateStage(input: GenerateStageOptions, log: Log): Promise<GenerationSummary> {
  const { config, out, truth } = generatorConfigFromOptions(input);
  checkOutputFolder(out, truth);
  let reported = 0;
  if (truth !== null) await mkdir(dirname(resolve(truth)), { recursive: true }).catch(rethrowAsUserError);
  return writeDataset(config, out, {
    ...(truth === null ? {} : { truthPath: truth }),
    onProgress: (done, total) => {
      // One line per tenth, so a large run shows it is alive without flooding the log.
      if (done === total || done - reported >= total / 10) {
        log.info(`generate: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} customers`);
        reported = done;
      }
    },
  }).catch(rethrowAsUserError);
}

/** A file-system refusal (no permission, full disk, a file where a folder should be) is the user's to fix. */
function rethrowAsUserError(err: unknown): never {
  if (err instanceof Error && 'code' in err && typeof err.code === 'string' && /^E[A-Z]+$/.test(err.code)) {
    const path = 'path' in err && typeof err.path === 'string' ? err.path : 'output';
    throw new UserError(`${path}: cannot write (${err.code})`);
  }
  throw err;
}

/** Human-readable summary lines: rows per table and the churn count. */
export function formatGenerationSummary(summary: GenerationSummary): string {
  const width = Math.max(...TABLE_NAMES.map((t) => t.length));
  const lines = TABLE_NAMES.map((t) => `  ${t.padEnd(width)}  ${summary.rows[t].toLocaleString('en-US').padStart(12)} rows`);
  const c = summary.config;
  const churnShare = ((100 * summary.churned) / c.customers).toFixed(1);
  lines.push(`  churned ${summary.churned.toLocaleString('en-US')} of ${c.customers.toLocaleString('en-US')} customers (${churnShare} %)`);
  if (c.decline !== null) lines.push(`  declined on ${c.decline.date}: ${summary.declined.toLocaleString('en-US')} customers`);
  return lines.join('\n');
}

/**
 * The folder must end up holding only the six tables (ingestion treats other files as errors), and
 * the truth file must not be among them. Like ingestion, it lets README* and dot files be, so a
 * documented folder such as data/sample can be regenerated in place.
 */
function checkOutputFolder(out: string, truth: string | null): void {
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new UserError(`${out}: exists and is not a folder`);
    const expected = new Set(TABLE_NAMES.map((t) => `${t}.csv`));
    const strangers = readdirSync(out).filter((name) => !expected.has(name) && !name.startsWith('.') && !name.startsWith('README'));
    if (strangers.length > 0) {
      throw new UserError(
        `${out}: holds ${strangers.slice(0, 3).join(', ')}${strangers.length > 3 ? ', …' : ''}; ` +
          'generate writes only the six table files there (ingestion rejects other files), so give an empty or new folder',
      );
    }
  }
  if (truth !== null) {
    const path = relative(resolve(out), resolve(truth));
    if (!path.startsWith('..') && !isAbsolute(path)) throw new UserError(`--truth ${truth}: must be outside --out ${out} (ingestion rejects unknown files such as ${basename(truth)})`);
  }
}

/** The issue as a UserError naming its flag: option `declineShare` and config path `decline.share` are both `--decline-share`. */
function flagError(issue: z.core.$ZodIssue): UserError {
  const key = issue.path.join('-').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return new UserError(`${key === '' ? '' : `--${key}`}: ${issue.message}`);
}
