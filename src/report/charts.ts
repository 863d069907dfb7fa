/**
 * The report's charts as Vega-Lite specifications, rendered to SVG in Node by Vega (no browser,
 * no network): the report stays one self-contained file. Vega escapes every text it draws.
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { ReportInput } from './report-input.ts';

export interface Chart {
  id: string;
  title: string;
  /** What a manager should read off the chart, one sentence. */
  caption: string;
  spec: vl.TopLevelSpec;
}

const TIER_COLOURS = { domain: ['healthy', 'watch', 'at risk'], range: ['#2e7d32', '#f9a825', '#c62828'] };
const WIDTH = 520;

export async function renderSvg(spec: vl.TopLevelSpec): Promise<string> {
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The dashed line from (0, 0) to (xMax, 1) that perfect calibration, or random choice, would follow. */
function referenceLine(xMax: number) {
  return {
    data: { values: [{ x: 0, y: 0 }, { x: xMax, y: 1 }] },
    mark: { type: 'line' as const, strokeDash: [4, 4], color: '#888' },
    encoding: { x: { field: 'x', type: 'quantitative' as const }, y: { field: 'y', type: 'quantitative' as const } },
  };
}

function calibrationChart(input: ReportInput): Chart {
  const points = input.calibration.bins.filter((b) => b.count > 0);
  return {
    id: 'calibration',
    title: 'Predicted against observed churn',
    caption:
      'Each dot is a group of customers with similar predicted risk; on the dashed line, predictions match what happened.',
    spec: {
      width: WIDTH,
      height: 300,
      title: 'Calibration: predicted vs observed churn rate',
      layer: [
        referenceLine(1),
        {
          data: { values: points },
          mark: { type: 'line', point: true, color: '#1565c0' },
          encoding: {
            x: { field: 'meanPredicted', type: 'quantitative', title: 'Predicted churn probability', axis: { format: '.0%' } },
            y: { field: 'observedRate', type: 'quantitative', title: 'Share who actually churned', axis: { format: '.0%' } },
            tooltip: [{ field: 'count', type: 'quantitative', title: 'customers' }],
          },
        },
      ],
    },
  };
}

function scoreDistributionChart(input: ReportInput): Chart {
  return {
    id: 'score-distribution',
    title: 'Health scores by tier',
    caption: 'How many customers fall at each health score, coloured by tier.',
    spec: {
      width: WIDTH,
      height: 260,
      title: 'Distribution of health scores (0 = certain to churn, 100 = certain to stay)',
      data: { values: input.scoreHistogram },
      mark: 'bar',
      encoding: {
        x: { field: 'binStart', type: 'quantitative', bin: { binned: true, step: 5 }, title: 'Health score', scale: { domain: [0, 100] } },
        x2: { datum: null },
        y: { field: 'count', type: 'quantitative', title: 'Customers', stack: 'zero' },
        color: { field: 'tier', type: 'nominal', title: 'Tier', scale: TIER_COLOURS },
      },
    },
  };
}

function liftChart(input: ReportInput): Chart {
  return {
    id: 'lift',
    title: 'Churners found by contacting the riskiest first',
    caption: 'If the team contacts the riskiest X% first, the line shows the share of all churners it reaches; the grey line is random choice.',
    spec: {
      width: WIDTH,
      height: 300,
      title: 'Cumulative share of churners reached',
      layer: [
        referenceLine(100),
        {
          data: { values: input.lift },
          mark: { type: 'line', point: true },
          encoding: {
            x: { field: 'percent', type: 'quantitative', title: 'Customers contacted, riskiest first (%)' },
            y: { field: 'capture', type: 'quantitative', title: 'Share of churners reached', axis: { format: '.0%' } },
            color: { field: 'model', type: 'nominal', title: 'Model' },
          },
        },
      ],
    },
  };
}

function importanceChart(input: ReportInput): Chart {
  const rows = input.importance.slice(0, 15).map((r) => ({
    ...r,
    effectLabel: r.effect >= 0 ? 'raises churn risk' : 'lowers churn risk',
  }));
  return {
    id: 'importance',
    title: 'What drives churn risk',
    caption: 'Bars to the right raise churn risk when the indicator is higher; bars to the left lower it.',
    spec: {
      width: WIDTH,
      height: { step: 18 },
      title: 'Top indicators of churn (signed effect)',
      data: { values: rows },
      mark: 'bar',
      encoding: {
        y: { field: 'description', type: 'nominal', sort: { field: 'share', order: 'descending' }, title: null, axis: { labelLimit: 280 } },
        x: { field: 'effect', type: 'quantitative', title: 'Effect on churn risk' },
        color: {
          field: 'effectLabel',
          type: 'nominal',
          title: 'Higher value',
          scale: { domain: ['raises churn risk', 'lowers churn risk'], range: ['#c62828', '#2e7d32'] },
        },
      },
    },
  };
}

function weightsChart(input: ReportInput): Chart | null {
  if (input.weights === null) return null;
  const values = input.weights.rows.flatMap((r) => [
    { dimension: r.dimension, source: 'Hand-set (AHP)', weight: r.ahpWeight },
    { dimension: r.dimension, source: 'Learned from data', weight: r.learnedShare },
  ]);
  return {
    id: 'weights',
    title: 'Hand-set weights against what the data says',
    caption: 'For each dimension, the weight the committee set beside the share of influence the model learned from history.',
    spec: {
      width: WIDTH,
      height: 260,
      title: 'Weight per dimension: hand-set vs learned',
      data: { values },
      mark: 'bar',
      encoding: {
        x: { field: 'dimension', type: 'nominal', title: 'Dimension', axis: { labelAngle: 0 } },
        xOffset: { field: 'source' },
        y: { field: 'weight', type: 'quantitative', title: 'Weight', axis: { format: '.0%' } },
        color: { field: 'source', type: 'nominal', title: null, scale: { range: ['#8e24aa', '#1565c0'] } },
      },
    },
  };
}

/** The charts of a report, in reading order (the weights chart only when an AHP config was compared). */
export function reportCharts(input: ReportInput): Chart[] {
  const charts = [importanceChart(input), weightsChart(input), calibrationChart(input), scoreDistributionChart(input), liftChart(input)];
  return charts.filter((c): c is Chart => c !== null);
}
