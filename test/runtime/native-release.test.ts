import { spawnSync } from 'node:child_process';
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { collectsOnRelease, releaseNativeMemory } from '../../src/runtime/native-release.ts';

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
  return seen.filter((e) => (e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR).length;
}

/** `collectsOnRelease` in a fresh Node process started with `args` and `env`. */
function collectsIn(args: string[], env: Record<string, string> = {}): string {
  const code = `import('${new URL('../../src/runtime/native-release.ts', import.meta.url).href}').then((m) => console.log(m.collectsOnRelease, typeof globalThis.gc))`;
  const r = spawnSync(process.execPath, [...args, '--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8', env: { ...process.env, ...env } });
  expect(r.stderr).toBe('');
  return r.stdout.trim();
}

describe('releaseNativeMemory', () => {
  it('runs a young-generation collection on every call, leaving the global scope without a gc', async () => {
    expect(collectsOnRelease).toBe(true);
    const hadGc = 'gc' in globalThis;
    const n = await minorCollections(async () => {
      for (let k = 0; k < 5; k++) await releaseNativeMemory();
    });
    expect(n).toBeGreaterThanOrEqual(5);
    expect('gc' in globalThis).toBe(hadGc);
  });

  it('returns only after a turn of the event loop (the check phase, where finalizers run)', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('immediate'));
    await releaseNativeMemory();
    order.push('released');
    expect(order).toEqual(['immediate', 'released']);
  });

  it('never calls a gc the program defined on the global scope', async () => {
    const g = globalThis as { gc?: unknown };
    const before = g.gc;
    let called = 0;
    g.gc = () => {
      called++;
      throw new Error('not V8');
    };
    try {
      await releaseNativeMemory();
    } finally {
      g.gc = before;
    }
    expect(called).toBe(0);
  });

  it('collects without touching frozen flags, and not at all when told not to', () => {
    expect(collectsIn([])).toBe('true undefined');
    expect(collectsIn(['--expose-gc'])).toBe('true function');
    // V8 aborts on a flag set after init when flags are frozen: no collector, and no abort.
    expect(collectsIn(['--freeze-flags-after-init'])).toBe('false undefined');
    expect(collectsIn([], { HEALTHSCORE_NO_GC: '1' })).toBe('false undefined');
  });
});
