/**
 * The alert rules of `evaluateAlerts` (their definition, tested equal on random histories) evaluated by
 * DuckDB over the history partitions, so only today's alerts come back to JavaScript. The score drop uses
 * `isScoreDrop`'s arithmetic: fall·100 ≥ percent·before, in doubles.
 */
import { spillToDisk, sqlString, withDuckDb } from '../../data/duckdb-session.ts';
import { DAY_MS } from '../../data/contract.ts';
import { parseIsoDate } from '../../data/iso-date.ts';
import { Alert, AlertRules, type AlertRulesInput } from '../alerts.ts';
import { AsOfDate } from './history-row.ts';
import { historyDates, partitionPath } from './score-history.ts';

const RANK = `CASE tier WHEN 'healthy' THEN 0 WHEN 'watch' THEN 1 ELSE 2 END`;

/** The alerts for `asOf` from the history store at `dir`, ordered by customer, then rule (as evaluateAlerts). */
export async function historyAlerts(dir: string, asOf: string, rules: AlertRulesInput = {}): Promise<Alert[]> {
  AsOfDate.parse(asOf);
  const r = AlertRules.parse(rules);
  const dates = (await historyDates(dir)).filter((d) => d <= asOf);
  if (!dates.includes(asOf)) return [];
  const files = dates.map((d) => sqlString(partitionPath(dir, d))).join(', ');
  const drop = r.scoreDrop;
  // The window's first day: as-of dates d with today − d ≤ withinDays, by calendar day.
  const windowStart = drop === null ? asOf : new Date((parseIsoDate(asOf) ?? 0) - drop.withinDays * DAY_MS).toISOString().slice(0, 10);
  const dropTest =
    drop === null
      ? 'FALSE'
      : `(p.health_score - health_score > 0 AND (${drop.points === null ? 'FALSE' : `p.health_score - health_score >= ${drop.points}`} OR ${
          drop.percent === null ? 'FALSE' : `CAST(p.health_score - health_score AS DOUBLE) * 100 >= ${drop.percent} * CAST(p.health_score AS DOUBLE)`
        }))`;
  // Aggregates rather than window functions: one hash-table entry per customer scored today
  // (arg_max keeps one row's fields), where ROW_NUMBER() sorted every earlier row.
  const sql = `
    WITH h AS (SELECT customer_id, as_of, health_score, tier, reasons FROM read_parquet([${files}], hive_partitioning = false)),
    c AS (SELECT * FROM h WHERE as_of = ${sqlString(asOf)}),
    earlier AS (SELECT h.* FROM h SEMI JOIN c USING (customer_id) WHERE h.as_of < ${sqlString(asOf)}),
    prev AS (SELECT customer_id, arg_max({'as_of': as_of, 'health_score': health_score, 'tier': tier}, as_of) AS p FROM earlier GROUP BY customer_id),
    peak AS (SELECT customer_id, arg_max({'as_of': as_of, 'health_score': health_score, 'tier': tier}, {'score': health_score, 'as_of': as_of}) AS p
             FROM earlier WHERE as_of >= ${sqlString(windowStart)} GROUP BY customer_id),
    pairs AS (
      SELECT 0 AS rule_order, c.*, k.p FROM c JOIN peak k USING (customer_id)
      UNION ALL SELECT 1, c.*, k.p FROM c JOIN prev k USING (customer_id))
    SELECT customer_id, rule_order, rule, p.as_of AS previous_as_of, p.health_score AS previous_score, health_score AS current_score,
           p.tier AS previous_tier, tier AS current_tier, reasons
    FROM (SELECT *, 'score_drop' AS rule FROM pairs WHERE rule_order = 0
          UNION ALL SELECT *, 'tier_worsened' FROM pairs WHERE rule_order = 1
          UNION ALL SELECT * REPLACE (2 AS rule_order), 'entered_at_risk' FROM pairs WHERE rule_order = 1)
    WHERE (rule = 'score_drop' AND ${dropTest})
       OR (rule = 'tier_worsened' AND ${r.tierWorsened ? 'TRUE' : 'FALSE'} AND ${RANK} > ${RANK.replaceAll('tier', 'p.tier')})
       OR (rule = 'entered_at_risk' AND ${r.enteredAtRisk ? 'TRUE' : 'FALSE'} AND tier = 'at-risk' AND p.tier <> 'at-risk')`;
  const rows = await withDuckDb(async (db) => {
    // Spill rather than grow: a year of nightly partitions of a million customers is 365M rows.
    await spillToDisk(db, '1GB');
    await db.run(`SET preserve_insertion_order = false`);
    return (await db.runAndReadAll(sql)).getRowObjectsJS();
  });
  // Sorted here, not by DuckDB: JavaScript's string order (UTF-16 units) is evaluateAlerts' order.
  rows.sort((a, b) => {
    const x = String(a.customer_id);
    const y = String(b.customer_id);
    return x < y ? -1 : x > y ? 1 : Number(a.rule_order) - Number(b.rule_order);
  });
  return rows.map((row) =>
    Alert.parse({
      customer_id: row.customer_id,
      as_of: asOf,
      rule: row.rule,
      previous_as_of: row.previous_as_of,
      previous_score: Number(row.previous_score),
      current_score: Number(row.current_score),
      previous_tier: row.previous_tier,
      current_tier: row.current_tier,
      reasons: row.reasons,
    }),
  );
}
