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

async function tryWasm(): Promise<boolean> {
  try {
    await import('@tensorflow/tfjs-backend-wasm');
    return await tf.setBackend('wasm');
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
