/**
 * The feature file reader releases DuckDB's dropped chunks as it goes (`releaseNativeMemory`), and
 * reads the same rows, columns, counts and rejections whether a release collects or does nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sqlString, withDuckDb } from '../../src/data/duckdb-session.ts';
import { openFeatureFile, type RejectedRow } from '../../src/score/feature-file-source.ts';

const release = vi.hoisted(() => ({ calls: 0, collect: true }));
vi.mock('../../src/runtime/native-release.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/runtime/native-release.ts')>();
  return {
    ...actual,
    releaseNativeMemory: async () => {
      release.calls++;
      if (release.collect) await actual.releaseNativeMemory();
    },
  };
});

const ROWS = 20_000;
const inputs = { features: ['spend', 'plan'], categorical: ['plan'] };
let dir: string;
let file: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hs-feature-release-'));
  file = join(dir, 'features.parquet');
  // Every 97th row has a blank id (rejected), every 5th another cutoff, C7 appears twice.
  await withDuckDb(async (c) => {
    await c.run(
      `COPY (SELECT CASE WHEN i % 97 = 0 THEN ' ' WHEN i = 15001 THEN 'C7' ELSE 'C' || i END AS customer_id, ` +
        `CASE WHEN i % 5 = 0 THEN TIMESTAMP '2025-02-01' ELSE TIMESTAMP '2025-03-01' END AS cutoff, ` +
        `CASE WHEN i % 11 = 0 THEN NULL ELSE i / 4 END AS spend, CASE WHEN i % 2 = 0 THEN 'basic' ELSE 'pro' END AS plan FROM range(${ROWS}) t(i)) TO ${sqlString(file)} (FORMAT parquet)`,
    );
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(): Promise<unknown> {
  const rejected: RejectedRow[] = [];
  const source = await openFeatureFile(file, inputs, Date.parse('2025-03-01T00:00:00Z'), (r) => rejected.push(r));
  const ids: string[] = [];
  const spend: number[] = [];
  const plan: unknown[] = [];
  try {
    for await (const chunk of source.chunks(3000)) {
      ids.push(...chunk.customerId);
      spend.push(...(chunk.raw.spend as Float64Array));
      plan.push(...(chunk.raw.plan as unknown[]));
    }
  } finally {
    source.close();
  }
  return { ids, spend, plan, rejected, counts: { ...source.counts } };
}

describe('openFeatureFile releasing native memory', () => {
  it('releases every few DuckDB chunks and reads exactly what it reads without collecting', async () => {
    release.calls = 0;
    release.collect = true;
    const collected = await readAll();
    // ~10 DuckDB chunks of 2,048 rows: a release every 4.
    expect(release.calls).toBeGreaterThanOrEqual(2);
    release.collect = false;
    const plain = await readAll();
    expect(collected).toEqual(plain);
    const { counts, rejected } = collected as { counts: Record<string, number>; rejected: RejectedRow[] };
    expect(counts.read).toBe(ROWS);
    expect(counts.scored + counts.otherDates + counts.rejected).toBe(ROWS);
    expect(rejected.some((r) => r.value === 'C7' && /first at row 8/.test(r.reason))).toBe(true);
  });
});
