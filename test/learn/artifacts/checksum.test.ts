import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256, sha256File } from '../../../src/learn/artifacts/checksum.ts';

// FIPS 180-2 appendix B.1 test vector: SHA-256("abc").
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('sha256', () => {
  it('matches the FIPS 180-2 test vector for "abc"', () => {
    expect(sha256('abc')).toBe(ABC);
    expect(sha256(new TextEncoder().encode('abc'))).toBe(ABC);
  });

  it('hashes a file by streaming it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hs-sha-')), 'f.txt');
    writeFileSync(path, 'abc');
    expect(await sha256File(path)).toBe(ABC);
  });
});
