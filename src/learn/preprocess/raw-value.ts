/**
 * One cell of a raw column as a number or a category label, with one rule for missing: null,
 * undefined, NaN and blank strings (Telco's TotalCharges is " " in a customer's first month).
 */

/** The cell as a number, NaN when missing; numeric text is parsed. Throws on other text (a caller bug: ingestion types columns). */
export function numericCell(column: ArrayLike<unknown>, row: number, name: string): number {
  const v = column[row];
  if (v === null || v === undefined) return Number.NaN;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    if (v.trim() === '') return Number.NaN;
    const x = Number(v);
    if (Number.isFinite(x)) return x;
  }
  throw new Error(`numeric feature "${name}" row ${row}: ${JSON.stringify(v)} is not a number`);
}

/** The cell as a category label, null when missing; numbers become their decimal text. */
export function categoryCell(column: ArrayLike<unknown>, row: number): string | null {
  const v = column[row];
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isNaN(v) ? null : String(v);
  const s = String(v);
  return s.trim() === '' ? null : s;
}
