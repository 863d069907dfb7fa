/**
 * log(e^a + e^b) without overflow or underflow (https://en.wikipedia.org/wiki/LogSumExp): the larger term is
 * factored out and `log1p` keeps precision when the other is tiny. `-Infinity` stands for a zero term (log 0).
 * @example logAddExp(-1000, -1000); // => -1000 + Math.LN2 (naive log(exp(-1000) * 2) gives -Infinity)
 */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}
