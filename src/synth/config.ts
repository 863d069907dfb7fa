/**
 * What the generator is asked for: customers, a window of `months` calendar months from `start`
 * (00:00 UTC), a seed, and an optional "sudden decline" scenario for alert tests. A share `baseShare`
 * of the customers exist at `start`; the rest sign up evenly over the window.
 */
import { z } from 'zod';
import { DAY_MS } from '../data/contract.ts';
import { formatIsoDay, parseIsoDay } from '../data/iso-date.ts';

const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2024-01-01')
  .refine((text) => parseIsoDay(text) !== null, 'not a real calendar date');

export const DeclineScenario = z.object({
  /** Probability that a customer active on `date` suffers the drop (so the realised share is binomial). */
  share: z.number().min(0).max(1),
  /** The day of the drop, inside the window. */
  date: IsoDay,
});
export type DeclineScenario = z.infer<typeof DeclineScenario>;

export const GeneratorConfig = z
  .object({
    customers: z.number().int().min(1).max(10_000_000),
    months: z.number().int().min(1).max(120),
    seed: z.number().int().min(0).max(0xffff_ffff),
    start: IsoDay.default('2024-01-01'),
    baseShare: z.number().min(0).max(1).default(0.6),
    decline: DeclineScenario.nullable().default(null),
  })
  .superRefine((config, ctx) => {
    if (config.decline === null) return;
    const window = generationWindow(config);
    const at = parseIsoDay(config.decline.date);
    if (at !== null && (at < window.startMs || at >= window.endMs)) {
      ctx.addIssue({
        code: 'custom',
        path: ['decline', 'date'],
        message: `must fall inside the generated window ${config.start} .. ${formatIsoDay(window.endMs - DAY_MS)}`,
      });
    }
  });
export type GeneratorConfig = z.infer<typeof GeneratorConfig>;
export type GeneratorConfigInput = z.input<typeof GeneratorConfig>;

/** The window's bounds in epoch ms (end exclusive) and its month starts. */
export interface GenerationWindow {
  startMs: number;
  endMs: number;
  /** months + 1 boundaries: monthStarts[m] is the start of month m, monthStarts[months] = endMs. */
  monthStarts: Float64Array;
}

export function generationWindow(config: Pick<GeneratorConfig, 'start' | 'months'>): GenerationWindow {
  const startMs = parseIsoDay(config.start);
  if (startMs === null) throw new Error(`invalid start ${config.start}`);
  const first = new Date(startMs);
  const monthStarts = new Float64Array(config.months + 1);
  for (let m = 0; m <= config.months; m++) {
    // The same day of the month, or the month's last day when it is shorter (31 Jan → 29 Feb).
    const year = first.getUTCFullYear();
    const month = first.getUTCMonth() + m;
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    monthStarts[m] = Date.UTC(year, month, Math.min(first.getUTCDate(), lastDay));
  }
  return { startMs, endMs: monthStarts[config.months], monthStarts };
}
