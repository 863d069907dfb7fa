/**
 * The shared control block of one job: a counter every thread takes chunk numbers from, and one
 * status word per chunk. A thread owns a chunk once it moved the chunk's status from FREE to its
 * own id; the calling thread can take a chunk over from a worker that failed or stalls by moving
 * it from that worker's id to TAKEN. The last write wins nothing: a chunk marked DONE or TAKEN is
 * never moved again.
 */
export const NEXT = 0;
export const FREE = 0;
/** The calling thread's owner id; workers are 1, 2, … */
export const MAIN = -1;
export const DONE = 0x7fffffff;
export const FAILED = -2;
export const TAKEN = -3;

/** A control block for `chunks` chunks: word 0 is the counter, word 1 + c the status of chunk c. */
export const controlBlock = (chunks: number): Int32Array => new Int32Array(new SharedArrayBuffer(4 * (1 + chunks)));

/** The next chunk for `owner` to compute, or −1 when none is left. */
export function claimChunk(ctrl: Int32Array, chunks: number, owner: number): number {
  for (;;) {
    const c = Atomics.add(ctrl, NEXT, 1);
    if (c >= chunks) return -1;
    if (Atomics.compareExchange(ctrl, 1 + c, FREE, owner) === FREE) return c;
  }
}

/** Marks chunk c finished by `owner` (DONE, or FAILED when it threw) unless it was taken over. */
export function finishChunk(ctrl: Int32Array, c: number, owner: number, ok: boolean): void {
  Atomics.compareExchange(ctrl, 1 + c, owner, ok ? DONE : FAILED);
  Atomics.notify(ctrl, 1 + c);
}
