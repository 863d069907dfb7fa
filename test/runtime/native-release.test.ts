import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { releaseNativeMemory } from '../../src/runtime/native-release.ts';

/** Young-generation collections observed while `run` runs (their entries arrive a turn later). */
async function minorCollections(run: () => Promise<void>): Promise<number> {
  const seen: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => seen.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  try {
    await run();
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    observer.disconnect();
  }
  return seen.filter((e) => ((e as { detail?: { kind?: number } }).detail)?.kind === constants.NODE_PERFORMANCE_GC_MINOR).length;
}

describe('releaseNativeMemory', () => {
  it('runs a young-generation collection on every call', async () => {
    const hadGc = 'gc' in globalThis;
    const n = await minorCollections(async () => {
      for (let k = 0; k < 5; k++) await releaseNativeMemory();
    });
    expect(n).toBeGreaterThanOrEqual(5);
    // The collector comes from a context of its own: the process's global scope is left as it was.
    expect('gc' in globalThis).toBe(hadGc);
  });

  it('returns only after a turn of the event loop, when finalizers queued by the collection have run', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('immediate'));
    await releaseNativeMemory();
    order.push('released');
    expect(order).toEqual(['immediate', 'released']);
  });
});
