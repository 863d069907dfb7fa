/** Derived features (spec.ts `DerivedFeature` defines each op) from computed columns of the same rows. */
import type { DerivedFeature } from './spec.ts';

export function deriveFeature(
  f: DerivedFeature,
  column: (name: string) => Float64Array,
  missing: (name: string) => Uint8Array | null,
): Float64Array {
  const d = f.derive;
  if (d.op === 'atLeast' || d.op === 'atMost') {
    const x = column(d.of);
    const m = missing(d.of);
    return Float64Array.from(x, (v, i) => (m && m[i] ? 0 : (d.op === 'atLeast' ? v >= d.threshold : v <= d.threshold) ? 1 : 0));
  }
  const a = column(d.of[0]);
  const b = column(d.of[1]);
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    if (d.op === 'ratio') out[i] = (a[i] + 1) / (b[i] + 1);
    else if (d.op === 'share') out[i] = b[i] === 0 ? 0 : a[i] / b[i];
    else out[i] = a[i] - b[i];
  }
  return out;
}
