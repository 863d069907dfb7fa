import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { memoryLog } from '../support/memory-log.ts';
import { createProgress, progressLine } from '../../src/diagnostics/progress.ts';

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('progressLine', () => {
  it('states count, share, rate and time left', () => {
    // 120,000 of 1,000,000 in 2 s: 60,000 rows/s, 880,000 left → 14.67 s → 15s.
    expect(progressLine('scoring', 120_000, 1_000_000, 2000)).toBe('scoring: 120,000/1,000,000 rows (12%), 60,000 rows/s, ETA 15s');
  });

  it('leaves out share and ETA when the total is unknown', () => {
    expect(progressLine('scoring', 500, null, 1000)).toBe('scoring: 500 rows, 500 rows/s');
  });
});

describe('createProgress', () => {
  it('writes a plain line at most once per interval, and a last one, when not on a terminal', () => {
    const log = memoryLog();
    const c = clock();
    const p = createProgress({ label: 'scoring', total: 300, isTTY: false, log, now: c.now, intervalMs: 1000 });
    c.advance(400);
    p.tick(100);
    c.advance(700);
    p.tick(100);
    c.advance(200);
    p.tick(50);
    c.advance(100);
    p.tick(50);
    p.stop();
    expect(log.lines).toEqual(['scoring: 200/300 rows (66%), 182 rows/s, ETA 1s', 'scoring: 300/300 rows (100%), 214 rows/s, ETA 0s']);
  });

  it('prints nothing when quiet', () => {
    const log = memoryLog();
    const p = createProgress({ label: 'scoring', total: 10, quiet: true, isTTY: false, log });
    p.tick(10);
    p.stop();
    expect(log.lines).toEqual([]);
  });

  it('draws a bar with rate and ETA on a terminal, and no log lines', () => {
    const log = memoryLog();
    let drawn = '';
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        drawn += chunk.toString();
        done();
      },
    });
    Object.assign(stream, { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    const c = clock();
    const p = createProgress({ label: 'scoring', total: 100, isTTY: true, log, stream, now: c.now });
    c.advance(1000);
    p.tick(50);
    p.stop();
    expect(log.lines).toEqual([]);
    expect(drawn).toContain('50/100 rows | 50 rows/s | ETA 1s');
  });
});
