/**
 * The logistic model's margin (log-odds of churn) as SQL: intercept + Σ β_j · column_j over the
 * encoded column expressions, the formula `logisticModel().margin` evaluates.
 */
import type { LogisticSpec } from '../../learn/logistic/logistic-spec.ts';
import { doubleLiteral } from './sql-literal.ts';

export function logisticMarginSql(spec: LogisticSpec, columns: readonly string[]): string {
  if (spec.coefficients.length !== columns.length) {
    throw new Error(`logisticMarginSql: ${spec.coefficients.length} coefficients for ${columns.length} encoded columns`);
  }
  const terms = [doubleLiteral(spec.intercept)];
  spec.coefficients.forEach((beta, j) => {
    // A zero coefficient contributes exactly 0 to the sum, so leaving it out changes nothing.
    if (beta !== 0) terms.push(`${doubleLiteral(beta)} * ${columns[j]}`);
  });
  return `(${terms.join('\n  + ')})`;
}
