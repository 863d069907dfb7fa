import { describe, expect, it } from 'vitest';
import { riskFromHealth } from '../../src/evaluate/baselines.ts';
import { evaluate, EvaluationReport, evaluationProblem, evaluationReport, scoreMeaning } from '../../src/evaluate/evaluation-report.ts';
import { rocAuc } from '../../src/evaluate/roc-auc.ts';
import { randomScored } from './random-scores.ts';

const s = randomScored(500, 81, 3);
const opts = { bootstrap: { replicates: 100 } };

describe('evaluate', () => {
  it('fills every metric of a probability score', () => {
    const e = evaluate(s.scores, s.labels, { name: 'logistic', ...opts });
    expect(e.metrics.rocAuc).toBe(rocAuc(s.scores, s.labels));
    expect(e.metrics.lift.map((l) => l.share)).toEqual([0.05, 0.1, 0.2]);
    expect(e.metrics.brierScore).not.toBeNull();
    expect(e.reliability).toHaveLength(10);
  });

  it('leaves probability metrics null for a ranking-only score', () => {
    const e = evaluate(s.scores, s.labels, { name: 'rfm', isProbability: false, ...opts });
    expect(e.metrics.logLoss).toBeNull();
    expect(e.metrics.expectedCalibrationError).toBeNull();
    expect(e.reliability).toBeNull();
  });

  it('thins chart curves to the requested number of points', () => {
    const e = evaluate(s.scores, s.labels, { name: 'm', maxCurvePoints: 11, ...opts });
    expect(e.curves.roc.fpr).toHaveLength(11);
    expect(e.curves.roc.fpr[10]).toBe(1);
  });
});

describe('evaluationReport', () => {
  const rfmHealth = Float64Array.from(s.scores, (v) => 100 - Math.round(v * 10));
  const report = evaluationReport(s.labels, [{ name: 'logistic', scores: s.scores }], [{ name: 'rfm', scores: riskFromHealth(rfmHealth) }], {
    split: 'temporal test split',
    horizonDays: 90,
    trainingBaseRate: 0.3,
    ...opts,
  });

  it('is valid against its schema after a JSON round trip', () => {
    expect(EvaluationReport.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
  });

  it('adds the "predict the base rate" baseline, which ranks no better than chance', () => {
    const base = report.baselines.find((b) => b.name === 'base rate');
    expect(base?.metrics.rocAuc).toBe(0.5);
    expect(base?.metrics.brierScore).not.toBeNull();
    expect(report.baselines.map((b) => b.role)).toEqual(['baseline', 'baseline']);
  });

  it('says what a score means, with the horizon', () => {
    expect(report.scoreMeaning).toBe(scoreMeaning(90));
    expect(report.scoreMeaning).toContain('score of 80 means about a 20% chance of churning within 90 days');
  });
});

describe('evaluationProblem', () => {
  it('explains a split without churners', () => {
    expect(evaluationProblem(new Uint8Array([0, 0]))).toMatch(/no churners/);
  });

  it('is null for a usable split', () => {
    expect(evaluationProblem(new Uint8Array([0, 1]))).toBeNull();
  });
});
