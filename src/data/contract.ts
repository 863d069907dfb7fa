/**
 * The input data contract: the tables a data folder may hold, their columns and what their values must
 * look like; one source of truth for ingestion, the generator and the feature engines. Dates are
 * ISO 8601 in the files and epoch milliseconds (UTC) once parsed.
 */
import { z } from 'zod';

export const TABLE_NAMES = ['customers', 'transactions', 'events', 'tickets', 'surveys', 'subscriptions'] as const;
export const TableName = z.enum(TABLE_NAMES);
export type TableName = z.infer<typeof TableName>;

/** How a column's text is parsed: `date` → epoch ms (UTC), `number` → finite float, `string` as is. */
export const ColumnKind = z.enum(['string', 'date', 'number']);
export type ColumnKind = z.infer<typeof ColumnKind>;

export const ColumnSpec = z.object({
  name: z.string(),
  kind: ColumnKind,
  required: z.boolean(),
  /** For an enumeration: its values. */
  allowed: z.array(z.string()).optional(),
  /** For numbers: the closed interval of allowed values. */
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
});
export type ColumnSpec = z.infer<typeof ColumnSpec>;

export const TableSpec = z.object({
  name: TableName,
  columns: z.array(ColumnSpec),
  /** The column that dates the row, used for the as-of check and the point-in-time cut. */
  timeColumn: z.string(),
});
export type TableSpec = z.infer<typeof TableSpec>;

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

const s = (name: string, required = false): ColumnSpec => ({ name, kind: 'string', required });
const d = (name: string, required = false): ColumnSpec => ({ name, kind: 'date', required });
const n = (name: string, required = false, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  kind: 'number',
  required,
  ...extra,
});

/** The six tables. Only `customers` must be present in a data folder. */
export const CONTRACT: Record<TableName, TableSpec> = {
  customers: {
    name: 'customers',
    timeColumn: 'signup_date',
    columns: [s('customer_id', true), d('signup_date', true), s('plan'), s('segment'), s('region'), d('churn_date')],
  },
  transactions: {
    name: 'transactions',
    timeColumn: 'timestamp',
    columns: [s('customer_id', true), d('timestamp', true), n('amount', true), s('transaction_id'), n('quantity')],
  },
  events: {
    name: 'events',
    timeColumn: 'timestamp',
    columns: [s('customer_id', true), d('timestamp', true), s('event_type', true), n('value')],
  },
  tickets: {
    name: 'tickets',
    timeColumn: 'opened_at',
    columns: [
      s('customer_id', true),
      d('opened_at', true),
      d('closed_at'),
      { name: 'priority', kind: 'string', required: false, allowed: [...TICKET_PRIORITIES] },
      s('category'),
      n('csat', false, { min: 1, max: 5 }),
    ],
  },
  surveys: {
    name: 'surveys',
    timeColumn: 'timestamp',
    columns: [s('customer_id', true), d('timestamp', true), n('nps', true, { min: 0, max: 10, integer: true })],
  },
  subscriptions: {
    name: 'subscriptions',
    timeColumn: 'start_date',
    columns: [s('customer_id', true), d('start_date', true), d('end_date'), n('mrr', true, { min: 0 }), s('plan')],
  },
};

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
