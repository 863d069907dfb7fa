import { beforeAll, describe, expect, it } from 'vitest';
import { fitIsotonicRegression, predictIsotonic } from '../../src/calibrate/isotonic.ts';
import { describePython, runPython } from '../support/python.ts';
import { randomScored } from '../evaluate/random-scores.ts';

describe('fitIsotonicRegression', () => {
  it('merges tied inputs before pooling and keeps only the ends of flat runs', () => {
    // sklearn: IsotonicRegression().fit([0.1, 0.2, 0.2, 0.3, 0.4, 0.5], [0, 1, 0, 0, 1, 1])
    //   -> X_thresholds_ [0.1, 0.2, 0.3, 0.4, 0.5], y_thresholds_ [0, 1/3, 1/3, 1, 1]
    const f = fitIsotonicRegression([0.1, 0.2, 0.2, 0.3, 0.4, 0.5], [0, 1, 0, 0, 1, 1]);
    expect(f.x).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(f.y).toEqual([0, 1 / 3, 1 / 3, 1, 1]);
  });
});

describe('predictIsotonic', () => {
  const steps = { x: [0.2, 0.6], y: [0.1, 0.5] };

  it('interpolates linearly between steps', () => {
    expect(predictIsotonic(steps, [0.4])[0]).toBeCloseTo(0.3, 15);
  });

  it('clips inputs outside the fitted range to its ends', () => {
    const [low, high] = predictIsotonic(steps, [0, 1]);
    expect(low).toBe(0.1);
    // scipy's interp1d evaluates the right end as slope × (x − x0) + y0, hence closeTo.
    expect(high).toBeCloseTo(0.5, 15);
  });

  it('returns the single value of a one-step fit', () => {
    expect([...predictIsotonic({ x: [0.3], y: [0.25] }, [0.1, 0.9])]).toEqual([0.25, 0.25]);
  });
});

describePython(['sklearn'], 'isotonic calibration against scikit-learn IsotonicRegression(out_of_bounds="clip")', () => {
  const train = randomScored(1500, 101, 3);
  const test = randomScored(500, 102, 4);
  // Inputs beyond the training range exercise the clipping.
  const probe = Float64Array.from([...test.scores, -0.5, 1.5]);
  let expected: { x: number[]; y: number[]; pred: number[] };
  beforeAll(() => {
    expected = runPython(
      `import json, sys\nfrom sklearn.isotonic import IsotonicRegression\nd = json.load(sys.stdin)\nm = IsotonicRegression(out_of_bounds="clip").fit(d["x"], d["y"])\nprint(json.dumps({"x": m.X_thresholds_.tolist(), "y": m.y_thresholds_.tolist(), "pred": m.predict(d["t"]).tolist()}))`,
      { x: [...train.scores], y: [...train.labels], t: [...probe] },
    );
  });

  it('finds the same steps, bit for bit', () => {
    const f = fitIsotonicRegression(train.scores, train.labels);
    expect(f.x).toEqual(expected.x);
    expect(f.y).toEqual(expected.y);
  });

  it('predicts the same probabilities, bit for bit', () => {
    expect([...predictIsotonic(fitIsotonicRegression(train.scores, train.labels), probe)]).toEqual(expected.pred);
  });
});
