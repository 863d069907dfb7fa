import { describe, expect, it } from 'vitest';
import { RowBuffer } from '../../src/synth/row-buffer.ts';

describe('RowBuffer', () => {
  it('starts each row blank (NaN) and keeps rows across growth', () => {
    const b = new RowBuffer(2, 1);
    for (let i = 0; i < 5; i++) b.set(b.append(), 0, i);
    expect(b.rowCount).toBe(5);
    const rows = b.rows();
    expect(rows.length).toBe(10);
    expect([...rows].filter((_, k) => k % 2 === 0)).toEqual([0, 1, 2, 3, 4]);
    expect([...rows].filter((_, k) => k % 2 === 1).every(Number.isNaN)).toBe(true);
  });

  it('reads back what was set', () => {
    const b = new RowBuffer(3);
    const o = b.append();
    b.set(o, 2, 7.5);
    expect(b.get(o, 2)).toBe(7.5);
    expect(o).toBe(0);
  });
});
