/**
 * Numbers written into generated JavaScript (compiled trees, compiled linear margins): only text
 * that parses back to exactly the same double ever reaches `new Function`.
 */

/**
 * A double as JavaScript source that parses back to the same double.
 * @example numberLiteral(-0.5) // => "(-0.5)"
 */
export function numberLiteral(v: number): string {
  if (typeof v !== 'number') throw new Error(`numberLiteral: ${String(v)} is not a number`);
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return 'Infinity';
  if (v === Number.NEGATIVE_INFINITY) return '(-Infinity)';
  if (Object.is(v, -0)) return '(-0)';
  const s = v.toString();
  // Nothing but digits, sign, point and exponent can come out of toString for a finite double;
  // checked anyway, since this text is compiled.
  if (!/^-?[0-9.]+(e[+-][0-9]+)?$/.test(s) || Number(s) !== v) throw new Error(`numberLiteral: cannot write ${s} exactly`);
  return v < 0 ? `(${s})` : s;
}
