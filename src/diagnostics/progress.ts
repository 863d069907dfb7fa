/**
 * Progress of a long job: a cli-progress bar on a terminal; elsewhere (cron, CI, a log file) a plain line at most
 * every `intervalMs` plus the last, as a redrawn bar is thousands of carriage returns in a log; nothing when quiet.
 * The rate is over the whole job so far, steadier than cli-progress's own ETA when chunks arrive in bursts.
 */
import { Presets, SingleBar } from 'cli-progress';
import type { Log } from './log.ts';

export interface Progress {
  tick(count: number): void;
  /** Ends the bar (or writes the final line). */
  stop(): void;
}

export interface ProgressOptions {
  /** What is counted, e.g. "scoring". */
  readonly label: string;
  /** null when unknown (no percentage or ETA then). */
  readonly total: number | null;
  readonly unit?: string;
  readonly quiet?: boolean;
  /** Whether the output is a terminal; default: process.stderr.isTTY. */
  readonly isTTY?: boolean;
  /** Where plain lines go when not on a terminal. */
  readonly log: Log;
  /** Where the bar is drawn on a terminal; default process.stderr. */
  readonly stream?: NodeJS.WritableStream;
  readonly intervalMs?: number;
  /** Clock in ms, for tests. */
  readonly now?: () => number;
}

function seconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** One plain status line: "scoring: 120,000/1,000,000 rows (12%), 85,000 rows/s, ETA 10s". */
export function progressLine(label: string, done: number, total: number | null, elapsedMs: number, unit = 'rows'): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const head = `${label}: ${done.toLocaleString('en-US')}`;
  const rateText = `${Math.round(rate).toLocaleString('en-US')} ${unit}/s`;
  if (total === null) return `${head} ${unit}, ${rateText}`;
  const pct = total === 0 ? 100 : Math.floor((100 * done) / total);
  const eta = rate > 0 ? seconds((total - done) / rate) : '?';
  return `${head}/${total.toLocaleString('en-US')} ${unit} (${pct}%), ${rateText}, ETA ${eta}`;
}

export function createProgress(options: ProgressOptions): Progress {
  const unit = options.unit ?? 'rows';
  if (options.quiet === true) return { tick: () => {}, stop: () => {} };
  const now = options.now ?? Date.now;
  const start = now();
  let done = 0;
  const tty = options.isTTY ?? process.stderr.isTTY === true;

  if (tty) {
    const bar = new SingleBar(
      {
        format:
          options.total === null
            ? `${options.label} {value} ${unit} | {rate} ${unit}/s`
            : `${options.label} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate} ${unit}/s | ETA {eta_text}`,
        stream: options.stream ?? process.stderr,
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    const payload = () => {
      const elapsed = now() - start;
      const rate = elapsed > 0 ? (done * 1000) / elapsed : 0;
      const eta = options.total !== null && rate > 0 ? seconds((options.total - done) / rate) : '?';
      return { rate: Math.round(rate).toLocaleString('en-US'), eta_text: eta };
    };
    bar.start(options.total ?? 0, 0, payload());
    return {
      tick(count) {
        done += count;
        bar.update(done, payload());
      },
      stop() {
        bar.update(done, payload());
        bar.stop();
      },
    };
  }

  const interval = options.intervalMs ?? 10_000;
  let last = start;
  return {
    tick(count) {
      done += count;
      const t = now();
      if (t - last >= interval) {
        last = t;
        options.log.info(progressLine(options.label, done, options.total, t - start, unit));
      }
    },
    stop() {
      options.log.info(progressLine(options.label, done, options.total, now() - start, unit));
    },
  };
}
