/**
 * Starting the worker threads of a team (the GBDT's histogram and prediction teams, the logistic
 * fit's loss team). Each team ships its worker program as CommonJS source text, evaluated by the
 * worker, so the same code runs under tsx, vitest and plain node with no TypeScript loader.
 */
import { Worker } from 'node:worker_threads';

/**
 * Starts one worker per entry of `parts`, each running `source` with `workerData(part)`. A worker's
 * error is swallowed: its team notices a dead worker by its ready flag or a job timeout. Workers
 * are unref'd, so an idle team never keeps a process alive. Null, with any worker already started
 * terminated, when one cannot be created (a sandbox without worker_threads): the team then
 * computes on the calling thread alone.
 */
export function startWorkers(source: string, parts: readonly number[], workerData: (part: number) => unknown): Worker[] | null {
  const workers: Worker[] = [];
  try {
    for (const part of parts) {
      const worker = new Worker(source, { eval: true, workerData: workerData(part) });
      worker.on('error', () => undefined);
      worker.unref();
      workers.push(worker);
    }
  } catch {
    for (const w of workers) void w.terminate();
    return null;
  }
  return workers;
}
