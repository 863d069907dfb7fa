import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../../src/data/contract.ts';
import { CustomerTruth } from '../../src/synth/truth.ts';
import { writeDataset, type GenerationSummary } from '../../src/synth/write-dataset.ts';
import { readContractTable, type ParsedRow } from './contract-rows.ts';

const config = { customers: 400, months: 9, seed: 2024, decline: { share: 0.2, date: '2024-06-10' } };
let root: string;
let summary: GenerationSummary;
const tables: Record<string, ParsedRow[]> = {};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hs-synth-'));
  summary = await writeDataset(config, join(root, 'a'), { truthPath: join(root, 'truth-a.jsonl') });
  for (const t of TABLE_NAMES) tables[t] = readContractTable(join(root, 'a', `${t}.csv`), t);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const bytes = (dir: string): string[] => TABLE_NAMES.map((t) => readFileSync(join(root, dir, `${t}.csv`), 'utf8'));

describe('writeDataset', () => {
  it('writes exactly the six table files into the folder', () => {
    expect(readdirSync(join(root, 'a')).sort()).toEqual(TABLE_NAMES.map((t) => `${t}.csv`).sort());
  });

  it('writes rows that all parse under the data contract, and counts them right', () => {
    for (const t of TABLE_NAMES) expect(tables[t].length, t).toBe(summary.rows[t]);
    expect(tables.customers.length).toBe(config.customers);
    expect(tables.events.length).toBeGreaterThan(10 * config.customers);
  });

  it('gives byte-identical files for the same options and seed, whatever the block size', async () => {
    await writeDataset(config, join(root, 'b'), { blockSize: 37 });
    expect(bytes('b')).toEqual(bytes('a'));
  });

  it('gives different files for another seed', async () => {
    await writeDataset({ ...config, seed: 2025 }, join(root, 'c'));
    expect(bytes('c')[2]).not.toEqual(bytes('a')[2]);
  });

  it('writes one truth line per customer, matching the churn dates in customers.csv', () => {
    const truth = readFileSync(join(root, 'truth-a.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => CustomerTruth.parse(JSON.parse(line)));
    expect(truth.length).toBe(config.customers);
    const churn = new Map(tables.customers.map((r) => [r.customer_id, r.churn_date]));
    const mismatched = truth.filter((t) => {
      const fileDate = churn.get(t.customer_id);
      return (t.churn_date === null) !== (fileDate === null) || (t.churn_date !== null && Date.parse(t.churn_date) !== fileDate);
    });
    expect(mismatched).toEqual([]);
    expect(truth.filter((t) => t.declined).length).toBe(summary.declined);
    expect(summary.declined).toBeGreaterThan(0);
  });

  it('uses unique customer and transaction ids, and only known customers in the other tables', () => {
    const ids = new Set(tables.customers.map((r) => r.customer_id));
    expect(ids.size).toBe(config.customers);
    expect(new Set(tables.transactions.map((r) => r.transaction_id)).size).toBe(tables.transactions.length);
    for (const t of TABLE_NAMES) expect(tables[t].every((r) => ids.has(r.customer_id)), t).toBe(true);
  });

  it('dates no event before its customer signed up or after it churned', () => {
    const customer = new Map(tables.customers.map((r) => [r.customer_id, r]));
    const outside = tables.events.filter((e) => {
      const c = customer.get(e.customer_id);
      const t = e.timestamp as number;
      return c === undefined || t < (c.signup_date as number) || (c.churn_date !== null && t >= (c.churn_date as number));
    });
    expect(outside.length).toBe(0);
  });
});
