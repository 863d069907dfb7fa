import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { HISTORY_COLUMNS, type HistoryRow } from '../../src/score/history/history-row.ts';
import { SCORES_CSV_HEADER, scoresCsvLines } from '../../src/score/scores-csv.ts';

describe('scoresCsvLines', () => {
  it('writes what csv-stringify writes, awkward text included', () => {
    const texts = ['plain', 'a, b', 'say "hi"', 'two\nlines', 'cr\rhere', '', ' padded ', 'ünïcødé; ok | raises score: x'];
    const rows: HistoryRow[] = texts.map((t, i) => ({
      customer_id: `C${i},${t}`,
      as_of: '2024-12-01',
      churn_probability: i === 0 ? 0 : 1 / (i + 3),
      health_score: 100 - i,
      tier: (['healthy', 'watch', 'at-risk'] as const)[i % 3],
      reasons: t,
      model_version: 'churn/v1',
      model_health_score: 90 - i,
      model_tier: 'watch',
      override: i % 2 === 0 ? null : `+${i} points`,
      override_reason: i % 2 === 0 ? null : t,
      override_author: i % 2 === 0 ? null : 'ana',
    }));
    const expected = stringify(rows.map((r) => HISTORY_COLUMNS.map((c) => r[c])), { header: true, columns: HISTORY_COLUMNS as string[] });
    expect(SCORES_CSV_HEADER + scoresCsvLines(rows)).toBe(expected);
  });
});
