import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/score/alerts.ts';
import { alertsCsv, writeAlertsCsv, writeAlertsJson } from '../../src/score/alerts-output.ts';

const alert: Alert = {
  customer_id: 'c1',
  as_of: '2026-03-08',
  rule: 'score_drop',
  previous_as_of: '2026-03-07',
  previous_score: 83,
  current_score: 35,
  previous_tier: 'healthy',
  current_tier: 'at-risk',
  reasons: 'no login in 34 days; 3 support tickets, "urgent"',
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'alerts-output-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('alerts output', () => {
  it('writes a header and one quoted CSV row per alert', () => {
    const rows = parse(alertsCsv([alert]), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([{ ...alert, previous_score: '83', current_score: '35' }]);
  });

  it('writes only the header when there are no alerts', () => {
    expect(alertsCsv([])).toBe('customer_id,as_of,rule,previous_as_of,previous_score,current_score,previous_tier,current_tier,reasons\n');
  });

  it('writes files that read back as the alerts', async () => {
    await writeAlertsCsv(join(dir, 'alerts.csv'), [alert]);
    await writeAlertsJson(join(dir, 'alerts.json'), [alert]);
    expect(JSON.parse(readFileSync(join(dir, 'alerts.json'), 'utf8'))).toEqual([alert]);
    expect(readFileSync(join(dir, 'alerts.csv'), 'utf8')).toBe(alertsCsv([alert]));
  });
});
