/**
 * Compiles trees to JavaScript (treelite's idea, for C): nested if/else over literal feature indices
 * and thresholds, with no node arrays to load. Only checked numbers reach the source, written so they
 * round-trip exactly (numberLiteral), so a compiled tree scores every row as the packed walk does.
 */
import { numberLiteral } from '../number-literal.ts';
import type { Tree } from './tree.ts';

/** Adds trees' outputs, in tree order, to sum[0..count) for the rows from data[offset], `cols` apart. */
export type CompiledTrees = (data: Float64Array, offset: number, cols: number, count: number, sum: Float64Array) => void;

function treeSource(t: Tree, n: number, cols: number, indent: string, out: string[]): void {
  const f = t.feature[n];
  if (f < 0) {
    out.push(`${indent}s += ${numberLiteral(t.value[n])};`);
    return;
  }
  if (!Number.isInteger(f) || f >= cols) throw new Error(`compiledSource: feature ${f} out of range`);
  const x = `d[o + ${f}]`;
  const th = numberLiteral(t.threshold[n]);
  // NaN fails every comparison: `!(x > t)` sends it left, `x <= t` sends it right.
  out.push(`${indent}if (${t.missingLeft[n] ? `!(${x} > ${th})` : `${x} <= ${th}`}) {`);
  treeSource(t, t.left[n], cols, `${indent} `, out);
  out.push(`${indent}} else {`);
  treeSource(t, t.right[n], cols, `${indent} `, out);
  out.push(`${indent}}`);
}

/**
 * The body of a `CompiledTrees` over (d, o, cols, count, sum): the text worker threads compile again.
 * The trees must be well formed (children after parents), as fromSpec checks.
 */
export function compiledSource(trees: readonly Tree[], cols: number): string {
  const lines = ['for (let r = 0; r < count; r++, o += cols) {', ' let s = sum[r];'];
  for (const t of trees) treeSource(t, 0, cols, ' ', lines);
  lines.push(' sum[r] = s;', '}');
  return lines.join('\n');
}

const COMPILED_PARAMS = ['d', 'o', 'cols', 'count', 'sum'] as const;

/**
 * compiledSource's text as a function, or null where code generation is not allowed (a content
 * security policy, `--disallow-code-generation-from-strings`): the caller then walks the packed forest.
 */
export function compileSource(source: string): CompiledTrees | null {
  try {
    return new Function(...COMPILED_PARAMS, source) as CompiledTrees;
  } catch (e) {
    if (e instanceof EvalError) return null;
    throw e;
  }
}
