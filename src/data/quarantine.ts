/**
 * The quarantine file of one table, `OUT/quarantine/<table>.csv`: one line per problem of a rejected row
 * (a row with two problems appears twice), so each problem can be fixed where it is.
 */
import { stringify } from 'csv-stringify/sync';
import { LineSink } from './line-sink.ts';
import type { QuarantineEntry } from './row-problem.ts';

export const QUARANTINE_COLUMNS = ['file', 'line', 'column', 'value', 'reason', 'detail'] as const;

export function quarantineLine(entry: QuarantineEntry): string {
  return stringify([QUARANTINE_COLUMNS.map((c) => entry[c])], { record_delimiter: '' });
}

export class QuarantineWriter {
  private readonly sink: LineSink;

  constructor(path: string) {
    this.sink = new LineSink(path);
  }

  static async open(path: string): Promise<QuarantineWriter> {
    const writer = new QuarantineWriter(path);
    await writer.sink.write(QUARANTINE_COLUMNS.join(','));
    return writer;
  }

  write(entry: QuarantineEntry): Promise<void> {
    return this.sink.write(quarantineLine(entry));
  }

  close(): Promise<void> {
    return this.sink.close();
  }
}
