/**
 * Choosing the TensorFlow.js backend leaves the process's crash handling alone: the wasm
 * backend's Emscripten glue adds listeners that rethrow any uncaught error from inside its
 * minified source (Node then prints ~40 KB of it instead of the error); they are removed.
 */
import { describe, expect, it } from 'vitest';
import { keepingCrashListeners, selectBackend } from '../../src/runtime/backend.ts';

const counts = () => [process.listenerCount('uncaughtException'), process.listenerCount('unhandledRejection')];

describe('keepingCrashListeners', () => {
  it('removes the crash listeners its function added, and keeps the others', async () => {
    const mine = (): void => {};
    process.on('unhandledRejection', mine);
    try {
      const before = counts();
      const added = (): void => {};
      const value = await keepingCrashListeners(async () => {
        process.on('uncaughtException', added);
        process.on('unhandledRejection', added);
        return 42;
      });
      expect(value).toBe(42);
      expect(counts()).toEqual(before);
      expect(process.listeners('unhandledRejection')).toContain(mine);
      expect(process.listeners('uncaughtException')).not.toContain(added);
    } finally {
      process.removeListener('unhandledRejection', mine);
    }
  });

  it('removes them when the function fails too', async () => {
    const before = counts();
    const added = (): void => {};
    await expect(
      keepingCrashListeners(async () => {
        process.on('uncaughtException', added);
        throw new Error('no backend');
      }),
    ).rejects.toThrow('no backend');
    expect(counts()).toEqual(before);
  });
});

describe('selectBackend', () => {
  it('adds no crash listener to the process', async () => {
    const before = counts();
    expect(await selectBackend()).toMatch(/^(tensorflow|wasm|cpu)$/);
    expect(counts()).toEqual(before);
  });
});
