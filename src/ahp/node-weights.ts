/**
 * Weighs the criteria under one node from its judgments: judges combined (geometric mean), missing judgments
 * completed (Harker), eigenvector and geometric-mean weights, λmax, CI, CR and, above CR 0.10, the judgments to
 * revise. Percentages become the consistent matrix w_i / w_j. Problems are returned as values.
 */
import { z } from 'zod';
import type { Judgments } from './config.ts';
import { consistencyIndex } from './consistency-index.ts';
import { CR_THRESHOLD, consistencyRatio } from './consistency-ratio.ts';
import { consistentMatrix } from './consistent-matrix.ts';
import { geometricMeanWeights } from './geometric-mean-weights.ts';
import { aggregateJudgments } from './group-judgments.ts';
import { harkerCompletion } from './harker-completion.ts';
import { formatJudgment, judgmentMatrix } from './judgment-matrix.ts';
import { judgmentsToRevise } from './judgments-to-revise.ts';
import { matrixRows, type PairwiseMatrix } from './pairwise-matrix.ts';
import { principalEigenvector } from './principal-eigenvector.ts';
import { MAX_CRITERIA, randomIndex } from './random-index.ts';

export const JudgmentRevisionEntry = z.object({
  row: z.string(),
  col: z.string(),
  current: z.number(),
  suggested: z.number(),
  crAfter: z.number(),
});

export const NodeWeights = z.object({
  /** "goal" for the dimensions, else the dimension whose indicators are weighed. */
  node: z.string(),
  criteria: z.array(z.string()),
  method: z.enum(['pairwise', 'percentages', 'equal']),
  judges: z.array(z.string()),
  /** The matrix the weights come from: judges combined, missing cells completed. */
  matrix: z.array(z.array(z.number())),
  /** Cells no judge gave, filled by Harker's method (upper triangle). */
  completed: z.array(z.object({ row: z.string(), col: z.string(), value: z.number() })),
  /** Principal-eigenvector weights, summing to 1 — the weights used everywhere else. */
  weights: z.array(z.number()),
  geometricMeanWeights: z.array(z.number()),
  lambdaMax: z.number(),
  consistencyIndex: z.number(),
  randomIndex: z.number(),
  consistencyRatio: z.number(),
  /** CR of each judge's own matrix (after completion), to see who is inconsistent. */
  judgeConsistency: z.array(z.object({ judge: z.string(), consistencyRatio: z.number().nullable() })),
  revisions: z.array(JudgmentRevisionEntry),
  warnings: z.array(z.string()),
});
export type NodeWeights = z.infer<typeof NodeWeights>;

export type NodeWeightsResult = { ok: true; node: NodeWeights } | { ok: false; problems: string[] };

/** Percentages may be rounded by whoever wrote them; 100 ± 0.5 is accepted and renormalised. */
const PERCENT_TOLERANCE = 0.5;

function fromPercentages(weights: Readonly<Record<string, number>>, criteria: readonly string[], where: string) {
  const problems: string[] = [];
  const missing = criteria.filter((c) => !(c in weights));
  const unknown = Object.keys(weights).filter((k) => !criteria.includes(k));
  if (missing.length > 0) problems.push(`${where}: no percentage for ${missing.map((m) => `"${m}"`).join(', ')}`);
  if (unknown.length > 0) {
    problems.push(`${where}: percentage for unknown ${unknown.map((u) => `"${u}"`).join(', ')} (criteria: ${criteria.join(', ')})`);
  }
  const total = criteria.reduce((s, c) => s + (weights[c] ?? 0), 0);
  if (problems.length === 0 && Math.abs(total - 100) > PERCENT_TOLERANCE) {
    problems.push(`${where}: percentages sum to ${total}, not 100`);
  }
  return { problems, w: criteria.map((c) => (weights[c] ?? 0) / total) };
}

function completeOrProblem(
  m: PairwiseMatrix,
  criteria: readonly string[],
  where: string,
): { matrix: PairwiseMatrix; completed: NodeWeights['completed'] } | string {
  const h = harkerCompletion(m);
  if (!h.ok) {
    const groups = h.groups.map((g) => `{${g.map((i) => criteria[i]).join(', ')}}`).join(' and ');
    return `${where}: the judgments do not link all criteria (${groups} are never compared); add a judgment between the groups`;
  }
  return {
    matrix: h.matrix,
    completed: h.completed.map((c) => ({ row: criteria[c.row], col: criteria[c.col], value: c.value })),
  };
}

/** Undefined `judgments` mean equal weights; `where` prefixes messages (`models/ahp/x.json: dimension "loyalty"`). */
export function nodeWeights(
  node: string,
  criteria: readonly string[],
  judgments: Judgments | undefined,
  where: string,
): NodeWeightsResult {
  const n = criteria.length;
  if (n > MAX_CRITERIA) {
    return { ok: false, problems: [`${where}: ${n} criteria under one node; AHP handles at most ${MAX_CRITERIA} (group them)`] };
  }
  let matrix: PairwiseMatrix;
  let completed: NodeWeights['completed'] = [];
  let judges: string[] = [];
  let judgeConsistency: NodeWeights['judgeConsistency'] = [];
  let given: (i: number, j: number) => boolean = () => true;
  let method: NodeWeights['method'];
  if (judgments === undefined) {
    method = 'equal';
    matrix = consistentMatrix(new Array<number>(n).fill(1));
  } else if (judgments.method === 'percentages') {
    method = 'percentages';
    const { problems, w } = fromPercentages(judgments.weights, criteria, where);
    if (problems.length > 0) return { ok: false, problems };
    matrix = consistentMatrix(w);
  } else {
    method = 'pairwise';
    judges = judgments.judges.map((j) => j.judge);
    const problems: string[] = [];
    const matrices: PairwiseMatrix[] = [];
    for (const j of judgments.judges) {
      const r = judgmentMatrix(j.matrix, criteria, `${where}: judge "${j.judge}"`);
      if (r.ok) matrices.push(r.matrix);
      else problems.push(...r.problems);
    }
    if (problems.length > 0) return { ok: false, problems };
    const combined = aggregateJudgments(matrices);
    given = (i, j) => !Number.isNaN(combined.values[i * n + j]);
    const c = completeOrProblem(combined, criteria, where);
    if (typeof c === 'string') return { ok: false, problems: [c] };
    ({ matrix, completed } = c);
    if (matrices.length > 1) {
      judgeConsistency = matrices.map((m, k) => {
        const own = harkerCompletion(m);
        const cr = own.ok ? consistencyRatio(principalEigenvector(own.matrix).lambdaMax, n) : null;
        return { judge: judges[k], consistencyRatio: cr };
      });
    }
  }
  const eigen = principalEigenvector(matrix);
  const cr = consistencyRatio(eigen.lambdaMax, n);
  const warnings: string[] = [];
  let revisions: NodeWeights['revisions'] = [];
  if (cr > CR_THRESHOLD) {
    revisions = judgmentsToRevise(matrix, given).map(({ row, col, current, suggested, crAfter }) => {
      return { row: criteria[row], col: criteria[col], current, suggested, crAfter };
    });
    const advice = revisions
      .map((r) => `(${r.row}, ${r.col}) from ${formatJudgment(r.current)} to ${formatJudgment(r.suggested)} → CR ${r.crAfter.toFixed(3)}`)
      .join('; ');
    warnings.push(
      `${where}: consistency ratio ${cr.toFixed(3)} is above ${CR_THRESHOLD}; revisit the judgments` +
        (advice ? ` — changing one of these lowers CR the most: ${advice}` : ''),
    );
  }
  for (const jc of judgeConsistency) {
    if (jc.consistencyRatio !== null && jc.consistencyRatio > CR_THRESHOLD) {
      warnings.push(`${where}: judge "${jc.judge}" alone has consistency ratio ${jc.consistencyRatio.toFixed(3)}`);
    }
  }
  return {
    ok: true,
    node: {
      node,
      criteria: [...criteria],
      method,
      judges,
      matrix: matrixRows(matrix).map((row) => row.map((v) => v ?? Number.NaN)),
      completed,
      weights: Array.from(eigen.weights),
      geometricMeanWeights: Array.from(geometricMeanWeights(matrix)),
      lambdaMax: eigen.lambdaMax,
      consistencyIndex: consistencyIndex(eigen.lambdaMax, n),
      randomIndex: randomIndex(Math.max(n, 1)),
      consistencyRatio: cr,
      judgeConsistency,
      revisions,
      warnings,
    },
  };
}
