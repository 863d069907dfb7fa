/**
 * Frees native memory held by short-lived JavaScript wrappers now rather than whenever V8 next
 * collects: a young-generation collection (a scavenge) finds the dropped wrappers, and a turn of
 * the event loop runs their finalizers, which Node-API defers to `setImmediate`.
 *
 * Why: a DuckDB result chunk is freed only when its wrapper is collected, and a loop that copies
 * chunks out allocates too little on the JavaScript heap for V8 to collect on its own, so every
 * chunk lands on fresh memory (page faults) instead of reusing the last one's. While the next chunk
 * is already fetched, `await` resumes in a microtask and never reaches the event loop's check
 * phase, hence the explicit turn. Figures are with the caller (feature-file-source.ts).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = (options: { type: 'minor' | 'major' }) => void;

/** V8's `gc` function in a fresh context, if the process exposes it there; else undefined. */
const exposed = (): Collect | undefined => runInNewContext('typeof gc === "function" ? gc : undefined') as Collect | undefined;

/**
 * V8's `gc`, taken from a fresh context (never `globalThis.gc`, which any code may redefine).
 * Without `--expose-gc` the flag is turned on just while that context is made, then off again, so
 * the global scope never gains a `gc`. Not where flags are frozen (`--freeze-flags-after-init`:
 * V8 would abort) or `HEALTHSCORE_NO_GC=1`; the caller then waits for V8's own collections.
 * Found once, when this module loads: before any worker thread starts, so none sees the flag.
 */
function findCollector(): Collect | null {
  const own = exposed();
  if (own !== undefined) return own;
  const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ');
  if (process.env.HEALTHSCORE_NO_GC === '1' || /freeze[-_]flags[-_]after[-_]init/.test(flags)) return null;
  setFlagsFromString('--expose-gc');
  try {
    return exposed() ?? null;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}

const collect = findCollector();

/** A scavenge, then one turn of the event loop for the finalizers it queued. */
export async function releaseNativeMemory(): Promise<void> {
  collect?.({ type: 'minor' });
  await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Whether `releaseNativeMemory` collects (false: it only yields a turn). */
export const collectsOnRelease = collect !== null;
