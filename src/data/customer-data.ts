/**
 * The validated customer history in memory: one arquero table per contract table.
 * Column names are the contract's; dates are epoch milliseconds (UTC) as numbers; optional
 * columns that were blank are null; extra (non-contract) columns are kept as strings.
 * Only `customers` is always present.
 */
import type { ColumnTable } from 'arquero';
import type { TableName } from './contract.ts';

export type CustomerData = { customers: ColumnTable } & Partial<Record<Exclude<TableName, 'customers'>, ColumnTable>>;
