import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { readyToFit } from '../../src/run/ready-to-fit.ts';

describe('readyToFit', () => {
  it('says why when the data are too short for the horizon after the warm-up, instead of fitting nothing', () => {
    const day = Date.UTC(2024, 0, 1);
    const customers = aq.table({ customer_id: ['a', 'b'], signup_date: [day, day + 86_400_000 * 30] });
    const ready = readyToFit({ customers }, { horizonDays: 90, churn: { kind: 'explicit' } });
    expect(ready).toEqual({ problem: 'the data is too short for a 90-day horizon after the warm-up' });
  });
});
