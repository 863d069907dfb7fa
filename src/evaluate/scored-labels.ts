/**
 * The precondition every metric shares: one finite score per row and a 0/1 churn label per row.
 * A mismatch here is a bug in the caller (the pipeline aligns scores and labels), so it throws.
 */
export function checkScoredLabels(scores: ArrayLike<number>, labels: ArrayLike<number>, who: string): void {
  if (scores.length !== labels.length) {
    throw new Error(`${who}: ${scores.length} scores but ${labels.length} labels`);
  }
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (y !== 0 && y !== 1) throw new Error(`${who}: label ${i} is ${y}, expected 0 or 1`);
    if (!Number.isFinite(scores[i])) throw new Error(`${who}: score ${i} is ${scores[i]}, expected a finite number`);
  }
}

export function countPositives(labels: ArrayLike<number>): number {
  let p = 0;
  for (let i = 0; i < labels.length; i++) p += labels[i];
  return p;
}

/**
 * Throws unless both classes occur in labels `checkScoredLabels` passed: ROC-AUC, average precision and KS are
 * undefined otherwise (scikit-learn raises too). `evaluationProblem` lets a pipeline turn this into a user message first.
 */
export function requireBothClasses(labels: ArrayLike<number>, who: string): { positives: number; negatives: number } {
  const positives = countPositives(labels);
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) {
    throw new Error(`${who}: needs both churners and non-churners, got ${positives} and ${negatives}`);
  }
  return { positives, negatives };
}
