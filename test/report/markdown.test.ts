import { describe, expect, it } from 'vitest';
import { renderMarkdownReport } from '../../src/report/markdown.ts';
import { sampleReportInput } from '../fixtures/report-input.ts';

describe('renderMarkdownReport', () => {
  it('escapes pipes inside table cells so the table keeps its columns', () => {
    const md = renderMarkdownReport(sampleReportInput());
    const row = md.split('\n').find((l) => l.includes('no login in 34 days'));
    expect(row).toBeDefined();
    expect(row).toContain('no login in 34 days \\| 3 urgent tickets');
    // 6 columns → 7 unescaped pipes.
    expect((row ?? '').replace(/\\\|/g, '').split('|').length - 1).toBe(7);
  });

  it('escapes HTML so viewers that render inline HTML show the id as text', () => {
    const md = renderMarkdownReport(sampleReportInput());
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;');
  });

  it('gives the headline numbers of the chosen model', () => {
    const md = renderMarkdownReport(sampleReportInput());
    expect(md).toContain('ROC-AUC 0.840');
    expect(md).toContain('reaches 34% of those who churn');
  });
});
