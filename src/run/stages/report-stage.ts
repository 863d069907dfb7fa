/**
 * `healthscore report`: re-renders a run's manager report from `RUN/report-input.json`, e.g. after changing the
 * templates or editing the input by hand. The input is checked against `ReportInput` first.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile } from '../../data/json-file.ts';
import { UserError } from '../../diagnostics/user-error.ts';
import type { Log } from '../../diagnostics/log.ts';
import { renderHtmlReport } from '../../report/html.ts';
import { renderMarkdownReport } from '../../report/markdown.ts';
import { ReportInput } from '../../report/report-input.ts';

export const REPORT_INPUT_FILE = 'report-input.json';

export const ReportStageOptions = z.object({
  run: z.string().min(1),
  /** Where to write report.html and report.md; default: the run folder. */
  out: z.string().min(1).optional(),
});
export type ReportStageOptions = z.input<typeof ReportStageOptions>;

export async function runReportStage(input: ReportStageOptions, log: Log): Promise<{ html: string; markdown: string }> {
  const o = ReportStageOptions.parse(input);
  const path = join(o.run, REPORT_INPUT_FILE);
  if (!existsSync(path)) throw new UserError(`${path}: not found (it is written by "healthscore run")`);
  const report = readJsonFile(path, ReportInput, { what: 'the report input' });
  const out = o.out ?? o.run;
  const html = join(out, 'report.html');
  const markdown = join(out, 'report.md');
  mkdirSync(out, { recursive: true });
  writeFileSync(html, await renderHtmlReport(report));
  writeFileSync(markdown, renderMarkdownReport(report));
  log.info(`report written to ${html} and ${markdown}`);
  return { html, markdown };
}
