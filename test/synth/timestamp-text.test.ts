import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timestampText } from '../../src/synth/timestamp-text.ts';

const from = Date.UTC(2020, 0, 1);
const to = Date.UTC(2027, 0, 1);
const ts = timestampText(from, to);

// The reference is Date.prototype.toISOString (ECMA-262 Date Time String Format), without milliseconds.
describe('timestampText', () => {
  it('writes the same date-time as toISOString for whole seconds inside its range', () => {
    fc.assert(
      fc.property(fc.integer({ min: from / 1000, max: to / 1000 - 1 }), (seconds) => {
        const ms = seconds * 1000;
        expect(ts.dateTime(ms)).toBe(`${new Date(ms).toISOString().slice(0, 19)}Z`);
      }),
    );
  });

  it('writes the calendar day of a time', () => {
    expect(ts.date(Date.UTC(2024, 1, 29, 23, 59, 59))).toBe('2024-02-29');
    expect(ts.dateTime(Date.UTC(2024, 2, 5, 14, 21, 7))).toBe('2024-03-05T14:21:07Z');
  });

  it('falls back to toISOString outside its range', () => {
    expect(ts.date(Date.UTC(2030, 5, 1))).toBe('2030-06-01');
    expect(ts.dateTime(Date.UTC(2019, 11, 31, 23, 0, 1))).toBe('2019-12-31T23:00:01Z');
  });
});
