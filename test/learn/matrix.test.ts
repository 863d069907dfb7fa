import { describe, expect, it } from 'vitest';
import { designData, inSharedMemory, matrix, SHARED_CELLS, sharedMatrix } from '../../src/learn/matrix.ts';

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
