/**
 * The hidden health of a customer: weekly AR(1) around its own level μ ~ N(0, 0.8²), with rare negative
 * shocks (an outage, a lost champion): h(t+1) = μ + φ·(h(t) − μ) + σ·ε(t) − shock(t), ε ~ N(0, 1).
 * φ = 0.97 (a shock halves in about 23 weeks) and σ = 0.2 give a stationary sd σ/√(1−φ²) ≈ 0.82; the
 * persistence is what lets today's behaviour predict churn months ahead. Shocks: 0.5 % a week, size 1–2.5.
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
