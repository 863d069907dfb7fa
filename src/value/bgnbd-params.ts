/**
 * Parameters of BG/NBD (Fader, Hardie & Lee 2005, Marketing Science 24(2)) and MBG/NBD (Batislam, Denizel &
 * Filiztekin 2007, IJRM 24(3)). While active, a customer buys as a Poisson process with rate λ ~ Gamma(r, α) (α a
 * scale in the time unit); after each repeat purchase (BG/NBD) — or every purchase including the first (MBG/NBD) —
 * they drop out with probability p ~ Beta(a, b). Only under MBG/NBD can a one-time buyer be inactive.
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
