/**
 * The feature file reader's labels: with the model's training levels as hints, DuckDB numbers
 * each row's label and the reader takes it from the list; every other label (unseen, blank,
 * longer than DuckDB's 12 inline bytes) is decoded as before. Either way the same columns.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlString, withDuckDb } from '../../src/data/duckdb-session.ts';
import { openFeatureFile, type ReadHints } from '../../src/score/feature-file-source.ts';

const inputs = { features: ['plan', 'spend', 'region'], categorical: ['plan', 'region'] };
// Known labels short and long (> 12 bytes), an unseen long one, a blank one, NULL, and non-ASCII.
const PLANS = ['basic', 'enterprise-annual', 'enterprise-annual-legacy', ' ', null, 'pro-monthly', 'straße-monatlich-plus'];
const ROWS = 5000;

let dir: string;
let file: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hs-feature-file-'));
  file = join(dir, 'features.parquet');
  const plans = `[${PLANS.map((p) => (p === null ? 'NULL' : sqlString(p))).join(', ')}]`;
  await withDuckDb(async (c) => {
    await c.run(
      `COPY (SELECT 'C' || i AS customer_id, ${plans}[1 + (i * 7 + i // 3) % ${PLANS.length}] AS plan, i / 10 AS spend, ` +
        `CASE WHEN i % 3 = 0 THEN 'north' ELSE 'south' END AS region FROM range(${ROWS}) t(i)) TO ${sqlString(file)} (FORMAT parquet)`,
    );
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(hints?: ReadHints): Promise<{ ids: string[]; columns: Record<string, unknown[]> }> {
  const source = await openFeatureFile(file, inputs, 0, () => {}, hints);
  const ids: string[] = [];
  const columns: Record<string, unknown[]> = { plan: [], spend: [], region: [] };
  try {
    for await (const chunk of source.chunks(1000)) {
      ids.push(...chunk.customerId);
      for (const name of inputs.features) columns[name].push(...Array.from(chunk.raw[name] as ArrayLike<unknown>));
    }
  } finally {
    source.close();
  }
  return { ids, columns };
}

describe('openFeatureFile with expected labels', () => {
  it('reads the same labels as without them, known, unseen, long, blank and missing alike', async () => {
    const plain = await readAll();
    const hinted = await readAll({ labels: new Map([['plan', ['basic', 'enterprise-annual', 'pro-monthly']], ['region', ['north']]]) });
    expect(plain.ids).toHaveLength(ROWS);
    expect(new Set(plain.columns.plan)).toEqual(new Set(PLANS));
    expect(hinted).toEqual(plain);
  });

  it('ignores hints for numeric inputs and empty label lists', async () => {
    const plain = await readAll();
    expect(await readAll({ labels: new Map([['spend', ['1']], ['plan', []]]) })).toEqual(plain);
  });
});
