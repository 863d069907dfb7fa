import { describe, expect, it } from 'vitest';
import { parseCdnow, parseYyyymmdd } from '../../../src/data/adapters/cdnow-sample.ts';

describe('parseCdnow', () => {
  it('reads the sample layout (master id, sample id, date, CDs, dollars; no header)', () => {
    const r = parseCdnow(' 00004 0001 19970101  2   29.33\r\n 00004 0001 19970118  2   29.73\r\n 00021 0002 19970101  3   63.34\r\n', 's');
    if ('problem' in r) throw new Error(r.problem);
    expect(r.data.customerIds).toEqual(['00004', '00021']);
    expect(Array.from(r.data.customer)).toEqual([0, 0, 1]);
    expect(r.data.timestampMs[1]).toBe(Date.UTC(1997, 0, 18));
    expect(Array.from(r.data.dollars)).toEqual([29.33, 29.73, 63.34]);
  });
  it('reads the master layout with its header line', () => {
    const r = parseCdnow(' customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n', 'm');
    if ('problem' in r) throw new Error(r.problem);
    expect(r.data.customerIds).toEqual(['00001']);
    expect(r.data.cds[0]).toBe(1);
  });
  it('names file, line and column of a bad value', () => {
    expect(parseCdnow(' 00001 19970101 1 11.77\n 00002 19971332 1 5\n', 'f.txt')).toEqual({
      problem: 'f.txt: line 2, column 2 (date): "19971332" is not a date YYYYMMDD',
    });
    expect(parseCdnow(' 00001 19970101 1 abc\n', 'f.txt')).toEqual({
      problem: 'f.txt: line 1, column 4 (dollar_value): "abc" is not a number',
    });
  });
  it('names a line with the wrong number of columns', () => {
    expect(parseCdnow(' 00001 19970101 1 11.77\n 00002 19970101 1\n', 'f.txt')).toHaveProperty('problem');
  });
});

describe('parseYyyymmdd', () => {
  it('parses a calendar date to UTC midnight and rejects impossible ones', () => {
    expect(parseYyyymmdd('19980630')).toBe(Date.UTC(1998, 5, 30));
    expect(parseYyyymmdd('19970230')).toBeNull();
    expect(parseYyyymmdd('1997-01-01')).toBeNull();
  });
});
