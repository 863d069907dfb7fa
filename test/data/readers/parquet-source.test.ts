import { describe, expect, it } from 'vitest';
import { withDuckDb, sqlString } from '../../../src/data/duckdb-session.ts';
import { openParquet } from '../../../src/data/readers/parquet-source.ts';
import { collect, tempFile } from './reader-support.ts';

describe('openParquet', () => {
  it('reads every type as text: timestamps as ISO 8601 UTC, dates, numbers, nulls', async () => {
    const path = tempFile('t.parquet', '');
    const records = await withDuckDb(async (connection) => {
      await connection.run(
        `COPY (SELECT TIMESTAMP '2024-03-01 10:00:00.5' AS ts, DATE '2024-03-02' AS d, 2.5::DOUBLE AS x, 7::INTEGER AS n, NULL::VARCHAR AS s)
         TO ${sqlString(path)} (FORMAT parquet)`,
      );
      return collect(await openParquet(path, connection));
    });
    expect(records).toEqual([{ line: 1, values: { ts: '2024-03-01T10:00:00.500Z', d: '2024-03-02', x: '2.5', n: '7', s: null } }]);
  });

  it('reads a TIMESTAMP WITH TIME ZONE as the same UTC instant', async () => {
    const path = tempFile('t.parquet', '');
    const records = await withDuckDb(async (connection) => {
      await connection.run(`COPY (SELECT TIMESTAMPTZ '2024-03-01 12:00:00+02' AS ts) TO ${sqlString(path)} (FORMAT parquet)`);
      return collect(await openParquet(path, connection));
    });
    expect(records).toEqual([{ line: 1, values: { ts: '2024-03-01T10:00:00.000Z' } }]);
  });
});
