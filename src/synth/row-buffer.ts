/**
 * A growable block of numeric rows, row-major in one Float64Array: rows stay numbers until the CSV text
 * is written, so the weekly loop allocates no object per row.
 */
export class RowBuffer {
  readonly width: number;
  private data: Float64Array;
  private count = 0;

  constructor(width: number, capacityRows = 32) {
    this.width = width;
    this.data = new Float64Array(width * capacityRows);
  }

  get rowCount(): number {
    return this.count;
  }

  /** Appends a row of NaN and returns the offset of its first cell. */
  append(): number {
    const offset = this.count * this.width;
    if (offset + this.width > this.data.length) {
      // Doubling keeps appends amortised O(1).
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data.fill(Number.NaN, offset, offset + this.width);
    this.count++;
    return offset;
  }

  set(offset: number, column: number, value: number): void {
    this.data[offset + column] = value;
  }

  get(offset: number, column: number): number {
    return this.data[offset + column];
  }

  /** A right-sized copy of the rows, row-major. */
  rows(): Float64Array {
    return this.data.slice(0, this.count * this.width);
  }
}
