/**
 * ScoreLines: the batch job's lines are the bytes of ScoresCsvBytes, override lines in place,
 * whether the pool formats them or the calling thread does, and when the pool's workers end
 * half-way.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { workerPool } from '../../src/parallel/pool.ts';
import { poolWorkersUp } from '../support/pool-workers.ts';
import type { ScoredColumns } from '../../src/score/scores-csv.ts';
import { ScoresCsvBytes } from '../../src/score/scores-csv-bytes.ts';
import { ScoreLines, type ChunkLines } from '../../src/score/score-lines.ts';
import { scoreLinesKernel, type ScoreLinesArgs } from '../../src/score/score-lines-kernel.ts';
import type { Tier } from '../../src/score/tiers.ts';

const AWKWARD = ['a, b', 'say "hi"', 'two\nlines', 'cr\rhere', '', 'ünïcødé', 'x'.repeat(300)];
const TIERS: Tier[] = ['healthy', 'watch', 'at-risk'];

/** Chunk c of `rows` rows: plain and awkward ids, probabilities from 0 to 1 and NaN, every score and tier. */
function chunk(c: number, rows: number, overrides = true): ChunkLines {
  const customerId = Array.from({ length: rows }, (_, i) => (i % 97 === 5 ? AWKWARD[(c + i) % AWKWARD.length] : `C${c}-${i}`));
  const churnProbability = Float64Array.from({ length: rows }, (_, i) => (i % 1001 === 7 ? Number.NaN : i % 503 === 3 ? 0 : ((c * 7919 + i * 104729) % 1_000_003) / 1_000_003));
  const scored: ScoredColumns = {
    customerId,
    churnProbability,
    healthScore: Uint8Array.from({ length: rows }, (_, i) => (c + i) % 101),
    tier: Array.from({ length: rows }, (_, i) => TIERS[(c + 2 * i) % 3]),
    reasons: null,
  };
  const lines = new Map<number, string>();
  if (overrides) for (let i = 3; i < rows; i += 211) lines.set(i, `${customerId[i]},override line ${c}-${i},"ünï, ""q"""\n`);
  return { scored, lines };
}

/** The bytes `ScoresCsvBytes` writes for the chunks. */
function expected(chunks: ChunkLines[]): string {
  const out = new ScoresCsvBytes('2025-01-01', 'churn/v1');
  return chunks
    .map(({ scored, lines }) => {
      out.clear();
      for (let i = 0; i < scored.customerId.length; i++) {
        const line = lines.get(i);
        if (line === undefined) out.modelLine(scored, i);
        else out.text(line);
      }
      return out.bytes().toString('utf8');
    })
    .join('');
}

/** Equal texts; else the first difference, in a short window (a diff of megabytes takes a minute). */
function expectSame(actual: string, wanted: string): void {
  if (actual === wanted) return;
  let at = 0;
  while (at < actual.length && actual[at] === wanted[at]) at++;
  expect({ at, actual: actual.slice(Math.max(0, at - 40), at + 40) }).toEqual({ at, actual: wanted.slice(Math.max(0, at - 40), at + 40) });
  expect(actual.length).toBe(wanted.length);
}

/** Adds every chunk as the job does (the event loop turning between them) and returns the text written. */
async function written(lines: ScoreLines, chunks: ChunkLines[], afterChunk?: (k: number) => void): Promise<string> {
  const parts: string[] = [];
  const take = (buffers: Buffer[]) => parts.push(...buffers.map((b) => b.toString('utf8')));
  for (const [k, c] of chunks.entries()) {
    take(await lines.add(c));
    afterChunk?.(k);
    await sleep(5);
  }
  take(await lines.finish());
  return parts.join('');
}

/** Calls with rows to format (the warm-up job of beforeAll has none). */
const withRows = (spy: { mock: { calls: unknown[][] } }, arg: number) => spy.mock.calls.filter((c) => (c[arg] as ScoreLinesArgs).rows > 0).length;

describe('ScoreLines', () => {
  beforeAll(async () => {
    // The worker up, its kernel loaded, before the tests count what it did.
    await poolWorkersUp();
    const none = new Uint8Array(new SharedArrayBuffer(1));
    const ints = new Int32Array(new SharedArrayBuffer(4));
    const args: ScoreLinesArgs = { rows: 0, probs: new Float64Array(1), scores: none, tiers: none, whole: none, idEnds: ints, idBytes: none, out: none, written: ints, head: none, tails: none, tailAt: ints, tierCount: 3 };
    await workerPool().runAsync(scoreLinesKernel, args, 1, 2);
  });
  afterEach(() => vi.restoreAllMocks());

  it('writes the bytes of ScoresCsvBytes, override lines in place, with the pool formatting chunks', async () => {
    const jobs = vi.spyOn(workerPool(), 'submit');
    // The kernel's runs on this thread (a worker runs its own import of it).
    const here = vi.spyOn(scoreLinesKernel, 'run');
    const chunks = Array.from({ length: 8 }, (_, c) => chunk(c, 4096 + (c % 3) * 500));
    expectSame(await written(new ScoreLines('2025-01-01', 'churn/v1', 8192, 2), chunks), expected(chunks));
    expect(withRows(jobs, 1)).toBeGreaterThan(withRows(here, 0));
  });

  it('writes everything on the calling thread with one thread, the same bytes', async () => {
    const jobs = vi.spyOn(workerPool(), 'submit');
    const chunks = Array.from({ length: 3 }, (_, c) => chunk(c, 3000));
    expectSame(await written(new ScoreLines('2025-01-01', 'churn/v1', 8192, 1), chunks), expected(chunks));
    expect(jobs).not.toHaveBeenCalled();
  });

  it('writes here a chunk larger than a slot, or whose ids do not fit, and goes on with the pool', async () => {
    const long = chunk(3, 1000, false);
    // Ids of 2,000 characters: more than a slot holds for 1,000 rows.
    const wide: ChunkLines = { scored: { ...long.scored, customerId: long.scored.customerId.map((id) => id.padEnd(2000, 'z')) }, lines: long.lines };
    const all = [chunk(0, 1000), chunk(1, 5000), chunk(2, 1000), wide, chunk(4, 1000), chunk(5, 1000)];
    expectSame(await written(new ScoreLines('2025-01-01', 'churn/v1', 2048, 2), all), expected(all));
  });

  it('writes here scores a Uint8Array cannot hold, and chunks with reasons, as ScoresCsvBytes writes them', async () => {
    const plain = chunk(0, 300, false);
    const odd: ChunkLines = { scored: { ...plain.scored, healthScore: Array.from(plain.scored.healthScore, (s, i) => (i % 3 === 0 ? 300 : i % 3 === 1 ? -1 : s + 0.5)) }, lines: plain.lines };
    const reasons: ChunkLines = { scored: { ...plain.scored, reasons: plain.scored.customerId.map((id, i) => (i % 2 === 0 ? '' : `lowers score: ${id}`)) }, lines: plain.lines };
    expectSame(await written(new ScoreLines('2025-01-01', 'churn/v1', 1024, 2), [odd, reasons, odd]), expected([odd, reasons, odd]));
  });

  // Last: the process's pool computes on the calling thread alone once closed.
  it('writes the same bytes when the pool ends its workers half-way', async () => {
    const chunks = Array.from({ length: 8 }, (_, c) => chunk(c, 2000));
    const lines = new ScoreLines('2025-01-01', 'churn/v1', 4096, 2);
    expectSame(await written(lines, chunks, (k) => k === 3 && workerPool().close()), expected(chunks));
    expect(workerPool().size).toBe(0);
  });
});
