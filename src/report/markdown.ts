/** The manager report as Markdown, for chat and pull requests: the HTML report's facts, tables instead of charts. */
import { escapeMarkdownCell as c } from './escape.ts';
import { ReportInput } from './report-input.ts';
import { aucInWords, dataSentences, headline, int, metaLine, num, pct, scoreMeaning } from './wording.ts';

function table(headers: string[], rows: string[][], numeric: boolean[] = []): string {
  const head = `| ${headers.map(c).join(' | ')} |`;
  const rule = `|${headers.map((_, i) => (numeric[i] ? '---:' : '---')).join('|')}|`;
  return [head, rule, ...rows.map((r) => `| ${r.map(c).join(' | ')} |`)].join('\n');
}

export function renderMarkdownReport(raw: ReportInput): string {
  const input = ReportInput.parse(raw);
  const out: string[] = [];
  out.push(`# ${c(input.title)}`, '');
  out.push(c(metaLine(input)), '');
  for (const line of headline(input)) out.push(`> ${c(line)}`, '>');
  out.pop();
  out.push('', '## What the score means', '', scoreMeaning(input.horizonDays), '');
  out.push(table(['Tier', 'Customers', 'Share', 'Mean score'], input.tiers.map((t) => [t.tier, int(t.count), pct(t.share), num(t.meanScore, 0)]), [false, true, true, true]), '');
  out.push('## The data', '');
  out.push(c(dataSentences(input)), '');
  out.push('## How good the models are', '');
  out.push(
    table(
      ['Model', 'ROC-AUC', '95% interval', 'In words', 'PR-AUC', 'Brier', 'Lift at 10%', 'Churners in riskiest 10%'],
      input.models.map((m) => [
        m.label + (m.chosen ? ' (used)' : ''),
        num(m.rocAuc),
        m.rocAucLow === null || m.rocAucHigh === null ? '–' : `${num(m.rocAucLow)}–${num(m.rocAucHigh)}`,
        aucInWords(m.rocAuc),
        num(m.prAuc),
        m.brier === null ? '–' : num(m.brier),
        num(m.liftAt10, 2),
        pct(m.captureAt10),
      ]),
      [false, true, false, false, true, true, true, true],
    ),
    '',
  );
  out.push('## What drives churn risk', '');
  out.push(
    table(
      ['Indicator', 'Dimension', 'Higher value', 'Share of influence'],
      input.importance.slice(0, 15).map((r) => [r.description, r.dimension, r.effect >= 0 ? 'raises churn risk' : 'lowers churn risk', pct(r.share, 1)]),
      [false, false, false, true],
    ),
    '',
  );
  if (input.weights !== null) {
    const w = input.weights;
    out.push('## Hand-set weights against the data', '', `Config: ${c(w.configName)}.`, '');
    out.push(
      table(
        ['Dimension', 'Hand-set', 'Learned share', 'Data-fitted'],
        w.rows.map((r) => [r.dimension, pct(r.ahpWeight, 1), pct(r.learnedShare, 1), r.fittedWeight === null ? '–' : pct(r.fittedWeight, 1)]),
        [false, true, true, true],
      ),
      '',
      `Spearman ${w.spearman === null ? '–' : num(w.spearman, 2)}, Kendall ${w.kendall === null ? '–' : num(w.kendall, 2)}.`,
      '',
    );
    for (const x of w.disagreements) out.push(`- ${c(x)}`);
    if (w.disagreements.length > 0) out.push('');
  }
  out.push('## The riskiest customers', '');
  out.push(
    table(
      ['Customer', 'Score', 'Tier', 'Churn probability', 'Why', 'Revenue at risk'],
      input.riskiest.map((r) => [r.customerId, String(r.score), r.tier, pct(r.churnProbability), r.reasons, r.revenueAtRisk === null ? '–' : int(r.revenueAtRisk)]),
      [false, true, false, true, false, true],
    ),
    '',
  );
  if (input.priority.length > 0) {
    out.push('## Whom to save first', '', 'Ranked by revenue at risk (lifetime value × churn probability).', '');
    out.push(
      table(
        ['#', 'Customer', 'Revenue at risk', 'Lifetime value', 'Churn probability', 'Score', 'Tier', 'Why'],
        input.priority.map((r) => [String(r.rank), r.customerId, int(r.revenueAtRisk), int(r.lifetimeValue), pct(r.churnProbability), String(r.score), r.tier, r.reasons]),
        [true, false, true, true, true, true, false, false],
      ),
      '',
    );
  }
  out.push('## Data quality', '');
  out.push(
    table(
      ['Table', 'Read', 'Used', 'Set aside', 'Main reasons'],
      input.dataQuality.map((q) => [q.table, int(q.read), int(q.accepted), int(q.rejected), q.topReasons.join('; ') || '–']),
      [false, true, true, true, false],
    ),
    '',
  );
  return out.join('\n');
}
