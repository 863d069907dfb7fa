/**
 * `healthscore/value`: customer lifetime value from purchase histories (BG/NBD or MBG/NBD with
 * Gamma-Gamma), to rank the customers worth saving first.
 */
export { customerValues } from '../api/customer-values.ts';
export type { CustomerValuesOptions } from '../api/customer-values.ts';
export type { CustomerValueRow } from './value-table.ts';
