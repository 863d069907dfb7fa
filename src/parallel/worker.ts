/**
 * The program of every pool worker: it imports each kernel's module on first use, keeps what the
 * pool shares with it, and computes the chunks it claims from a job's control block.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { claimChunk, finishChunk } from './chunk-status.ts';
import { threadContext, type Kernel } from './kernel.ts';
import type { WorkerMessage } from './messages.ts';

const owner = (workerData as { owner: number }).owner;
const resources = new Map<number, unknown>();
const derived = new Map<number, unknown>();
const modules = new Map<string, Promise<Record<string, unknown>>>();

const context = threadContext(resources, derived, `pool worker ${owner}`);

/** A kernel's module: imported, or in the source tree (TypeScript under tsx's CommonJS hook, see pool.ts) required. */
function load(module: string): Promise<Record<string, unknown>> {
  if (module.endsWith('.ts')) return Promise.resolve(createRequire(import.meta.url)(fileURLToPath(module)) as Record<string, unknown>);
  return import(module) as Promise<Record<string, unknown>>;
}

async function kernelOf(module: string, name: string): Promise<Kernel<unknown>> {
  let loaded = modules.get(module);
  if (loaded === undefined) modules.set(module, (loaded = load(module)));
  const k = (await loaded)[name] as Kernel<unknown> | undefined;
  if (k === undefined || typeof k.run !== 'function') throw new Error(`${module} exports no kernel ${name}`);
  return k;
}

async function runJob(m: Extract<WorkerMessage, { type: 'job' }>): Promise<boolean> {
  let k: Kernel<unknown>;
  try {
    k = await kernelOf(m.module, m.name);
  } catch {
    // Claims nothing: the calling thread computes every chunk this worker would have.
    return false;
  }
  let ok = true;
  for (let c = claimChunk(m.ctrl, m.chunks, owner); c >= 0; c = claimChunk(m.ctrl, m.chunks, owner)) {
    try {
      k.run(m.args, c, context);
      finishChunk(m.ctrl, c, owner, true);
    } catch {
      ok = false;
      finishChunk(m.ctrl, c, owner, false);
    }
  }
  return ok;
}

parentPort?.postMessage({ type: 'ready' });
parentPort?.on('message', (m: WorkerMessage) => {
  if (m.type === 'share') resources.set(m.id, m.value);
  else if (m.type === 'release') {
    resources.delete(m.id);
    derived.delete(m.id);
  } else {
    void runJob(m).then((ok) => {
      if (m.reply) parentPort?.postMessage({ type: 'done', job: m.job, ok });
    });
  }
});
