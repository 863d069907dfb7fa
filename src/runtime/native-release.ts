/**
 * Frees native memory held by dropped JavaScript wrappers now rather than whenever V8 next collects: a scavenge
 * finds them, and a turn of the event loop runs their finalizers (Node-API defers them to `setImmediate`). A loop
 * copying DuckDB chunks out allocates too little for V8 to collect, so every chunk would land on fresh pages; and
 * with the next chunk already fetched, `await` never reaches the check phase, hence the explicit turn.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = (options: { type: 'minor' | 'major' }) => void;

/** V8's `gc` function in a fresh context, if the process exposes it there; else undefined. */
const exposed = (): Collect | undefined => runInNewContext('typeof gc === "function" ? gc : undefined') as Collect | undefined;

/**
 * V8's `gc` from a fresh context (never `globalThis.gc`, which any code may redefine); without `--expose-gc` the
 * flag is on just while that context is made, so the global scope never gains a `gc`. Null where flags are frozen
 * (V8 would abort) or with `HEALTHSCORE_NO_GC=1`. Found at module load, before any worker starts to see the flag.
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
