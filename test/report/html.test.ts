import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/report/html.ts';
import { HOSTILE_ID, sampleReportInput } from '../fixtures/report-input.ts';

describe('renderHtmlReport', () => {
  it('shows a hostile customer id as text, never as a script element', async () => {
    const html = await renderHtmlReport(sampleReportInput());
    expect(html).not.toContain(HOSTILE_ID);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
  });

  it('escapes markup inside feature descriptions', async () => {
    const html = await renderHtmlReport(sampleReportInput());
    expect(html).toContain('Tenure &lt;b&gt;days&lt;/b&gt;');
  });

  it('renders every chart as inline SVG, with no external resource', async () => {
    const html = await renderHtmlReport(sampleReportInput());
    const figures = html.match(/<figure id="chart-[a-z-]+"/g) ?? [];
    expect(figures).toHaveLength(5);
    expect((html.match(/<svg /g) ?? []).length).toBe(5);
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('leaves the weights chart out when no AHP config was compared', async () => {
    const html = await renderHtmlReport({ ...sampleReportInput(), weights: null });
    expect(html).not.toContain('chart-weights');
    expect((html.match(/<svg /g) ?? []).length).toBe(4);
  });

  it('states what a score means, with the horizon', async () => {
    const html = await renderHtmlReport(sampleReportInput());
    expect(html).toContain('A score of 80 means about a 20% chance of churning in the next 90 days');
  });

  it('rejects an input that does not match the schema', async () => {
    const bad = { ...sampleReportInput(), horizonDays: -1 };
    await expect(renderHtmlReport(bad)).rejects.toThrow();
  });
});
