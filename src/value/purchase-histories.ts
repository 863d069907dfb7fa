/**
 * The (x, tₓ, T) purchase histories a BG/NBD likelihood needs, with identical histories merged
 * into one row and a count. Summaries in whole days (or sevenths of a week) repeat
 * often, so a million customers shrink to far fewer distinct rows and each likelihood
 * evaluation costs O(distinct rows) instead of O(customers).
 */
export interface PurchaseHistories {
  /** Repeat purchases. */
  x: Float64Array;
  /** Recency: time of the last purchase since the first. */
  tx: Float64Array;
  /** Time since the first purchase at the observation end. */
  T: Float64Array;
  /** How many customers have this history. */
  count: Float64Array;
  /** The distinct values of T and of tₓ, and each row's index into them: the likelihood takes
   * logs of α + T and α + tₓ once per distinct value, not once per row. */
  tValues: Float64Array;
  tIndex: Int32Array;
  txValues: Float64Array;
  txIndex: Int32Array;
  /** Total customers (Σ count). */
  customers: number;
}

/**
 * Check and merge summaries. Customers with T = NaN (no purchase yet) are left out: the model is
 * conditional on a first purchase. Returns a problem message for impossible rows instead of
 * throwing, naming the customer index.
 */
export function aggregateHistories(
  frequency: Float64Array,
  recency: Float64Array,
  T: Float64Array,
): { histories: PurchaseHistories } | { problem: string } {
  let maxX = 0;
  for (let i = 0; i < frequency.length; i++) {
    const f = frequency[i];
    const r = recency[i];
    const t = T[i];
    if (Number.isNaN(t)) continue;
    if (!(Number.isInteger(f) && f >= 0)) return { problem: `customer ${i}: frequency ${f} is not a whole number ≥ 0` };
    if (!(r >= 0 && r <= t && Number.isFinite(t))) {
      return { problem: `customer ${i}: recency ${r} is not within [0, T = ${t}]` };
    }
    if (f === 0 && r !== 0) return { problem: `customer ${i}: recency ${r} with no repeat purchases (must be 0)` };
    if (f > maxX) maxX = f;
  }
  // Number T and tₓ values first (few distinct values in day-based data), then key each customer
  // by the whole number (T#, tₓ#, x): one Map lookup with a number key per customer, much
  // cheaper than building a string key. Falls back to string keys if the product overflows.
  const tCodes = new Map<number, number>();
  const txCodes = new Map<number, number>();
  const code = (m: Map<number, number>, v: number): number => {
    let c = m.get(v);
    if (c === undefined) m.set(v, (c = m.size));
    return c;
  };
  const tCode = new Float64Array(T.length);
  const txCode = new Float64Array(T.length);
  for (let i = 0; i < T.length; i++) {
    if (Number.isNaN(T[i])) continue;
    tCode[i] = code(tCodes, T[i]);
    txCode[i] = code(txCodes, recency[i]);
  }
  const exact = tCodes.size * txCodes.size * (maxX + 1) < Number.MAX_SAFE_INTEGER;
  const index = new Map<number | string, number>();
  const rowOf: number[] = [];
  const count: number[] = [];
  let customers = 0;
  for (let i = 0; i < T.length; i++) {
    if (Number.isNaN(T[i])) continue;
    customers++;
    const key = exact ? (tCode[i] * txCodes.size + txCode[i]) * (maxX + 1) + frequency[i] : `${T[i]} ${recency[i]} ${frequency[i]}`;
    const k = index.get(key);
    if (k === undefined) {
      index.set(key, rowOf.length);
      rowOf.push(i);
      count.push(1);
    } else {
      count[k]++;
    }
  }
  const pick = (v: Float64Array): Float64Array => Float64Array.from(rowOf, (i) => v[i]);
  const t = distinctValues(pick(T));
  const r = distinctValues(pick(recency));
  return {
    histories: {
      x: pick(frequency),
      tx: pick(recency),
      T: pick(T),
      count: Float64Array.from(count),
      customers,
      tValues: t.values,
      tIndex: t.index,
      txValues: r.values,
      txIndex: r.index,
    },
  };
}

function distinctValues(v: Float64Array): { values: Float64Array; index: Int32Array } {
  const at = new Map<number, number>();
  const index = new Int32Array(v.length);
  for (let i = 0; i < v.length; i++) {
    let k = at.get(v[i]);
    if (k === undefined) {
      k = at.size;
      at.set(v[i], k);
    }
    index[i] = k;
  }
  return { values: Float64Array.from(at.keys()), index };
}
