/**
 * Compiles trees to JavaScript: each tree becomes nested if/else over literal feature indices and
 * thresholds, which V8 turns into machine code with no node arrays to load — the idea of treelite,
 * which does the same for C. Our own implementation.
 *
 * Only numbers reach the generated source, and each is checked first: feature indices are integers
 * in [0, cols), thresholds and leaf values are written with Number.prototype.toString, which
 * round-trips every double exactly (−0, ±Infinity and NaN spelled out), so a compiled tree routes
 * and scores every row exactly as the packed walk does.
 */
import { numberLiteral } from '../number-literal.ts';
import type { Tree } from './tree.ts';

/**
 * Adds the outputs of a group of trees to sum[0..count) for rows starting at data[offset], `cols`
 * apart. The trees are added one after another, in order, to each row's running sum.
 */
export type CompiledTrees = (data: Float64Array, offset: number, cols: number, count: number, sum: Float64Array) => void;

function treeSource(t: Tree, n: number, cols: number, indent: string, out: string[]): void {
  const f = t.feature[n];
  if (f < 0) {
    out.push(`${indent}s += ${numberLiteral(t.value[n])};`);
    return;
  }
  if (!Number.isInteger(f) || f >= cols) throw new Error(`compileTrees: feature ${f} out of range`);
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
 * The body of the function compileTrees builds, over the parameters (d, o, cols, count, sum): the
 * text that the worker pool's threads compile again (predict.ts, `marginKernel`), so they run
 * the same code.
 * The trees must be well formed (children after parents), as GbdtModel.fromSpec checks.
 */
export function compiledSource(trees: readonly Tree[], cols: number): string {
  const lines = ['for (let r = 0; r < count; r++, o += cols) {', ' let s = sum[r];'];
  for (const t of trees) treeSource(t, 0, cols, ' ', lines);
  lines.push(' sum[r] = s;', '}');
  return lines.join('\n');
}

/** The parameter names of a compiled group, in the order of CompiledTrees. */
export const COMPILED_PARAMS = ['d', 'o', 'cols', 'count', 'sum'] as const;

/**
 * One function for a group of trees (keep it to a few thousand nodes: V8 stops optimising very
 * large functions). Returns null where code generation is not allowed (a content security
 * policy, `--disallow-code-generation-from-strings`); the caller then walks the packed forest.
 */
export function compileTrees(trees: readonly Tree[], cols: number): CompiledTrees | null {
  return compileSource(compiledSource(trees, cols));
}

/** compiledSource's text as a function, or null where code generation is not allowed. */
export function compileSource(source: string): CompiledTrees | null {
  try {
    return new Function(...COMPILED_PARAMS, source) as CompiledTrees;
  } catch (e) {
    if (e instanceof EvalError) return null;
    throw e;
  }
}
