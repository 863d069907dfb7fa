/**
 * log(e^a + e^b) without overflow or underflow: the larger term is factored out, so the
 * exponential is of a non-positive number and `log1p` keeps precision when one term is tiny.
 * `-Infinity` stands for a term that is zero (log 0), which the BG/NBD likelihood uses for
 * the "dropped out after the last purchase" branch of a customer with no repeat purchases.
 *
 * Definition: https://en.wikipedia.org/wiki/LogSumExp
 *
 * @example
 * logAddExp(Math.log(2), Math.log(3)); // => Math.log(5)
 * logAddExp(-1000, -1000); // => -1000 + Math.LN2 (naive log(exp(-1000) * 2) gives -Infinity)
 */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}
