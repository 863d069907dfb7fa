/**
 * A kernel: a function that the pool's worker threads run by importing the module it is exported
 * from, so a worker runs the same compiled code as the calling thread — no function travels as
 * source text. A kernel computes one chunk of a job from its arguments (numbers and shared
 * memory) and writes only that chunk's own part of the output: computing a chunk twice, as the
 * pool does when a worker dies or stalls, writes the same bits.
 */

/** Per-thread access to what the pool shared (`WorkerPool.share`), and values derived from it. */
export interface KernelContext {
  /** The value shared under `id`. */
  resource<T>(id: number): T;
  /**
   * A value this thread derives from resource `id` once (e.g. compiled trees) and keeps until the
   * resource is released: one derived value per resource, so kernels that derive different things
   * from the same data share it as different resources.
   */
  derived<T>(id: number, make: () => T): T;
}

/**
 * A thread's kernel context over its copies of the shared values and what it derived from them;
 * `thread` names the thread in the error for an unknown id (a bug: a resource used after release).
 */
export function threadContext(resources: ReadonlyMap<number, unknown>, derived: Map<number, unknown>, thread: string): KernelContext {
  return {
    resource: <T>(id: number): T => {
      if (!resources.has(id)) throw new Error(`${thread}: no resource ${id}`);
      return resources.get(id) as T;
    },
    derived: <T>(id: number, make: () => T): T => {
      if (!derived.has(id)) derived.set(id, make());
      return derived.get(id) as T;
    },
  };
}

export interface Kernel<A> {
  /** URL of the module that exports the kernel (its `import.meta.url`). */
  readonly module: string;
  /** The kernel's export name in that module. */
  readonly name: string;
  readonly run: (args: A, chunk: number, context: KernelContext) => void;
}

/**
 * Declares a kernel exported as `name` from the module at `module`:
 * `export const histogramKernel = kernel(import.meta.url, 'histogramKernel', (args, chunk) => …)`.
 */
export function kernel<A>(module: string, name: string, run: (args: A, chunk: number, context: KernelContext) => void): Kernel<A> {
  return { module, name, run };
}
