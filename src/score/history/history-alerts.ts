/**
 * The alert rules (../alerts.ts) evaluated by DuckDB over the history partitions, so a nightly job
 * never holds the history in memory: only today's alerts come back to JavaScript. `evaluateAlerts`
 * stays the rules' definition (and the library call on rows in memory); a test checks that both
 * give the same alerts on random histories.
 *
 * Per customer scored today: the previous row is the latest earlier one (tier rules); the peak is
 * the highest score within the last `withinDays` days, the latest on ties (score drop). The
 * comparisons are the same arithmetic as `isScoreDrop`: fall·100 ≥ percent·before, in doubles.
 */
import { sqlString, withDuckDb } from '../../data/duckdb-session.ts';
import { parseIsoDate } from '../../data/iso-date.ts';
import { Alert, AlertRules, type AlertRulesInput } from '../alerts.ts';
import { AsOfDate } from './history-row.ts';
import { historyDates, partitionPath } from './score-history.ts';

const DAY_MS = 86_400_000;
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
      : `(p.health_score - c.health_score > 0 AND (${drop.points === null ? 'FALSE' : `p.health_score - c.health_score >= ${drop.points}`} OR ${
          drop.percent === null ? 'FALSE' : `CAST(p.health_score - c.health_score AS DOUBLE) * 100 >= ${drop.percent} * CAST(p.health_score AS DOUBLE)`
        }))`;
  const sql = `
    WITH h AS (SELECT customer_id, as_of, health_score, tier, reasons FROM read_parquet([${files}], hive_partitioning = false)),
    c AS (SELECT * FROM h WHERE as_of = ${sqlString(asOf)}),
    earlier AS (SELECT h.* FROM h SEMI JOIN c USING (customer_id) WHERE h.as_of < ${sqlString(asOf)}),
    prev AS (SELECT * FROM earlier QUALIFY ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY as_of DESC) = 1),
    peak AS (SELECT * FROM earlier WHERE as_of >= ${sqlString(windowStart)}
             QUALIFY ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY health_score DESC, as_of DESC) = 1)
    SELECT c.customer_id, 0 AS rule_order, 'score_drop' AS rule, p.as_of AS previous_as_of, p.health_score AS previous_score,
           c.health_score AS current_score, p.tier AS previous_tier, c.tier AS current_tier, c.reasons
      FROM c JOIN peak p USING (customer_id) WHERE ${dropTest}
    UNION ALL
    SELECT c.customer_id, 1, 'tier_worsened', p.as_of, p.health_score, c.health_score, p.tier, c.tier, c.reasons
      FROM c JOIN prev p USING (customer_id) WHERE ${r.tierWorsened ? 'TRUE' : 'FALSE'} AND ${RANK.replaceAll('tier', 'c.tier')} > ${RANK.replaceAll('tier', 'p.tier')}
    UNION ALL
    SELECT c.customer_id, 2, 'entered_at_risk', p.as_of, p.health_score, c.health_score, p.tier, c.tier, c.reasons
      FROM c JOIN prev p USING (customer_id) WHERE ${r.enteredAtRisk ? 'TRUE' : 'FALSE'} AND c.tier = 'at-risk' AND p.tier <> 'at-risk'`;
  const rows = await withDuckDb(async (db) => (await db.runAndReadAll(sql)).getRowObjectsJS());
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
