/**
 * Test support: reads a generated table file back under the data contract, independently of the
 * ingestion code (csv-parse for the CSV, Date.parse for the ISO 8601 UTC texts), and fails loudly
 * on the first cell that breaks the contract.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { CONTRACT, type TableName } from '../../src/data/contract.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** Which date columns the generator writes as calendar dates (the others are UTC date-times). */
const CALENDAR_DATE_COLUMNS = new Set(['signup_date', 'churn_date', 'start_date', 'end_date']);

export type ParsedRow = Record<string, string | number | null>;

export function readContractTable(file: string, table: TableName): ParsedRow[] {
  const text = readFileSync(file, 'utf8');
  const records: string[][] = parse(text, { relax_column_count: false });
  const header = records[0];
  const spec = CONTRACT[table];
  const expected = spec.columns.map((c) => c.name);
  if (header.join(',') !== expected.join(',')) throw new Error(`${file}: header ${header.join(',')} ≠ ${expected.join(',')}`);
  return records.slice(1).map((cells, i) => {
    const row: ParsedRow = {};
    spec.columns.forEach((col, j) => {
      const text = cells[j];
      const where = `${file} line ${i + 2} column ${col.name}`;
      if (text === '') {
        if (col.required) throw new Error(`${where}: required but blank`);
        row[col.name] = null;
        return;
      }
      if (col.kind === 'date') {
        const form = CALENDAR_DATE_COLUMNS.has(col.name) ? DATE : DATE_TIME;
        const ms = Date.parse(text);
        if (!form.test(text) || !Number.isFinite(ms)) throw new Error(`${where}: bad date ${text}`);
        row[col.name] = ms;
      } else if (col.kind === 'number') {
        const v = Number(text);
        if (!Number.isFinite(v)) throw new Error(`${where}: not a number ${text}`);
        if (col.integer === true && !Number.isInteger(v)) throw new Error(`${where}: not whole ${text}`);
        if (v < (col.min ?? -Infinity) || v > (col.max ?? Infinity)) throw new Error(`${where}: out of range ${text}`);
        row[col.name] = v;
      } else {
        if (col.allowed !== undefined && !col.allowed.includes(text)) throw new Error(`${where}: ${text} not allowed`);
        row[col.name] = text;
      }
    });
    return row;
  });
}
