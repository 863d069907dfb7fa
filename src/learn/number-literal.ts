/**
 * A double as JavaScript source that parses back to the same double, for generated code (compiled
 * trees and linear margins): only such text reaches `new Function`.
 * @example numberLiteral(-0.5) // => "(-0.5)"
 */
export function numberLiteral(v: number): string {
  if (typeof v !== 'number') throw new Error(`numberLiteral: ${String(v)} is not a number`);
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return 'Infinity';
  if (v === Number.NEGATIVE_INFINITY) return '(-Infinity)';
  if (Object.is(v, -0)) return '(-0)';
  const s = v.toString();
  // toString gives only digits, sign, point and exponent for a finite double; checked, since it is compiled.
  if (!/^-?[0-9.]+(e[+-][0-9]+)?$/.test(s) || Number(s) !== v) throw new Error(`numberLiteral: cannot write ${s} exactly`);
  return v < 0 ? `(${s})` : s;
}
