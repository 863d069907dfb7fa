/** The manager report as one self-contained HTML file: inline CSS and SVG, no scripts, no network. */
import { reportCharts, renderSvg, type Chart } from './charts.ts';
import { escapeHtml as e } from './escape.ts';
import { ReportInput } from './report-input.ts';
import { aucInWords, dataSentences, headline, int, metaLine, num, pct, scoreMeaning } from './wording.ts';

const CSS = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;max-width:1040px;margin:2rem auto;padding:0 1.5rem}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #d9e2ec;padding-bottom:.3rem}
.meta{color:#52606d}.headline{background:#f0f4f8;border-left:4px solid #1565c0;padding:.8rem 1.2rem;margin:1.2rem 0}
.headline p{margin:.3rem 0}table{border-collapse:collapse;width:100%;margin:.8rem 0;font-size:14px}
th,td{border-bottom:1px solid #e4e7eb;padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f5f7fa}
td.n{text-align:right;font-variant-numeric:tabular-nums}.chosen{font-weight:600}
figure{margin:1rem 0}figcaption{color:#52606d;font-size:14px}
.tier-healthy{color:#2e7d32}.tier-watch{color:#a86b00}.tier-at-risk{color:#c62828;font-weight:600}
@media print{h2{break-after:avoid}figure,table{break-inside:avoid}}
`;

const tierClass = (tier: string): string => `tier-${tier.replace(/\s+/g, '-')}`;

function table(headers: string[], rows: string[][], numeric: boolean[] = []): string {
  const head = headers.map((h, i) => `<th${numeric[i] ? ' class="n"' : ''}>${e(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="n"' : ''}>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function modelTable(input: ReportInput): string {
  const rows = input.models.map((m) => [
    `<span class="${m.chosen ? 'chosen' : ''}">${e(m.label)}${m.chosen ? ' (used for the scores)' : ''}</span>`,
    e(num(m.rocAuc)) + (m.rocAucLow !== null && m.rocAucHigh !== null ? ` <small>(${e(num(m.rocAucLow))}–${e(num(m.rocAucHigh))})</small>` : ''),
    e(aucInWords(m.rocAuc)),
    e(num(m.prAuc)),
    e(m.brier === null ? '–' : num(m.brier)),
    e(m.ece === null ? '–' : num(m.ece)),
    e(num(m.liftAt10, 2)),
    e(pct(m.captureAt10)),
  ]);
  return table(
    ['Model', 'ROC-AUC (95% interval)', 'In words', 'PR-AUC', 'Brier', 'Calibration error', 'Lift at 10%', 'Churners in riskiest 10%'],
    rows,
    [false, true, false, true, true, true, true, true],
  );
}

function figure({ id, title, caption }: Chart, svg: string): string {
  return `<figure id="chart-${e(id)}" class="chart" role="img" aria-label="${e(title)}">${svg}<figcaption>${e(caption)}</figcaption></figure>`;
}

/** Renders the report; throws if `input` does not match the schema (a bug in the caller). */
export async function renderHtmlReport(raw: ReportInput): Promise<string> {
  const input = ReportInput.parse(raw);
  const charts = new Map<string, string>();
  for (const chart of reportCharts(input)) {
    charts.set(chart.id, figure(chart, await renderSvg(chart.spec)));
  }
  const sections: string[] = [];

  sections.push(`<h1>${e(input.title)}</h1>
<p class="meta">${e(metaLine(input))}</p>
<div class="headline">${headline(input).map((l) => `<p>${e(l)}</p>`).join('')}</div>
<h2>What the score means</h2><p>${e(scoreMeaning(input.horizonDays))}</p>
<p>Tiers: ${input.tiers.map((t) => `<span class="${tierClass(t.tier)}">${e(t.tier)}</span> ${e(int(t.count))} (${e(pct(t.share))}, mean score ${e(num(t.meanScore, 0))})`).join(' · ')}.</p>`);

  sections.push(`<h2>The data</h2>
<p>${e(dataSentences(input))}</p>`);

  sections.push(`<h2>How good the models are</h2>
<p>ROC-AUC is the chance that the model ranks a churner above a customer who stays (0.5 is guessing, 1 is perfect). Brier score and calibration error measure how close the predicted probabilities are to what happened (lower is better).</p>
${modelTable(input)}`);

  sections.push(`<h2>What drives churn risk</h2>${charts.get('importance') ?? ''}
${table(
  ['Indicator', 'Dimension', 'Higher value', 'Share of influence'],
  input.importance.slice(0, 15).map((r) => [
    e(r.description),
    e(r.dimension),
    e(r.effect >= 0 ? 'raises churn risk' : 'lowers churn risk'),
    e(pct(r.share, 1)),
  ]),
  [false, false, false, true],
)}`);

  if (input.weights !== null) {
    const w = input.weights;
    sections.push(`<h2>Hand-set weights against the data</h2>
<p>The committee's weights (${e(w.configName)}) beside the share of influence each dimension has in the learned model, and the non-negative weights that fit the history best in the same format.</p>
${charts.get('weights') ?? ''}
${table(
  ['Dimension', 'Hand-set weight', 'Learned share', 'Difference', 'Data-fitted weight'],
  w.rows.map((r) => [
    e(r.dimension),
    e(pct(r.ahpWeight, 1)),
    e(pct(r.learnedShare, 1)),
    e(`${r.learnedShare >= r.ahpWeight ? '+' : ''}${(100 * (r.learnedShare - r.ahpWeight)).toFixed(1)} points`),
    e(r.fittedWeight === null ? '–' : pct(r.fittedWeight, 1)),
  ]),
  [false, true, true, true, true],
)}
<p>Rank agreement between hand-set and learned weights: Spearman ${e(w.spearman === null ? '–' : num(w.spearman, 2))}, Kendall ${e(w.kendall === null ? '–' : num(w.kendall, 2))}.</p>
${w.disagreements.length > 0 ? `<p>Judgments the data disagrees with most:</p><ul>${w.disagreements.map((x) => `<li>${e(x)}</li>`).join('')}</ul>` : ''}`);
  }

  sections.push(`<h2>Are the probabilities right?</h2><p>Calibration method: ${e(input.calibration.method)}.</p>${charts.get('calibration') ?? ''}`);
  sections.push(`<h2>Scores today</h2>${charts.get('score-distribution') ?? ''}`);
  sections.push(`<h2>Who to contact first</h2>${charts.get('lift') ?? ''}`);

  sections.push(`<h2>The riskiest customers</h2>
${table(
  ['Customer', 'Health score', 'Tier', 'Churn probability', 'Why', 'Value', 'Revenue at risk'],
  input.riskiest.map((r) => [
    e(r.customerId),
    e(r.score),
    `<span class="${tierClass(r.tier)}">${e(r.tier)}</span>`,
    e(pct(r.churnProbability)),
    e(r.reasons),
    e(r.value === null ? '–' : int(r.value)),
    e(r.revenueAtRisk === null ? '–' : int(r.revenueAtRisk)),
  ]),
  [false, true, false, true, false, true, true],
)}`);

  if (input.priority.length > 0) {
    sections.push(`<h2>Whom to save first</h2>
<p>Customers ranked by revenue at risk: their expected lifetime value times their churn probability. A valuable customer at moderate risk can come before a small one at high risk.</p>
${table(
  ['#', 'Customer', 'Revenue at risk', 'Lifetime value', 'Churn probability', 'Health score', 'Tier', 'Stage', 'Why'],
  input.priority.map((r) => [
    e(r.rank),
    e(r.customerId),
    e(int(r.revenueAtRisk)),
    e(`${int(r.lifetimeValue)} (${r.valueMethod})`),
    e(pct(r.churnProbability)),
    e(r.score),
    `<span class="${tierClass(r.tier)}">${e(r.tier)}</span>`,
    e(r.stage),
    e(r.reasons),
  ]),
  [true, false, true, true, true, true, false, false, false],
)}`);
  }

  sections.push(`<h2>Data quality</h2><p>Every input row was either used or set aside with a reason (see the quarantine files).</p>
${table(
  ['Table', 'Rows read', 'Used', 'Set aside', 'Main reasons'],
  input.dataQuality.map((q) => [e(q.table), e(int(q.read)), e(int(q.accepted)), e(int(q.rejected)), e(q.topReasons.join('; ') || '–')]),
  [false, true, true, true, false],
)}`);

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(input.title)}</title><style>${CSS}</style></head>
<body>
${sections.join('\n')}
</body></html>
`;
}
