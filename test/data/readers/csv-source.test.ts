import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/diagnostics/user-error.ts';
import { openCsv } from '../../../src/data/readers/csv-source.ts';
import { collect, tempFile } from './reader-support.ts';

describe('openCsv', () => {
  it('strips a UTF-8 BOM from the first header name', async () => {
    const source = await openCsv(tempFile('c.csv', '\ufeffcustomer_id,signup_date\nc1,2024-01-01\n'));
    expect(source.columns).toEqual(['customer_id', 'signup_date']);
  });

  it('numbers records by their line in the file, header = line 1, CRLF or LF', async () => {
    const source = await openCsv(tempFile('c.csv', 'a,b\r\n1,2\r\n\r\n3,4\r\n'));
    expect(await collect(source)).toEqual([
      { line: 2, values: { a: '1', b: '2' } },
      { line: 4, values: { a: '3', b: '4' } },
    ]);
  });

  it('keeps quoted commas and newlines inside one field, numbering a record by the line it starts on', async () => {
    const source = await openCsv(tempFile('c.csv', 'a,b\n"x, y","two\nlines"\nz,w\n'));
    expect(await collect(source)).toEqual([
      { line: 2, values: { a: 'x, y', b: 'two\nlines' } },
      { line: 4, values: { a: 'z', b: 'w' } },
    ]);
  });

  it('turns a record with the wrong number of fields into a row problem', async () => {
    const records = await collect(await openCsv(tempFile('c.csv', 'a,b\n1\n')));
    expect(records).toMatchObject([{ line: 2, problem: { reason: 'wrong_field_count' } }]);
  });

  it('stops with a UserError naming the line on an unclosed quote', async () => {
    const path = tempFile('c.csv', 'a,b\n1,2\n3,"4\n');
    const run = openCsv(path).then(collect);
    await expect(run).rejects.toBeInstanceOf(UserError);
    await expect(run).rejects.toThrow(/malformed CSV/);
  });
});
