/**
 * Learned weight of a group of features: its share of the model's total importance (|standardised coefficient| or
 * mean |SHAP|), comparable with AHP weights since both are non-negative and sum to 1. Features `groupOf` maps to
 * null are left out of the total, so shares are among the features the groups cover.
 * @example learnedShares({ a: 3, b: 1, c: 4 }, (f) => (f === 'c' ? 'y' : 'x')) // Map { x: 0.5, y: 0.5 }
 */
export function learnedShares(
  importances: Readonly<Record<string, number>>,
  groupOf: (feature: string) => string | null,
): Map<string, number> {
  const sums = new Map<string, number>();
  let total = 0;
  for (const [feature, importance] of Object.entries(importances)) {
    if (!(importance >= 0)) throw new Error(`learnedShares: importance of "${feature}" is ${importance}; expected ≥ 0`);
    const g = groupOf(feature);
    if (g === null) continue;
    sums.set(g, (sums.get(g) ?? 0) + importance);
    total += importance;
  }
  for (const [g, s] of sums) sums.set(g, total > 0 ? s / total : 0);
  return sums;
}
