import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdownCell } from '../../src/report/escape.ts';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
  it('turns non-strings into text', () => {
    expect(escapeHtml(42)).toBe('42');
  });
});

describe('escapeMarkdownCell', () => {
  it('escapes pipes and backslashes and folds line breaks', () => {
    expect(escapeMarkdownCell('a|b\\c\r\nd')).toBe('a\\|b\\\\c d');
  });
});
