import { describe, expect, it } from 'vitest';
import { LineTeam, type ChunkLines } from '../../src/score/line-team.ts';
import type { ScoredColumns } from '../../src/score/scores-csv.ts';
import { ScoresCsvBytes } from '../../src/score/scores-csv-bytes.ts';
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

/** The bytes `ScoresCsvBytes` writes for the chunks: what the job wrote before the team. */
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

/** Adds every chunk, as the job does (waiting for the worker after the first), and returns the text written. */
async function written(team: LineTeam, chunks: ChunkLines[], waitForWorker = true): Promise<string> {
  const parts: string[] = [];
  const take = (buffers: Buffer[]) => parts.push(...buffers.map((b) => b.toString('utf8')));
  for (const [k, c] of chunks.entries()) {
    take(team.add(c));
    // The worker starts with the first chunk; let it come up, as the job's reading gives it time to.
    if (k === 0 && waitForWorker) await new Promise((r) => setTimeout(r, 300));
  }
  take(team.finish());
  return parts.join('');
}

describe('LineTeam', () => {
  it('writes the bytes of ScoresCsvBytes, override lines in place, with the worker writing the chunks', async () => {
    const chunks = Array.from({ length: 8 }, (_, c) => chunk(c, 4096 + (c % 3) * 500));
    const team = new LineTeam('2025-01-01', 'churn/v1', 8192);
    try {
      expectSame(await written(team, chunks), expected(chunks));
      expect(team.workerJobs).toBeGreaterThanOrEqual(chunks.length - 2);
    } finally {
      team.close();
    }
  });

  it('writes everything here without threads, the same bytes', async () => {
    const chunks = Array.from({ length: 3 }, (_, c) => chunk(c, 3000));
    const team = new LineTeam('2025-01-01', 'churn/v1', 8192, { threads: 0 });
    expectSame(await written(team, chunks, false), expected(chunks));
    expect(team.workerJobs).toBe(0);
    team.close();
  });

  it('writes here a chunk larger than a slot, or whose ids do not fit, and goes on with the worker', async () => {
    const chunks = [chunk(0, 1000), chunk(1, 5000), chunk(2, 1000)];
    // Ids of 2,000 characters: more than a slot holds for 1,000 rows.
    const long = chunk(3, 1000, false);
    const wide: ChunkLines = { scored: { ...long.scored, customerId: long.scored.customerId.map((id) => id.padEnd(2000, 'z')) }, lines: long.lines };
    const all = [...chunks, wide, chunk(4, 1000), chunk(5, 1000)];
    const team = new LineTeam('2025-01-01', 'churn/v1', 2048);
    try {
      expectSame(await written(team, all), expected(all));
      // The last three chunks of 1,000 rows with plain ids, and maybe the third.
      expect(team.workerJobs).toBeGreaterThanOrEqual(2);
    } finally {
      team.close();
    }
  });

  it('writes a failed job again here and then works alone, the same bytes', async () => {
    const chunks = Array.from({ length: 6 }, (_, c) => chunk(c, 2000));
    const team = new LineTeam('2025-01-01', 'churn/v1', 4096, { jobMs: 250 });
    try {
      const parts: string[] = [];
      const take = (buffers: Buffer[]) => parts.push(...buffers.map((b) => b.toString('utf8')));
      take(team.add(chunks[0]));
      await new Promise((r) => setTimeout(r, 300));
      take(team.add(chunks[1]));
      // The worker is gone: the job posted last never finishes.
      await (team as unknown as { worker: { worker: { terminate(): Promise<number> } } }).worker.worker.terminate();
      for (const c of chunks.slice(2)) take(team.add(c));
      take(team.finish());
      expectSame(parts.join(''), expected(chunks));
    } finally {
      team.close();
    }
  });

  it('writes here scores a Uint8Array cannot hold, as ScoresCsvBytes writes them', async () => {
    const plain = chunk(0, 300, false);
    const odd: ChunkLines = { scored: { ...plain.scored, healthScore: Array.from(plain.scored.healthScore, (s, i) => (i % 3 === 0 ? 300 : i % 3 === 1 ? -1 : s + 0.5)) }, lines: plain.lines };
    const team = new LineTeam('2025-01-01', 'churn/v1', 1024);
    try {
      expectSame(await written(team, [odd, odd]), expected([odd, odd]));
    } finally {
      team.close();
    }
  });

  it('gives the last chunk at once when closed while it was pending', async () => {
    const chunks = [chunk(0, 1000), chunk(1, 1000)];
    const team = new LineTeam('2025-01-01', 'churn/v1', 1024, { jobMs: 30_000 });
    const parts = team.add(chunks[0]).map((b) => b.toString('utf8'));
    await new Promise((r) => setTimeout(r, 300));
    parts.push(...team.add(chunks[1]).map((b) => b.toString('utf8')));
    team.close();
    const started = performance.now();
    parts.push(...team.finish().map((b) => b.toString('utf8')));
    expect(performance.now() - started).toBeLessThan(5_000);
    expectSame(parts.join(''), expected(chunks));
  });

  it('leaves chunks with reasons to this thread', async () => {
    const plain = chunk(0, 500);
    const withReasons: ChunkLines = { scored: { ...plain.scored, reasons: plain.scored.customerId.map((id, i) => (i % 2 === 0 ? '' : `lowers score: ${id}`)) }, lines: plain.lines };
    const team = new LineTeam('2025-01-01', 'churn/v1', 1024);
    try {
      expectSame(await written(team, [withReasons, withReasons]), expected([withReasons, withReasons]));
      expect(team.workerJobs).toBe(0);
    } finally {
      team.close();
    }
  });
});
