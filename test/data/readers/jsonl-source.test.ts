import { describe, expect, it } from 'vitest';
import { openJsonl } from '../../../src/data/readers/jsonl-source.ts';
import { collect, tempFile } from './reader-support.ts';

describe('openJsonl', () => {
  it('turns scalars into text and JSON null into a blank', async () => {
    const source = await openJsonl(tempFile('e.jsonl', '{"a":1.5,"b":true,"c":null,"d":"x"}\n'));
    expect(await collect(source)).toEqual([{ line: 1, values: { a: '1.5', b: 'true', c: null, d: 'x' } }]);
  });

  it('keeps nested values as their JSON text', async () => {
    const source = await openJsonl(tempFile('e.jsonl', '{"a":{"k":[1,2]}}\n'));
    expect(await collect(source)).toEqual([{ line: 1, values: { a: '{"k":[1,2]}' } }]);
  });

  it('adds a key first seen on a later line to the columns', async () => {
    const source = await openJsonl(tempFile('e.jsonl', '{"a":1}\n{"a":2,"b":3}\n'));
    await collect(source);
    expect(source.columns).toEqual(['a', 'b']);
  });

  it('skips blank lines but counts them in line numbers, and reports broken lines as problems', async () => {
    const source = await openJsonl(tempFile('e.jsonl', 'oops\n{"a":1}\n\n"text"\n{"a":2}\n'));
    const records = await collect(source);
    expect(records.map((r) => ('problem' in r ? `${r.line}:${r.problem.reason}` : `${r.line}:ok`))).toEqual([
      '1:bad_json',
      '2:ok',
      '4:bad_json',
      '5:ok',
    ]);
  });
});
