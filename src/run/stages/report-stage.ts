/**
 * `healthscore report`: re-renders a run's manager report (`RUN/report.html`, `RUN/report.md`)
 * from `RUN/report-input.json`, which `healthscore run` writes beside them. The input is validated
 * with the `ReportInput` schema, so an edited or foreign file stops with the first problem named
 * instead of a half-rendered report. Useful after changing the report templates, or to render a
 * report-input.json edited by hand (a title, a redacted customer list).
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

export function readReportInput(path: string): ReportInput {
  if (!existsSync(path)) throw new UserError(`${path}: not found (it is written by "healthscore run")`);
  return readJsonFile(path, ReportInput, { what: 'the report input' });
}

export async function runReportStage(input: ReportStageOptions, log: Log): Promise<{ html: string; markdown: string }> {
  const o = ReportStageOptions.parse(input);
  const report = readReportInput(join(o.run, REPORT_INPUT_FILE));
  const out = o.out ?? o.run;
  const html = join(out, 'report.html');
  const markdown = join(out, 'report.md');
  mkdirSync(out, { recursive: true });
  writeFileSync(html, await renderHtmlReport(report));
  writeFileSync(markdown, renderMarkdownReport(report));
  log.info(`report written to ${html} and ${markdown}`);
  return { html, markdown };
}
