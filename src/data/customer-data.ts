/**
 * The validated customer history in memory: one arquero table per contract table present (always
 * `customers`), dates as epoch ms, blanks null, extra columns kept as strings.
 */
import type { ColumnTable } from 'arquero';
import type { TableName } from './contract.ts';

export type CustomerData = { customers: ColumnTable } & Partial<Record<Exclude<TableName, 'customers'>, ColumnTable>>;
