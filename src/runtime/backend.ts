/**
 * Chooses the TensorFlow.js backend once, at start: tfjs-node if its native binding loads,
 * else WebAssembly, else the plain JavaScript CPU backend. tfjs-node is an optional dependency
 * because its install step downloads libtensorflow, which fails on machines without internet.
 */
import * as tf from '@tensorflow/tfjs';

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

let chosen: BackendName | null = null;

async function tryNode(): Promise<boolean> {
  try {
    // The specifier is a variable so bundlers and the type checker do not require the package.
    const specifier = '@tensorflow/tfjs-node';
    await import(specifier);
    return await tf.setBackend('tensorflow');
  } catch {
    return false;
  }
}

const CRASH_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;
type CrashListener = (...args: unknown[]) => void;
// Node's typings list each event in its own overload; both events take the same calls here.
const listenersOf = (event: (typeof CRASH_EVENTS)[number]) => process.listeners(event as 'uncaughtException') as CrashListener[];

/**
 * Runs `load`, then removes the crash listeners it added to `process`: the wasm backend's Emscripten glue adds
 * two that rethrow any uncaught error from its one-line minified source, which Node then prints (~40 KB) instead
 * of the error getting the CLI's handling. The CLI adds its own before any backend loads, so none is lost.
 */
export async function keepingCrashListeners<T>(load: () => Promise<T>): Promise<T> {
  const before = new Map(CRASH_EVENTS.map((e) => [e, new Set(listenersOf(e))]));
  try {
    return await load();
  } finally {
    for (const event of CRASH_EVENTS) {
      for (const listener of listenersOf(event)) {
        if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
      }
    }
  }
}

async function tryWasm(): Promise<boolean> {
  try {
    // The Emscripten module is created when the backend is set, and adds its listeners then.
    return await keepingCrashListeners(async () => {
      await import('@tensorflow/tfjs-backend-wasm');
      return await tf.setBackend('wasm');
    });
  } catch {
    return false;
  }
}

/**
 * Selects and initialises the backend; later calls return the first choice.
 * `prefer` forces one backend (e.g. `cpu` for bit-for-bit reproducible tests).
 */
export async function selectBackend(prefer?: BackendName): Promise<BackendName> {
  if (chosen !== null) return chosen;
  const order: BackendName[] = prefer ? [prefer] : ['tensorflow', 'wasm', 'cpu'];
  for (const name of order) {
    const ok = name === 'tensorflow' ? await tryNode() : name === 'wasm' ? await tryWasm() : await tf.setBackend('cpu');
    if (ok) {
      await tf.ready();
      chosen = name;
      return name;
    }
  }
  throw new Error(`no TensorFlow.js backend could be initialised (tried ${order.join(', ')})`);
}

export function currentBackend(): BackendName | null {
  return chosen;
}
