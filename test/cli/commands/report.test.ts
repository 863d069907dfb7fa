/**
 * `healthscore report` as a user runs it (child process): the report re-rendered from a run's
 * report-input.json, and a one-line message for an invalid one.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOSTILE_ID, sampleReportInput } from '../../fixtures/report-input.ts';
import { hasStackTrace, healthscore } from './stage-fixture.ts';

describe('healthscore report', () => {
  it('renders report.html and report.md from RUN/report-input.json', async () => {
    const run = mkdtempSync(join(tmpdir(), 'hs-report-'));
    writeFileSync(join(run, 'report-input.json'), JSON.stringify(sampleReportInput()));
    const result = await healthscore('report', '--run', run);
    expect(result.status, result.stderr).toBe(0);
    const html = readFileSync(join(run, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<svg');
    expect(html).not.toContain(HOSTILE_ID);
    expect(readFileSync(join(run, 'report.md'), 'utf8')).toContain(`# ${sampleReportInput().title}`);
  }, 60_000);

  it('exits 3 naming the file and the field when report-input.json is invalid', async () => {
    const run = mkdtempSync(join(tmpdir(), 'hs-report-'));
    const input = { ...sampleReportInput(), horizonDays: -5 };
    writeFileSync(join(run, 'report-input.json'), JSON.stringify(input));
    const result = await healthscore('report', '--run', run);
    expect(result.status).toBe(3);
    expect(result.stderr.trim()).toMatch(new RegExp(`^healthscore: ${join(run, 'report-input.json')}: horizonDays: `));
    expect(hasStackTrace(result.stderr)).toBe(false);
  }, 60_000);
});
