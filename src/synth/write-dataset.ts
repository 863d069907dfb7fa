/**
 * The generator's I/O edge: simulates customers block by block and streams their rows to one CSV per
 * table (and the truth as JSON Lines). Memory stays bounded by one block's text: the next block waits
 * for backpressure.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { z } from 'zod';
import { DAY_MS, TABLE_NAMES, type TableName } from '../data/contract.ts';
import { generationWindow, GeneratorConfig, type GeneratorConfigInput } from './config.ts';
import { CSV_HEADERS, historyCsv, rowCounts } from './csv-text.ts';
import { BASE_HISTORY_DAYS } from './profile.ts';
import { customerRng } from './random.ts';
import { simulateCustomer } from './simulate-customer.ts';
import { timestampText } from './timestamp-text.ts';

export const GenerationSummary = z.object({
  config: GeneratorConfig,
  rows: z.record(z.enum(TABLE_NAMES), z.number().int()),
  churned: z.number().int(),
  declined: z.number().int(),
  files: z.array(z.string()),
});
export type GenerationSummary = z.infer<typeof GenerationSummary>;

export interface WriteOptions {
  /** Where to write the truth (JSON Lines); outside `outDir`, which must hold only the tables. */
  truthPath?: string;
  /** Customers simulated per block: the unit of memory use and of progress reports. */
  blockSize?: number;
  onProgress?: (customersDone: number, customersTotal: number) => void;
}

export async function writeDataset(
  configInput: GeneratorConfigInput,
  outDir: string,
  options: WriteOptions = {},
): Promise<GenerationSummary> {
  const config = GeneratorConfig.parse(configInput);
  const window = generationWindow(config);
  const ts = timestampText(window.startMs - (BASE_HISTORY_DAYS + 2) * DAY_MS, window.endMs + 400 * DAY_MS);
  const blockSize = options.blockSize ?? 500;

  await mkdir(outDir, { recursive: true });
  const files = TABLE_NAMES.map((t) => join(outDir, `${t}.csv`));
  const streams = TABLE_NAMES.map((_, i) => openStream(files[i]));
  const truthPath = options.truthPath ?? null;
  const truth = truthPath === null ? null : openStream(truthPath);
  const all = truth === null ? streams : [...streams, truth];
  const failure = firstError(all);
  // Marked handled here; the races below still see the rejection.
  failure.catch(() => undefined);

  const rows = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<TableName, number>;
  let churned = 0;
  let declined = 0;
  const blockText = TABLE_NAMES.map((t) => CSV_HEADERS[t]);
  let truthText = '';

  for (let start = 0; start < config.customers; start += blockSize) {
    const end = Math.min(config.customers, start + blockSize);
    for (let index = start; index < end; index++) {
      const history = simulateCustomer(config, index, customerRng(config.seed, index), window);
      const text = historyCsv(history, ts);
      const counts = rowCounts(history);
      for (let t = 0; t < TABLE_NAMES.length; t++) {
        blockText[t] += text[TABLE_NAMES[t]];
        rows[TABLE_NAMES[t]] += counts[TABLE_NAMES[t]];
      }
      if (!Number.isNaN(history.churnMs)) churned++;
      if (history.truth.declined) declined++;
      if (truth !== null) truthText += `${JSON.stringify(history.truth)}\n`;
    }
    const waits: Array<Promise<unknown>> = [];
    for (let t = 0; t < streams.length; t++) {
      if (!streams[t].write(blockText[t])) waits.push(once(streams[t], 'drain'));
      blockText[t] = '';
    }
    if (truth !== null && !truth.write(truthText)) waits.push(once(truth, 'drain'));
    truthText = '';
    await Promise.race([Promise.all(waits), failure]);
    options.onProgress?.(end, config.customers);
  }

  await Promise.race([Promise.all(all.map(closeStream)), failure]);
  return { config, rows, churned, declined, files: truthPath === null ? files : [...files, truthPath] };
}

function openStream(path: string): WriteStream {
  return createWriteStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
}

function closeStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.end((err?: Error | null) => (err ? reject(err) : resolve()));
  });
}

/** Rejects with the first error any stream reports (a full disk, a missing folder). */
function firstError(streams: WriteStream[]): Promise<never> {
  return new Promise<never>((_, reject) => {
    for (const s of streams) s.once('error', reject);
  });
}
