import { describe, expect, it } from 'vitest';
import type { HistoryRow } from '../../src/score/history/history-row.ts';
import { scoresCsvLines, type ScoredColumns } from '../../src/score/scores-csv.ts';
import { ScoresCsvBytes } from '../../src/score/scores-csv-bytes.ts';
import type { Tier } from '../../src/score/tiers.ts';

const ids = ['C001', 'a, b', 'say "hi"', 'two\nlines', 'cr\rhere', '', 'ünïcødé', 'x'.repeat(300)];
const tiers: Tier[] = ['healthy', 'watch', 'at-risk'];

function columns(reasons: string[] | null): ScoredColumns {
  return {
    customerId: ids,
    churnProbability: Float64Array.from(ids, (_, i) => (i === 0 ? 0 : 1 / (i + 3))),
    healthScore: Uint8Array.from(ids, (_, i) => 100 - 13 * i),
    tier: ids.map((_, i) => tiers[i % 3]),
    reasons,
  };
}

/** The same rows as `scoresCsvLines` takes them: no override, final score and tier the model's. */
function rows(c: ScoredColumns, asOf: string, version: string): HistoryRow[] {
  return c.customerId.map((id, i) => ({
    customer_id: id,
    as_of: asOf,
    churn_probability: c.churnProbability[i],
    health_score: c.healthScore[i],
    tier: c.tier[i],
    reasons: c.reasons?.[i] ?? '',
    model_version: version,
    model_health_score: c.healthScore[i],
    model_tier: c.tier[i],
    override: null,
    override_reason: null,
    override_author: null,
  }));
}

describe('ScoresCsvBytes', () => {
  it('writes the bytes of scoresCsvLines for model-only rows, awkward ids included', () => {
    const c = columns(null);
    const out = new ScoresCsvBytes('2024-12-01', 'churn/v1');
    for (let i = 0; i < ids.length; i++) out.modelLine(c, i);
    expect(out.bytes().toString('utf8')).toBe(scoresCsvLines(rows(c, '2024-12-01', 'churn/v1')));
  });

  it('quotes reasons and a model version that need it', () => {
    const c = columns(ids.map((id) => `raises score: ${id}; "quoted", ü`));
    const out = new ScoresCsvBytes('2024-12-01', 'odd,version');
    for (let i = 0; i < ids.length; i++) out.modelLine(c, i);
    expect(out.bytes().toString('utf8')).toBe(scoresCsvLines(rows(c, '2024-12-01', 'odd,version')));
  });

  it('grows past its first buffer and starts over after clear', () => {
    const c = columns(null);
    const out = new ScoresCsvBytes('2024-12-01', 'v', 8);
    out.text('first\n');
    out.clear();
    for (let r = 0; r < 50; r++) for (let i = 0; i < ids.length; i++) out.modelLine(c, i);
    out.text('ünïcødé tail\n');
    expect(out.bytes().toString('utf8')).toBe(scoresCsvLines(rows(c, '2024-12-01', 'v')).repeat(50) + 'ünïcødé tail\n');
  });
});
