import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { doubleLiteral } from '../../../src/score/sql-export/sql-literal.ts';

describe('doubleLiteral', () => {
  it('writes an approximate numeric literal with the shortest round-trip digits', () => {
    expect(doubleLiteral(0.25)).toBe('2.5E-1');
    expect(doubleLiteral(-3)).toBe('(-3E0)');
    expect(doubleLiteral(1e21)).toBe('1E21');
  });

  it('is read back by DuckDB as exactly the same double', async () => {
    const values = [0.1, -0.30000000000000004, 1 / 3, 5e-324, 1.7976931348623157e308, 123456789.12345679];
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const reader = await conn.runAndReadAll(`SELECT ${values.map((v, i) => `${doubleLiteral(v)} AS v${i}`).join(', ')}`);
    const row = reader.getRowObjectsJS()[0];
    conn.closeSync();
    instance.closeSync();
    expect(values.map((_, i) => row[`v${i}`])).toEqual(values);
  });

  it('refuses values SQL cannot write', () => {
    expect(() => doubleLiteral(Number.NaN)).toThrow();
    expect(() => doubleLiteral(Number.POSITIVE_INFINITY)).toThrow();
  });
});
