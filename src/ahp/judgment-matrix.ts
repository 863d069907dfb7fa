/**
 * One judge's entered matrix as a reciprocal pairwise matrix, checked as Saaty's method requires (Saaty 1980,
 * §1.3): values on the 1–9 scale or reciprocals, ones on the diagonal, a_ji = 1 / a_ij. A lower-triangle cell may be
 * null (derived), the reciprocal (checked), or the only one of its pair. Problems name the cell by criterion names.
 */
import { JUDGMENT_TEXT, type JudgmentCell } from './config.ts';
import { pairwiseMatrix, type PairwiseMatrix } from './pairwise-matrix.ts';

export type JudgmentMatrixResult = { ok: true; matrix: PairwiseMatrix } | { ok: false; problems: string[] };

/** Saaty's scale runs from 1/9 to 9; a little slack admits decimals such as 0.111 for 1/9. */
const SCALE_MIN = 1 / 9 - 1e-3;
const SCALE_MAX = 9 + 1e-9;
/** How far a_ij · a_ji may stray from 1 before the pair counts as contradictory (0.33 · 3 = 0.99 passes). */
const RECIPROCAL_TOLERANCE = 0.02;

/**
 * Reads "3", 3, "1/3" or "0.5" as a number; NaN for anything else.
 * @example judgmentValue('1/3') // => 0.3333333333333333
 */
export function judgmentValue(cell: number | string): number {
  if (typeof cell === 'number') return cell;
  if (!JUDGMENT_TEXT.test(cell)) return Number.NaN;
  const [numerator, denominator] = cell.split('/');
  return denominator === undefined ? Number(numerator) : Number(numerator) / Number(denominator);
}

/** Formats a judgment the way a judge writes it: 3, 1/3, or a decimal when neither fits. */
export function formatJudgment(v: number): string {
  if (Number.isNaN(v)) return 'missing';
  const r = Math.round(v);
  if (Math.abs(v - r) < 1e-9) return String(r);
  const inv = Math.round(1 / v);
  if (Math.abs(1 / v - inv) < 1e-9) return `1/${inv}`;
  return v.toPrecision(3);
}

/** `names` (criteria in row order) name the cells in messages; `where` says whose matrix it is. */
export function judgmentMatrix(
  cells: ReadonlyArray<ReadonlyArray<JudgmentCell>>,
  names: readonly string[],
  where: string,
): JudgmentMatrixResult {
  const n = names.length;
  const problems: string[] = [];
  if (cells.length !== n || cells.some((row) => row.length !== n)) {
    return {
      ok: false,
      problems: [`${where}: the matrix must be ${n} × ${n} (one row and column per criterion: ${names.join(', ')})`],
    };
  }
  const cell = (i: number, j: number) => `(${names[i]}, ${names[j]})`;
  const read = (i: number, j: number): number => {
    const raw = cells[i][j];
    if (raw === null) return Number.NaN;
    const v = judgmentValue(raw);
    if (!(v >= SCALE_MIN && v <= SCALE_MAX)) {
      problems.push(`${where}: cell ${cell(i, j)} is ${JSON.stringify(raw)}; judgments run from 1/9 to 9 on Saaty's scale`);
      return Number.NaN;
    }
    return v;
  };
  const rows: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(Number.NaN));
  for (let i = 0; i < n; i++) {
    const d = cells[i][i];
    if (d !== null && Math.abs(judgmentValue(d) - 1) > 1e-9) {
      problems.push(`${where}: diagonal cell ${cell(i, i)} is ${JSON.stringify(d)}; a criterion compared with itself is 1`);
    }
    rows[i][i] = 1;
    for (let j = i + 1; j < n; j++) {
      const upper = read(i, j);
      const lower = read(j, i);
      if (!Number.isNaN(upper) && !Number.isNaN(lower) && Math.abs(upper * lower - 1) > RECIPROCAL_TOLERANCE) {
        problems.push(
          `${where}: cell ${cell(j, i)} is ${formatJudgment(lower)} but must be the reciprocal of ${cell(i, j)} = ` +
            `${formatJudgment(upper)}, i.e. ${formatJudgment(1 / upper)} (or leave it null)`,
        );
        continue;
      }
      const a = Number.isNaN(upper) ? 1 / lower : upper;
      rows[i][j] = a;
      rows[j][i] = 1 / a;
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, matrix: pairwiseMatrix(rows) };
}
