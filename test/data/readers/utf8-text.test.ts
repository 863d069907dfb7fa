import { describe, expect, it } from 'vitest';
import { sniffNonText } from '../../../src/data/readers/utf8-text.ts';

describe('sniffNonText', () => {
  it('passes UTF-8 text, with or without BOM', () => {
    expect(sniffNonText(Buffer.from('a,b\n1,2\n'))).toBeNull();
    expect(sniffNonText(Buffer.from('\ufeffa,b\n', 'utf8'))).toBeNull();
  });

  it('recognises UTF-16 by its byte-order mark', () => {
    expect(sniffNonText(Buffer.from('\ufeffa,b', 'utf16le'))).toMatch(/UTF-16 little-endian/);
  });

  it('recognises BOM-less UTF-16 by its NUL bytes', () => {
    expect(sniffNonText(Buffer.from('a,b', 'utf16le'))).toMatch(/NUL bytes/);
  });

  it('recognises Parquet, gzip and zip containers by their magic bytes', () => {
    expect(sniffNonText(Buffer.from('PAR1xxxx'))).toMatch(/Parquet/);
    expect(sniffNonText(Uint8Array.from([0x1f, 0x8b, 8, 0]))).toMatch(/gzip/);
    expect(sniffNonText(Uint8Array.from([0x50, 0x4b, 3, 4]))).toMatch(/zip/);
  });
});
