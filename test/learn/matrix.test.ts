import { describe, expect, it } from 'vitest';
import { designData, fromColumns, inSharedMemory, matrix, SHARED_CELLS, sharedMatrix, takeRows } from '../../src/learn/matrix.ts';

describe('matrix', () => {
  it('checks that the data fit the shape', () => {
    expect(matrix(2, 3).data).toHaveLength(6);
    expect(() => matrix(2, 3, new Float64Array(5))).toThrow(/5 values, expected 2×3/);
  });
});

describe('designData', () => {
  it('puts large matrices in shared memory and small ones in ordinary memory, zeroed', () => {
    const small = designData(SHARED_CELLS - 1);
    const large = designData(SHARED_CELLS);
    expect(small.buffer).toBeInstanceOf(ArrayBuffer);
    expect(large.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(large.length).toBe(SHARED_CELLS);
    expect(large.every((v) => v === 0)).toBe(true);
    expect(designData(6, true).buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});

describe('sharedMatrix', () => {
  it('is a zeroed matrix in shared memory at any size', () => {
    const m = sharedMatrix(2, 3);
    expect(m).toMatchObject({ rows: 2, cols: 3 });
    expect(m.data.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(m.data)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('inSharedMemory', () => {
  it('tells arrays the pool’s threads can read in place from copies they would need', () => {
    expect(inSharedMemory(sharedMatrix(1, 2).data.subarray(1))).toBe(true);
    expect(inSharedMemory(new Int32Array(new SharedArrayBuffer(8)))).toBe(true);
    expect(inSharedMemory(new Float64Array(2))).toBe(false);
    expect(inSharedMemory(null)).toBe(true);
  });
});

describe('fromColumns and takeRows', () => {
  it('lays columns out row-major and takes rows in the order given', () => {
    const m = fromColumns([Float64Array.of(1, 2, 3), [4, 5, 6]]);
    expect(Array.from(m.data)).toEqual([1, 4, 2, 5, 3, 6]);
    expect(Array.from(takeRows(m, [2, 0]).data)).toEqual([3, 6, 1, 4]);
    expect(() => fromColumns([[1, 2], [3]])).toThrow(/column 1 has 1 rows, expected 2/);
  });
});
