/**
 * The (x, tₓ, T) histories a BG/NBD likelihood needs, identical ones merged into one row with a count: summaries in
 * whole days repeat often, so an evaluation costs O(distinct rows) instead of O(customers).
 */
export interface PurchaseHistories {
  /** Repeat purchases, recency (last purchase since the first) and time since the first purchase. */
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** How many customers have this history. */
  count: Float64Array;
  /** Distinct T and tₓ and each row's index into them: logs of α + T and α + tₓ are taken once per value. */
  tValues: Float64Array;
  tIndex: Int32Array;
  txValues: Float64Array;
  txIndex: Int32Array;
  /** Total customers (Σ count). */
  customers: number;
}

/**
 * Check and merge summaries; customers with T = NaN (no purchase yet) are left out, as the model is conditional on a
 * first purchase. An impossible row comes back as a problem naming the customer index.
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
  // Key each customer by the whole number (T#, tₓ#, x) after numbering the few distinct T and tₓ: a number key
  // is much cheaper than a string, which is the fallback when the product overflows.
  const tCode = distinctValues(T);
  const txCode = distinctValues(recency);
  const txSize = txCode.values.length;
  const exact = tCode.values.length * txSize * (maxX + 1) < Number.MAX_SAFE_INTEGER;
  const index = new Map<number | string, number>();
  const rowOf: number[] = [];
  const count: number[] = [];
  let customers = 0;
  for (let i = 0; i < T.length; i++) {
    if (Number.isNaN(T[i])) continue;
    customers++;
    const key = exact ? (tCode.index[i] * txSize + txCode.index[i]) * (maxX + 1) + frequency[i] : `${T[i]} ${recency[i]} ${frequency[i]}`;
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
    if (k === undefined) at.set(v[i], (k = at.size));
    index[i] = k;
  }
  return { values: Float64Array.from(at.keys()), index };
}
