/**
 * Parameters of the BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy
 * way: an alternative to the Pareto/NBD model", Marketing Science 24(2)) and of its MBG/NBD
 * variant (Batislam, Denizel & Filiztekin 2007, "Empirical validation and comparison of models
 * for customer base analysis", IJRM 24(3)).
 *
 * While active, a customer buys as a Poisson process with rate λ ~ Gamma(r, α) (α is a scale in
 * the time unit: rate = r / α purchases per unit on average). After each repeat purchase
 * (BG/NBD) — or after every purchase including the first (MBG/NBD) — the customer drops out with
 * probability p ~ Beta(a, b). The MBG/NBD change is what lets a one-time buyer be inactive: under
 * BG/NBD someone with no repeat purchase cannot have dropped out, so P(alive) = 1.
 */
import { z } from 'zod';
import { TimeUnit } from './transaction-summary.ts';

export const PurchaseModelVariant = z.enum(['bgnbd', 'mbgnbd']);
export type PurchaseModelVariant = z.infer<typeof PurchaseModelVariant>;

export const BgNbdParams = z.object({
  variant: PurchaseModelVariant,
  /** Time unit of α, recency and T. */
  unit: TimeUnit,
  r: z.number().positive(),
  alpha: z.number().positive(),
  a: z.number().positive(),
  b: z.number().positive(),
});
export type BgNbdParams = z.infer<typeof BgNbdParams>;
