/**
 * Where each source feature's encoded columns sit in the design matrix, checked against the encoding:
 * everything that walks a saved preprocessor by feature relies on that layout, so a corrupted
 * artifact fails here by one rule.
 */
import { encodedNames } from './encode-feature.ts';
import type { PreprocessorSpec } from './spec.ts';

export interface FeatureSpan {
  readonly first: number;
  readonly width: number;
}

/** One span per feature of `spec`; throws, naming `caller`, when the columns do not follow the encoding. */
export function featureSpans(spec: PreprocessorSpec, caller: string): FeatureSpan[] {
  const cols = spec.columns.length;
  let offset = 0;
  const spans = spec.features.map((feature, f) => {
    const first = offset;
    while (offset < cols && spec.columns[offset].feature === f) offset++;
    const width = encodedNames(feature).length;
    if (offset - first !== width) throw new Error(`${caller}: preprocessor lists ${offset - first} columns for "${feature.name}", its encoding has ${width}`);
    return { first, width };
  });
  if (offset !== cols) throw new Error(`${caller}: preprocessor columns are not grouped by feature in order`);
  return spans;
}
