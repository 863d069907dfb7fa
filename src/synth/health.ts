/**
 * The hidden health of a customer: a weekly AR(1) process around the customer's own level, with
 * rare negative shocks (an outage, a lost champion, a budget cut).
 *
 *   h(t+1) = μ + φ·(h(t) − μ) + σ·ε(t) − shock(t),   ε ~ N(0, 1)
 *
 * with φ = 0.97 (a shock loses half its size in about 23 weeks) and σ = 0.2, so h wanders with
 * a stationary standard deviation of σ/√(1−φ²) ≈ 0.82 around μ, and μ itself varies between
 * customers (N(0, 0.8²)). The persistence is what makes today's behaviour predict churn one to
 * three months ahead. A shock arrives with weekly probability 0.5 % and subtracts 1 to 2.5.
 * The scale of h is the one the rates in catalog.ts and the churn hazard in drivers.ts read.
 */
import { normal, uniform, type RandomGenerator } from './random.ts';

export const HEALTH = {
  persistence: 0.97,
  noise: 0.2,
  levelSpread: 0.8,
  shockRate: 0.005,
  shockMin: 1,
  shockMax: 2.5,
  /** The drop of the --decline-share scenario: a sharp fall that then recovers like a shock. */
  declineDrop: 3,
} as const;

/** Stationary standard deviation of the AR(1) noise around μ. */
export const HEALTH_STATIONARY_SD = HEALTH.noise / Math.sqrt(1 - HEALTH.persistence * HEALTH.persistence);

/** One week's step without shocks. */
export function healthStep(rng: RandomGenerator, h: number, level: number): number {
  return level + HEALTH.persistence * (h - level) + HEALTH.noise * normal(rng);
}

/** The size of this week's shock: 0 most weeks. */
export function healthShock(rng: RandomGenerator): number {
  if (uniform(rng) >= HEALTH.shockRate) return 0;
  return HEALTH.shockMin + (HEALTH.shockMax - HEALTH.shockMin) * uniform(rng);
}
