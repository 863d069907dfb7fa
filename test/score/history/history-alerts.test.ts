import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateAlerts, type AlertRulesInput } from '../../../src/score/alerts.ts';
import { historyAlerts } from '../../../src/score/history/history-alerts.ts';
import type { HistoryRow } from '../../../src/score/history/history-row.ts';
import { historyRow } from './history-rows.ts';
import { appendHistory, readHistory } from '../../../src/score/history/score-history.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'history-alerts-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const row = (customer: string, asOf: string, score: number): HistoryRow => historyRow(customer, asOf, score, `reason of ${customer}`);

describe('historyAlerts', () => {
  it('gives the alerts evaluateAlerts gives on the same history, for random histories and rule sets', async () => {
    let seed = 11;
    const u = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
    // Irregular run dates, customers who skip runs, ties at the peak, ids that sort differently
    // in UTF-16 and UTF-8 (a character beyond the BMP against one near its end).
    const dates = ['2026-03-01', '2026-03-02', '2026-03-04', '2026-03-05', '2026-03-08', '2026-03-09', '2026-03-15'];
    const customers = ['a', 'B', 'c-1', 'c-10', 'é', '\u{1F600}x', '\uFF5Ex', ...Array.from({ length: 40 }, (_, i) => `k${i}`)];
    for (const d of dates) {
      const rows = customers.filter(() => u() < 0.8).map((c) => row(c, d, Math.floor(u() * 5) * 20 + (u() < 0.5 ? 0 : 1)));
      await appendHistory(dir, d, rows);
    }
    const ruleSets: AlertRulesInput[] = [
      {},
      { scoreDrop: { points: 30, percent: null, withinDays: 3 } },
      { scoreDrop: { points: 10, percent: 50, withinDays: 10 }, tierWorsened: false },
      { scoreDrop: null, enteredAtRisk: false },
    ];
    const history = await readHistory(dir);
    let fired = 0;
    for (const rules of ruleSets) {
      for (const d of [...dates, '2026-03-20']) {
        const expected = evaluateAlerts(history, d, rules);
        expect(await historyAlerts(dir, d, rules)).toEqual(expected);
        fired += expected.length;
      }
    }
    expect(fired).toBeGreaterThan(50);
  });

  it('fires on exactly 20% (no rounding loss) and not on a rise', async () => {
    await appendHistory(dir, '2026-01-01', [row('a', '2026-01-01', 90), row('b', '2026-01-01', 50)]);
    await appendHistory(dir, '2026-01-02', [row('a', '2026-01-02', 72), row('b', '2026-01-02', 60)]);
    const alerts = await historyAlerts(dir, '2026-01-02');
    expect(alerts.map((a) => [a.customer_id, a.rule, a.previous_score, a.current_score])).toEqual([['a', 'score_drop', 90, 72]]);
  });
});
