import { describe, expect, it } from 'vitest';
import { IngestSummary, formatIngestSummary } from '../../src/data/ingest-summary.ts';

const summary: IngestSummary = {
  mode: 'folder',
  source: 'data',
  as_of: '2024-06-30T23:59:59.999Z',
  tables: [
    { table: 'customers', file: 'data/customers.csv', format: 'csv', read: 3, accepted: 2, rejected: 1, reasons: { duplicate_id: 1 }, extra_columns: ['owner'] },
    { table: 'events', file: 'data/events.jsonl', format: 'jsonl', read: 120, accepted: 117, rejected: 3, reasons: { bad_date: 1, unknown_customer: 2 }, extra_columns: [] },
  ],
};

describe('IngestSummary', () => {
  it('refuses a table whose read is not accepted + rejected', () => {
    const broken = { ...summary, tables: [{ ...summary.tables[0], read: 4 }] };
    expect(IngestSummary.safeParse(broken).success).toBe(false);
  });
});

describe('formatIngestSummary', () => {
  it('prints one aligned line per table, reasons by count, then extras and the as-of date', () => {
    expect(formatIngestSummary(summary).split('\n')).toEqual([
      'table      file                format  read  accepted  rejected  reasons',
      'customers  data/customers.csv  csv        3         2         1  duplicate_id 1',
      'events     data/events.jsonl   jsonl    120       117         3  unknown_customer 2, bad_date 1',
      'extra columns kept in customers: owner',
      'as of 2024-06-30T23:59:59.999Z: later rows rejected',
    ]);
  });
});
