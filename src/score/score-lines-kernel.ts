/**
 * The score lines' kernel (score-lines.ts), in a module of its own that imports almost nothing:
 * the pool's worker loads it during the batch job, and a lighter load leaves the job's thread and
 * DuckDB the cores.
 */
import { kernel } from '../parallel/kernel.ts';

/** A slot: one chunk's rows in shared memory, and its lines once formatted. */
export interface LineSlot {
  readonly probs: Float64Array;
  readonly scores: Uint8Array;
  readonly tiers: Uint8Array;
  /** 1: the row's id bytes are its whole line (an override). */
  readonly whole: Uint8Array;
  /** End of each row's bytes in `idBytes`. */
  readonly idEnds: Int32Array;
  readonly idBytes: Uint8Array;
  readonly out: Uint8Array;
  /** [0]: bytes of `out` written. */
  readonly written: Int32Array;
}

export interface ScoreLinesArgs extends LineSlot {
  readonly rows: number;
  /** ",<as-of>,": what follows the id. */
  readonly head: Uint8Array;
  /** What follows the probability, for score s and tier code t, at [tailAt[s·tierCount + t], tailAt[s·tierCount + t + 1]). */
  readonly tails: Uint8Array;
  readonly tailAt: Int32Array;
  readonly tierCount: number;
}

/** The slot's lines into its output. A job is one chunk: its lines are one run of bytes. */
export const scoreLinesKernel = kernel<ScoreLinesArgs>(import.meta.url, 'scoreLinesKernel', (a) => {
  const { out, idBytes, head, tails, tailAt } = a;
  let at = 0;
  let from = 0;
  for (let i = 0; i < a.rows; i++) {
    const end = a.idEnds[i];
    for (let k = from; k < end; k++) out[at++] = idBytes[k];
    from = end;
    if (a.whole[i] === 1) continue;
    for (let k = 0; k < head.length; k++) out[at++] = head[k];
    const p = String(a.probs[i]);
    for (let k = 0; k < p.length; k++) out[at++] = p.charCodeAt(k);
    const tail = a.scores[i] * a.tierCount + a.tiers[i];
    for (let k = tailAt[tail]; k < tailAt[tail + 1]; k++) out[at++] = tails[k];
  }
  a.written[0] = at;
});
