import { DuckDBInstance, type DuckDBConnection, type DuckDBDataChunk } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doubleVector, intVector, isValid, LabelCache, textAt, textVector } from '../../src/data/duckdb-vectors.ts';

let instance: DuckDBInstance;
let conn: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
});

afterAll(() => {
  conn.closeSync();
  instance.closeSync();
});

/** Every chunk of a query, read by `read` while the chunk is alive. */
async function eachChunk<T>(sql: string, read: (chunk: DuckDBDataChunk) => T[]): Promise<T[]> {
  const result = await conn.stream(sql);
  const out: T[] = [];
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) return out;
    out.push(...read(chunk));
  }
}

describe('intVector', () => {
  it('reads integers and NULLs as the node-api reads them, across chunks', async () => {
    const sql = `SELECT CASE WHEN i % 5 = 0 THEN NULL ELSE i - 2500 END::INTEGER AS x FROM range(5000) t(i)`;
    const expected = (await conn.runAndReadAll(sql)).getColumnsJS()[0];
    const got = await eachChunk(sql, (chunk) => {
      const v = intVector(chunk, 0);
      return Array.from(v.values, (x, i) => (isValid(v.validity, i) ? x : null));
    });
    expect(got).toEqual(expected);
  });
});

describe('doubleVector', () => {
  it('reads doubles and NULLs as the node-api reads them, across chunks', async () => {
    const sql = `SELECT CASE WHEN i % 7 = 0 THEN NULL ELSE i / 3 END::DOUBLE AS x FROM range(5000) t(i)`;
    const expected = (await conn.runAndReadAll(sql)).getColumnsJS()[0];
    const got = await eachChunk(sql, (chunk) => {
      const v = doubleVector(chunk, 0);
      return Array.from(v.values, (x, i) => (isValid(v.validity, i) ? x : null));
    });
    expect(got).toEqual(expected);
  });

  it('has no validity mask when no row is NULL', async () => {
    const masks = await eachChunk(`SELECT i::DOUBLE AS x FROM range(10) t(i)`, (chunk) => [doubleVector(chunk, 0).validity]);
    expect(masks).toEqual([null]);
  });
});

describe('textAt', () => {
  const texts = ['', 'C000123-17', 'exactly12chr', 'thirteen char', 'ünïcødé', 'a much longer customer identifier', 'ÄÖÜ-twelve!'];
  const sql = `SELECT CASE WHEN i % 8 = 7 THEN NULL ELSE ([${texts.map((t) => `'${t}'`).join(', ')}])[i % 8 + 1] END AS s FROM range(4100) t(i)`;

  it('decodes inline, long, non-ASCII and NULL strings as the node-api does', async () => {
    const expected = (await conn.runAndReadAll(sql)).getColumnsJS()[0];
    const got = await eachChunk(sql, (chunk) => {
      const v = textVector(chunk, 0);
      return Array.from({ length: chunk.rowCount }, (_, i) => textAt(v, i));
    });
    expect(got).toEqual(expected);
  });

  it('gives the same labels through a LabelCache, long ones included', async () => {
    const expected = (await conn.runAndReadAll(sql)).getColumnsJS()[0];
    const cache = new LabelCache(3);
    const got = await eachChunk(sql, (chunk) => {
      const v = textVector(chunk, 0);
      return Array.from({ length: chunk.rowCount }, (_, i) => cache.textAt(v, i));
    });
    expect(got).toEqual(expected);
  });
});
