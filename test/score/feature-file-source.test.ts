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

describe('openFeatureFile with a typed cutoff', () => {
  it('keeps and skips the same rows whether the cutoff is TIMESTAMP, TIMESTAMPTZ or text', async () => {
    const asOf = Date.parse('2025-03-01T00:00:00Z');
    const counts: Record<string, unknown> = {};
    for (const type of ['TIMESTAMP', 'TIMESTAMPTZ', 'VARCHAR']) {
      const path = join(dir, `cutoff-${type}.parquet`);
      await withDuckDb(async (c) => {
        await c.run(`SET TimeZone = 'UTC'`);
        await c.run(
          `COPY (SELECT 'C' || i AS customer_id, CAST(CASE i % 4 WHEN 0 THEN NULL WHEN 1 THEN TIMESTAMP '2025-02-01' ELSE TIMESTAMP '2025-03-01' END AS ${type}) AS cutoff, ` +
            `'basic' AS plan, i AS spend, 'north' AS region FROM range(1000) t(i)) TO ${sqlString(path)} (FORMAT parquet)`,
        );
      });
      const source = await openFeatureFile(path, inputs, asOf, () => {});
      const ids: string[] = [];
      try {
        for await (const chunk of source.chunks(300)) ids.push(...chunk.customerId);
        counts[type] = { ...source.counts, rows: source.rows, ids };
      } finally {
        source.close();
      }
    }
    expect(counts.TIMESTAMP).toMatchObject({ read: 1000, scored: 500, otherDates: 500, rejected: 0, rows: 500 });
    expect(counts.TIMESTAMPTZ).toEqual(counts.TIMESTAMP);
    expect(counts.VARCHAR).toEqual(counts.TIMESTAMP);
  });
});

describe('openFeatureFile with expected labels', () => {
  it('reads the same labels as without them, known, unseen, long, blank and missing alike', async () => {
    const plain = await readAll();
    const hinted = await readAll({ labels: new Map([['plan', ['basic', 'enterprise-annual', 'pro-monthly']], ['region', ['north']]]) });
    expect(plain.ids).toHaveLength(ROWS);
    expect(new Set(plain.columns.plan)).toEqual(new Set(PLANS));
    expect(hinted).toEqual(plain);
  });

  it('reads hinted inputs after an unhinted one in their own columns', async () => {
    const plain = await readAll();
    expect(await readAll({ labels: new Map([['region', ['south', 'north']]]) })).toEqual(plain);
  });

  it('ignores hints for numeric inputs, empty lists, and labels SQL cannot carry or an ENUM cannot hold', async () => {
    const plain = await readAll();
    expect(await readAll({ labels: new Map([['spend', ['1']], ['plan', []]]) })).toEqual(plain);
    // U+0000 would end the SQL statement; a lone surrogate would arrive as U+FFFD; a repeated label is no ENUM.
    for (const odd of [['basic', 'a\0b'], ['basic', '\uD800x'], ['basic', 'basic']]) {
      expect(await readAll({ labels: new Map([['plan', odd]]) })).toEqual(plain);
    }
  });
});
