/**
 * Encodes one source feature into its unstandardised matrix columns: a value (imputed or NaN) and an
 * optional missing flag, or one-hot levels, an optional missing level and the "unseen" flag. Shared
 * by fitting and transforming, so the two cannot disagree.
 */
import type { CategoricalFeature, MissingPolicy, SourceFeature } from './spec.ts';
import { MISSING_LEVEL } from './spec.ts';
import { categoryCell, numericCell } from './raw-value.ts';

/** Names of the encoded columns of `feature`, in matrix order. */
export function encodedNames(feature: SourceFeature): string[] {
  if (feature.type === 'numeric') {
    return feature.flagMissing ? [feature.name, `${feature.name}:missing`] : [feature.name];
  }
  const names = feature.levels.map((l) => `${feature.name}=${l}`);
  if (feature.flagMissing) names.push(`${feature.name}=${MISSING_LEVEL}`);
  names.push(`${feature.name}=(unseen)`);
  return names;
}

/** Writes the encoded columns of rows [start, end) through `put(row, k, value)`, k within the feature. */
export function encodeFeature(
  feature: SourceFeature,
  column: ArrayLike<unknown>,
  start: number,
  end: number,
  missing: MissingPolicy,
  put: (row: number, k: number, value: number) => void,
): void {
  if (feature.type === 'numeric') {
    for (let i = start; i < end; i++) {
      const v = numericCell(column, i, feature.name);
      const absent = Number.isNaN(v);
      put(i, 0, absent && missing === 'impute' ? feature.fill : v);
      if (feature.flagMissing) put(i, 1, absent ? 1 : 0);
    }
    return;
  }
  const { width, of } = hotPosition(feature);
  for (let i = start; i < end; i++) {
    const hot = of(categoryCell(column, i));
    for (let k = 0; k < width; k++) put(i, k, k === hot ? 1 : 0);
  }
}

/**
 * A categorical feature's one-hot columns: how many, and which one a label sets (its level, the
 * missing level for a blank when training had blanks, else the unseen column).
 */
export function hotPosition(feature: CategoricalFeature): { width: number; of: (label: string | null) => number } {
  const width = feature.levels.length + (feature.flagMissing ? 1 : 0) + 1;
  const missingAt = feature.flagMissing ? feature.levels.length : -1;
  const unseenAt = width - 1;
  const position = new Map(feature.levels.map((l, k) => [l, k]));
  return { width, of: (label) => (label === null ? (missingAt >= 0 ? missingAt : unseenAt) : (position.get(label) ?? unseenAt)) };
}
