import { describe, expect, it } from 'vitest';
import { formatIsoDay, parseIsoDate, parseIsoDay } from '../../src/data/iso-date.ts';

// Expected epoch ms computed with Python's datetime (timezone-aware, UTC), e.g.
// int(datetime(2024, 3, 1, 10, tzinfo=timezone.utc).timestamp() * 1000) == 1709287200000.
describe('parseIsoDate', () => {
  it('reads a calendar date as midnight UTC', () => {
    expect(parseIsoDate('2024-02-29')).toBe(1709164800000);
  });

  it('reads date-times with Z, ±HH:MM, ±HHMM and ±HH offsets as the same instant', () => {
    for (const text of ['2024-03-01T10:00:00Z', '2024-03-01T12:00:00+02:00', '2024-03-01T12:00:00+0200', '2024-03-01T12:00+02', '2024-03-01 10:00:00']) {
      expect(parseIsoDate(text), text).toBe(1709287200000);
    }
  });

  it('reads fractional seconds and negative half-hour offsets', () => {
    expect(parseIsoDate('2024-03-01T12:30:15.250-05:30')).toBe(1709316015250);
  });

  it('reads a date-time without offset as UTC, whatever the machine zone', () => {
    expect(parseIsoDate('2024-03-01T10:00:00')).toBe(1709287200000);
  });

  it('rejects impossible calendar dates and times', () => {
    for (const text of ['2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-01T24:00:00', '2024-01-01T10:60', '2024-01-01T10:00:00+15:00']) {
      expect(parseIsoDate(text), text).toBeNull();
    }
  });

  it('rejects text that is not ISO 8601', () => {
    for (const text of ['', '01/02/2024', '2024-1-5', '20240105', 'yesterday', '2024-01-05T10', '1704067200000']) {
      expect(parseIsoDate(text), text).toBeNull();
    }
  });
});

describe('parseIsoDay', () => {
  it('reads a calendar day alone as 00:00 UTC and refuses impossible days, other layouts and date-times', () => {
    expect(parseIsoDay('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseIsoDay('2023-02-29')).toBeNull();
    expect(parseIsoDay('2024-13-01')).toBeNull();
    expect(parseIsoDay('2024-3-5')).toBeNull();
    expect(parseIsoDay('1/2/2024')).toBeNull();
    expect(parseIsoDay('2024-03-05T00:00Z')).toBeNull();
  });
});

describe('formatIsoDay', () => {
  it('writes the UTC day of an instant', () => {
    expect(formatIsoDay(Date.UTC(2024, 1, 29, 23, 59))).toBe('2024-02-29');
  });
});
