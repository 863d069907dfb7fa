/**
 * Escaping for the two report formats. Every data value (customer ids, feature names, reasons, file names) passes
 * through one of these before it is laid out: a customer id like `<script>` must show as text, never run.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside HTML elements and double- or single-quoted attributes. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

/**
 * Text safe inside a Markdown table cell: pipes and backslashes escaped, line breaks folded,
 * and HTML-significant characters escaped because most Markdown viewers render inline HTML.
 */
export function escapeMarkdownCell(value: unknown): string {
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c]);
}
