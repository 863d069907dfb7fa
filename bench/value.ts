/**
 * Benchmark: fit BG/NBD (or MBG/NBD) and Gamma-Gamma on simulated customer summaries.
 *
 *   npx tsx bench/value.ts [customers=1000000] [variant=bgnbd] [seed=1]
 *
 * Truth: the CDNOW estimates of Fader, Hardie & Lee (2005) converted to days (α = 4.414 weeks ×
 * 7) and their Gamma-Gamma estimates. T is spread evenly over 1..365 days; purchases are
 * summarised in whole days as a real transaction log would be. Prints the simulation time, then
 * each fit's wall time, iterations, likelihood evaluations, distinct histories and recovered
 * parameters. Target: both fits under 10 s for 1,000,000 customers.
 *
 * Flooring purchase times to whole days (and merging same-day purchases) is a small departure
 * from the continuous-time model, so α comes out a few percent high here; on continuous times
 * the fit recovers the truth to sampling error (test/value/bgnbd-fit.test.ts).
 */
import { fitBgNbd } from '../src/value/bgnbd-fit.ts';
import { PurchaseModelVariant, type BgNbdParams } from '../src/value/bgnbd-params.ts';
import { fitGammaGamma, type GammaGammaParams } from '../src/value/gamma-gamma.ts';
import { simulatePurchases } from '../test/support/simulate-purchases.ts';
import { simulateSpend } from '../test/support/simulate-spend.ts';

const customers = Number(process.argv[2] ?? 1_000_000);
const variant = PurchaseModelVariant.parse(process.argv[3] ?? 'bgnbd');
const seed = Number(process.argv[4] ?? 1);

const truth: BgNbdParams = { variant, unit: 'days', r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426 };
const spendTruth: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };

/** Wall seconds and CPU seconds (user + system) since a mark: the CPU figure shows the work when other processes share the cores. */
const mark = () => ({ wall: performance.now(), cpu: process.cpuUsage() });
const since = (m: ReturnType<typeof mark>): string => {
  const cpu = process.cpuUsage(m.cpu);
  return `${((performance.now() - m.wall) / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU`;
};

let t0 = performance.now();
const T = new Float64Array(customers);
for (let i = 0; i < customers; i++) T[i] = 1 + (i % 365);
const sim = simulatePurchases(truth, T, 0, seed, true);
const monetary = simulateSpend(spendTruth, sim.frequency, seed + 1);
let repeatBuyers = 0;
for (let i = 0; i < customers; i++) if (sim.frequency[i] > 0) repeatBuyers++;
console.log(`simulated ${customers} customers (${repeatBuyers} repeat buyers) in ${((performance.now() - t0) / 1000).toFixed(2)} s`);

const purchaseMark = mark();
t0 = performance.now();
const purchases = fitBgNbd(sim.frequency, sim.recency, sim.T, { variant, unit: 'days' });
const purchaseSeconds = (performance.now() - t0) / 1000;
if ('problem' in purchases) throw new Error(purchases.problem);
const f = purchases.fit;
console.log(
  `${variant}: ${since(purchaseMark)}, ${f.iterations} iterations, ${f.evaluations} evaluations, ` +
    `${f.distinctHistories} distinct histories, converged ${f.converged}`,
);
for (const k of ['r', 'alpha', 'a', 'b'] as const) console.log(`  ${k}: fitted ${f.params[k].toFixed(4)}  true ${truth[k].toFixed(4)}`);

const spendMark = mark();
t0 = performance.now();
const spend = fitGammaGamma(sim.frequency, monetary);
const spendSeconds = (performance.now() - t0) / 1000;
if ('problem' in spend) throw new Error(spend.problem);
const g = spend.fit;
console.log(`gamma-gamma: ${since(spendMark)}, ${g.iterations} iterations, ${g.evaluations} evaluations, ${g.customers} repeat buyers, converged ${g.converged}`);
for (const k of ['p', 'q', 'gamma'] as const) console.log(`  ${k}: fitted ${g.params[k].toFixed(4)}  true ${spendTruth[k].toFixed(4)}`);
console.log(`total fit wall time ${(purchaseSeconds + spendSeconds).toFixed(2)} s (target < 10 s)`);
