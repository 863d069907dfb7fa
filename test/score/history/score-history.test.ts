import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryRow } from '../../../src/score/history/history-row.ts';
import { historyRow } from './history-rows.ts';
import { appendHistory, historyDates, readHistory } from '../../../src/score/history/score-history.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'score-history-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const row = (customer: string, asOf: string, score: number): HistoryRow => historyRow(customer, asOf, score);

describe('score history', () => {
  it('reads back what was appended, overrides included, ordered by date then customer', async () => {
    const overridden: HistoryRow = { ...row('b', '2026-01-02', 55), health_score: 65, override: '+10 points', override_reason: 'renewal signed', override_author: 'ana' };
    await appendHistory(dir, '2026-01-02', [overridden, row('a', '2026-01-02', 80)]);
    await appendHistory(dir, '2026-01-01', [row('a', '2026-01-01', 90)]);
    const rows = await readHistory(dir);
    expect(rows.map((r) => [r.as_of, r.customer_id])).toEqual([
      ['2026-01-01', 'a'],
      ['2026-01-02', 'a'],
      ['2026-01-02', 'b'],
    ]);
    expect(rows[2]).toEqual(overridden);
  });

  it('replaces the partition when the same as-of date is written again, never duplicating rows', async () => {
    await appendHistory(dir, '2026-01-01', [row('a', '2026-01-01', 90), row('b', '2026-01-01', 50)]);
    await appendHistory(dir, '2026-01-01', [row('a', '2026-01-01', 85)]);
    const rows = await readHistory(dir);
    expect(rows.map((r) => [r.customer_id, r.health_score])).toEqual([['a', 85]]);
    expect(readdirSync(dir)).toEqual(['as_of=2026-01-01']);
  });

  it('reads only the partitions within the requested dates', async () => {
    for (const d of ['2026-01-01', '2026-01-05', '2026-01-09']) await appendHistory(dir, d, [row('a', d, 70)]);
    expect((await readHistory(dir, { from: '2026-01-02', to: '2026-01-09' })).map((r) => r.as_of)).toEqual(['2026-01-05', '2026-01-09']);
    expect(await historyDates(dir)).toEqual(['2026-01-01', '2026-01-05', '2026-01-09']);
  });

  it('is empty for a store that does not exist yet', async () => {
    expect(await readHistory(join(dir, 'none'))).toEqual([]);
  });

  it('refuses rows of another date than the partition', async () => {
    await expect(appendHistory(dir, '2026-01-02', [row('a', '2026-01-01', 70)])).rejects.toThrow('not 2026-01-02');
  });
});
